/**
 * The API objects as `kubectl get -o yaml|json` shows them: podsim's model turned into the
 * real core/v1, apps/v1 and discovery.k8s.io/v1 shapes, with RFC 3339 timestamps and
 * Go's omitempty rules for the fields that have them.
 */
import type {
  ClusterView,
  ConfigMapObject,
  ContainerStatus,
  DeploymentObject,
  EndpointSliceObject,
  EndpointsObject,
  EventObject,
  NodeObject,
  ObjectMeta,
  PodObject,
  ReplicaSetObject,
  SecretObject,
  Seconds,
  ServiceObject,
} from '../model/objects';
import { rfc3339 } from '../format/go-time';
import { cpuQuantity, formatQuantity, memoryQuantity } from '../format/quantity';
import { NODE_INFO } from './print-nodes';

export type ClusterObject =
  | PodObject
  | NodeObject
  | ServiceObject
  | EndpointSliceObject
  | EndpointsObject
  | DeploymentObject
  | ReplicaSetObject
  | ConfigMapObject
  | SecretObject
  | EventObject;

type Obj = Record<string, unknown>;

/** drops undefined members (Go's omitempty for pointers and optional fields) */
function clean<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function nonEmpty<T>(m: Record<string, T> | undefined): Record<string, T> | undefined {
  return m && Object.keys(m).length > 0 ? m : undefined;
}

/** omitempty for integers */
function nz(n: number | undefined): number | undefined {
  return n ? n : undefined;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function metadataOf(m: ObjectMeta, view: ClusterView, namespaced: boolean): Obj {
  const ts = (t: Seconds | undefined) => (t === undefined ? undefined : rfc3339(view.epochMs, t));
  return clean({
    annotations: nonEmpty(m.annotations),
    creationTimestamp: ts(m.creationTimestamp),
    deletionGracePeriodSeconds: m.deletionGracePeriodSeconds,
    deletionTimestamp: ts(m.deletionTimestamp),
    generateName: m.generateName,
    generation: m.generation,
    labels: nonEmpty(m.labels),
    name: m.name,
    namespace: namespaced ? m.namespace : undefined,
    ownerReferences: m.ownerReferences?.map((o) =>
      clean({ apiVersion: o.apiVersion, blockOwnerDeletion: o.controller ? true : undefined, controller: o.controller, kind: o.kind, name: o.name, uid: o.uid }),
    ),
    resourceVersion: m.resourceVersion,
    uid: m.uid,
  });
}

function containerStatusOf(s: ContainerStatus, view: ClusterView): Obj {
  const ts = (t: Seconds) => rfc3339(view.epochMs, t);
  const state = (st: ContainerStatus['state'] | ContainerStatus['lastState']): Obj => {
    if ('running' in st && st.running) return { running: { startedAt: ts(st.running.startedAt) } };
    if ('waiting' in st && st.waiting) return { waiting: clean({ message: st.waiting.message, reason: st.waiting.reason }) };
    if ('terminated' in st && st.terminated) {
      const t = st.terminated;
      return {
        terminated: clean({
          containerID: t.containerID,
          exitCode: t.exitCode,
          finishedAt: ts(t.finishedAt),
          message: t.message,
          reason: t.reason,
          startedAt: ts(t.startedAt),
        }),
      };
    }
    return {};
  };
  return clean({
    containerID: s.containerID,
    image: s.image,
    imageID: s.imageID,
    lastState: state(s.lastState),
    name: s.name,
    ready: s.ready,
    restartCount: s.restartCount,
    started: s.started,
    state: state(s.state),
  });
}

function podOf(p: PodObject, view: ClusterView): Obj {
  const ts = (t: Seconds | undefined) => (t === undefined ? undefined : rfc3339(view.epochMs, t));
  const st = p.status;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: metadataOf(p.metadata, view, true),
    spec: clone(p.spec),
    status: clean({
      conditions: st.conditions.map((c) =>
        clean({ lastProbeTime: null, lastTransitionTime: ts(c.lastTransitionTime), message: c.message, reason: c.reason, status: c.status, type: c.type }),
      ),
      containerStatuses: st.containerStatuses.length > 0 ? st.containerStatuses.map((s) => containerStatusOf(s, view)) : undefined,
      hostIP: st.hostIP,
      hostIPs: st.hostIP ? [{ ip: st.hostIP }] : undefined,
      initContainerStatuses: st.initContainerStatuses.length > 0 ? st.initContainerStatuses.map((s) => containerStatusOf(s, view)) : undefined,
      message: st.message,
      nominatedNodeName: st.nominatedNodeName,
      phase: st.phase,
      podIP: st.podIP,
      podIPs: st.podIP ? [{ ip: st.podIP }] : undefined,
      qosClass: st.qosClass,
      reason: st.reason,
      startTime: ts(st.startTime),
    }),
  };
}

function nodeOf(n: NodeObject, view: ClusterView): Obj {
  const res = (r: NodeObject['status']['capacity']) => ({
    cpu: formatQuantity(cpuQuantity(r.cpuMilli)),
    'ephemeral-storage': '100Gi',
    memory: formatQuantity(memoryQuantity(r.memoryBytes)),
    pods: String(r.pods),
  });
  const created = rfc3339(view.epochMs, n.metadata.creationTimestamp);
  const now = rfc3339(view.epochMs, view.now);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: metadataOf(n.metadata, view, false),
    spec: { podCIDR: n.podCIDR, podCIDRs: [n.podCIDR] },
    status: {
      addresses: n.status.addresses.map((a) => ({ address: a.address, type: a.type })),
      allocatable: res(n.status.allocatable),
      capacity: res(n.status.capacity),
      conditions: [
        n.status.ready
          ? { lastHeartbeatTime: now, lastTransitionTime: created, message: 'kubelet is posting ready status', reason: 'KubeletReady', status: 'True', type: 'Ready' }
          : { lastHeartbeatTime: now, lastTransitionTime: created, message: 'Kubelet stopped posting node status.', reason: 'NodeStatusUnknown', status: 'Unknown', type: 'Ready' },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: NODE_INFO.architecture,
        bootID: n.metadata.uid,
        containerRuntimeVersion: NODE_INFO.containerRuntimeVersion,
        kernelVersion: NODE_INFO.kernelVersion,
        kubeProxyVersion: NODE_INFO.kubeProxyVersion,
        kubeletVersion: NODE_INFO.kubeletVersion,
        machineID: n.metadata.uid.replace(/-/g, ''),
        operatingSystem: NODE_INFO.operatingSystem,
        osImage: NODE_INFO.osImage,
        systemUUID: n.metadata.uid,
      },
    },
  };
}

function targetRefOf(r: { kind: string; name: string; namespace: string; uid: string }): Obj {
  return { kind: r.kind, name: r.name, namespace: r.namespace, uid: r.uid };
}

function endpointsOf(ep: EndpointsObject, view: ClusterView): Obj {
  const addr = (a: { ip: string; nodeName?: string; targetRef: { kind: string; name: string; namespace: string; uid: string } }) =>
    clean({ ip: a.ip, nodeName: a.nodeName, targetRef: targetRefOf(a.targetRef) });
  return clean({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: metadataOf(ep.metadata, view, true),
    subsets:
      ep.subsets.length > 0
        ? ep.subsets.map((s) =>
            clean({
              addresses: s.addresses && s.addresses.length > 0 ? s.addresses.map(addr) : undefined,
              notReadyAddresses: s.notReadyAddresses && s.notReadyAddresses.length > 0 ? s.notReadyAddresses.map(addr) : undefined,
              ports: s.ports.map((p) => clean({ name: p.name, port: p.port, protocol: p.protocol })),
            }),
          )
        : undefined,
  });
}

function endpointSliceOf(s: EndpointSliceObject, view: ClusterView): Obj {
  return {
    addressType: s.addressType,
    apiVersion: 'discovery.k8s.io/v1',
    endpoints: s.endpoints.map((e) =>
      clean({
        addresses: e.addresses,
        conditions: { ready: e.conditions.ready, serving: e.conditions.serving, terminating: e.conditions.terminating },
        nodeName: e.nodeName,
        targetRef: targetRefOf(e.targetRef),
      }),
    ),
    kind: 'EndpointSlice',
    metadata: metadataOf(s.metadata, view, true),
    ports: s.ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol })),
  };
}

function deploymentOf(d: DeploymentObject, view: ClusterView): Obj {
  const ts = (t: Seconds) => rfc3339(view.epochMs, t);
  const st = d.status;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadataOf(d.metadata, view, true),
    spec: clone(d.spec),
    status: clean({
      availableReplicas: nz(st.availableReplicas),
      conditions: st.conditions.map((c) => ({
        lastTransitionTime: ts(c.lastTransitionTime),
        lastUpdateTime: ts(c.lastUpdateTime),
        message: c.message,
        reason: c.reason,
        status: c.status,
        type: c.type,
      })),
      observedGeneration: nz(st.observedGeneration),
      readyReplicas: nz(st.readyReplicas),
      replicas: nz(st.replicas),
      unavailableReplicas: nz(st.unavailableReplicas),
      updatedReplicas: nz(st.updatedReplicas),
    }),
  };
}

function replicaSetOf(rs: ReplicaSetObject, view: ClusterView): Obj {
  const st = rs.status;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: metadataOf(rs.metadata, view, true),
    spec: clone(rs.spec),
    status: clean({
      availableReplicas: nz(st.availableReplicas),
      fullyLabeledReplicas: nz(st.fullyLabeledReplicas),
      observedGeneration: nz(st.observedGeneration),
      readyReplicas: nz(st.readyReplicas),
      replicas: st.replicas,
    }),
  };
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function secretOf(s: SecretObject, view: ClusterView): Obj {
  const src = s.source;
  let data: Record<string, string> = {};
  if (src.data || src.stringData) {
    data = { ...(src.data ?? {}) };
    for (const [k, v] of Object.entries(src.stringData ?? {})) data[k] = base64(v);
  } else {
    for (const [k, v] of Object.entries(s.data)) data[k] = base64(v);
  }
  return clean({ apiVersion: 'v1', data: nonEmpty(data), kind: 'Secret', metadata: metadataOf(s.metadata, view, true), type: s.type });
}

function eventOf(e: EventObject, view: ClusterView): Obj {
  const ts = (t: Seconds) => rfc3339(view.epochMs, t);
  return clean({
    apiVersion: 'v1',
    count: e.count,
    eventTime: null,
    firstTimestamp: ts(e.firstTimestamp),
    involvedObject: clean({
      apiVersion: e.involvedObject.kind === 'Deployment' || e.involvedObject.kind === 'ReplicaSet' ? 'apps/v1' : 'v1',
      fieldPath: e.involvedObject.fieldPath,
      kind: e.involvedObject.kind,
      name: e.involvedObject.name,
      namespace: e.involvedObject.namespace,
      uid: e.involvedObject.uid,
    }),
    kind: 'Event',
    lastTimestamp: ts(e.lastTimestamp),
    message: e.message,
    metadata: metadataOf(e.metadata, view, true),
    reason: e.reason,
    reportingComponent: e.source.component,
    reportingInstance: e.source.host ?? '',
    source: clean({ component: e.source.component, host: e.source.host }),
    type: e.type,
  });
}

/** the object as the API server returns it (what -o yaml / -o json print) */
export function toApiObject(obj: ClusterObject, view: ClusterView): Obj {
  switch (obj.kind) {
    case 'Pod':
      return podOf(obj, view);
    case 'Node':
      return nodeOf(obj, view);
    case 'Service':
      return { apiVersion: 'v1', kind: 'Service', metadata: metadataOf(obj.metadata, view, true), spec: clone(obj.spec), status: { loadBalancer: {} } };
    case 'Endpoints':
      return endpointsOf(obj, view);
    case 'EndpointSlice':
      return endpointSliceOf(obj, view);
    case 'Deployment':
      return deploymentOf(obj, view);
    case 'ReplicaSet':
      return replicaSetOf(obj, view);
    case 'ConfigMap':
      return clean({ apiVersion: 'v1', binaryData: nonEmpty(obj.source.binaryData), data: nonEmpty(obj.data), kind: 'ConfigMap', metadata: metadataOf(obj.metadata, view, true) });
    case 'Secret':
      return secretOf(obj, view);
    case 'Event':
      return eventOf(obj, view);
  }
}

/** kubectl's wrapper when more than one object is printed (or a list was asked for) */
export function toApiList(items: Obj[]): Obj {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
