/**
 * resource.Quantity (k8s.io/apimachinery/pkg/api/resource/quantity.go): parsing and the
 * canonical String() kubectl prints (describe Limits/Requests, node capacity, -o yaml).
 * Values are held exactly in nano-units (Quantity's smallest scale).
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** value × 10^9 */
  nano: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const BINARY_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL_NAMES: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };

function pow(base: bigint, exp: number): bigint {
  let r = 1n;
  for (let i = 0; i < exp; i++) r *= base;
  return r;
}

/** ceil(a / b) for b > 0 */
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/** ParseQuantity: "250m", "1.5", "64Mi", "1e3", "2Gi". Returns null when it is not a quantity. */
export function parseQuantity(input: string | number): Quantity | null {
  const s = typeof input === 'number' ? String(input) : input.trim();
  const m = /^([+-]?)(\d+\.?\d*|\.\d+)(.*)$/.exec(s);
  if (!m) return null;
  const [, sign, num, suffix] = m;
  const [intPart, fracPart = ''] = num.split('.');
  const digits = BigInt((intPart || '0') + fracPart);
  let format: QuantityFormat;
  // value = digits × 10^(exp10 - fracLen) × 1024^exp1024
  let exp10: number;
  let exp1024 = 0;
  if (suffix in BINARY_SUFFIXES) {
    format = 'BinarySI';
    exp10 = 0;
    exp1024 = BINARY_SUFFIXES[suffix];
  } else if (suffix in DECIMAL_SUFFIXES) {
    format = 'DecimalSI';
    exp10 = DECIMAL_SUFFIXES[suffix];
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    exp10 = Number(suffix.slice(1));
  } else {
    return null;
  }
  const numerator = digits * pow(1024n, exp1024);
  const shift = exp10 - fracPart.length + 9;
  let nano: bigint;
  if (shift >= 0) nano = numerator * pow(10n, shift);
  // more precision than nano-units is rounded up, as Quantity does
  else nano = ceilDiv(numerator, pow(10n, -shift));
  if (sign === '-') nano = -nano;
  return { nano, format };
}

/** Quantity.String(): canonical form, e.g. "0.5" → 500m, "1000m" → 1, "1024Mi" → 1Gi, "1536Ki" stays. */
export function formatQuantity(q: Quantity): string {
  if (q.nano === 0n) return '0';
  let format = q.format;
  const abs = q.nano < 0n ? -q.nano : q.nano;
  if (format === 'BinarySI') {
    // small values, and values with a fraction, are shown as DecimalSI (CanonicalizeBytes)
    if (abs < 1024n * NANO || abs % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let v = q.nano / NANO;
    let e = 0;
    while (e < 6 && v % 1024n === 0n) {
      v /= 1024n;
      e++;
    }
    return v.toString() + BINARY_NAMES[e];
  }
  // AsCanonicalBytes: strip factors of ten, then lower the exponent to a multiple of three
  let mant = q.nano;
  let exp = -9;
  while (mant % 10n === 0n) {
    mant /= 10n;
    exp++;
  }
  const r = ((exp % 3) + 3) % 3;
  mant *= pow(10n, r);
  exp -= r;
  if (format === 'DecimalExponent') return exp === 0 ? mant.toString() : `${mant}e${exp}`;
  const name = DECIMAL_NAMES[exp];
  return name !== undefined ? mant.toString() + name : `${mant}e${exp}`;
}

/** The canonical string of a quantity as written in a manifest (unparseable input is returned as is). */
export function canonicalQuantity(input: string | number): string {
  const q = parseQuantity(input);
  return q ? formatQuantity(q) : String(input);
}

/** Quantity.MilliValue(): rounds up. */
export function milliValue(q: Quantity): bigint {
  return ceilDiv(q.nano, 1_000_000n);
}

/** Quantity.Value(): rounds up. */
export function value(q: Quantity): bigint {
  return ceilDiv(q.nano, NANO);
}

/** A CPU quantity from millicores (fractional millicores kept to the nanocore). */
export function cpuQuantity(milli: number): Quantity {
  return { nano: BigInt(Math.round(milli * 1e6)), format: 'DecimalSI' };
}

/** A memory quantity from bytes; BinarySI like node capacity ("8Gi"). */
export function memoryQuantity(bytes: number, format: QuantityFormat = 'BinarySI'): Quantity {
  return { nano: BigInt(Math.round(bytes)) * NANO, format };
}
