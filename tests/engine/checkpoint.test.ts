// Checkpoints: a copy continues exactly as the original, and seeking gives the state a straight run reaches.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';
import { Timeline } from '../../src/engine/seek';

function scenario(file: string) {
  const r = loadScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error('invalid');
  return r.scenario;
}

const files = ['scenarios/crashloop-backoff.yaml', 'scenarios/readiness-recovers.yaml', 'scenarios/init-containers.yaml', 'scenarios/logs-and-top.yaml', 'scenarios/liveness-restart.yaml'];

describe('checkpoints', () => {
  for (const file of files) {
    it(`a copy taken mid-run continues byte-identically (${file})`, () => {
      const s = scenario(file);
      const straight = new Simulation(s);
      straight.runToEnd();
      const a = new Simulation(s);
      a.advanceTo(s.duration / 3);
      const b = a.clone();
      // the original and the copy go on separately and must not disturb each other
      a.run('kubectl get pods');
      a.runToEnd();
      b.runToEnd();
      const text = (sim: Simulation) => JSON.stringify(sim.observations().filter((o) => o.type !== 'command'));
      expect(text(b)).toBe(text(straight));
      expect(text(a)).toBe(text(straight));
      expect(b.run('kubectl get pods').stdout).toBe(straight.run('kubectl get pods').stdout);
    });
  }

  it('seeking backwards and forwards gives what a straight run shows at that time', () => {
    const s = scenario('scenarios/crashloop-backoff.yaml');
    const tl = new Timeline(s, [{ at: 100, run: 'kubectl delete pod crasher' }], 60);
    for (const t of [500, 37, 99, 100, 101, 300]) {
      const fresh = new Simulation(s);
      fresh.advanceTo(Math.min(t, 100));
      if (t >= 100) {
        fresh.run('kubectl delete pod crasher');
        fresh.advanceTo(t);
      }
      const sought = tl.at(t);
      expect(sought.now()).toBe(t);
      expect(sought.run('kubectl get pods').stdout).toBe(fresh.run('kubectl get pods').stdout);
      expect(JSON.stringify(sought.observations().filter((o) => o.type !== 'command'))).toBe(JSON.stringify(fresh.observations().filter((o) => o.type !== 'command')));
    }
  });
});
