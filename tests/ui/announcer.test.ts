import { describe, it, expect } from 'vitest';
import { Announcer } from '../../src/ui/announcer';
import { Simulation } from '../../src/engine/simulation';
import { scenario } from './fixtures';
import { loadScenario } from '../../src/scenario/load-scenario';
// @ts-expect-error the bench scenario generator is plain JavaScript
import { benchScenario } from '../../bench/make-scenario.mjs';

function benchScenarioOf(replicas: number) {
  const r = loadScenario(benchScenario({ replicas, nodes: 2, duration: '1h', faults: true }), 'bench.yaml');
  if (!r.ok) throw new Error('invalid');
  return r.scenario;
}

describe('Announcer', () => {
  it('says which pod failed readiness and left its Service, then came back', () => {
    const sim = new Simulation(scenario('readiness-moves-traffic.yaml'));
    const a = new Announcer();
    sim.advanceTo(20);
    a.prime(sim.snapshot());
    const from = sim.observations().length;
    sim.advanceTo(45);
    const said = a.describe(sim.observations().slice(from), sim.snapshot());
    expect(said).toContain('pod web-2: readiness failed 3/3, not ready 0/1, removed from Service web');
    const from2 = sim.observations().length;
    sim.advanceTo(80);
    expect(a.describe(sim.observations().slice(from2), sim.snapshot())).toContain('pod web-2: ready 1/1, back in Service web');
  });

  it('says when a Service has no ready endpoint left, and when a pod restarts', () => {
    const sim = new Simulation(scenario('liveness-hung-app.yaml'));
    const a = new Announcer();
    sim.advanceTo(30);
    a.prime(sim.snapshot());
    const from = sim.observations().length;
    sim.advanceTo(75);
    const said = a.describe(sim.observations().slice(from), sim.snapshot()).join('. ');
    expect(said).toContain('Service shop: no ready endpoints, requests fail');
    expect(said).toMatch(/pod shop: .*restarted \(1 restart, last exit Error 143\)/);
  });
});

describe('Announcer with many pods in one batch', () => {
  it('says for each pod what changed, reading the snapshot by name', () => {
    // 30 pods whose readiness is forced to fail at 10m and back to auto at 12m (bench scenario)
    const sim = new Simulation(benchScenarioOf(30));
    const a = new Announcer();
    sim.advanceTo(590);
    a.prime(sim.snapshot());
    const from = sim.observations().length;
    sim.advanceTo(640);
    const said = a.describe(sim.observations().slice(from), sim.snapshot());
    const pods = sim.snapshot().view.pods.map((p) => p.metadata.name);
    expect(pods).toHaveLength(30);
    for (const pod of pods) expect(said.find((s) => s.startsWith(`pod ${pod}:`))).toMatch(/readiness failed 3\/3, not ready 0\/1/);
    const from2 = sim.observations().length;
    sim.advanceTo(760);
    const back = a.describe(sim.observations().slice(from2), sim.snapshot());
    for (const pod of pods) expect(back.find((s) => s.startsWith(`pod ${pod}:`))).toMatch(/ready 1\/1/);
  });
});
