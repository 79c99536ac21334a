import { describe, it, expect } from 'vitest';
import type { KubectlCommand } from '../../src/scenario/commands/command-ast';
import { runKubectlRead } from '../../src/engine/kubectl/run-kubectl-read';
import { rolloutStatus } from '../../src/engine/kubectl/rollout-status';
import { toApiObject } from '../../src/engine/kubectl/api-object';
import { makeDeployment, makeEndpoints, makeEvent, makeNode, makeView } from './fixtures';

describe('runKubectlRead', () => {
  it('leaves the verbs that change the cluster to the engine', () => {
    const view = makeView({});
    const writes: KubectlCommand[] = [
      { kind: 'kubectl', verb: 'exec', pod: 'web', argv: ['touch', '/tmp/x'], stdin: false, tty: false },
      { kind: 'kubectl', verb: 'delete', resource: 'pods', names: ['web'], force: false, wait: true },
      { kind: 'kubectl', verb: 'scale', resource: 'deployments', name: 'web', replicas: 3 },
      { kind: 'kubectl', verb: 'apply', file: '-' },
      { kind: 'kubectl', verb: 'set-image', deployment: 'web', images: { web: 'nginx:1.28' } },
    ];
    for (const cmd of writes) expect(runKubectlRead(cmd, view)).toBeNull();
  });

  it('rollout status prints the current line', () => {
    const done = makeDeployment('api', { replicas: 2 });
    const rolling = makeDeployment('web', { replicas: 3, updated: 1, ready: 2, available: 2 });
    const view = makeView({ deployments: [done, rolling] });
    expect(runKubectlRead({ kind: 'kubectl', verb: 'rollout-status', deployment: 'api' }, view)).toEqual({ stdout: 'deployment "api" successfully rolled out\n', stderr: '', exitCode: 0 });
    expect(runKubectlRead({ kind: 'kubectl', verb: 'rollout-status', deployment: 'web' }, view)!.stdout).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n',
    );
    expect(runKubectlRead({ kind: 'kubectl', verb: 'rollout-status', deployment: 'nope' }, view)!.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});

describe('rolloutStatus', () => {
  it('walks the DeploymentStatusViewer conditions in order', () => {
    const d = makeDeployment('web', { replicas: 3 });
    d.status.replicas = 4;
    expect(rolloutStatus(d).message).toBe('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n');
    d.status.replicas = 3;
    d.status.availableReplicas = 2;
    expect(rolloutStatus(d).message).toBe('Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n');
    d.metadata.generation = 2;
    expect(rolloutStatus(d)).toEqual({ message: 'Waiting for deployment spec update to be observed...\n', done: false });
  });
});

describe('toApiObject', () => {
  it('nodes: quantities in canonical form, kubelet version, no namespace', () => {
    const node = toApiObject(makeNode('node-1', { cpuMilli: 3500, memoryBytes: 8 * 1024 ** 3 }), makeView({})) as any;
    expect(node.metadata.namespace).toBeUndefined();
    expect(node.status.capacity).toEqual({ cpu: '3500m', 'ephemeral-storage': '100Gi', memory: '8Gi', pods: '110' });
    expect(node.status.nodeInfo.kubeletVersion).toBe('v1.33.0');
    expect(node.status.conditions[0]).toMatchObject({ type: 'Ready', status: 'True', reason: 'KubeletReady' });
  });

  it('endpoints: omits empty subsets and address lists', () => {
    const view = makeView({});
    expect((toApiObject(makeEndpoints('web'), view) as any).subsets).toBeUndefined();
    const ep = toApiObject(makeEndpoints('web', { notReady: [['web', '10.244.1.7']] }), view) as any;
    expect(ep.subsets).toEqual([
      { notReadyAddresses: [{ ip: '10.244.1.7', nodeName: 'node-1', targetRef: { kind: 'Pod', name: 'web', namespace: 'default', uid: expect.any(String) } }], ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
  });

  it('events: core/v1 shape with both timestamps and the source', () => {
    const e = toApiObject(makeEvent({ object: 'web', reason: 'BackOff', type: 'Warning', message: 'Back-off restarting failed container web in pod web_default(x)', first: 14, last: 40, count: 3, host: 'node-1' }), makeView({})) as any;
    expect(e).toMatchObject({
      apiVersion: 'v1',
      kind: 'Event',
      count: 3,
      firstTimestamp: '2025-01-15T10:00:14Z',
      lastTimestamp: '2025-01-15T10:00:40Z',
      eventTime: null,
      source: { component: 'kubelet', host: 'node-1' },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'default' },
    });
  });
});
