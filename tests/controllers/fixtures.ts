/** Small builders for controller tests: API objects with only the fields that matter. */
import type { ContainerStatus, DeploymentObject, PodObject, ServiceObject } from '../../src/engine/model/objects';
import type { ServiceSpec } from 'kubernetes-types/core/v1';
import type { DeploymentSpec } from 'kubernetes-types/apps/v1';

export interface PodOpts {
  name: string;
  labels?: Record<string, string>;
  ip?: string | null;
  node?: string | null;
  phase?: PodObject['status']['phase'];
  ready?: boolean;
  readySince?: number;
  deleting?: boolean;
  created?: number;
  uid?: string;
  restarts?: number;
  namespace?: string;
  annotations?: Record<string, string>;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
}

let ipCounter = 10;

export function pod(o: PodOpts): PodObject {
  const ready = o.ready ?? true;
  const restarts = o.restarts ?? 0;
  const cs: ContainerStatus = {
    name: 'app',
    image: 'nginx',
    imageID: '',
    state: { running: { startedAt: 0 } },
    lastState: {},
    ready,
    started: true,
    restartCount: restarts,
  };
  return {
    kind: 'Pod',
    metadata: {
      name: o.name,
      namespace: o.namespace ?? 'default',
      uid: o.uid ?? `uid-${o.name}`,
      labels: o.labels ?? { app: 'web' },
      annotations: o.annotations ?? {},
      creationTimestamp: o.created ?? 0,
      resourceVersion: '1',
      ...(o.deleting ? { deletionTimestamp: 100, deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: {
      containers: [{ name: 'app', image: 'nginx', ports: o.ports ?? [{ name: 'http', containerPort: 8080 }] }],
      ...(o.node === null ? {} : { nodeName: o.node ?? 'node-1' }),
    },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: o.readySince ?? 0 },
      ],
      ...(o.ip === null ? {} : { podIP: o.ip ?? `10.244.1.${ipCounter++}` }),
      initContainerStatuses: [],
      containerStatuses: [cs],
      qosClass: 'BestEffort',
    },
  };
}

export function service(name = 'web', spec: Partial<ServiceSpec> = {}, labels: Record<string, string> = {}): ServiceObject {
  return {
    kind: 'Service',
    metadata: {
      name,
      namespace: 'default',
      uid: `svc-uid-${name}`,
      labels,
      annotations: {},
      creationTimestamp: 0,
      resourceVersion: '1',
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
      ...spec,
    },
  };
}

export function deployment(spec: Partial<DeploymentSpec> = {}, name = 'web'): DeploymentObject {
  return {
    kind: 'Deployment',
    metadata: {
      name,
      namespace: 'default',
      uid: `deploy-uid-${name}`,
      labels: {},
      annotations: {},
      creationTimestamp: 0,
      generation: 1,
      resourceVersion: '1',
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] },
      },
      ...spec,
    },
    status: {
      observedGeneration: 0,
      replicas: 0,
      updatedReplicas: 0,
      readyReplicas: 0,
      availableReplicas: 0,
      unavailableReplicas: 0,
      conditions: [],
    },
  };
}

/** A counter-backed generator of names/uids, deterministic across runs. */
export function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${n++}`;
}
