import { describe, it, expect } from 'vitest';
import type { KubectlCommand, ResourceKind } from '../../src/scenario/commands/command-ast';
import type { ClusterView } from '../../src/engine/model/objects';
import { runKubectlRead } from '../../src/engine/kubectl/run-kubectl-read';
import { makeConfigMap, makeDeployment, makeEndpointSlice, makeEndpoints, makeEvent, makeNode, makePod, makeReplicaSet, makeSecret, makeService, makeView } from './fixtures';

function describeRes(view: ClusterView, resource: ResourceKind, names: string[]) {
  const cmd: KubectlCommand = { kind: 'kubectl', verb: 'describe', resource, names };
  return runKubectlRead(cmd, view)!;
}

const text = (...lines: string[]) => lines.map((l) => l + '\n').join('');

describe('kubectl describe service', () => {
  it('lists only ready endpoints of the matching port', () => {
    const svc = makeService('web', { ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] });
    const slice = makeEndpointSlice('web', [
      { pod: 'web-1', ip: '10.244.1.7', ready: true },
      { pod: 'web-2', ip: '10.244.1.8', ready: false },
    ]);
    const out = describeRes(makeView({ now: 30, services: [svc], endpointSlices: [slice] }), 'services', ['web']);
    expect(out.stdout).toBe(
      text(
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.120.15',
        'IPs:                      10.96.120.15',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               8080/TCP',
        'Endpoints:                10.244.1.7:8080',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it('prints an empty Endpoints value when nothing is ready, <none> when there is no slice', () => {
    const svc = makeService('web');
    const unready = makeEndpointSlice('web', [{ pod: 'web', ip: '10.244.1.7', ready: false }]);
    expect(describeRes(makeView({ services: [svc], endpointSlices: [unready] }), 'services', ['web']).stdout).toContain('Endpoints:                \n');
    expect(describeRes(makeView({ services: [svc] }), 'services', ['web']).stdout).toContain('Endpoints:                <none>\n');
  });

  it('matches named service ports to named slice ports', () => {
    const svc = makeService('web', { ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }, { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 9090 }] });
    const slice = makeEndpointSlice('web', [{ pod: 'web', ip: '10.244.1.7', ready: true }], {
      ports: [
        { name: 'http', port: 8080, protocol: 'TCP' },
        { name: 'metrics', port: 9090, protocol: 'TCP' },
      ],
    });
    const out = describeRes(makeView({ services: [svc], endpointSlices: [slice] }), 'services', ['web']).stdout;
    expect(out).toContain('Port:                     http  80/TCP\nTargetPort:               http/TCP\nEndpoints:                10.244.1.7:8080\n');
    expect(out).toContain('Port:                     metrics  9090/TCP\nTargetPort:               9090/TCP\nEndpoints:                10.244.1.7:9090\n');
  });
});

describe('kubectl describe deployment / replicaset', () => {
  it('prints the deployment with its pod template, conditions and ReplicaSets', () => {
    const d = makeDeployment('api', { replicas: 2 });
    const old = makeReplicaSet({ ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { containers: [{ name: 'api', image: 'nginx:1.26' }] } } } }, { hash: '5c9f8d7b6', replicas: 0, created: -60 });
    const cur = makeReplicaSet(d);
    const events = [makeEvent({ object: 'api', kind: 'Deployment', reason: 'ScalingReplicaSet', message: 'Scaled up replica set api-7d4b9c8f5 from 0 to 2', first: 0, component: 'deployment-controller', uid: d.metadata.uid })];
    const out = describeRes(makeView({ now: 120, deployments: [d], replicaSets: [old, cur], events }), 'deployments', ['api']);
    expect(out.stdout).toBe(
      text(
        'Name:                   api',
        'Namespace:              default',
        'CreationTimestamp:      Wed, 15 Jan 2025 10:00:00 +0000',
        'Labels:                 app=api',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=api',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=api',
        '  Containers:',
        '   api:',
        '    Image:         nginx:1.27',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  api-5c9f8d7b6 (0/0 replicas created)',
        'NewReplicaSet:   api-7d4b9c8f5 (2/2 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  2m    deployment-controller  Scaled up replica set api-7d4b9c8f5 from 0 to 2',
      ),
    );
  });

  it('prints the replicaset with its owner and pod counts by phase', () => {
    const d = makeDeployment('api', { replicas: 2 });
    const rs = makeReplicaSet(d);
    const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true }];
    const pods = [
      makePod({ name: 'api-7d4b9c8f5-aaaaa', ownerReferences: owner, containers: [{ name: 'api' }] }),
      makePod({ name: 'api-7d4b9c8f5-bbbbb', ownerReferences: owner, containers: [{ name: 'api', state: { waiting: { reason: 'ContainerCreating' } } }] }),
    ];
    const out = describeRes(makeView({ now: 120, replicaSets: [rs], pods }), 'replicasets', [rs.metadata.name]).stdout;
    expect(out).toContain('Controlled By:  Deployment/api\nReplicas:       2 current / 2 desired\nPods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed\n');
  });
});

describe('kubectl describe endpoints / endpointslices / configmap / secret / node', () => {
  it('endpoints: addresses, not-ready addresses, ports table, and the deprecation warning', () => {
    const ep = makeEndpoints('web', { ready: [['web-1', '10.244.1.7']], notReady: [['web-2', '10.244.1.8']] });
    const out = describeRes(makeView({ endpoints: [ep] }), 'endpoints', ['web']);
    expect(out.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
    expect(out.stdout).toBe(
      text(
        'Name:         web',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.244.1.7',
        '  NotReadyAddresses:  10.244.1.8',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  8080  TCP',
        '',
        'Events:  <none>',
      ),
    );
  });

  it('endpointslice: one entry per endpoint with its Ready condition', () => {
    const slice = makeEndpointSlice('web', [{ pod: 'web', ip: '10.244.1.7', ready: false }]);
    const out = describeRes(makeView({ endpointSlices: [slice] }), 'endpointslices', ['web-x7k2p']).stdout;
    expect(out).toContain('AddressType:  IPv4\nPorts:\n  Name     Port  Protocol\n  ----     ----  --------\n  <unset>  8080  TCP\n');
    expect(out).toContain('Endpoints:\n  - Addresses:  10.244.1.7\n    Conditions:\n      Ready:    false\n    Hostname:   <unset>\n    TargetRef:  Pod/web\n    NodeName:   node-1\n    Zone:       <unset>\n');
  });

  it('configmap data and secret sizes', () => {
    const out = describeRes(makeView({ configMaps: [makeConfigMap('cfg', { mode: 'dev' })] }), 'configmaps', ['cfg']).stdout;
    expect(out).toBe(text('Name:         cfg', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Data', '====', 'mode:', '----', 'dev', '', '', 'BinaryData', '====', '', 'Events:  <none>'));
    const s = describeRes(makeView({ secrets: [makeSecret('db', { password: 's3cr3t!!' })] }), 'secrets', ['db']).stdout;
    expect(s).toBe(text('Name:         db', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Type:  Opaque', '', 'Data', '====', 'password:  8 bytes'));
  });

  it('node: capacity, non-terminated pods with requests as a share of allocatable', () => {
    const pod = makePod({ name: 'web', created: -60, containers: [{ name: 'web', spec: { resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '1', memory: '128Mi' } } } }] });
    const out = describeRes(makeView({ now: 0, nodes: [makeNode('node-1')], pods: [pod] }), 'nodes', ['node-1']).stdout;
    expect(out).toContain('Capacity:\n  cpu:                4\n  ephemeral-storage:  100Gi\n  hugepages-1Gi:      0\n  hugepages-2Mi:      0\n  memory:             8Gi\n  pods:               110\n');
    expect(out).toContain('  default                     web     250m (6%)     1 (25%)     64Mi (0%)        128Mi (1%)     60s\n');
    expect(out).toContain('  cpu                250m (6%)  1 (25%)\n  memory             64Mi (0%)  128Mi (1%)\n');
  });
});
