/**
 * Durations written as in Kubernetes and Go (`500ms`, `30s`, `2m30s`, `1h`), plus a
 * bare number meaning seconds (our addition, as in the scenario contract).
 * Parsing follows Go's time.ParseDuration and its error texts; formatting follows
 * Go's time.Duration.String() (what kubelet messages such as "back-off 5m0s" print).
 */
import type { Seconds } from './model';

export type DurationResult = { ok: true; seconds: Seconds } | { ok: false; message: string };

const NS_PER_UNIT: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const BARE_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

function quote(s: string): string {
  return JSON.stringify(s);
}

/** Go time.ParseDuration on a string; the result in seconds. */
function parseGoDuration(orig: string): DurationResult {
  const invalid = (): DurationResult => ({ ok: false, message: `time: invalid duration ${quote(orig)}` });
  let s = orig;
  let negative = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, seconds: 0 };
  if (s === '') return invalid();
  let totalNs = 0;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid();
    const intMatch = /^\d*/.exec(s)![0];
    s = s.slice(intMatch.length);
    let fraction = '';
    if (s[0] === '.') {
      fraction = /^\.(\d*)/.exec(s)![1];
      s = s.slice(1 + fraction.length);
    }
    if (intMatch === '' && fraction === '') return invalid();
    let i = 0;
    while (i < s.length && !(s[i] === '.' || (s[i] >= '0' && s[i] <= '9'))) i++;
    if (i === 0) return { ok: false, message: `time: missing unit in duration ${quote(orig)}` };
    const unit = s.slice(0, i);
    s = s.slice(i);
    const perUnit = NS_PER_UNIT[unit];
    if (perUnit === undefined) {
      return { ok: false, message: `time: unknown unit ${quote(unit)} in duration ${quote(orig)}` };
    }
    const whole = intMatch === '' ? 0 : Number(intMatch);
    const frac = fraction === '' ? 0 : Number(`0.${fraction}`);
    totalNs += whole * perUnit + Math.round(frac * perUnit);
  }
  if (!Number.isFinite(totalNs) || totalNs > 9223372036854775807) return invalid();
  const seconds = totalNs / 1e9;
  return { ok: true, seconds: negative ? -seconds : seconds };
}

/**
 * A duration from YAML or a command line: a number (seconds), a numeric string
 * (seconds), or a Go duration string.
 */
export function tryParseDuration(input: unknown): DurationResult {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: `invalid duration ${String(input)}` };
    return { ok: true, seconds: input };
  }
  if (typeof input !== 'string') {
    return { ok: false, message: `a duration must be a string like "30s" or a number of seconds, not ${describeJsonType(input)}` };
  }
  const text = input.trim();
  if (BARE_NUMBER.test(text)) return { ok: true, seconds: Number(text) };
  return parseGoDuration(text);
}

/** Parses a duration, throwing an Error whose message is the Go error text. */
export function parseDuration(input: string | number): Seconds {
  const r = tryParseDuration(input);
  if (!r.ok) throw new Error(r.message);
  return r.seconds;
}

function describeJsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `a ${typeof v}`;
}

/** Go's fmtFrac: the lowest `prec` digits of v as a fraction without trailing zeros. */
function fraction(v: bigint, prec: number): { text: string; rest: bigint } {
  let digits = '';
  let printed = false;
  let rest = v;
  for (let i = 0; i < prec; i++) {
    const digit = rest % 10n;
    printed = printed || digit !== 0n;
    if (printed) digits = digit.toString() + digits;
    rest /= 10n;
  }
  return { text: printed ? `.${digits}` : '', rest };
}

/** Go's time.Duration.String() for a duration in seconds (rounded to the nanosecond). */
export function formatGoDuration(seconds: Seconds): string {
  let ns = BigInt(Math.round(seconds * 1e9));
  const negative = ns < 0n;
  if (negative) ns = -ns;
  let out: string;
  if (ns < 1_000_000_000n) {
    if (ns === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (ns < 1_000n) {
      prec = 0;
      unit = 'ns';
    } else if (ns < 1_000_000n) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const f = fraction(ns, prec);
    out = `${f.rest}${f.text}${unit}`;
  } else {
    const f = fraction(ns, 9);
    let u = f.rest;
    out = `${u % 60n}${f.text}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return negative ? `-${out}` : out;
}
