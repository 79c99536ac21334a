// GC-01 Readiness failure and recovery (golden-cases.md): /ready answers 503 for [S+30, S+60).
import { describe, it, expect } from 'vitest';
import { run, firstStart, firstTime, events, podAt, kubectlAt } from './harness';

const FILE = 'scenarios/readiness-recovers.yaml';

describe('GC-01 readiness failure and recovery', () => {
  const { obs } = run(FILE, 120);
  const S = firstStart(obs, 'web', 'web');

  it('is Ready within one period of starting', () => {
    const ready = firstTime(obs, 'web', (l) => l.ready);
    expect(ready - S).toBeGreaterThanOrEqual(0);
    expect(ready - S).toBeLessThanOrEqual(5 + 2);
  });

  it('turns NotReady in [S+40, S+45)+ε and Ready again in [S+60, S+65)+ε, without restarts', () => {
    const notReady = firstTime(obs, 'web', (l) => !l.ready, S + 1);
    const back = firstTime(obs, 'web', (l) => l.ready, notReady);
    expect(notReady - S).toBeGreaterThanOrEqual(40);
    expect(notReady - S).toBeLessThan(45 + 2);
    expect(back - S).toBeGreaterThanOrEqual(60);
    expect(back - S).toBeLessThan(65 + 2);
    expect(back - notReady).toBeGreaterThanOrEqual(15);
    expect(back - notReady).toBeLessThanOrEqual(25);
    const during = podAt(obs, 'web', S + 41);
    expect(during.status).toBe('Running');
    expect(during.restarts).toBe(0);
    expect(during.conditions).toEqual({ PodScheduled: true, Initialized: true, ContainersReady: false, Ready: false });
    expect(events(obs, 'Killing')).toHaveLength(0);
    expect(events(obs, 'BackOff')).toHaveLength(0);
  });

  it('keeps the endpoint listed but not ready while the pod is not Ready', () => {
    const notReady = firstTime(obs, 'web', (l) => !l.ready, S + 1);
    const ep = obs.filter((o) => o.type === 'endpoints' && o.t === notReady);
    expect(ep).toEqual([{ t: notReady, type: 'endpoints', service: 'web', endpoints: [{ pod: 'web', ready: false, serving: false, terminating: false }] }]);
  });

  it('records 7 Unhealthy events (6–8) with the kubelet message', () => {
    const un = events(obs, 'Unhealthy');
    expect(un.length).toBeGreaterThanOrEqual(6);
    expect(un.length).toBeLessThanOrEqual(8);
    expect(un[0].message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 503');
    expect(un[un.length - 1].count).toBe(un.length);
    expect(un[0].container).toBe('web');
  });

  it('fails requests only while nothing is ready', () => {
    const summary = obs[obs.length - 1];
    expect(summary.type).toBe('summary');
    if (summary.type !== 'summary') return;
    // 2 rps for 120 s; ~20 s without a ready endpoint (+ the first seconds before Ready)
    expect(summary.requests.web.ok + summary.requests.web.failed).toBe(240);
    expect(summary.requests.web.failed).toBeGreaterThanOrEqual(30);
    expect(summary.requests.web.failed).toBeLessThanOrEqual(60);
  });

  it('prints what kubectl prints before, during and after', () => {
    expect(kubectlAt(FILE, S + 41, 'get pod web').stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+0\/1\s+Running\s+0\s+\S+\n$/);
    expect(kubectlAt(FILE, S + 61, 'get pod web').stdout).toMatch(/\nweb\s+1\/1\s+Running\s+0\s+/);
    const ep = kubectlAt(FILE, S + 41, 'get endpoints web');
    expect(ep.stderr).toContain('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
    expect(ep.stdout).toMatch(/^NAME\s+ENDPOINTS\s+AGE\nweb\s+\S+\n$/); // ENDPOINTS blank
    expect(kubectlAt(FILE, S + 61, 'get endpoints web').stdout).toMatch(/\nweb\s+10\.244\.\d+\.\d+:8080\s+/);
    expect(kubectlAt(FILE, S + 41, 'get endpointslices').stdout).toMatch(/\nweb-\w{5}\s+IPv4\s+8080\s+10\.244\.\d+\.\d+\s+/);
    const d = kubectlAt(FILE, S + 56, 'describe pod web').stdout;
    expect(d).toMatch(/Warning\s+Unhealthy\s+\S+ \(x\d over \d+s\)\s+kubelet\s+Readiness probe failed: HTTP probe failed with statuscode: 503/);
    expect(d).toContain('Readiness:      http-get http://:8080/ready delay=0s timeout=1s period=5s #success=1 #failure=3');
  });
});
