/**
 * apimachinery's duration helpers, as kubectl uses them for AGE, LAST SEEN and
 * "(45s ago)" (k8s.io/apimachinery/pkg/util/duration/duration.go).
 *
 * Go converts with int(...), which truncates toward zero; durations are first
 * taken to whole milliseconds so that float noise in virtual time (119.9999999)
 * cannot flip a boundary.
 */
import type { Seconds } from '../model/objects';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

function toMs(d: Seconds): number {
  return Math.round(d * 1000);
}

/** HumanDuration: ~2-3 significant figures, e.g. 119s, 2m18s, 5m, 3h20m, 2d4h, 3y12d. */
export function humanDuration(d: Seconds): string {
  const ms = toMs(d);
  const seconds = Math.trunc(ms / 1000);
  // Allow deviation no more than 2 seconds (excluded), as apimachinery does.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE_MS);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR_MS);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** ShortHumanDuration: one unit only (45s, 3m, 5h, 12d, 2y). */
export function shortHumanDuration(d: Seconds): string {
  const ms = toMs(d);
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE_MS);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR_MS);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}
