import { describe, it, expect } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';
import { PodVisualCache } from '../../src/render/pod-visual-cache';
import { podVisuals, visualKey, type PodVisual } from '../../src/render/pod-visual';

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
