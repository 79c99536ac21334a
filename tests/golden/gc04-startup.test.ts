// GC-04 Startup probe protects a slow starter, and its budget.
import { describe, it, expect } from 'vitest';
import { run, firstStart, events, firstTime, podLines } from './harness';

describe('GC-04 startup probe', () => {
  const { obs } = run('scenarios/startup-probe.yaml', 180);
  const S = firstStart(obs, 'legacy', 'legacy');

  it('fails 5–6 times, then started and Ready in [S+60, S+71]', () => {
    const un = events(obs, 'Unhealthy');
    expect(un.length).toBeGreaterThanOrEqual(5);
    expect(un.length).toBeLessThanOrEqual(6);
    expect(un.every((e) => e.message.startsWith('Startup probe failed: Get "http://'))).toBe(true);
    expect(un[0].message).toMatch(/^Startup probe failed: Get "http:\/\/10\.244\.\d+\.\d+:8080\/healthz": dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused$/);
    const started = firstTime(obs, 'legacy', (l) => l.containers[0].started);
    const ready = firstTime(obs, 'legacy', (l) => l.ready);
    expect(started - S).toBeGreaterThanOrEqual(60);
    expect(started - S).toBeLessThan(70);
    expect(ready - S).toBeGreaterThanOrEqual(60);
    expect(ready - S).toBeLessThanOrEqual(71);
    expect(podLines(obs, 'legacy').every((l) => l.restarts === 0)).toBe(true);
    expect(events(obs, 'Killing')).toHaveLength(0);
  });

  it('kills the container when the budget (30 × 10 s) runs out', () => {
    const yaml = `apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: budget}
spec:
  duration: 6m
  apps:
    legacy/legacy: {startup: 1h, shutdown: {after: 1s, code: 143}}
---
apiVersion: v1
kind: Pod
metadata: {name: legacy}
spec:
  containers:
  - name: legacy
    image: sim/slow-app:1
    startupProbe:
      httpGet: {path: /healthz, port: 8080}
      periodSeconds: 10
      failureThreshold: 30
    livenessProbe:
      httpGet: {path: /healthz, port: 8080}
`;
    const { obs: o } = run(yaml, 360);
    const s0 = firstStart(o, 'legacy', 'legacy');
    const kill = events(o, 'Killing')[0];
    expect(kill.message).toBe('Container legacy failed startup probe, will be restarted');
    expect(kill.t - s0).toBeGreaterThanOrEqual(290);
    expect(kill.t - s0).toBeLessThan(300 + 2);
    expect(events(o, 'Unhealthy').filter((e) => e.t <= kill.t).at(-1)!.count).toBe(30);
    // first restart: immediate
    const restarted = podLines(o, 'legacy').find((l) => l.restarts === 1)!;
    expect(restarted.t - kill.t).toBeLessThanOrEqual(4);
  });
});
