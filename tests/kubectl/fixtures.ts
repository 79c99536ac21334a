/**
 * Hand-built cluster state for kubectl printer tests (and for anyone who needs a ClusterView
 * without running the engine). Everything has defaults; override what the test is about.
 *
 *   const pod = makePod({ name: 'web', containers: [{ name: 'web', state: running(5) }] });
 *   const view = makeView({ now: 300, pods: [pod] });
 */
import type { Container, PodSpec, ServicePort } from 'kubernetes-types/core/v1';
import type {
  ClusterView,
  ConfigMapObject,
  ContainerState,
  ContainerStateTerminated,
  ContainerStatus,
  DeploymentObject,
  Endpoint,
  EndpointSliceObject,
  EndpointsObject,
  EventObject,
  LogLine,
  NodeObject,
  ObjectMeta,
  OwnerReference,
  PodCondition,
  PodMetrics,
  PodObject,
  PodPhase,
  ReplicaSetObject,
  SecretObject,
  Seconds,
  ServiceObject,
} from '../../src/engine/model/objects';

/** wall clock of virtual t=0: 2025-01-15T10:00:00Z */
export const EPOCH_MS = Date.UTC(2025, 0, 15, 10, 0, 0);

export function uidOf(name: string): string {
  // stable, uuid-shaped
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}0000`;
}

export function meta(name: string, o: Partial<ObjectMeta> = {}): ObjectMeta {
  return {
    name,
    namespace: 'default',
    uid: uidOf(name),
    labels: {},
    annotations: {},
    creationTimestamp: 0,
    resourceVersion: '1',
    ...o,
  };
}

// ---------- container states ----------

export function running(startedAt: Seconds = 0): ContainerState {
  return { running: { startedAt } };
}

export function waiting(reason?: string, message?: string): ContainerState {
  return { waiting: { reason, message } };
}

export interface TerminatedSpec {
  exitCode: number;
  reason?: string;
  startedAt?: Seconds;
  finishedAt?: Seconds;
  message?: string;
  /** terminated.signal as the API may carry it */
  signal?: number;
  containerID?: string;
}

export function terminated(t: TerminatedSpec): ContainerState {
  const term = {
    exitCode: t.exitCode,
    reason: t.reason as string,
    startedAt: t.startedAt ?? 0,
    finishedAt: t.finishedAt ?? 0,
    ...(t.message !== undefined ? { message: t.message } : {}),
    ...(t.signal !== undefined ? { signal: t.signal } : {}),
    ...(t.containerID !== undefined ? { containerID: t.containerID } : {}),
  };
  return { terminated: term } as ContainerState;
}

/** lastState of a previous instance */
export function lastTerminated(t: TerminatedSpec): Partial<ContainerStateTerminated> {
  return terminated(t) as ContainerStateTerminated;
}

// ---------- pods ----------

export interface ContainerFixture {
  name: string;
  image?: string;
  /** default running(0) */
  state?: ContainerState;
  /** default: running and started */
  ready?: boolean;
  /** default: running (or terminated with exit 0 for init containers) */
  started?: boolean;
  restartCount?: number;
  lastState?: Partial<ContainerStateTerminated>;
  /** extra container spec: ports, probes, resources, env, command... */
  spec?: Partial<Container>;
  /** init containers only: a native sidecar (restartPolicy: Always) */
  sidecar?: boolean;
  /** no status for this container at all */
  noStatus?: boolean;
}

export interface PodFixture {
  name: string;
  namespace?: string;
  created?: Seconds;
  containers: ContainerFixture[];
  initContainers?: ContainerFixture[];
  /** default: Running when a regular container runs or is restarting, else Pending */
  phase?: PodPhase;
  reason?: string;
  message?: string;
  /** default node-1; null for an unscheduled pod */
  nodeName?: string | null;
  podIP?: string | null;
  hostIP?: string;
  startTime?: Seconds | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  deletionTimestamp?: Seconds;
  deletionGracePeriodSeconds?: number;
  /** Ready/ContainersReady condition; default: every regular container and sidecar ready */
  ready?: boolean;
  /** Initialized condition; default: every init container done or started */
  initialized?: boolean;
  /** replaces the generated conditions */
  conditions?: PodCondition[];
  spec?: Partial<PodSpec>;
  qosClass?: PodObject['status']['qosClass'];
}

function containerStatus(c: ContainerFixture, init: boolean): ContainerStatus {
  const state = c.state ?? running(0);
  const isRunning = 'running' in state;
  const image = c.image ?? 'nginx:1.27';
  const doneOk = 'terminated' in state && state.terminated.exitCode === 0;
  const started = c.started ?? isRunning;
  return {
    name: c.name,
    image,
    imageID: `docker.io/library/${image.split(':')[0]}@sha256:${'0'.repeat(64)}`,
    containerID: 'waiting' in state && c.restartCount === undefined && !c.lastState ? undefined : `containerd://${uidOf(c.name).replace(/-/g, '')}`,
    state,
    lastState: c.lastState ?? {},
    ready: c.ready ?? (init && !c.sidecar ? doneOk : isRunning && started),
    started,
    restartCount: c.restartCount ?? 0,
  };
}

function containerSpec(c: ContainerFixture): Container {
  return {
    name: c.name,
    image: c.image ?? 'nginx:1.27',
    imagePullPolicy: 'IfNotPresent',
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...(c.sidecar ? { restartPolicy: 'Always' } : {}),
    ...c.spec,
  };
}

function cond(type: PodCondition['type'], ok: boolean, t: Seconds, reason?: string, message?: string): PodCondition {
  return { type, status: ok ? 'True' : 'False', lastTransitionTime: t, ...(ok ? {} : { reason, message }) };
}

export function makePod(f: PodFixture): PodObject {
  const created = f.created ?? 0;
  const inits = f.initContainers ?? [];
  const initStatuses = inits.filter((c) => !c.noStatus).map((c) => containerStatus(c, true));
  const statuses = f.containers.filter((c) => !c.noStatus).map((c) => containerStatus(c, false));
  // getPhase, roughly: a running or restarting regular container makes the pod Running
  const anyRunning = statuses.some((s) => 'running' in s.state || s.lastState.terminated !== undefined);
  const nodeName = f.nodeName === undefined ? 'node-1' : f.nodeName;
  const unready = [
    ...statuses.filter((s) => !s.ready).map((s) => s.name),
    ...initStatuses.filter((s, i) => inits[i].sidecar && !s.ready).map((s) => s.name),
  ];
  const ready = f.ready ?? unready.length === 0;
  const incomplete = initStatuses.filter((s, i) => !(inits[i].sidecar ? s.started : 'terminated' in s.state && s.state.terminated.exitCode === 0)).map((s) => s.name);
  const initialized = f.initialized ?? incomplete.length === 0;
  const msg = `containers with unready status: [${unready.join(' ')}]`;
  const conditions =
    f.conditions ??
    (nodeName === null
      ? [cond('PodScheduled', false, created, 'Unschedulable', '0/1 nodes are available')]
      : [
          cond('PodReadyToStartContainers', true, created + 1),
          cond('Initialized', initialized, created, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`),
          cond('Ready', ready, created + 1, 'ContainersNotReady', msg),
          cond('ContainersReady', ready, created + 1, 'ContainersNotReady', msg),
          cond('PodScheduled', true, created),
        ]);
  for (const c of conditions) c.lastProbeTime = null;
  return {
    kind: 'Pod',
    metadata: meta(f.name, {
      namespace: f.namespace ?? 'default',
      creationTimestamp: created,
      labels: f.labels ?? {},
      annotations: f.annotations ?? {},
      ...(f.ownerReferences ? { ownerReferences: f.ownerReferences } : {}),
      ...(f.deletionTimestamp !== undefined
        ? { deletionTimestamp: f.deletionTimestamp, deletionGracePeriodSeconds: f.deletionGracePeriodSeconds ?? 30 }
        : {}),
    }),
    spec: {
      ...(inits.length > 0 ? { initContainers: inits.map(containerSpec) } : {}),
      containers: f.containers.map(containerSpec),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      priority: 0,
      ...(nodeName !== null ? { nodeName } : {}),
      ...f.spec,
    },
    status: {
      phase: f.phase ?? (anyRunning ? 'Running' : 'Pending'),
      conditions,
      ...(nodeName !== null ? { hostIP: f.hostIP ?? '172.18.0.2' } : {}),
      ...(f.podIP === null || nodeName === null ? {} : { podIP: f.podIP ?? '10.244.1.5' }),
      ...(f.startTime === null || nodeName === null ? {} : { startTime: f.startTime ?? created }),
      initContainerStatuses: initStatuses,
      containerStatuses: statuses,
      qosClass: f.qosClass ?? 'BestEffort',
      ...(f.reason ? { reason: f.reason } : {}),
      ...(f.message ? { message: f.message } : {}),
    },
  };
}

// ---------- other objects ----------

export function makeNode(name = 'node-1', o: { ready?: boolean; created?: Seconds; ip?: string; labels?: Record<string, string>; cpuMilli?: number; memoryBytes?: number } = {}): NodeObject {
  const res = { cpuMilli: o.cpuMilli ?? 4000, memoryBytes: o.memoryBytes ?? 8 * 1024 ** 3, pods: 110 };
  return {
    kind: 'Node',
    metadata: meta(name, { namespace: '', creationTimestamp: o.created ?? -86400, labels: o.labels ?? { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } }),
    status: { capacity: res, allocatable: res, addresses: [{ type: 'InternalIP', address: o.ip ?? '172.18.0.2' }, { type: 'Hostname', address: name }], ready: o.ready ?? true },
    podCIDR: '10.244.1.0/24',
  };
}

export function makeService(name: string, o: { selector?: Record<string, string>; ports?: ServicePort[]; clusterIP?: string; type?: string; created?: Seconds } = {}): ServiceObject {
  const ip = o.clusterIP ?? '10.96.120.15';
  return {
    kind: 'Service',
    metadata: meta(name, { creationTimestamp: o.created ?? 0 }),
    spec: {
      type: o.type ?? 'ClusterIP',
      clusterIP: ip,
      clusterIPs: [ip],
      selector: o.selector ?? { app: name },
      ports: o.ports ?? [{ port: 80, protocol: 'TCP', targetPort: 8080 }],
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
  };
}

const ref = (pod: string) => ({ kind: 'Pod' as const, name: pod, namespace: 'default', uid: uidOf(pod) });

/** v1 Endpoints: ready and not-ready pods as [podName, ip] pairs */
export function makeEndpoints(
  name: string,
  o: { ready?: [string, string][]; notReady?: [string, string][]; ports?: { name?: string; port: number; protocol: string }[]; created?: Seconds } = {},
): EndpointsObject {
  const ready = o.ready ?? [];
  const notReady = o.notReady ?? [];
  const addr = ([pod, ip]: [string, string]) => ({ ip, nodeName: 'node-1', targetRef: ref(pod) });
  return {
    kind: 'Endpoints',
    metadata: meta(name, { creationTimestamp: o.created ?? 0 }),
    subsets:
      ready.length + notReady.length === 0
        ? []
        : [
            {
              ...(ready.length > 0 ? { addresses: ready.map(addr) } : {}),
              ...(notReady.length > 0 ? { notReadyAddresses: notReady.map(addr) } : {}),
              ports: o.ports ?? [{ port: 8080, protocol: 'TCP' }],
            },
          ],
  };
}

export function makeEndpointSlice(
  service: string,
  endpoints: { pod: string; ip: string; ready: boolean; serving?: boolean; terminating?: boolean }[],
  o: { suffix?: string; ports?: { name?: string; port: number; protocol: string }[]; created?: Seconds } = {},
): EndpointSliceObject {
  return {
    kind: 'EndpointSlice',
    metadata: meta(`${service}-${o.suffix ?? 'x7k2p'}`, {
      creationTimestamp: o.created ?? 0,
      generateName: `${service}-`,
      labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': service },
    }),
    addressType: 'IPv4',
    endpoints: endpoints.map(
      (e): Endpoint => ({
        addresses: [e.ip],
        conditions: { ready: e.ready, serving: e.serving ?? e.ready, terminating: e.terminating ?? false },
        nodeName: 'node-1',
        targetRef: ref(e.pod),
      }),
    ),
    ports: o.ports ?? [{ name: '', port: 8080, protocol: 'TCP' }],
  };
}

let eventSeq = 0;

export function makeEvent(o: {
  object: string;
  kind?: string;
  reason: string;
  message: string;
  type?: 'Normal' | 'Warning';
  first: Seconds;
  last?: Seconds;
  count?: number;
  fieldPath?: string;
  component?: string;
  host?: string;
  uid?: string;
}): EventObject {
  eventSeq++;
  const first = o.first;
  return {
    kind: 'Event',
    metadata: meta(`${o.object}.${(0x181a0000000000 + Math.round(first * 1e3) * 1000 + eventSeq).toString(16)}`, { creationTimestamp: first }),
    involvedObject: { kind: o.kind ?? 'Pod', name: o.object, namespace: 'default', uid: o.uid ?? uidOf(o.object), ...(o.fieldPath ? { fieldPath: o.fieldPath } : {}) },
    reason: o.reason,
    message: o.message,
    type: o.type ?? 'Normal',
    source: { component: o.component ?? 'kubelet', ...(o.host !== undefined ? { host: o.host } : {}) },
    count: o.count ?? 1,
    firstTimestamp: first,
    lastTimestamp: o.last ?? first,
  };
}

export function makeDeployment(
  name: string,
  o: { replicas?: number; ready?: number; updated?: number; available?: number; created?: Seconds; image?: string; generation?: number } = {},
): DeploymentObject {
  const replicas = o.replicas ?? 1;
  const ready = o.ready ?? replicas;
  return {
    kind: 'Deployment',
    metadata: meta(name, { creationTimestamp: o.created ?? 0, generation: o.generation ?? 1, annotations: { 'deployment.kubernetes.io/revision': '1' }, labels: { app: name } }),
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: o.image ?? 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    },
    status: {
      observedGeneration: o.generation ?? 1,
      replicas,
      updatedReplicas: o.updated ?? replicas,
      readyReplicas: ready,
      availableReplicas: o.available ?? ready,
      unavailableReplicas: replicas - (o.available ?? ready),
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastTransitionTime: 5, lastUpdateTime: 5 },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}-7d4b9c8f5" has successfully progressed.`, lastTransitionTime: 0, lastUpdateTime: 5 },
      ],
    },
  };
}

export function makeReplicaSet(deployment: DeploymentObject, o: { hash?: string; replicas?: number; ready?: number; created?: Seconds } = {}): ReplicaSetObject {
  const hash = o.hash ?? '7d4b9c8f5';
  const name = `${deployment.metadata.name}-${hash}`;
  const replicas = o.replicas ?? deployment.spec.replicas ?? 1;
  const template = JSON.parse(JSON.stringify(deployment.spec.template));
  template.metadata.labels['pod-template-hash'] = hash;
  return {
    kind: 'ReplicaSet',
    metadata: meta(name, {
      creationTimestamp: o.created ?? deployment.metadata.creationTimestamp,
      labels: { ...deployment.spec.selector.matchLabels, 'pod-template-hash': hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name, uid: deployment.metadata.uid, controller: true }],
    }),
    spec: { replicas, selector: { matchLabels: { ...deployment.spec.selector.matchLabels, 'pod-template-hash': hash } }, template },
    status: { replicas, readyReplicas: o.ready ?? replicas, availableReplicas: o.ready ?? replicas, fullyLabeledReplicas: replicas, observedGeneration: 1 },
  };
}

export function makeConfigMap(name: string, data: Record<string, string>): ConfigMapObject {
  return { kind: 'ConfigMap', metadata: meta(name), data, source: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data } };
}

export function makeSecret(name: string, stringData: Record<string, string>): SecretObject {
  return { kind: 'Secret', metadata: meta(name), data: stringData, type: 'Opaque', source: { apiVersion: 'v1', kind: 'Secret', metadata: { name }, stringData } };
}

export function podMetrics(pod: string, containers: [string, number, number][], timestamp: Seconds = 0): PodMetrics {
  return { name: pod, namespace: 'default', timestamp, window: 15, containers: containers.map(([name, cpuMilli, memoryBytes]) => ({ name, cpuMilli, memoryBytes })) };
}

// ---------- the view ----------

export interface LogFixture {
  current?: LogLine[];
  previous?: LogLine[];
}

/** log lines at times t0, t0+1, ... */
export function lines(texts: string[], t0: Seconds = 0, stream: LogLine['stream'] = 'stdout'): LogLine[] {
  return texts.map((text, i) => ({ t: t0 + i, text, stream }));
}

export interface ViewFixture extends Partial<Omit<ClusterView, 'logs' | 'metrics'>> {
  /** keyed "pod/container" */
  logs?: Record<string, LogFixture>;
  metricsAvailable?: boolean;
  podMetrics?: PodMetrics[];
  nodeMetrics?: { name: string; cpuMilli: number; memoryBytes: number }[];
}

export function makeView(f: ViewFixture = {}): ClusterView {
  const logs = f.logs ?? {};
  return {
    now: f.now ?? 0,
    epochMs: f.epochMs ?? EPOCH_MS,
    nodes: f.nodes ?? [makeNode()],
    pods: f.pods ?? [],
    services: f.services ?? [],
    endpointSlices: f.endpointSlices ?? [],
    endpoints: f.endpoints ?? [],
    deployments: f.deployments ?? [],
    replicaSets: f.replicaSets ?? [],
    configMaps: f.configMaps ?? [],
    secrets: f.secrets ?? [],
    events: f.events ?? [],
    logs: {
      current: (pod, c) => logs[`${pod}/${c}`]?.current,
      previous: (pod, c) => logs[`${pod}/${c}`]?.previous,
    },
    metrics: {
      available: f.metricsAvailable ?? true,
      pods: new Map((f.podMetrics ?? []).map((m) => [`${m.namespace}/${m.name}`, m])),
      nodes: new Map((f.nodeMetrics ?? []).map((m) => [m.name, { name: m.name, timestamp: 0, window: 15, cpuMilli: m.cpuMilli, memoryBytes: m.memoryBytes }])),
    },
  };
}
