import { describe, it, expect } from 'vitest';
import type { KubectlCommand } from '../../src/scenario/commands/command-ast';
import type { ClusterView } from '../../src/engine/model/objects';
import { runKubectlRead } from '../../src/engine/kubectl/run-kubectl-read';
import {
  lastTerminated,
  makeDeployment,
  makeEndpointSlice,
  makeEndpoints,
  makeEvent,
  makeNode,
  makePod,
  makeReplicaSet,
  makeService,
  makeView,
  running,
  terminated,
  waiting,
} from './fixtures';

type Get = Extract<KubectlCommand, { verb: 'get' }>;

function get(view: ClusterView, o: Partial<Get>) {
  const cmd: Get = { kind: 'kubectl', verb: 'get', resources: ['pods'], names: [], output: 'default', allNamespaces: false, showLabels: false, watch: false, ...o };
  return runKubectlRead(cmd, view)!;
}

const text = (...lines: string[]) => lines.map((l) => l + '\n').join('');

const crasher = makePod({
  name: 'crasher',
  containers: [{ name: 'crasher', image: 'busybox:1.36', state: waiting('CrashLoopBackOff'), restartCount: 5, lastState: lastTerminated({ exitCode: 1, reason: 'Error', startedAt: 160, finishedAt: 162 }) }],
  ready: false,
});
const web = makePod({ name: 'web', created: 10, labels: { app: 'web', tier: 'fe' }, podIP: '10.244.1.7', containers: [{ name: 'web', state: running(12) }] });

describe('kubectl get pods', () => {
  it('prints the GC-03 line at t=300', () => {
    const out = get(makeView({ now: 300, pods: [crasher, web] }), {});
    expect(out).toEqual({
      stdout: text('NAME      READY   STATUS             RESTARTS        AGE', 'crasher   0/1     CrashLoopBackOff   5 (2m18s ago)   5m', 'web       1/1     Running            0               4m50s'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('-o wide adds IP, NODE, NOMINATED NODE, READINESS GATES; --show-labels a LABELS column', () => {
    const pending = makePod({ name: 'pending', nodeName: null, containers: [{ name: 'app', noStatus: true }] });
    const out = get(makeView({ now: 300, pods: [web, pending] }), { output: 'wide', showLabels: true });
    expect(out.stdout).toBe(
      text(
        'NAME      READY   STATUS    RESTARTS   AGE     IP           NODE     NOMINATED NODE   READINESS GATES   LABELS',
        'pending   0/1     Pending   0          5m      <none>       <none>   <none>           <none>            <none>',
        'web       1/1     Running   0          4m50s   10.244.1.7   node-1   <none>           <none>            app=web,tier=fe',
      ),
    );
  });

  it('lists by name, and -A adds a NAMESPACE column and other namespaces', () => {
    const other = makePod({ name: 'coredns', namespace: 'kube-system', containers: [{ name: 'coredns' }] });
    const view = makeView({ now: 300, pods: [web, other, crasher] });
    expect(get(view, {}).stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['NAME', 'crasher', 'web', '']);
    expect(get(view, { allNamespaces: true }).stdout).toBe(
      text(
        'NAMESPACE     NAME      READY   STATUS             RESTARTS        AGE',
        'default       crasher   0/1     CrashLoopBackOff   5 (2m18s ago)   5m',
        'default       web       1/1     Running            0               4m50s',
        'kube-system   coredns   1/1     Running            0               5m',
      ),
    );
  });

  it('says "No resources found" on stderr when the list is empty', () => {
    expect(get(makeView({ now: 5 }), {})).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(get(makeView({ now: 5 }), { allNamespaces: true }).stderr).toBe('No resources found\n');
    expect(get(makeView({ now: 5, pods: [web] }), { selector: { app: 'db' } }).stderr).toBe('No resources found in default namespace.\n');
  });

  it('reports a missing name as the API server does, and still prints the others', () => {
    expect(get(makeView({ now: 300 }), { names: ['nope'] })).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    const out = get(makeView({ now: 300, pods: [web] }), { names: ['web', 'nope'] });
    expect(out.stdout).toBe(text('NAME   READY   STATUS    RESTARTS   AGE', 'web    1/1     Running   0          4m50s'));
    expect(out.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(out.exitCode).toBe(1);
    expect(get(makeView({}), { resources: ['deployments'], names: ['api'] }).stderr).toBe('Error from server (NotFound): deployments.apps "api" not found\n');
  });

  it('filters by -l and refuses a name together with a selector', () => {
    const view = makeView({ now: 300, pods: [web, crasher] });
    expect(get(view, { selector: { app: 'web' } }).stdout).toContain('web ');
    expect(get(view, { selector: { app: 'web' } }).stdout).not.toContain('crasher');
    expect(get(view, { selector: { app: 'web' }, names: ['web'] })).toEqual({ stdout: '', stderr: 'error: name cannot be provided when a selector is specified\n', exitCode: 1 });
  });

  it('shows Terminating for a deleted pod', () => {
    const gone = makePod({ name: 'web', deletionTimestamp: 100, containers: [{ name: 'web' }] });
    expect(get(makeView({ now: 105, pods: [gone] }), {}).stdout).toContain('web    1/1     Terminating   0          105s');
  });

  it('-o name prints kind/name', () => {
    const d = makeDeployment('api');
    expect(get(makeView({ pods: [web], deployments: [d] }), { resources: ['pods', 'deployments'], output: 'name' }).stdout).toBe(text('pod/web', 'deployment.apps/api'));
  });
});

describe('several kinds at once (kubectl get all)', () => {
  it('prefixes names with the kind and separates tables with a blank line', () => {
    const d = makeDeployment('api', { replicas: 2, ready: 1, available: 1 });
    const view = makeView({ now: 300, pods: [web], services: [makeService('web')], deployments: [d], replicaSets: [makeReplicaSet(d, { ready: 1 })] });
    expect(get(view, { resources: ['pods', 'services', 'deployments', 'replicasets'] }).stdout).toBe(
      text(
        'NAME      READY   STATUS    RESTARTS   AGE',
        'pod/web   1/1     Running   0          4m50s',
        '',
        'NAME          TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE',
        'service/web   ClusterIP   10.96.120.15   <none>        80/TCP    5m',
        '',
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/api   1/2     2            1           5m',
        '',
        'NAME                            DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/api-7d4b9c8f5   2         2         1       5m',
      ),
    );
  });

  it('skips empty kinds without a stray blank line', () => {
    expect(get(makeView({ now: 300, pods: [web] }), { resources: ['pods', 'services'] }).stdout).toBe(
      text('NAME      READY   STATUS    RESTARTS   AGE', 'pod/web   1/1     Running   0          4m50s'),
    );
  });
});

describe('kubectl get endpoints / endpointslices (GC-01)', () => {
  const warning = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

  it('shows ready addresses, with the deprecation warning on stderr', () => {
    const out = get(makeView({ now: 61, endpoints: [makeEndpoints('web', { ready: [['web', '10.244.1.7']] })] }), { resources: ['endpoints'] });
    expect(out).toEqual({ stdout: text('NAME   ENDPOINTS         AGE', 'web    10.244.1.7:8080   61s'), stderr: warning, exitCode: 0 });
  });

  it('leaves the ENDPOINTS column blank when the only pod is not ready', () => {
    const out = get(makeView({ now: 41, endpoints: [makeEndpoints('web', { notReady: [['web', '10.244.1.7']] })] }), { resources: ['endpoints'] });
    expect(out.stdout).toBe(text('NAME   ENDPOINTS   AGE', 'web                41s'));
  });

  it('prints <none> when there are no subsets at all', () => {
    expect(get(makeView({ now: 41, endpoints: [makeEndpoints('web')] }), { resources: ['endpoints'] }).stdout).toBe(text('NAME   ENDPOINTS   AGE', 'web    <none>      41s'));
  });

  it('shows the first three and "+ N more..."', () => {
    const ready: [string, string][] = [1, 2, 3, 4, 5].map((i) => [`web-${i}`, `10.244.1.${i}`]);
    const out = get(makeView({ now: 41, endpoints: [makeEndpoints('web', { ready })] }), { resources: ['endpoints'] });
    const cell = '10.244.1.1:8080,10.244.1.2:8080,10.244.1.3:8080 + 2 more...';
    expect(out.stdout).toBe(text('NAME   ' + 'ENDPOINTS'.padEnd(cell.length + 3) + 'AGE', `web    ${cell}   41s`));
  });

  it('endpointslices list addresses whatever their readiness', () => {
    const slice = makeEndpointSlice('web', [{ pod: 'web', ip: '10.244.1.7', ready: false }]);
    expect(get(makeView({ now: 41, endpointSlices: [slice] }), { resources: ['endpointslices'] })).toEqual({
      stdout: text('NAME        ADDRESSTYPE   PORTS   ENDPOINTS    AGE', 'web-x7k2p   IPv4          8080    10.244.1.7   41s'),
      stderr: '',
      exitCode: 0,
    });
    const empty = makeEndpointSlice('db', []);
    expect(get(makeView({ now: 41, endpointSlices: [empty] }), { resources: ['endpointslices'] }).stdout).toContain('db-x7k2p   IPv4          8080    <unset>     41s');
  });
});

describe('kubectl get services, deployments, replicasets, nodes', () => {
  it('services: NodePort ports and -o wide SELECTOR', () => {
    const np = makeService('api', { type: 'NodePort', clusterIP: '10.96.0.20', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 443, nodePort: 30443, protocol: 'TCP' }] });
    expect(get(makeView({ now: 3600, services: [np, makeService('web')] }), { resources: ['services'], output: 'wide' }).stdout).toBe(
      text(
        'NAME   TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)                      AGE   SELECTOR',
        'api    NodePort    10.96.0.20     <none>        80:30080/TCP,443:30443/TCP   60m   app=api',
        'web    ClusterIP   10.96.120.15   <none>        80/TCP                       60m   app=web',
      ),
    );
  });

  it('deployments and replicasets with -o wide', () => {
    const d = makeDeployment('api', { replicas: 3, ready: 2, updated: 3, available: 2, image: 'nginx:1.27' });
    const view = makeView({ now: 90, deployments: [d], replicaSets: [makeReplicaSet(d, { ready: 2 })] });
    expect(get(view, { resources: ['deployments'], output: 'wide' }).stdout).toBe(
      text('NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR', 'api    2/3     3            2           90s   api          nginx:1.27   app=api'),
    );
    expect(get(view, { resources: ['replicasets'], output: 'wide' }).stdout).toBe(
      text(
        'NAME            DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR',
        'api-7d4b9c8f5   3         3         2       90s   api          nginx:1.27   app=api,pod-template-hash=7d4b9c8f5',
      ),
    );
  });

  it('nodes: STATUS, ROLES, VERSION v1.33.0', () => {
    const cp = makeNode('control-plane', { labels: { 'node-role.kubernetes.io/control-plane': '' }, created: -7200 });
    const down = makeNode('node-2', { ready: false, created: -7200 });
    expect(get(makeView({ now: 0, nodes: [down, cp] }), { resources: ['nodes'] }).stdout).toBe(
      text('NAME            STATUS     ROLES           AGE    VERSION', 'control-plane   Ready      control-plane   120m   v1.33.0', 'node-2          NotReady   <none>          120m   v1.33.0'),
    );
  });
});

describe('kubectl get events', () => {
  const events = [
    makeEvent({ object: 'web', reason: 'Scheduled', message: 'Successfully assigned default/web to node-1', first: 0, component: 'default-scheduler' }),
    makeEvent({ object: 'api', reason: 'Pulled', message: 'Container image "nginx:1.27" already present on machine', first: 2, fieldPath: 'spec.containers{api}', host: 'node-1' }),
    makeEvent({ object: 'web', reason: 'Unhealthy', type: 'Warning', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', first: 30, last: 55, count: 7, fieldPath: 'spec.containers{web}' }),
  ];

  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE in list (name) order', () => {
    expect(get(makeView({ now: 60, events }), { resources: ['events'] }).stdout).toBe(
      text(
        'LAST SEEN   TYPE      REASON      OBJECT    MESSAGE',
        '58s         Normal    Pulled      pod/api   Container image "nginx:1.27" already present on machine',
        '60s         Normal    Scheduled   pod/web   Successfully assigned default/web to node-1',
        '5s          Warning   Unhealthy   pod/web   Readiness probe failed: HTTP probe failed with statuscode: 503',
      ),
    );
  });

  it('--field-selector involvedObject.name=web', () => {
    const out = get(makeView({ now: 60, events }), { resources: ['events'], fieldSelector: { 'involvedObject.name': 'web' } });
    expect(out.stdout).not.toContain('pod/api');
    expect(out.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('rejects a field label the API server does not know', () => {
    expect(get(makeView({ now: 60, events }), { resources: ['events'], fieldSelector: { foo: 'bar' } })).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): Unable to find "/v1, Resource=events" that match label selector "", field selector "foo=bar": field label not supported: foo\n',
      exitCode: 1,
    });
  });

  it('-o wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME', () => {
    const out = get(makeView({ now: 60, events: [events[2]] }), { resources: ['events'], output: 'wide' });
    expect(out.stdout.split('\n')[0]).toBe('LAST SEEN   TYPE      REASON      OBJECT    SUBOBJECT              SOURCE    MESSAGE                                                          FIRST SEEN   COUNT   NAME');
    expect(out.stdout.split('\n')[1]).toMatch(/^5s {10}Warning {3}Unhealthy {3}pod\/web {3}spec\.containers\{web\} {3}kubelet {3}Readiness probe failed: HTTP probe failed with statuscode: 503 {3}30s {10}7 {7}web\.[0-9a-f]+$/);
  });
});

describe('kubectl get -o yaml / -o json', () => {
  it('a named object is printed alone, with RFC 3339 times and quoted type-like strings', () => {
    const out = get(makeView({ now: 300, pods: [crasher] }), { names: ['crasher'], output: 'yaml' });
    const y = out.stdout;
    expect(y.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2025-01-15T10:00:00Z"\n  name: crasher\n  namespace: default\n')).toBe(true);
    expect(y).toContain('  - lastProbeTime: null\n    lastTransitionTime: "2025-01-15T10:00:01Z"\n    message: \'containers with unready status: [crasher]\'\n    reason: ContainersNotReady\n    status: "False"\n    type: Ready\n');
    expect(y).toContain('    lastState:\n      terminated:\n        exitCode: 1\n        finishedAt: "2025-01-15T10:02:42Z"\n        reason: Error\n        startedAt: "2025-01-15T10:02:40Z"\n');
    expect(y).toContain('  phase: Running\n');
    expect(y).toContain('    state:\n      waiting:\n        reason: CrashLoopBackOff\n');
  });

  it('a list (no names) is a v1 List with an empty resourceVersion', () => {
    expect(get(makeView({ now: 300 }), { output: 'yaml' })).toEqual({ stdout: 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n', stderr: '', exitCode: 0 });
    const json = get(makeView({ now: 300, pods: [web] }), { output: 'json' }).stdout;
    const parsed = JSON.parse(json);
    expect(parsed.kind).toBe('List');
    expect(parsed.items[0].status.podIP).toBe('10.244.1.7');
    expect(json.startsWith('{\n    "apiVersion": "v1",\n    "items": [\n        {\n')).toBe(true);
  });

  it('endpoint slices come out in discovery.k8s.io/v1 shape', () => {
    const slice = makeEndpointSlice('web', [{ pod: 'web', ip: '10.244.1.7', ready: false, serving: false }]);
    const parsed = JSON.parse(get(makeView({ now: 5, endpointSlices: [slice] }), { resources: ['endpointslices'], names: ['web-x7k2p'], output: 'json' }).stdout);
    expect(parsed.apiVersion).toBe('discovery.k8s.io/v1');
    expect(parsed.endpoints[0]).toEqual({
      addresses: ['10.244.1.7'],
      conditions: { ready: false, serving: false, terminating: false },
      nodeName: 'node-1',
      targetRef: { kind: 'Pod', name: 'web', namespace: 'default', uid: slice.endpoints[0].targetRef.uid },
    });
    expect(parsed.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
  });

  it('terminated containers carry their finish time; deployments omit zero counts', () => {
    const done = makePod({ name: 'job', phase: 'Succeeded', containers: [{ name: 'task', state: terminated({ exitCode: 0, reason: 'Completed', startedAt: 1, finishedAt: 6 }) }], ready: false });
    const obj = JSON.parse(get(makeView({ now: 10, pods: [done] }), { names: ['job'], output: 'json' }).stdout);
    expect(obj.status.containerStatuses[0].state.terminated).toEqual({ exitCode: 0, finishedAt: '2025-01-15T10:00:06Z', reason: 'Completed', startedAt: '2025-01-15T10:00:01Z' });
    const d = JSON.parse(get(makeView({ deployments: [makeDeployment('api', { replicas: 1, ready: 0, available: 0 })] }), { resources: ['deployments'], names: ['api'], output: 'json' }).stdout);
    expect(d.status.readyReplicas).toBeUndefined();
    expect(d.status.unavailableReplicas).toBe(1);
  });
});
