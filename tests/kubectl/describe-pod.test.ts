import { describe, it, expect } from 'vitest';
import type { KubectlCommand } from '../../src/scenario/commands/command-ast';
import type { ClusterView } from '../../src/engine/model/objects';
import { runKubectlRead } from '../../src/engine/kubectl/run-kubectl-read';
import { describeProbe } from '../../src/engine/kubectl/describe-containers';
import { lastTerminated, makeEvent, makePod, makeView, running, terminated, waiting } from './fixtures';

function describePods(view: ClusterView, names: string[], selector?: Record<string, string>) {
  const cmd: KubectlCommand = { kind: 'kubectl', verb: 'describe', resource: 'pods', names, ...(selector ? { selector } : {}) };
  return runKubectlRead(cmd, view)!;
}

const text = (...lines: string[]) => lines.map((l) => l + '\n').join('');

/** GC-01 at S+55 (S = 0): readiness failing since S+30, pod created by a ReplicaSet */
function gc01View() {
  const pod = makePod({
    name: 'web',
    labels: { app: 'web', 'pod-template-hash': 'abc' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-uid', controller: true }],
    podIP: '10.244.1.7',
    qosClass: 'Burstable',
    ready: false,
    containers: [
      {
        name: 'web',
        state: running(0),
        ready: false,
        spec: {
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          readinessProbe: { httpGet: { path: '/ready', port: 8080, scheme: 'HTTP' }, periodSeconds: 5, failureThreshold: 3, successThreshold: 1, timeoutSeconds: 1, initialDelaySeconds: 0 },
          livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 10, failureThreshold: 3, successThreshold: 1, timeoutSeconds: 1, initialDelaySeconds: 0 },
          resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '0.25', memory: '64Mi' } },
          env: [
            { name: 'MODE', value: 'prod' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'DB_PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          ],
          volumeMounts: [
            { name: 'kube-api-access-abcde', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
            { name: 'cache', mountPath: '/data' },
          ],
        },
      },
    ],
    spec: {
      volumes: [
        { name: 'cache', emptyDir: {} },
        {
          name: 'kube-api-access-abcde',
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
          },
        },
      ],
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
  });
  const events = [
    makeEvent({ object: 'web', reason: 'Scheduled', message: 'Successfully assigned default/web to node-1', first: 0, component: 'default-scheduler' }),
    makeEvent({ object: 'web', reason: 'Pulled', message: 'Container image "nginx:1.27" already present on machine', first: 0, fieldPath: 'spec.containers{web}' }),
    makeEvent({ object: 'web', reason: 'Created', message: 'Created container web', first: 0, fieldPath: 'spec.containers{web}' }),
    makeEvent({ object: 'web', reason: 'Started', message: 'Started container web', first: 0, fieldPath: 'spec.containers{web}' }),
    makeEvent({ object: 'web', reason: 'Unhealthy', type: 'Warning', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', first: 30, last: 55, count: 7, fieldPath: 'spec.containers{web}' }),
    // another object's event, and one for an older pod of the same name (other uid), stay out
    makeEvent({ object: 'api', reason: 'Scheduled', message: 'Successfully assigned default/api to node-1', first: 0, component: 'default-scheduler' }),
    makeEvent({ object: 'web', reason: 'Killing', message: 'Stopping container web', first: 0, uid: 'old-uid' }),
  ];
  return makeView({ now: 55, pods: [pod], events });
}

describe('kubectl describe pod', () => {
  it('prints the full v1.33 layout, block-aligned, with (x7 over 25s) events', () => {
    const out = describePods(gc01View(), ['web']);
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toBe(
      text(
        'Name:             web',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node-1/172.18.0.2',
        'Start Time:       Wed, 15 Jan 2025 10:00:00 +0000',
        'Labels:           app=web',
        '                  pod-template-hash=abc',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.7',
        'IPs:',
        '  IP:           10.244.1.7',
        'Controlled By:  ReplicaSet/web-abc',
        'Containers:',
        '  web:',
        '    Container ID:   containerd://0001cb540000400080000001cb540000',
        '    Image:          nginx:1.27',
        '    Image ID:       docker.io/library/nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000',
        '    Port:           8080/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Wed, 15 Jan 2025 10:00:00 +0000',
        '    Ready:          False',
        '    Restart Count:  0',
        '    Limits:',
        '      cpu:     500m',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:      250m',
        '      memory:   64Mi',
        '    Liveness:   tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Readiness:  http-get http://:8080/ready delay=0s timeout=1s period=5s #success=1 #failure=3',
        '    Environment:',
        '      MODE:      prod',
        '      POD_NAME:  web (v1:metadata.name)',
        "      DB_PASS:   <set to the key 'password' in secret 'db'>  Optional: false",
        '    Mounts:',
        '      /data from cache (rw)',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-abcde (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       False ',
        '  ContainersReady             False ',
        '  PodScheduled                True ',
        'Volumes:',
        '  cache:',
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:     ',
        '    SizeLimit:  <unset>',
        '  kube-api-access-abcde:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    Optional:                false',
        '    DownwardAPI:             true',
        'QoS Class:                   Burstable',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason     Age               From               Message',
        '  ----     ------     ----              ----               -------',
        '  Normal   Scheduled  55s               default-scheduler  Successfully assigned default/web to node-1',
        '  Normal   Pulled     55s               kubelet            Container image "nginx:1.27" already present on machine',
        '  Normal   Created    55s               kubelet            Created container web',
        '  Normal   Started    55s               kubelet            Started container web',
        '  Warning  Unhealthy  0s (x7 over 25s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 503',
      ),
    );
  });

  it('shows Waiting/Last State for a crash-looping container and "Events:  <none>" aligned with the block above', () => {
    const pod = makePod({
      name: 'crasher',
      containers: [
        {
          name: 'crasher',
          image: 'busybox:1.36',
          state: waiting('CrashLoopBackOff', 'back-off 2m40s restarting failed container=crasher pod=crasher_default(x)'),
          restartCount: 5,
          lastState: lastTerminated({ exitCode: 1, reason: 'Error', startedAt: 160, finishedAt: 162 }),
        },
      ],
      ready: false,
    });
    const out = describePods(makeView({ now: 300, pods: [pod] }), ['crasher']).stdout;
    expect(out).toContain(
      text(
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Wed, 15 Jan 2025 10:02:40 +0000',
        '      Finished:     Wed, 15 Jan 2025 10:02:42 +0000',
        '    Ready:          False',
        '    Restart Count:  5',
      ),
    );
    expect(out.endsWith(text('Volumes:                      <none>', 'QoS Class:                    BestEffort', 'Node-Selectors:               <none>', 'Tolerations:                  <none>', 'Events:                       <none>'))).toBe(true);
  });

  it('lists init containers first and shows a terminated one with its exit code', () => {
    const pod = makePod({
      name: 'boot',
      initContainers: [
        { name: 'init-db', image: 'busybox:1.36', state: terminated({ exitCode: 0, reason: 'Completed', startedAt: 0, finishedAt: 5 }) },
        { name: 'init-cfg', image: 'busybox:1.36', state: running(6) },
      ],
      containers: [{ name: 'app', image: 'busybox:1.36', state: waiting('PodInitializing') }],
      ready: false,
    });
    const out = describePods(makeView({ now: 7, pods: [pod] }), ['boot']).stdout;
    const initAt = out.indexOf('Init Containers:\n  init-db:\n');
    const appAt = out.indexOf('Containers:\n  app:\n');
    expect(initAt).toBeGreaterThan(0);
    expect(appAt).toBeGreaterThan(initAt);
    expect(out).toContain('    State:          Terminated\n      Reason:       Completed\n      Exit Code:    0\n');
    expect(out).toContain('    State:          Waiting\n      Reason:       PodInitializing\n');
  });

  it('shows a terminating pod with how long it has been terminating and its grace period', () => {
    const pod = makePod({ name: 'web', deletionTimestamp: 100, deletionGracePeriodSeconds: 30, containers: [{ name: 'web' }] });
    const out = describePods(makeView({ now: 112, pods: [pod] }), ['web']).stdout;
    expect(out).toContain('Status:                    Terminating (lasts 12s)\nTermination Grace Period:  30s\n');
  });

  it('unscheduled pod: Node <none>, empty IP, IPs <none>', () => {
    const pod = makePod({ name: 'pending', nodeName: null, containers: [{ name: 'app', noStatus: true }] });
    const out = describePods(makeView({ now: 5, pods: [pod] }), ['pending']).stdout;
    expect(out).toContain('Node:             <none>\n');
    expect(out).toContain('IP:               \nIPs:              <none>\n');
    expect(out).not.toContain('Start Time');
    // no status for the container: no Container ID, State, Ready lines
    expect(out).toContain('  app:\n    Image:        nginx:1.27\n    Port:         <none>\n    Host Port:    <none>\n    Environment:  <none>\n    Mounts:       <none>\n');
  });

  it('errors for a missing pod, or shows the events left by a deleted one', () => {
    expect(describePods(makeView({}), ['nope'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    const view = makeView({ now: 20, events: [makeEvent({ object: 'gone', reason: 'Killing', message: 'Stopping container app', first: 10 })] });
    expect(describePods(view, ['gone'])).toEqual({
      stdout: text(
        "Pod 'gone': error 'pods \"gone\" not found', but found events.",
        'Events:',
        '  Type    Reason   Age   From     Message',
        '  ----    ------   ----  ----     -------',
        '  Normal  Killing  10s   kubelet  Stopping container app',
      ),
      stderr: '',
      exitCode: 0,
    });
  });

  it('describes every pod (or the selected ones) separated by a blank line', () => {
    const a = makePod({ name: 'a', labels: { app: 'x' }, containers: [{ name: 'c' }] });
    const b = makePod({ name: 'b', containers: [{ name: 'c' }] });
    const view = makeView({ now: 5, pods: [b, a] });
    const all = describePods(view, []).stdout;
    expect(all.indexOf('Name:             a')).toBe(0);
    expect(all).toContain('Events:                       <none>\n\n\nName:             b\n');
    expect(describePods(view, [], { app: 'x' }).stdout).not.toContain('Name:             b');
    expect(describePods(makeView({}), [])).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });
});

describe('DescribeProbe', () => {
  it('formats every handler', () => {
    expect(describeProbe({ exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 })).toBe(
      'exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
    );
    expect(describeProbe({ httpGet: { path: '/healthz', port: 8080 } })).toBe('http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3');
    expect(describeProbe({ httpGet: { path: 'healthz', port: 'http', scheme: 'HTTPS', host: '10.0.0.1' } })).toBe(
      'http-get https://10.0.0.1:http/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
    );
    expect(describeProbe({ tcpSocket: { port: 5432 }, failureThreshold: 30, periodSeconds: 10 })).toBe('tcp-socket :5432 delay=0s timeout=1s period=10s #success=1 #failure=30');
    expect(describeProbe({ grpc: { port: 9090, service: 'health' } })).toBe('grpc <pod>:9090 health delay=0s timeout=1s period=10s #success=1 #failure=3');
  });
});
