/**
 * Pod readiness and availability as controllers read them from the API object
 * (k8s.io/kubernetes pkg/api/v1/pod/util.go IsPodReady, IsPodAvailable).
 */
import type { PodObject, PodCondition, Seconds } from '../model/objects';

export function podReadyCondition(pod: PodObject): PodCondition | undefined {
  return pod.status.conditions.find((c) => c.type === 'Ready');
}

/** Ready condition present with status "True". */
export function isPodReady(pod: PodObject): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** When the pod last became Ready, or undefined when it is not Ready. */
export function podReadyTime(pod: PodObject): Seconds | undefined {
  const c = podReadyCondition(pod);
  return c?.status === 'True' ? c.lastTransitionTime : undefined;
}

/**
 * Ready for at least minReadySeconds. Kubernetes uses a strict
 * `lastTransitionTime + minReadySeconds < now`; the ReplicaSet controller requeues
 * itself after minReadySeconds and real clocks have moved on by then, so on the
 * virtual clock the boundary itself counts as available (`<=`): a recheck scheduled
 * exactly at that instant must see the pod available.
 */
export function isPodAvailable(pod: PodObject, minReadySeconds: number, now: Seconds): boolean {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  return c.lastTransitionTime + minReadySeconds <= now;
}

/**
 * The earliest future moment one of these pods becomes available, for the caller to
 * schedule a resync (replica_set.go requeues after minReadySeconds for the same reason).
 */
export function nextAvailabilityCheck(pods: readonly PodObject[], minReadySeconds: number, now: Seconds): Seconds | undefined {
  if (!minReadySeconds) return undefined;
  let next: Seconds | undefined;
  for (const p of pods) {
    const t = podReadyTime(p);
    if (t === undefined) continue;
    const at = t + minReadySeconds;
    if (at > now && (next === undefined || at < next)) next = at;
  }
  return next;
}
