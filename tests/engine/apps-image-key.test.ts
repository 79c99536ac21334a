import { describe, it, expect } from 'vitest';
import { appForContainer } from '../../src/engine/apps/app-for-container';
import { loadScenario } from '../../src/scenario/load-scenario';
import type { AppSpec } from '../../src/scenario/model';
import { Simulation } from '../../src/engine/simulation';

/** the apps entries of a scenario, as the loader reads them */
function apps(entries: string, manifests: string): AppSpec[] {
  const r = loadScenario(`apiVersion: podsim/v1alpha1\nkind: Scenario\nmetadata: {name: k}\nspec:\n  apps:\n${entries}\n---\n${manifests}`, 'k.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.scenario.apps;
}

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: web, image: "sim/slow:1"}
  - {name: cache, image: redis}
`;

describe('appForContainer', () => {
  it('finds an entry keyed by the image, with or without its tag', () => {
    const a = apps('    sim/slow: {startup: 60s}', POD);
    expect(appForContainer(a, { pod: 'web' }, { name: 'web', image: 'sim/slow:1' })?.startup).toBe(60);
    const b = apps('    "sim/slow:1": {startup: 30s}', POD);
    expect(appForContainer(b, { pod: 'web' }, { name: 'web', image: 'sim/slow:1' })?.startup).toBe(30);
    // another container of the pod, another image: not this entry
    expect(appForContainer(a, { pod: 'web' }, { name: 'cache', image: 'redis' })).toBeUndefined();
  });

  it('follows the image the container has: another tag of another repository does not match', () => {
    const a = apps('    "sim/slow:1": {startup: 30s}', POD);
    expect(appForContainer(a, { pod: 'web' }, { name: 'web', image: 'sim/slow:2' })).toBeUndefined();
    expect(appForContainer(a, { pod: 'web' }, { name: 'web', image: 'sim/slower:1' })).toBeUndefined();
  });

  it('prefers the exact image to the repository, and a workload key to both', () => {
    const a = apps(['    sim/slow: {startup: 10s}', '    "sim/slow:1": {startup: 20s}', '    web/web: {startup: 40s}'].join('\n'), POD);
    expect(appForContainer(a, { pod: 'web' }, { name: 'web', image: 'sim/slow:1' })?.startup).toBe(40);
    expect(appForContainer(a, { pod: 'other' }, { name: 'web', image: 'sim/slow:1' })?.startup).toBe(20);
    expect(appForContainer(a, { pod: 'other' }, { name: 'web', image: 'sim/slow:7' })?.startup).toBe(10);
  });

  it('keeps the workload order: pod, then ReplicaSet, then Deployment', () => {
    const dep = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 1
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - {name: api, image: "sim/api:1"}
`;
    const a = apps(['    api/api: {startup: 5s}', '    sim/api: {startup: 50s}'].join('\n'), dep);
    expect(appForContainer(a, { pod: 'api-7d9f-x', replicaSet: 'api-7d9f', deployment: 'api' }, { name: 'api', image: 'sim/api:1' })?.startup).toBe(5);
  });
});

describe('an apps entry keyed by image, end to end', () => {
  const scenario = (key: string | null) => `apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: image-key}
spec:
  duration: 2m
${key ? `  apps:\n    ${key}: {startup: 60s}\n` : ''}---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: web
    image: "sim/slow:1"
    ports: [{containerPort: 8080}]
    readinessProbe: {httpGet: {path: /, port: 8080}, periodSeconds: 5}
`;
  /** when the pod's line first says ready */
  function readyAt(key: string | null): number | undefined {
    const r = loadScenario(scenario(key), 'image-key.yaml');
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const sim = new Simulation(r.scenario);
    sim.advanceTo(120);
    return sim.observations().find((o) => o.type === 'pod' && 'ready' in o && o.ready)?.t;
  }

  it('delays readiness by its startup, like the workload key does', () => {
    const byImage = readyAt('sim/slow');
    const byWorkload = readyAt('web/web');
    // the app refuses connections for 60 s after the start, so the first passing probe is after that
    expect(byImage).toBeGreaterThan(60);
    expect(byImage).toBe(byWorkload);
    // without the entry: ready within the first probes
    expect(readyAt(null)).toBeLessThan(15);
  });
});
