// GC-02 Liveness failure → kill → restart, and its variants A (SIGTERM ignored) and B (restartPolicy Never).
import { describe, it, expect } from 'vitest';
import { run, firstStart, events, podAt, podLines, kubectlAt } from './harness';

const FILE = 'scenarios/liveness-restart.yaml';

function variant(opts: { ignoreTerm?: boolean; never?: boolean }) {
  return `apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: gc02}
spec:
  duration: 3m
  apps:
    api/api:
      shutdown: ${opts.ignoreTerm ? 'ignore' : '{after: 1s, code: 143}'}
  timeline:
  - {at: 27s, run: "sim http api /healthz 500"}
---
apiVersion: v1
kind: Pod
metadata: {name: api, labels: {app: api}}
spec:
  restartPolicy: ${opts.never ? 'Never' : 'Always'}
  containers:
  - name: api
    image: sim/http-app:1
    livenessProbe:
      httpGet: {path: /healthz, port: 8080}
      initialDelaySeconds: 5
      periodSeconds: 10
      failureThreshold: 3
`;
}

describe('GC-02 liveness failure, kill and restart', () => {
  const { obs } = run(FILE, 180);
  const S = firstStart(obs, 'api', 'api');

  it('kills after three failures, in [S+45, S+55)+ε, and restarts at once', () => {
    const kill = events(obs, 'Killing')[0];
    expect(kill.message).toBe('Container api failed liveness probe, will be restarted');
    expect(kill.t - S).toBeGreaterThanOrEqual(45);
    expect(kill.t - S).toBeLessThan(55 + 2);
    const unhealthy = events(obs, 'Unhealthy');
    expect(unhealthy.map((e) => e.count)).toEqual([1, 2, 3]);
    expect(unhealthy[0].message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    const restarted = podLines(obs, 'api').find((l) => l.restarts === 1)!;
    expect(restarted.t - kill.t).toBeGreaterThanOrEqual(1);
    expect(restarted.t - kill.t).toBeLessThanOrEqual(4);
    expect(restarted.containers[0]).toMatchObject({ state: 'running', restartCount: 1, lastState: { reason: 'Error', exitCode: 143, finishedAt: kill.t + 1 } });
  });

  it('never shows CrashLoopBackOff or a BackOff event, phase stays Running', () => {
    expect(podLines(obs, 'api').some((l) => l.status === 'CrashLoopBackOff')).toBe(false);
    expect(events(obs, 'BackOff')).toHaveLength(0);
    expect(podLines(obs, 'api').filter((l) => l.t > S).every((l) => l.phase === 'Running')).toBe(true);
    expect(events(obs, 'Started').at(-1)!.count).toBe(2);
    expect(events(obs, 'Pulled').at(-1)!.message).toBe('Container image "sim/http-app:1" already present on machine');
  });

  it('kubectl shows the restart and the previous instance', () => {
    const kill = events(obs, 'Killing')[0].t;
    const pods = kubectlAt(FILE, kill + 1 + 5, 'get pod api').stdout;
    expect(pods).toMatch(/\napi\s+1\/1\s+Running\s+1 \(5s ago\)\s+/);
    const d = kubectlAt(FILE, kill + 10, 'describe pod api').stdout;
    expect(d).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+143/);
    expect(d).toMatch(/Restart Count:\s+1\n/);
    expect(kubectlAt(FILE, kill + 10, 'logs api --previous').exitCode).toBe(0);
    expect(kubectlAt(FILE, 20, 'logs api --previous').stderr).toBe('Error from server (BadRequest): previous terminated container "api" in pod "api" not found\n');
  });

  it('variant A: an app that ignores SIGTERM is SIGKILLed after the 30 s grace period (137)', () => {
    const { obs: a } = run(variant({ ignoreTerm: true }), 180);
    const kill = events(a, 'Killing')[0].t;
    const restarted = podLines(a, 'api').find((l) => l.restarts === 1)!;
    expect(restarted.t - kill).toBeGreaterThanOrEqual(30);
    expect(restarted.t - kill).toBeLessThanOrEqual(33);
    expect(restarted.containers[0].lastState).toMatchObject({ reason: 'Error', exitCode: 137 });
  });

  it('variant B: restartPolicy Never ends Failed / Error with no restart', () => {
    const { obs: b } = run(variant({ never: true }), 180);
    expect(events(b, 'Killing')[0].message).toBe('Container api failed liveness probe');
    const end = podAt(b, 'api', 180);
    expect(end).toMatchObject({ phase: 'Failed', status: 'Error', restarts: 0, ready: false });
    expect(end.containers[0]).toMatchObject({ state: 'terminated', exitCode: 143, reason: 'Error' });
  });
});
