/**
 * needsProcessRuntime is sound: a scenario it says does not need the shell runtime and the
 * native programs runs from start to end, with the learner's usual commands, without
 * touching them (process-runtime.ts is replaced here by one that throws). And it says yes
 * where a scenario does run scripts, exec probes or programs.
 */
import { describe, it, expect, vi } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, scenario } from '../ui/fixtures';
import { Simulation } from '../../src/engine/simulation';
import { commandNeedsProcessRuntime, needsProcessRuntime } from '../../src/engine/kubelet/needs-process-runtime';

vi.mock('../../src/engine/kubelet/process-runtime', () => {
  const absent = (name: string) => () => {
    throw new Error(`process runtime used: ${name}`);
  };
  return Object.fromEntries(['startShell', 'resumeShell', 'signalShell', 'makeShellHost', 'makeProgramHost', 'startShipper', 'resumeShipper'].map((n) => [n, absent(n)]));
});

const FILES = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

describe('needsProcessRuntime', () => {
  it('says yes for the bundled scenarios that run scripts, exec probes or programs, and no for the default one', () => {
    const needs = FILES.filter((f) => needsProcessRuntime(scenario(f)));
    expect(needs).toEqual(expect.arrayContaining(['readiness-exec-file.yaml', 'sidecar-log-shipping.yaml', 'ambassador-haproxy.yaml']));
    expect(needs).not.toContain('readiness-moves-traffic.yaml');
    expect(needs.length).toBeLessThan(FILES.length);
  });

  it('is right to say no: those scenarios run to the end, with the console\'s toggles, never reaching the runtime', () => {
    const free = FILES.filter((f) => !needsProcessRuntime(scenario(f)));
    expect(free.length).toBeGreaterThan(3);
    for (const f of free) {
      const s = scenario(f);
      const sim = new Simulation(s);
      sim.advanceTo(Math.min(s.duration, 30));
      const pod = sim.view().pods[0]?.metadata.name;
      if (pod) {
        for (const cmd of [`sim probe ${pod} readiness fail`, `sim crash ${pod}`, `kubectl get pods`, `kubectl describe pod ${pod}`, `kubectl logs ${pod}`, `kubectl delete pod ${pod}`]) {
          expect(commandNeedsProcessRuntime(cmd), cmd).toBe(false);
          sim.run(cmd);
        }
      }
      expect(() => sim.runToEnd(), f).not.toThrow();
      sim.snapshot();
    }
  });

  it('a scenario that does need it reaches it (the mock is in force)', () => {
    const s = scenario('readiness-exec-file.yaml');
    expect(() => new Simulation(s).runToEnd()).toThrow(/process runtime used/);
  });

  it('counts commands that run code in a container or make containers', () => {
    for (const c of ['kubectl exec web -- rm /tmp/healthy', 'kubectl apply -f -', 'kubectl set image deployment/web web=busybox', 'kubectl run tmp --image=busybox -- sleep 5', 'kubectl create deployment x --image=busybox'])
      expect(commandNeedsProcessRuntime(c), c).toBe(true);
    for (const c of ['kubectl get pods', 'kubectl logs web -c shipper --previous', 'kubectl scale deployment web --replicas=5', 'kubectl top pods', 'sim probe web readiness fail', 'kubectl rollout status deployment/web'])
      expect(commandNeedsProcessRuntime(c), c).toBe(false);
  });
});
