// Properties that hold for every scenario: determinism and the invariants of a real cluster.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { scenarioArb } from './scenario-arbitrary';
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';
import type { Observation, PodLine } from '../../src/engine/observations';

function runText(text: string): readonly Observation[] {
  const r = loadScenario(text, 'generated.yaml');
  if (!r.ok) throw new Error('generated scenario invalid:\n' + r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n') + '\n' + text);
  return new Simulation(r.scenario).runToEnd();
}

const RUNS = 40;

describe('engine properties over generated scenarios', () => {
  it('is deterministic: the same scenario and seed give byte-identical output', () => {
    fc.assert(
      fc.property(scenarioArb, ({ text }) => {
        expect(JSON.stringify(runText(text))).toBe(JSON.stringify(runText(text)));
      }),
      { numRuns: 15 },
    );
  });

  it('never lists an endpoint as ready while its pod is not Ready (unless publishNotReadyAddresses)', () => {
    fc.assert(
      fc.property(scenarioArb, ({ text, publishNotReady }) => {
        const last = new Map<string, PodLine>();
        for (const o of runText(text)) {
          if (o.type === 'pod' && !('deleted' in o)) last.set(o.name, o);
          if (o.type === 'endpoints' && !publishNotReady) {
            for (const ep of o.endpoints) if (ep.ready) expect(last.get(ep.pod)?.ready, `${ep.pod} at ${o.t}`).toBe(true);
          }
          if (o.type === 'endpoints') for (const ep of o.endpoints) if (ep.terminating && !publishNotReady) expect(ep.ready).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never decreases restartCount, never waits more than 300 s to restart, never leaves a terminal phase', () => {
    fc.assert(
      fc.property(scenarioArb, ({ text }) => {
        const restarts = new Map<string, number>();
        const phase = new Map<string, string>();
        const lastExit = new Map<string, number>();
        for (const o of runText(text)) {
          if (o.type !== 'pod' || 'deleted' in o) continue;
          for (const c of o.containers) {
            const key = `${o.name}/${c.name}`;
            expect(c.restartCount).toBeGreaterThanOrEqual(restarts.get(key) ?? 0);
            restarts.set(key, c.restartCount);
            if (c.state === 'terminated') lastExit.set(key, o.t);
            if (c.state === 'running' && lastExit.has(key)) {
              // back-off never exceeds 300 s (plus the 1 s the kubelet takes to notice an exit)
              expect(o.t - lastExit.get(key)!).toBeLessThanOrEqual(301);
              lastExit.delete(key);
            }
          }
          const prev = phase.get(o.name);
          if (prev === 'Succeeded' || prev === 'Failed') expect(o.phase).toBe(prev);
          phase.set(o.name, o.phase);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('counts every request exactly once', () => {
    fc.assert(
      fc.property(scenarioArb, ({ text }) => {
        const obs = runText(text);
        const s = obs[obs.length - 1];
        expect(s.type).toBe('summary');
        if (s.type === 'summary') expect(s.requests.web.ok + s.requests.web.failed).toBe(600 * 5);
      }),
      { numRuns: 20 },
    );
  });
});
