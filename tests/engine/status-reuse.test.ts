// A pod's status is regenerated only when something it is made from changed
// (pod-status.ts refreshPodStatus); whatever the reuse keeps must be what a fresh
// generation would write, at any time of any scenario.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';
import { refreshPodStatus } from '../../src/engine/kubelet/pod-status';

function scenario(file: string) {
  const r = loadScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error('invalid');
  return r.scenario;
}

const files = [
  'scenarios/crashloop-backoff.yaml',
  'scenarios/init-containers.yaml',
  'scenarios/sidecar-log-shipper.yaml',
  'scenarios/startup-probe.yaml',
  'scenarios/rolling-update-held-back.yaml',
  'scenarios/job-like-completes.yaml',
];

describe('pod status reuse', () => {
  for (const file of files) {
    it(`a kept status is the one a fresh generation writes (${file})`, () => {
      const s = scenario(file);
      const sim = new Simulation(s);
      let checked = 0;
      for (let t = 0; t <= s.duration; t += 7) {
        sim.advanceTo(t);
        for (const pod of sim.eng.pods.values()) {
          const kept = pod.obj.status;
          // a probe's run length may have moved (a new snapshot, the same status)
          refreshPodStatus(pod, t);
          expect(pod.obj.status).toEqual(kept);
          const now = pod.obj.status;
          refreshPodStatus(pod, t);
          expect(pod.obj.status).toBe(now);
          pod.statusFrom = undefined;
          refreshPodStatus(pod, t);
          expect(pod.obj.status).not.toBe(now);
          expect(pod.obj.status).toEqual(kept);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(5);
    });
  }

  it('a change of a container regenerates the status', () => {
    const s = scenario('scenarios/liveness-restart.yaml');
    const sim = new Simulation(s);
    sim.advanceTo(20);
    const pod = [...sim.eng.pods.values()][0];
    const before = pod.obj.status;
    expect(before.containerStatuses[0].state).toHaveProperty('running');
    pod.containers[0].actor.send({ type: 'EXIT', at: 20, exitCode: 2, reason: 'Error' });
    refreshPodStatus(pod, 20);
    expect(pod.obj.status).not.toBe(before);
    expect(pod.obj.status.containerStatuses[0].state).toMatchObject({ terminated: { exitCode: 2, reason: 'Error' } });
  });
});
