/**
 * Active pods and the order a ReplicaSet deletes them in
 * (k8s.io/kubernetes pkg/controller/controller_utils.go IsPodActive, FilterActivePods,
 * ActivePodsWithRanks.Less; pkg/controller/replicaset/replica_set.go getPodsToDelete,
 * getPodsRankedByRelatedPodsOnSameNode). Gates PodDeletionCost (beta, on) and
 * LogarithmicScaleDown (GA 1.31) are taken as enabled.
 */
import type { PodObject, Seconds } from '../model/objects';
import { isPodReady, podReadyTime } from './pod-readiness';

/** controller.kubernetes.io/pod-deletion-cost (core/v1 annotation_key_constants.go PodDeletionCost) */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

/** Not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: PodObject): boolean {
  return pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed' && pod.metadata.deletionTimestamp === undefined;
}

export function filterActivePods(pods: readonly PodObject[]): PodObject[] {
  return pods.filter(isPodActive);
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export interface RankedPod {
  pod: PodObject;
  /** active related pods on the same node ("doubled up") */
  rank: number;
}

/**
 * Negative when `a` should be deleted before `b` (ActivePodsWithRanks.Less):
 * 1. unassigned < assigned; 2. Pending < Unknown < Running; 3. not ready < ready;
 * 4. lower pod-deletion-cost first; 5. more pods of the same owner on its node first;
 * 6. both ready: ready more recently first; 7. more container restarts first;
 * 8. created more recently first. Times in 6 and 8 compare on a log2 scale of their age
 * in nanoseconds, equal buckets falling back to UID order. Where Go's Less is false both
 * ways (sort.Sort leaves such ties in any order) the pod name decides, for determinism.
 */
export function compareForDeletion(a: RankedPod, b: RankedPod, now: Seconds): number {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec.nodeName ?? '';
  const nb = pb.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const oa = PHASE_ORDINAL[pa.status.phase] ?? 0;
  const ob = PHASE_ORDINAL[pb.status.phase] ?? 0;
  if (oa !== ob) return oa - ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca < cb ? -1 : 1;
  if (a.rank !== b.rank) return a.rank > b.rank ? -1 : 1;
  if (ra && rb) {
    const ta = podReadyTime(pa)!;
    const tb = podReadyTime(pb)!;
    if (ta !== tb) {
      const d = logarithmicRankDiff(ta, tb, now);
      if (d === 0) return uidOrder(pa, pb);
      return d < 0 ? -1 : 1;
    }
  }
  const ka = maxContainerRestarts(pa);
  const kb = maxContainerRestarts(pb);
  if (ka !== kb) return ka > kb ? -1 : 1;
  const ta = pa.metadata.creationTimestamp;
  const tb = pb.metadata.creationTimestamp;
  if (ta !== tb) {
    const d = logarithmicRankDiff(ta, tb, now);
    if (d === 0) return uidOrder(pa, pb);
    return d < 0 ? -1 : 1;
  }
  return pa.metadata.name < pb.metadata.name ? -1 : pa.metadata.name > pb.metadata.name ? 1 : 0;
}

function uidOrder(a: PodObject, b: PodObject): number {
  if (a.metadata.uid === b.metadata.uid) return 0;
  return a.metadata.uid < b.metadata.uid ? -1 : 1;
}

/** floor(log2(age in ns)) of each time, age ≤ 0 counting as -1; younger ranks lower. */
function logarithmicRankDiff(t1: Seconds, t2: Seconds, now: Seconds): number {
  const rank = (t: Seconds) => {
    const ns = (now - t) * 1e9;
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
  };
  return rank(t1) - rank(t2);
}

function deletionCost(pod: PodObject): number {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (raw === undefined) return 0;
  // helper.GetDeletionCostFromPodAnnotations: an int32; invalid values are rejected by
  // validation, so treat them as the default.
  const n = Number(raw);
  return Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function maxContainerRestarts(pod: PodObject): number {
  let max = 0;
  for (const c of pod.status.containerStatuses) max = Math.max(max, c.restartCount);
  return max;
}

/**
 * The `diff` pods to delete from `pods` (an owner's active pods), ranked against
 * `relatedPods` (defaults to `pods`; the ReplicaSet controller passes the active pods of
 * every ReplicaSet of the same Deployment, to spread deletions across nodes).
 */
export function getPodsToDelete(pods: readonly PodObject[], diff: number, now: Seconds, relatedPods?: readonly PodObject[]): PodObject[] {
  if (diff <= 0) return [];
  // No need to sort when every pod goes.
  if (diff >= pods.length) return pods.slice();
  const onNode = new Map<string, number>();
  for (const p of relatedPods ?? pods) {
    if (!isPodActive(p)) continue;
    const n = p.spec.nodeName ?? '';
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  const ranked: RankedPod[] = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => compareForDeletion(a, b, now));
  return ranked.slice(0, diff).map((r) => r.pod);
}
