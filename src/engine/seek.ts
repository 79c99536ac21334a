/**
 * Jumping to any time of a run. The engine is deterministic, so the state at time t
 * is the state reached by running the scenario, and the commands typed so far at
 * their times, from 0 to t. A `Timeline` keeps checkpoints (whole-simulation copies,
 * checkpoint.ts) every `interval` seconds of virtual time, so a jump re-runs at most
 * one interval from the nearest one before t.
 */
import type { Scenario } from '../scenario/model';
import { Simulation } from './simulation';

export interface TypedCommand {
  at: number;
  run: string;
  stdin?: string;
}

export class Timeline {
  private checkpoints: Simulation[] = [];
  private readonly commands: TypedCommand[];
  /** how many of the typed commands each simulation has run */
  private applied = new WeakMap<Simulation, number>();

  constructor(
    readonly scenario: Scenario,
    commands: readonly TypedCommand[] = [],
    readonly interval = 15,
  ) {
    this.commands = [...commands].sort((a, b) => a.at - b.at);
    const first = new Simulation(scenario);
    this.applied.set(first, 0);
    this.checkpoints.push(first);
  }

  /** how far checkpoints reach */
  get coveredUntil(): number {
    return this.checkpoints[this.checkpoints.length - 1].now();
  }

  /** run `sim` forward to t, running the typed commands on the way */
  private runTo(sim: Simulation, t: number): void {
    let i = this.applied.get(sim) ?? 0;
    for (; i < this.commands.length && this.commands[i].at <= t; i++) {
      const c = this.commands[i];
      sim.advanceTo(c.at);
      sim.run(c.run, c.stdin);
    }
    this.applied.set(sim, i);
    sim.advanceTo(t);
  }

  private copy(sim: Simulation): Simulation {
    const c = sim.clone();
    this.applied.set(c, this.applied.get(sim) ?? 0);
    return c;
  }

  /** extend the checkpoints up to time t */
  extendTo(t: number): void {
    while (this.coveredUntil + this.interval <= t) {
      const next = this.copy(this.checkpoints[this.checkpoints.length - 1]);
      this.runTo(next, this.coveredUntil + this.interval);
      this.checkpoints.push(next);
    }
  }

  /** a simulation standing at time t, independent of the checkpoints */
  at(t: number): Simulation {
    this.extendTo(t);
    let base = this.checkpoints[0];
    for (const c of this.checkpoints) if (c.now() <= t) base = c;
    const sim = this.copy(base);
    this.runTo(sim, t);
    return sim;
  }
}

/** A fresh simulation brought to `t`, replaying `commands` (typed by a user) at their times. */
export function simulationAt(scenario: Scenario, commands: readonly TypedCommand[], t: number): Simulation {
  const sim = new Simulation(scenario);
  for (const c of [...commands].sort((a, b) => a.at - b.at)) {
    if (c.at > t) break;
    sim.advanceTo(c.at);
    sim.run(c.run, c.stdin);
  }
  sim.advanceTo(t);
  return sim;
}
