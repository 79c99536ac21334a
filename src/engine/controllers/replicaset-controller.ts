/**
 * The ReplicaSet controller as pure functions (k8s.io/kubernetes
 * pkg/controller/replicaset/replica_set.go manageReplicas, getPodsToDelete;
 * replica_set_utils.go calculateStatus; pkg/controller/controller_utils.go
 * GetPodFromTemplate).
 *
 * The caller owns the loop: it passes the ReplicaSet's active owned pods, creates
 * `create` pods with newPodFromTemplate (one name each, `<rs>-<randomSuffix>`), marks
 * the `delete` pods for graceful deletion, and records the events below.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import type { PodObject, ReplicaSetObject, Seconds } from '../model/objects';
import { filterActivePods, getPodsToDelete } from './active-pods';
import { isPodAvailable, isPodReady } from './pod-readiness';
import { podQosClass } from './pod-qos-class';

/** replica_set.go BurstReplicas: at most this many creates/deletes per sync. */
export const BURST_REPLICAS = 500;

export interface ReplicaSetContext {
  now: Seconds;
  /**
   * Active pods of every ReplicaSet owned by the same Deployment (the RS controller
   * ranks deletions against them to spread pods across nodes); defaults to the RS's own.
   */
  relatedPods?: readonly PodObject[];
}

export function reconcileReplicaSet(
  rs: ReplicaSetObject,
  ownedActivePods: readonly PodObject[],
  ctx: ReplicaSetContext,
): { create: number; delete: PodObject[] } {
  // Defensive: terminating and finished pods never count toward replicas.
  const active = filterActivePods(ownedActivePods);
  const diff = active.length - (rs.spec.replicas ?? 1);
  if (diff < 0) return { create: Math.min(-diff, BURST_REPLICAS), delete: [] };
  if (diff > 0) {
    return { create: 0, delete: getPodsToDelete(active, Math.min(diff, BURST_REPLICAS), ctx.now, ctx.relatedPods) };
  }
  return { create: 0, delete: [] };
}

/**
 * A pod as the ReplicaSet controller creates it, before the API server, scheduler and
 * kubelet touch it: the template's labels (pod-template-hash included), annotations and
 * spec, generateName `<rs>-`, a controller ownerReference to the ReplicaSet, phase
 * Pending with no conditions or container statuses, and the qosClass the API server
 * computes on create. resourceVersion is left for the store to assign.
 */
export function newPodFromTemplate(rs: ReplicaSetObject, name: string, uid: string, now: Seconds): PodObject {
  const template = rs.spec.template ?? {};
  const spec = podSpecFromTemplate(template.spec ?? { containers: [] });
  delete spec.nodeName;
  return {
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      uid,
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations: { ...(template.metadata?.annotations ?? {}) },
      creationTimestamp: now,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true },
      ],
      resourceVersion: '',
    },
    spec,
    status: {
      phase: 'Pending',
      conditions: [],
      initContainerStatuses: [],
      containerStatuses: [],
      qosClass: podQosClass(spec),
    },
  };
}

/**
 * A pod's own spec from its ReplicaSet's template. Nothing changes a pod spec's nested
 * values after admission (checkpoints already share them between copies), so the pods
 * of a ReplicaSet share them with its template, which is itself never changed in place:
 * a thousand replicas do not cost a thousand copies. What admission writes (top-level
 * fields, the tolerations list, each container's volumeMounts) is the pod's own.
 */
function podSpecFromTemplate(t: PodSpec): PodSpec {
  const spec: PodSpec = { ...t, containers: t.containers.map((c) => ({ ...c })) };
  if (t.initContainers) spec.initContainers = t.initContainers.map((c) => ({ ...c }));
  if (t.tolerations) spec.tolerations = t.tolerations.slice();
  return spec;
}

/**
 * replica_set_utils.go calculateStatus over the active pods: replicas, pods carrying
 * all template labels, Ready pods, and pods Ready for minReadySeconds.
 * `pods` may include terminating/finished ones; they are filtered out here.
 */
export function replicaSetStatus(
  rs: ReplicaSetObject,
  pods: readonly PodObject[],
  now: Seconds,
  minReadySeconds: number = rs.spec.minReadySeconds ?? 0,
): ReplicaSetObject['status'] {
  const active = filterActivePods(pods);
  const templateLabels = Object.entries(rs.spec.template?.metadata?.labels ?? {});
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of active) {
    if (templateLabels.every(([k, v]) => p.metadata.labels?.[k] === v)) fullyLabeled++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, minReadySeconds, now)) available++;
    }
  }
  return {
    replicas: active.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 1,
  };
}

/** controller_utils.go SuccessfulCreatePodReason / SuccessfulDeletePodReason events. */
export function successfulCreateEvent(podName: string): { type: 'Normal'; reason: string; message: string } {
  return { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${podName}` };
}
export function successfulDeleteEvent(podName: string): { type: 'Normal'; reason: string; message: string } {
  return { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${podName}` };
}
