import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';
import { PodVisualCache } from '../../src/render/pod-visual-cache';
import { podVisuals, visualKey, type PodVisual } from '../../src/render/pod-visual';
import { STEADY_PROBE_YAML } from './steady-probe-scenario';

const YAML = `apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: cache}
spec:
  apps:
    web-1/web: {startup: 5s}
    web-2/web: {startup: 5s}
  timeline:
  - {at: 30s, run: "sim probe web-2 readiness fail"}
---
apiVersion: v1
kind: Pod
metadata: {name: web-1, labels: {app: web}}
spec:
  containers:
  - name: web
    image: nginx
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
---
apiVersion: v1
kind: Pod
metadata: {name: web-2, labels: {app: web}}
spec:
  containers:
  - name: web
    image: nginx
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5, failureThreshold: 3}
`;

function sim(): Simulation {
  const r = loadScenario(YAML, 'cache.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return new Simulation(r.scenario);
}

const byName = (vs: PodVisual[], n: string): PodVisual => vs.find((v) => v.name === n)!;

describe('PodVisualCache', () => {
  it('gives what podVisuals gives', () => {
    const s = sim();
    const cache = new PodVisualCache();
    for (const t of [0, 3, 12, 31, 36, 41, 46, 60]) {
      s.advanceTo(t);
      const snap = s.snapshot();
      expect(cache.visuals(snap).map(visualKey)).toEqual(podVisuals(snap).map(visualKey));
    }
  });

  it('returns the same object for a pod that did not change, a new one when it did', () => {
    const s = sim();
    const cache = new PodVisualCache();
    s.advanceTo(20);
    const a = cache.visuals(s.snapshot());
    // 20 s → 21 s: no probe tick, no status write
    s.advanceTo(21);
    const b = cache.visuals(s.snapshot());
    expect(byName(b, 'web-1')).toBe(byName(a, 'web-1'));
    expect(byName(b, 'web-2')).toBe(byName(a, 'web-2'));
    // web-2's forced failures run up 1/3, 2/3 without a status write, then it turns not ready
    s.advanceTo(36);
    const c = cache.visuals(s.snapshot());
    expect(byName(c, 'web-2')).not.toBe(byName(b, 'web-2'));
    const probe = byName(c, 'web-2').containers[0].probes[0];
    expect(probe.last).toBe('Failure');
    s.advanceTo(41);
    const d = cache.visuals(s.snapshot());
    expect(byName(d, 'web-2')).not.toBe(byName(c, 'web-2'));
    expect(byName(d, 'web-2').containers[0].probes[0].run).toBe(probe.run + 1);
    s.advanceTo(46);
    const e = cache.visuals(s.snapshot());
    expect(byName(e, 'web-2').readyCount).toBe(0);
    // web-1 keeps passing: its ticks are skipped by the engine, its picture stays the same object
    expect(byName(e, 'web-1')).toBe(byName(a, 'web-1'));
  });

  it('clear() forgets: every visual is built again', () => {
    const s = sim();
    const cache = new PodVisualCache();
    s.advanceTo(20);
    const a = cache.visuals(s.snapshot());
    cache.clear();
    const b = cache.visuals(s.snapshot());
    expect(byName(b, 'web-1')).not.toBe(byName(a, 'web-1'));
    expect(visualKey(byName(b, 'web-1'))).toBe(visualKey(byName(a, 'web-1')));
  });
});

describe('PodVisualCache.diff', () => {
  const load = (file: string) => {
    const r = loadScenario(readFileSync(file, 'utf8'), file);
    if (!r.ok) throw new Error(file);
    return r.scenario;
  };

  for (const file of ['scenarios/crashloop-backoff.yaml', 'scenarios/rolling-update-held-back.yaml', 'scenarios/startup-probe.yaml', 'scenarios/sidecar-log-shipper.yaml', 'scenarios/readiness-recovers.yaml']) {
    it(`its visuals are the ones made from scratch, all through ${file}`, () => {
      const s = load(file);
      const sim = new Simulation(s);
      const cache = new PodVisualCache();
      let before: PodVisual[] = [];
      const dt = Math.min(2.9, s.duration / 60);
      for (let t = 0; t <= s.duration; t += dt) {
        sim.advanceTo(t);
        const snap = sim.snapshot();
        const d = cache.diff(snap);
        expect(d.list).toEqual(podVisuals(snap));
        // what it says changed is exactly what is not the same object as before
        const was = new Map(before.map((v) => [v.uid, v]));
        expect(d.changed.map((c) => c.visual)).toEqual(d.list.filter((v) => was.get(v.uid) !== v));
        for (const c of d.changed) expect(c.old).toBe(was.get(c.visual.uid));
        const uids = new Set(d.list.map((v) => v.uid));
        expect(d.removed.map((v) => v.uid).sort()).toEqual(before.filter((v) => !uids.has(v.uid)).map((v) => v.uid).sort());
        if (d.removed.length || d.changed.some((c) => !c.old || c.old.node !== c.visual.node)) expect(d.layoutChanged).toBe(true);
        if (!d.changed.length && !d.removed.length) expect(d.list).toBe(before);
        before = d.list;
      }
    });
  }

  it('a run of successes the engine skipped grows with time alone, and the visual with it', () => {
    // liveness fails once while the app starts, then passes: the engine skips the steady ticks
    const r = loadScenario(STEADY_PROBE_YAML, 'steady.yaml');
    if (!r.ok) throw new Error('invalid');
    const s = new Simulation(r.scenario);
    const cache = new PodVisualCache();
    const runs: number[] = [];
    for (const t of [40, 41, 52, 63]) {
      s.advanceTo(t);
      const snap = s.snapshot();
      const d = cache.diff(snap);
      expect(d.list).toEqual(podVisuals(snap));
      runs.push(d.list[0].containers[0].probes[0].run);
    }
    // between ticks the engine runs nothing: the run grows with the time alone
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBeGreaterThan(runs[1]);
    expect(runs[3]).toBeGreaterThan(runs[2]);
  });

  it('a probe tick changes the pods that ticked and nothing of the layout; a deletion changes the layout', () => {
    const s = sim();
    const cache = new PodVisualCache();
    s.advanceTo(30);
    cache.diff(s.snapshot());
    s.advanceTo(41);
    const d = cache.diff(s.snapshot());
    // web-2's forced failures tick; web-1 keeps passing and its ticks are skipped by the engine
    expect(d.changed.map((c) => c.visual.name)).toEqual(['web-2']);
    expect(d.layoutChanged).toBe(false);
    expect(d.removed).toEqual([]);
    s.run('kubectl delete pod web-1');
    s.advanceTo(80);
    const e = cache.diff(s.snapshot());
    expect(e.removed.map((v) => v.name)).toEqual(['web-1']);
    expect(e.layoutChanged).toBe(true);
    expect(e.list.map((v) => v.name)).toEqual(['web-2']);
  });
});
