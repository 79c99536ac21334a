/**
 * Creating cluster objects the way the API server does on create: uid,
 * resourceVersion, creationTimestamp, a Service's cluster IP, a pod's
 * initial status and QoS class.
 */
import type { Pod, Service, ConfigMap, Secret, Toleration, VolumeProjection } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Engine } from '../runtime/engine';
import type {
  ConfigMapObject,
  DeploymentObject,
  ObjectMeta,
  PodObject,
  ReplicaSetObject,
  SecretObject,
  ServiceObject,
} from '../model/objects';
import { podQosClass } from '../controllers/pod-qos-class';

function meta(eng: Engine, m: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; generateName?: string } | undefined): ObjectMeta {
  return {
    name: m?.name ?? '',
    namespace: m?.namespace ?? 'default',
    uid: eng.newUid(),
    labels: { ...(m?.labels ?? {}) },
    annotations: { ...(m?.annotations ?? {}) },
    creationTimestamp: eng.now(),
    resourceVersion: eng.nextResourceVersion(),
    generation: 1,
    ...(m?.generateName ? { generateName: m.generateName } : {}),
  };
}

export function createPodObject(eng: Engine, pod: Pod): PodObject {
  const spec = structuredClone(pod.spec!);
  return {
    kind: 'Pod',
    metadata: meta(eng, pod.metadata),
    spec,
    status: { phase: 'Pending', conditions: [], initContainerStatuses: [], containerStatuses: [], qosClass: podQosClass(spec) },
  };
}

export function createServiceObject(eng: Engine, svc: Service): ServiceObject {
  const spec = structuredClone(svc.spec ?? {});
  spec.type ??= 'ClusterIP';
  if (!spec.clusterIP) {
    // cluster IPs from the default service CIDR 10.96.0.0/12, after kubernetes' own 10.96.0.1
    spec.clusterIP = `10.96.${eng.rng.int(256)}.${1 + eng.rng.int(254)}`;
  }
  spec.clusterIPs = spec.clusterIP === 'None' ? ['None'] : [spec.clusterIP];
  spec.ports = (spec.ports ?? []).map((p) => ({ protocol: 'TCP', targetPort: p.port, ...p }));
  spec.sessionAffinity ??= 'None';
  return { kind: 'Service', metadata: meta(eng, svc.metadata), spec };
}

export function createDeploymentObject(eng: Engine, d: Deployment): DeploymentObject {
  return {
    kind: 'Deployment',
    metadata: meta(eng, d.metadata),
    spec: structuredClone(d.spec!),
    status: { observedGeneration: 0, replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0, unavailableReplicas: 0, conditions: [] },
  };
}

export function createReplicaSetObject(eng: Engine, rs: ReplicaSet): ReplicaSetObject {
  return {
    kind: 'ReplicaSet',
    metadata: meta(eng, rs.metadata),
    spec: structuredClone(rs.spec!),
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0, fullyLabeledReplicas: 0, observedGeneration: 0 },
  };
}

export function createConfigMapObject(eng: Engine, cm: ConfigMap): ConfigMapObject {
  return { kind: 'ConfigMap', metadata: meta(eng, cm.metadata), data: { ...(cm.data ?? {}) }, source: cm };
}

export function createSecretObject(eng: Engine, s: Secret): SecretObject {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.stringData ?? {})) data[k] = v;
  for (const [k, v] of Object.entries(s.data ?? {})) data[k] = decodeBase64(v);
  return { kind: 'Secret', metadata: meta(eng, s.metadata), data, type: s.type ?? 'Opaque', source: s };
}

function decodeBase64(v: string): string {
  try {
    const bin = atob(v);
    return new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
  } catch {
    return v;
  }
}

// What admission adds is the same for every pod, and nothing changes a pod spec's nested
// values in place (checkpoints share them too): every pod shares these.
const DEFAULT_TOLERATIONS: Toleration[] = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }));
const KUBE_API_ACCESS_SOURCES: VolumeProjection[] = [
  { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
  { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
  { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
];

/**
 * What the API server's admission adds to every pod on create: the default service
 * account and its token volume (ServiceAccount admission), the not-ready/unreachable
 * tolerations (DefaultTolerationSeconds), priority 0, the default scheduler.
 */
export function applyPodAdmission(eng: Engine, pod: PodObject): void {
  const spec = pod.spec;
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.priority ??= 0;
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.tolerations ??= [];
  for (const t of DEFAULT_TOLERATIONS) {
    if (!spec.tolerations.some((x) => x.key === t.key)) spec.tolerations.push(t);
  }
  if (spec.automountServiceAccountToken !== false && !(spec.volumes ?? []).some((v) => v.name.startsWith('kube-api-access-'))) {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let suffix = '';
    for (let i = 0; i < 5; i++) suffix += alphabet[eng.rng.int(alphabet.length)];
    const name = `kube-api-access-${suffix}`;
    spec.volumes = [
      ...(spec.volumes ?? []),
      {
        name,
        projected: { defaultMode: 420, sources: KUBE_API_ACCESS_SOURCES },
      },
    ];
    const mount = { name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) c.volumeMounts = [...(c.volumeMounts ?? []), mount];
  }
}
