import { describe, it, expect } from 'vitest';
import type { KubectlCommand } from '../../src/scenario/commands/command-ast';
import type { ClusterView } from '../../src/engine/model/objects';
import { runKubectlRead } from '../../src/engine/kubectl/run-kubectl-read';
import { makeNode, makePod, makeView, podMetrics } from './fixtures';

type Top = Extract<KubectlCommand, { verb: 'top' }>;

function top(view: ClusterView, o: Partial<Top>) {
  const cmd: Top = { kind: 'kubectl', verb: 'top', resource: 'pod', names: [], containers: false, allNamespaces: false, sum: false, noHeaders: false, ...o };
  return runKubectlRead(cmd, view)!;
}

const MI = 1024 * 1024;
const text = (...lines: string[]) => lines.map((l) => l + '\n').join('');

const duo = makePod({ name: 'duo', containers: [{ name: 'web' }, { name: 'log-agent' }] });
const duoMetrics = podMetrics('duo', [
  ['web', 2.2, 4 * MI + 10],
  ['log-agent', 0.5, MI + 100],
]);

describe('kubectl top pod', () => {
  it('prints CPU in millicores rounded up and memory in whole Mi rounded down (GC-11)', () => {
    expect(top(makeView({ now: 200, pods: [duo], podMetrics: [duoMetrics] }), { names: ['duo'] })).toEqual({
      stdout: text('NAME   CPU(cores)   MEMORY(bytes)   ', 'duo    3m           5Mi             '),
      stderr: '',
      exitCode: 0,
    });
  });

  it('--containers prints one row per container, sorted by name', () => {
    expect(top(makeView({ now: 200, pods: [duo], podMetrics: [duoMetrics] }), { containers: true }).stdout).toBe(
      text('POD   NAME        CPU(cores)   MEMORY(bytes)   ', 'duo   log-agent   1m           1Mi             ', 'duo   web         3m           4Mi             '),
    );
  });

  it('--sort-by, --sum, -A and --no-headers', () => {
    const a = makePod({ name: 'a', containers: [{ name: 'c' }] });
    const b = makePod({ name: 'b', containers: [{ name: 'c' }] });
    const sys = makePod({ name: 'coredns', namespace: 'kube-system', containers: [{ name: 'c' }] });
    const view = makeView({
      now: 200,
      pods: [a, b, sys],
      podMetrics: [podMetrics('a', [['c', 5, 100 * MI]]), podMetrics('b', [['c', 50, 10 * MI]]), { ...podMetrics('coredns', [['c', 3, 20 * MI]]), namespace: 'kube-system' }],
    });
    expect(top(view, { sortBy: 'cpu' }).stdout).toBe(text('NAME   CPU(cores)   MEMORY(bytes)   ', 'b      50m          10Mi            ', 'a      5m           100Mi           '));
    expect(top(view, { sortBy: 'memory', noHeaders: true }).stdout).toBe(text('a     5m    100Mi   ', 'b     50m   10Mi    '));
    expect(top(view, { sum: true }).stdout).toBe(
      text('NAME   CPU(cores)   MEMORY(bytes)   ', 'a      5m           100Mi           ', 'b      50m          10Mi            ', '       ________     ________        ', '       55m          110Mi           '),
    );
    expect(top(view, { allNamespaces: true }).stdout).toBe(
      text(
        'NAMESPACE     NAME      CPU(cores)   MEMORY(bytes)   ',
        'default       a         5m           100Mi           ',
        'default       b         50m          10Mi            ',
        'kube-system   coredns   3m           20Mi            ',
      ),
    );
  });

  it('without metrics-server: Metrics API not available', () => {
    expect(top(makeView({ metricsAvailable: false, pods: [duo] }), {})).toEqual({ stdout: '', stderr: 'error: Metrics API not available\n', exitCode: 1 });
    expect(top(makeView({ metricsAvailable: false }), { resource: 'node' }).stderr).toBe('error: Metrics API not available\n');
  });

  it('pods younger than 2 minutes: metrics not available yet', () => {
    const view = makeView({ now: 14, pods: [duo] });
    expect(top(view, {})).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', exitCode: 1 });
    expect(top(view, { names: ['duo'] })).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', exitCode: 1 });
  });

  it('an older pod without metrics: its age as Go prints durations', () => {
    const view = makeView({ now: 151.4, pods: [duo] });
    expect(top(view, {})).toEqual({ stdout: '', stderr: 'error: Metrics not available for pod default/duo, age: 2m31.4s\n', exitCode: 1 });
    expect(top(makeView({ now: 192.5, pods: [duo] }), { names: ['duo'] }).stderr).toBe('error: Metrics not available for pod default/duo, age: 3m12.5s\n');
  });

  it('a pod that does not exist, and a namespace without pods', () => {
    expect(top(makeView({ now: 300 }), { names: ['web'] })).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "web" not found\n', exitCode: 1 });
    expect(top(makeView({ now: 300 }), {})).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('lists only the pods that have metrics', () => {
    const young = makePod({ name: 'young', created: 290, containers: [{ name: 'c' }] });
    expect(top(makeView({ now: 300, pods: [duo, young], podMetrics: [duoMetrics] }), {}).stdout).toBe(text('NAME   CPU(cores)   MEMORY(bytes)   ', 'duo    3m           5Mi             '));
  });
});

describe('kubectl top node', () => {
  it('prints usage and percent of allocatable, truncated; <unknown> for a node without metrics', () => {
    const view = makeView({
      nodes: [makeNode('node-1'), makeNode('node-2')],
      nodeMetrics: [{ name: 'node-1', cpuMilli: 250.2, memoryBytes: 1.5 * 1024 ** 3 }],
    });
    expect(top(view, { resource: 'node' })).toEqual({
      stdout: text(
        'NAME     CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   ',
        'node-1   251m         6%          1536Mi          18%         ',
        'node-2   <unknown>    <unknown>   <unknown>       <unknown>   ',
      ),
      stderr: '',
      exitCode: 0,
    });
  });

  it('no node metrics at all, and a named node without metrics', () => {
    expect(top(makeView({}), { resource: 'node' })).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', exitCode: 1 });
    expect(top(makeView({}), { resource: 'node', names: ['node-1'] }).stderr).toBe('Error from server (NotFound): nodemetrics.metrics.k8s.io "node-1" not found\n');
    expect(top(makeView({}), { resource: 'node', names: ['node-9'] }).stderr).toBe('Error from server (NotFound): nodes "node-9" not found\n');
  });
});
