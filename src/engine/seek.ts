/**
 * Jumping to any time of a run. The engine is deterministic, so the state at time t
 * is the state reached by running the scenario, and the commands typed so far at
 * their times, from 0 to t. `Timeline` keeps checkpoints of whole simulations along
 * the way, so a jump only re-runs from the nearest one before t.
 */
import type { Scenario } from '../scenario/model';
import { Simulation } from './simulation';

export interface TypedCommand {
  at: number;
  run: string;
  stdin?: string;
}

/** A fresh simulation brought to `t`, replaying `commands` (typed by a user) at their times. */
export function simulationAt(scenario: Scenario, commands: readonly TypedCommand[], t: number): Simulation {
  const sim = new Simulation(scenario);
  const sorted = [...commands].sort((a, b) => a.at - b.at);
  for (const c of sorted) {
    if (c.at > t) break;
    sim.advanceTo(c.at);
    sim.run(c.run, c.stdin);
  }
  sim.advanceTo(t);
  return sim;
}
