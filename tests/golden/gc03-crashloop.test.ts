// GC-03 CrashLoopBackOff sequence over 15 minutes.
import { describe, it, expect } from 'vitest';
import { run, firstStart, events, podAt, podLines, kubectlAt } from './harness';

const FILE = 'scenarios/crashloop-backoff.yaml';

describe('GC-03 CrashLoopBackOff over 15 minutes', () => {
  const { obs } = run(FILE, 1000);
  const S = firstStart(obs, 'crasher', 'crasher');
  const starts = podLines(obs, 'crasher')
    .filter((l, i, all) => l.containers[0].state === 'running' && (i === 0 || all[i - 1].containers[0].state !== 'running'))
    .map((l) => l.t - S);

  it('restarts at once the first time, then waits 10, 20, 40, 80, 160, 300, 300 s', () => {
    const exits = starts.map((s) => s + 2);
    const gaps = starts.slice(1).map((s, i) => s - exits[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(0);
    expect(gaps[0]).toBeLessThanOrEqual(3);
    const ladder = [10, 20, 40, 80, 160, 300, 300];
    ladder.forEach((d, i) => {
      expect(gaps[i + 1]).toBeGreaterThanOrEqual(d);
      expect(gaps[i + 1]).toBeLessThanOrEqual(d + 17);
    });
  });

  it('counts restarts robustly at the checkpoints and stays Running', () => {
    for (const [t, restarts, backoff] of [
      [300, 5, '2m40s'],
      [600, 6, '5m0s'],
      [900, 7, '5m0s'],
    ] as const) {
      const l = podAt(obs, 'crasher', S + t);
      expect(l.restarts).toBe(restarts);
      expect(l.status).toBe('CrashLoopBackOff');
      expect(l.phase).toBe('Running');
      const out = kubectlAt(FILE, S + t, 'get pod crasher -o json').stdout;
      const msg = JSON.parse(out).status.containerStatuses[0].state.waiting.message as string;
      expect(msg).toMatch(new RegExp(`^back-off ${backoff} restarting failed container=crasher pod=crasher_default\\([0-9a-f-]{36}\\)$`));
    }
    expect(podLines(obs, 'crasher').filter((l) => l.t >= S).every((l) => l.phase === 'Running')).toBe(true);
  });

  it('cycles Running → Error → CrashLoopBackOff, with only Error → Running at the first crash', () => {
    const seq = podLines(obs, 'crasher').filter((l) => l.t >= S).map((l) => l.status);
    const collapsed = seq.filter((s, i) => i === 0 || seq[i - 1] !== s);
    expect(collapsed.slice(0, 6)).toEqual(['Running', 'Error', 'Running', 'Error', 'CrashLoopBackOff', 'Running']);
  });

  it('prints the table row, describe and logs as kubectl does', () => {
    expect(kubectlAt(FILE, S + 300, 'get pod crasher').stdout).toMatch(/\ncrasher\s+0\/1\s+CrashLoopBackOff\s+5 \(2m1[5-9]s ago\)\s+5m\d*s?\n$/);
    const d = kubectlAt(FILE, S + 900, 'describe pod crasher').stdout;
    expect(d).toMatch(/State:\s+Waiting\n\s+Reason:\s+CrashLoopBackOff\n\s+Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+1\n/);
    expect(d).toMatch(/Restart Count:\s+7\n/);
    expect(d).toMatch(/Warning\s+BackOff\s+.*Back-off restarting failed container crasher in pod crasher_default\(/);
    const logs = kubectlAt(FILE, S + 300, 'logs crasher');
    expect(logs.stdout).toBe('starting\ndying\n');
    expect(kubectlAt(FILE, S + 300, 'logs crasher --previous').stdout).toBe('starting\ndying\n');
    expect(events(obs, 'Started').at(-1)!.count).toBeGreaterThanOrEqual(5);
  });

  it('resets the back-off after a container ran more than 10 minutes', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: slow-crasher}
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "if [ -f /data/long ]; then rm /data/long; sleep 2; exit 1; fi; touch /data/long; sleep 2; exit 1"]
    volumeMounts: [{name: data, mountPath: /data}]
  volumes: [{name: data, emptyDir: {}}]
`;
    // instances alternate 2 s runs; a separate scenario checks the long run: use apps exit instead
    const longRun = `apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: reset}
spec:
  duration: 40m
  apps:
    r/c: {exit: {after: 660s, code: 1}}
---
apiVersion: v1
kind: Pod
metadata: {name: r}
spec:
  containers: [{name: c, image: sim/app:1}]
`;
    void yaml;
    const { obs: o } = run(longRun, 2400);
    const s0 = firstStart(o, 'r', 'c');
    const startsR = podLines(o, 'r')
      .filter((l, i, all) => l.containers[0].state === 'running' && (i === 0 || all[i - 1].containers[0].state !== 'running'))
      .map((l) => l.t - s0);
    // every instance runs 660 s > 600 s: each restart is immediate (plus the 1 s the kubelet takes to notice)
    expect(startsR.length).toBeGreaterThanOrEqual(3);
    startsR.slice(1).forEach((s, i) => expect(s - (startsR[i] + 660)).toBeLessThanOrEqual(3));
    expect(podLines(o, 'r').some((l) => l.status === 'CrashLoopBackOff')).toBe(false);
  });
});
