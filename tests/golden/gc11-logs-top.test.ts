// GC-11 logs defaulting and kubectl top with metrics-server.
import { describe, it, expect } from 'vitest';
import { run, firstStart, kubectlAt } from './harness';

const FILE = 'scenarios/logs-and-top.yaml';

describe('GC-11 kubectl logs and top', () => {
  const { obs } = run(FILE, 180);
  const S = firstStart(obs, 'duo', 'web');

  it('defaults logs to the first container and says so', () => {
    const r = kubectlAt(FILE, 60, 'logs duo');
    expect(r.stderr).toBe('Defaulted container "web" out of: web, log-agent\n');
    expect(r.stdout.split('\n')[0]).toContain('GET / HTTP/1.1');
    const both = kubectlAt(FILE, 60, 'logs duo --all-containers --prefix').stdout;
    expect(both).toMatch(/^\[pod\/duo\/web\] /m);
    expect(kubectlAt(FILE, 60, 'logs duo -c nope').stderr).toBe('error: container nope is not valid for pod duo\n');
  });

  it('says metrics are not available yet before the first usable scrape, then prints them', () => {
    expect(kubectlAt(FILE, S + 5, 'top pod duo').stderr).toBe('error: metrics not available yet\n');
    let first = -1;
    for (let t = S; t <= S + 60; t++) {
      if (kubectlAt(FILE, t, 'top pod duo').exitCode === 0) {
        first = t - S;
        break;
      }
    }
    expect(first).toBeGreaterThanOrEqual(10);
    expect(first).toBeLessThanOrEqual(45);
    expect(kubectlAt(FILE, 90, 'top pod duo').stdout).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*\nduo\s+3m\s+22Mi\s*\n$/);
    const c = kubectlAt(FILE, 90, 'top pod duo --containers').stdout;
    expect(c).toMatch(/^POD\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
    expect(c).toMatch(/\nduo\s+web\s+3m\s+21Mi/);
    expect(c).toMatch(/\nduo\s+log-agent\s+/);
    expect(kubectlAt(FILE, 90, 'top node').stdout).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s*\nnode-1\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/);
  });

  it('errors like a cluster without metrics-server when it is turned off', () => {
    const yaml = `apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: nometrics}
spec:
  metricsServer: false
---
apiVersion: v1
kind: Pod
metadata: {name: duo}
spec:
  containers: [{name: web, image: nginx:1.27}]
`;
    expect(kubectlAt(yaml, 90, 'top pod').stderr).toBe('error: Metrics API not available\n');
    expect(kubectlAt(yaml, 90, 'top node').stderr).toBe('error: Metrics API not available\n');
  });
});
