/**
 * Revision and replica annotations on Deployments and their ReplicaSets
 * (k8s.io/kubernetes pkg/controller/deployment/util/deployment_util.go Revision,
 * MaxRevision, SetNewReplicaSetAnnotations, copyDeploymentAnnotationsToReplicaSet,
 * SetReplicasAnnotations, ReplicasAnnotationsNeedUpdate).
 */
import type { ReplicaSetObject } from '../model/objects';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** kubectl's apply annotation (v1.LastAppliedConfigAnnotation) */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/** apps.DeprecatedRollbackTo */
const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** deployment_controller.go maxRevHistoryLengthInChars */
const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

const SKIPPED = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO,
]);

/** The revision number of a ReplicaSet or Deployment: 0 when absent, undefined when unparsable. */
export function revisionOf(annotations: Record<string, string> | undefined): number | undefined {
  const v = annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^-?\d+$/.test(v) ? Number(v) : undefined;
}

export function maxRevision(rss: readonly ReplicaSetObject[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs.metadata.annotations);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/**
 * The annotations a new (or newly current) ReplicaSet should carry: the Deployment's
 * own annotations except the controller's; the revision raised to newRevision when
 * lower (remembering the old one in revision-history, as on a rollback); and, for a
 * ReplicaSet about to be created, desired-replicas / max-replicas.
 * Returns undefined when nothing changes.
 */
export function newReplicaSetAnnotations(
  deploymentAnnotations: Record<string, string>,
  rsAnnotations: Record<string, string>,
  newRevision: number,
  exists: boolean,
  desiredReplicas: number,
  maxReplicas: number,
): Record<string, string> | undefined {
  const out = { ...rsAnnotations };
  let changed = false;
  for (const [k, v] of Object.entries(deploymentAnnotations)) {
    if (SKIPPED.has(k) || out[k] === v) continue;
    out[k] = v;
    changed = true;
  }
  const oldRevisionRaw = out[REVISION_ANNOTATION];
  let oldRevision = 0;
  if (oldRevisionRaw !== undefined && oldRevisionRaw !== '') {
    if (!/^-?\d+$/.test(oldRevisionRaw)) return changed ? out : undefined;
    oldRevision = Number(oldRevisionRaw);
  }
  if (oldRevision < newRevision) {
    out[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (oldRevisionRaw !== undefined) {
      const history = out[REVISION_HISTORY_ANNOTATION] ?? '';
      if (history === '') {
        out[REVISION_HISTORY_ANNOTATION] = oldRevisionRaw;
      } else {
        const old = history.split(',');
        let totalLen = history.length + oldRevisionRaw.length + 1;
        let start = 0;
        while (totalLen > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < old.length) {
          totalLen -= old[start].length + 1;
          start++;
        }
        if (totalLen <= MAX_REV_HISTORY_LENGTH_IN_CHARS) out[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevisionRaw].join(',');
      }
    }
  }
  if (!exists) {
    const r = replicasAnnotations(out, desiredReplicas, maxReplicas);
    if (r) return r;
  }
  return changed ? out : undefined;
}

/** SetReplicasAnnotations: the new map, or undefined when both values already match. */
export function replicasAnnotations(
  annotations: Record<string, string>,
  desiredReplicas: number,
  maxReplicas: number,
): Record<string, string> | undefined {
  if (annotations[DESIRED_REPLICAS_ANNOTATION] === String(desiredReplicas) && annotations[MAX_REPLICAS_ANNOTATION] === String(maxReplicas)) {
    return undefined;
  }
  return { ...annotations, [DESIRED_REPLICAS_ANNOTATION]: String(desiredReplicas), [MAX_REPLICAS_ANNOTATION]: String(maxReplicas) };
}

export function intAnnotation(annotations: Record<string, string> | undefined, key: string): number | undefined {
  const v = annotations?.[key];
  if (v === undefined || !/^-?\d+$/.test(v)) return undefined;
  return Number(v);
}
