/**
 * Kubernetes resource quantities (`250m`, `0.5`, `128Mi`, `1G`, `1e3`), parsed exactly
 * as k8s.io/apimachinery/pkg/api/resource ParseQuantity does, with its error texts.
 * Values are kept exact (bigint digits with decimal and binary exponents) and only
 * rounded when scaled, rounding up like Quantity.ScaledValue / MilliValue / Value.
 */

export interface Quantity {
  /** as written (trimmed) */
  text: string;
  negative: boolean;
  /** all significant digits, integer and fraction part together */
  digits: bigint;
  /** value = digits × 10^exp10 × 2^exp2 */
  exp10: number;
  exp2: number;
}

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; message: string };
export type ScaledResult = { ok: true; value: number } | { ok: false; message: string };

const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE}'`;
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

interface Split {
  negative: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString from quantity.go. */
function split(str: string): Split | { error: string } {
  let negative = false;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') {
    negative = true;
    pos++;
  } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { negative, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  // "if we stripped all numerator positions, always return 0"
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) return { error: ERR_FORMAT_WRONG };
  return { negative, num, denom, suffix: str.slice(suffixStart) };
}

function interpretSuffix(suffix: string): { exp10: number; exp2: number } | undefined {
  if (suffix in DECIMAL_SUFFIXES) return { exp10: DECIMAL_SUFFIXES[suffix], exp2: 0 };
  if (suffix in BINARY_SUFFIXES) return { exp10: 0, exp2: BINARY_SUFFIXES[suffix] };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[-+]?\d+$/.test(suffix.slice(1))) {
    return { exp10: Number(suffix.slice(1)), exp2: 0 };
  }
  return undefined;
}

/** A quantity from YAML (string or number) or a command line. */
export function tryParseQuantity(input: unknown): QuantityResult {
  if (typeof input !== 'string' && typeof input !== 'number') return { ok: false, message: ERR_FORMAT_WRONG };
  const text = (typeof input === 'number' ? String(input) : input).trim();
  if (text.length === 0) return { ok: false, message: ERR_FORMAT_WRONG };
  if (!new RegExp(SPLIT_RE).test(text)) return { ok: false, message: ERR_FORMAT_WRONG };
  const parts = split(text);
  if ('error' in parts) return { ok: false, message: parts.error };
  const scale = interpretSuffix(parts.suffix);
  if (!scale) return { ok: false, message: ERR_SUFFIX };
  const digitsText = parts.num + parts.denom;
  if (digitsText === '') return { ok: false, message: ERR_NUMERIC };
  const digits = BigInt(digitsText);
  return {
    ok: true,
    quantity: {
      text,
      negative: parts.negative && digits !== 0n,
      digits,
      exp10: scale.exp10 - parts.denom.length,
      exp2: scale.exp2,
    },
  };
}

/** The quantity as an exact fraction n/d (d > 0). */
function rational(q: Quantity): { n: bigint; d: bigint } {
  let n = q.digits << BigInt(q.exp2);
  let d = 1n;
  if (q.exp10 >= 0) n *= 10n ** BigInt(q.exp10);
  else d = 10n ** BigInt(-q.exp10);
  return { n: q.negative ? -n : n, d };
}

/** ceil(q × 10^-exp10), as Quantity.ScaledValue(scale) (e.g. -3 for MilliValue). */
export function scaledValue(q: Quantity, scale: number): number {
  const { n, d: d0 } = rational(q);
  let num = n;
  let d = d0;
  if (scale <= 0) num *= 10n ** BigInt(-scale);
  else d *= 10n ** BigInt(scale);
  const quotient = num / d;
  const exact = quotient * d === num;
  return Number(!exact && num > 0n ? quotient + 1n : quotient);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const x = rational(a);
  const y = rational(b);
  const l = x.n * y.d;
  const r = y.n * x.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** CPU in millicores (`250m` → 250, `0.5` → 500, `2` → 2000), rounded up like MilliValue(). */
export function tryParseCpuMilli(input: unknown): ScaledResult {
  const r = tryParseQuantity(input);
  return r.ok ? { ok: true, value: scaledValue(r.quantity, -3) } : r;
}

/** Memory in bytes (`128Mi`, `1Gi`, `1G`, `100M`, `1e3`, plain bytes), rounded up like Value(). */
export function tryParseMemoryBytes(input: unknown): ScaledResult {
  const r = tryParseQuantity(input);
  return r.ok ? { ok: true, value: scaledValue(r.quantity, 0) } : r;
}

export function parseCpuMilli(input: string | number): number {
  const r = tryParseCpuMilli(input);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

export function parseMemoryBytes(input: string | number): number {
  const r = tryParseMemoryBytes(input);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
