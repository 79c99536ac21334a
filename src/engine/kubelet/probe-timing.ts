/**
 * When probes run (kubernetes-semantics.md §2.3): ticks at anchor + k·period, skipped
 * while the container is younger than initialDelaySeconds (truncated seconds since
 * the container started, worker.go).
 */

/** an instant just after `t`, for "the next tick after now" (well above float noise, well below any probe period) */
export const JUST_AFTER = 1e-6;

/** the first tick at or after `t` */
export function firstTickAtOrAfter(anchor: number, period: number, t: number): number {
  if (t <= anchor) return anchor;
  // tolerate float noise in time units (a tick at exactly t counts)
  const k = Math.ceil((t - anchor - 1e-9) / period);
  return anchor + k * period;
}

/** the latest tick at or before `t`, or null before the anchor */
export function lastTickAtOrBefore(anchor: number, period: number, t: number): number | null {
  if (t < anchor) return null;
  return anchor + Math.floor((t - anchor + 1e-9) / period) * period;
}

/** worker.go: `if int32(time.Since(startedAt).Seconds()) < initialDelaySeconds { skip }` */
export function pastInitialDelay(startedAt: number, initialDelaySeconds: number, t: number): boolean {
  return Math.floor(t - startedAt + 1e-9) >= initialDelaySeconds;
}

/** the first tick at or after `t` that is past the initial delay */
export function firstEligibleTick(anchor: number, period: number, t: number, startedAt: number, initialDelaySeconds: number): number {
  const earliest = Math.max(t, startedAt + initialDelaySeconds);
  return firstTickAtOrAfter(anchor, period, earliest);
}
