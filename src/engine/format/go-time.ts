/**
 * The absolute timestamp layouts kubectl and the API print, from virtual time.
 * Virtual second t happens at wall-clock epochMs + t*1000 (ClusterView.epochMs).
 * Everything is printed in UTC, as on a machine with TZ=UTC.
 */
import type { Seconds } from '../model/objects';

function wallMs(epochMs: number, t: Seconds): number {
  return Math.round(epochMs + t * 1000);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n: number): string {
  return n.toString().padStart(2, '0');
}

/**
 * metav1.Time as the API serialises it: RFC 3339 in UTC with whole seconds
 * (Time.MarshalJSON formats with time.RFC3339, dropping the fraction).
 */
export function rfc3339(epochMs: number, t: Seconds): string {
  const ms = wallMs(epochMs, t);
  const d = new Date(Math.floor(ms / 1000) * 1000);
  return d.toISOString().replace('.000Z', 'Z');
}

/**
 * time.RFC3339Nano ("2006-01-02T15:04:05.999999999Z07:00"): the fraction keeps only
 * significant digits, and the dot goes too when it is zero. The kubelet prefixes
 * `kubectl logs --timestamps` lines this way.
 */
export function rfc3339Nano(epochMs: number, t: Seconds): string {
  const ms = wallMs(epochMs, t);
  const whole = Math.floor(ms / 1000) * 1000;
  const base = new Date(whole).toISOString().slice(0, 19);
  const frac = (ms - whole).toString().padStart(3, '0').replace(/0+$/, '');
  return frac === '' ? `${base}Z` : `${base}.${frac}Z`;
}

/** time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700"), as kubectl describe prints Start Time, Started, Finished. */
export function rfc1123z(epochMs: number, t: Seconds): string {
  const d = new Date(Math.floor(wallMs(epochMs, t) / 1000) * 1000);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}
