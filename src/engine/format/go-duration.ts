/**
 * Go's time.Duration.String() (src/time/time.go), e.g. 10s, 1m20s, 5m0s,
 * 1.234s, 500ms, 1.5µs. The kubelet prints back-off this way
 * ("back-off 5m0s restarting failed container=...") and kubectl top prints
 * pod ages this way ("age: 3m12.5s").
 */
import type { Seconds } from '../model/objects';

const NS_PER_SECOND = 1_000_000_000n;

/** fmtFrac: the fraction v/10**prec without trailing zeros (and no dot when zero). */
function fmtFrac(v: bigint, prec: number): { frac: string; rest: bigint } {
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) digits = digit.toString() + digits;
    v /= 10n;
  }
  return { frac: print ? '.' + digits : '', rest: v };
}

/** Duration.String() for a duration given in (possibly fractional) seconds. */
export function goDuration(d: Seconds): string {
  return goDurationNs(BigInt(Math.round(d * 1e9)));
}

/** Duration.String() for an exact duration in nanoseconds. */
export function goDurationNs(ns: bigint): string {
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < NS_PER_SECOND) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1_000n) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1_000_000n) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const { frac, rest } = fmtFrac(u, prec);
    out = rest.toString() + frac + unit;
  } else {
    const { frac, rest } = fmtFrac(u, 9);
    u = rest; // whole seconds
    out = (u % 60n).toString() + frac + 's';
    u /= 60n; // whole minutes
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n; // whole hours; Go stops at hours because days vary in length
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}
