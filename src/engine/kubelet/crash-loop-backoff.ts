/**
 * The kubelet's restart back-offs: client-go flowcontrol.Backoff
 * (k/k:staging/src/k8s.io/client-go/util/flowcontrol/backoff.go) as plain data,
 * one entry per key kept by the caller (the kubelet keys containers by
 * pod+container+spec hash, image pulls by pod UID + image).
 * Spec: kubernetes-semantics.md §3.2, §3.7.
 *
 * Container restarts (kuberuntime_manager.go doBackOff), with F = finishedAt of
 * the newest exited instance:
 *   if isInBackOffSince(entry, F, now) → CrashLoopBackOff, do not start;
 *   else entry = backOffNext(entry, now, CONTAINER_BACKOFF, F) and start now.
 * There is no entry before the first crash, so the first restart is immediate.
 * `decideContainerRestart` does both steps.
 *
 * Image pulls (images/image_manager.go): if isInBackOffSinceUpdate(entry, now)
 * → ImagePullBackOff; else pull, and on failure entry = backOffNext(entry, now,
 * IMAGE_PULL_BACKOFF).
 */
import type { Seconds } from '../model/objects';

export interface BackOffEntry {
  /** current back-off window, seconds */
  backoff: number;
  /** when Next() last ran, seconds */
  lastUpdate: number;
}

export interface BackOffPolicy {
  initial: number;
  max: number;
  /** an entry older than this (eventTime − lastUpdate) starts over; default 2×max */
  expireAfter?: number;
}

/**
 * k/k:pkg/kubelet/kubelet.go: `containerBackOffPeriod` = 10 s, `MaxContainerBackOff`
 * = 300 s, and `HasExpiredFunc` resets after a flat 600 s (kept at 600 s even when
 * KubeletCrashLoopBackOffMax lowers the max).
 */
export const CONTAINER_BACKOFF: BackOffPolicy = { initial: 10, max: 300, expireAfter: 600 };

/** k/k:pkg/kubelet/kubelet.go: image back-off `flowcontrol.NewBackOff(backOffPeriod=10s, MaxImageBackOff=300s)`; default expiry 2×max. */
export const IMAGE_PULL_BACKOFF: BackOffPolicy = { initial: 10, max: 300 };

function expireAfter(policy: BackOffPolicy): number {
  return policy.expireAfter ?? 2 * policy.max;
}

/** flowcontrol hasExpired: strictly more than the expiry since the last update. */
export function hasExpired(entry: BackOffEntry, eventTime: Seconds, policy: BackOffPolicy = CONTAINER_BACKOFF): boolean {
  return eventTime - entry.lastUpdate > expireAfter(policy);
}

/** IsInBackOffSince(key, finishedAt): `now − finishedAt < backoff` unless missing or expired. */
export function isInBackOffSince(
  entry: BackOffEntry | undefined,
  finishedAt: Seconds,
  now: Seconds,
  policy: BackOffPolicy = CONTAINER_BACKOFF,
): boolean {
  if (!entry) return false;
  if (hasExpired(entry, finishedAt, policy)) return false;
  return now - finishedAt < entry.backoff;
}

/** IsInBackOffSinceUpdate(key, now): `now − lastUpdate < backoff` unless missing or expired (image pulls). */
export function isInBackOffSinceUpdate(
  entry: BackOffEntry | undefined,
  now: Seconds,
  policy: BackOffPolicy = IMAGE_PULL_BACKOFF,
): boolean {
  if (!entry) return false;
  if (hasExpired(entry, now, policy)) return false;
  return now - entry.lastUpdate < entry.backoff;
}

/**
 * Next(key, eventTime): a fresh entry at `initial` when missing or expired,
 * else double (capped at max); lastUpdate = now.
 * @param eventTime the time Next() checks expiry against; the kubelet passes the
 *   container's finishedAt for restarts (doBackOff) and now for image pulls.
 *   Defaults to now.
 */
export function backOffNext(
  entry: BackOffEntry | undefined,
  now: Seconds,
  policy: BackOffPolicy = CONTAINER_BACKOFF,
  eventTime: Seconds = now,
): BackOffEntry {
  if (!entry || hasExpired(entry, eventTime, policy)) return { backoff: policy.initial, lastUpdate: now };
  return { backoff: Math.min(entry.backoff * 2, policy.max), lastUpdate: now };
}

/** When a container that finished at `finishedAt` may be restarted. */
export function backOffExpiresAt(entry: BackOffEntry, finishedAt: Seconds): Seconds {
  return finishedAt + entry.backoff;
}

export type RestartDecision =
  | { start: true; entry: BackOffEntry }
  /** in back-off: show CrashLoopBackOff with `entry.backoff`, retry at `retryAt` */
  | { start: false; entry: BackOffEntry; retryAt: Seconds };

/** doBackOff for a container whose newest instance exited at `finishedAt`. */
export function decideContainerRestart(
  entry: BackOffEntry | undefined,
  finishedAt: Seconds,
  now: Seconds,
  policy: BackOffPolicy = CONTAINER_BACKOFF,
): RestartDecision {
  if (entry && isInBackOffSince(entry, finishedAt, now, policy)) {
    return { start: false, entry, retryAt: backOffExpiresAt(entry, finishedAt) };
  }
  return { start: true, entry: backOffNext(entry, now, policy, finishedAt) };
}

/**
 * Go's time.Duration.String() for a whole or fractional number of seconds:
 * `10s`, `1m20s`, `5m0s`, `1h0m0s`, `1.5s`.
 */
export function formatGoDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const neg = seconds < 0;
  let rest = Math.abs(seconds);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  rest -= m * 60;
  // seconds with up to 9 decimals, trailing zeros trimmed (Go prints ns precision)
  const s = Number.isInteger(rest) ? String(rest) : rest.toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
  let out = '';
  if (h > 0) out = `${h}h${m}m${s}s`;
  else if (m > 0) out = `${m}m${s}s`;
  else out = `${s}s`;
  return neg ? `-${out}` : out;
}

/** k/k format.Pod: `<name>_<namespace>(<uid>)`. */
export function formatPod(pod: { name: string; namespace: string; uid: string }): string {
  return `${pod.name}_${pod.namespace}(${pod.uid})`;
}

/** waiting.message while in CrashLoopBackOff (kuberuntime_manager.go doBackOff). */
export function crashLoopBackOffMessage(
  backoff: number,
  container: string,
  pod: { name: string; namespace: string; uid: string },
): string {
  return `back-off ${formatGoDuration(backoff)} restarting failed container=${container} pod=${formatPod(pod)}`;
}

/** Warning BackOff event message (kuberuntime_manager.go doBackOff, ~v1.26+). */
export function backOffRestartingEventMessage(
  container: string,
  pod: { name: string; namespace: string; uid: string },
): string {
  return `Back-off restarting failed container ${container} in pod ${formatPod(pod)}`;
}
