// hostPath volumes are per node: two pods on the same node see the same directory, and it outlives them.
import { describe, it, expect } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';

const yaml = (name: string, script: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "${script}"]
    volumeMounts: [{name: host, mountPath: /host}]
  volumes: [{name: host, hostPath: {path: /var/lib/shared, type: DirectoryOrCreate}}]
`;

describe('hostPath', () => {
  it('is one directory per node, shared by its pods and kept after a pod is gone', () => {
    const text = [yaml('writer', 'echo hello > /host/greeting; sleep 3600'), yaml('reader', 'sleep 3600')].join('---\n');
    const r = loadScenario(text, 'hostpath.yaml');
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const sim = new Simulation(r.scenario);
    sim.advanceTo(10);
    expect(sim.run('kubectl exec reader -- cat /host/greeting').stdout).toBe('hello\n');
    sim.run('kubectl delete pod writer --grace-period=0 --force');
    sim.advanceTo(20);
    expect(sim.run('kubectl exec reader -- cat /host/greeting').stdout).toBe('hello\n');
    // a checkpoint copy keeps node and pod pointing at one directory
    const copy = sim.clone();
    copy.run('kubectl exec reader -- sh -c "echo bye > /host/greeting"');
    expect(copy.run('kubectl exec reader -- cat /host/greeting').stdout).toBe('bye\n');
    expect(sim.run('kubectl exec reader -- cat /host/greeting').stdout).toBe('hello\n');
  });
});
