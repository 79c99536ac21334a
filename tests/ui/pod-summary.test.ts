// podSummary: summarizePod worked out once per status the kubelet writes.
import { describe, it, expect } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { summarizePod } from '../../src/engine/kubectl/pod-status-column';
import { podSummary } from '../../src/ui/pod-summary';
import { scenario } from './fixtures';

describe('podSummary', () => {
  it('is what summarizePod says at every moment, through starts, readiness changes and a deletion', () => {
    const s = scenario('readiness-moves-traffic.yaml');
    const sim = new Simulation(s);
    const seen = new Set<string>();
    for (let t = 0; t <= s.duration; t += 5) {
      sim.advanceTo(t);
      // a running pod deleted: Terminating through its grace period
      if (t === 100) sim.run(`kubectl delete pod ${sim.view().pods[0].metadata.name}`);
      for (const pod of sim.snapshot().view.pods) {
        expect(podSummary(pod)).toEqual(summarizePod(pod));
        seen.add(podSummary(pod).reason);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['ContainerCreating', 'Running', 'Terminating']));
  });

  it('is worked out again only when the status is a new one or the pod is being deleted', () => {
    const sim = new Simulation(scenario('crashloop-backoff.yaml'));
    sim.advanceTo(30);
    const pod = sim.snapshot().view.pods[0];
    const a = podSummary(pod);
    expect(podSummary(pod)).toBe(a);
    // the same status object read by a deletion: Terminating, not the cached answer
    const deleting = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: 30 } };
    expect(podSummary(deleting).reason).toBe('Terminating');
    expect(podSummary(pod)).toEqual(summarizePod(pod));
  });
});
