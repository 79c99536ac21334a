/**
 * Typed reading of podsim's own YAML (the Scenario document): each reader returns
 * the value or undefined and records a problem naming the field path. Unknown
 * fields are rejected with the same wording as for manifests.
 */
import { tryParseDuration } from './duration';
import { FieldPath, located, type FieldProblem } from './manifests/field-errors';
import { isPlainObject } from './manifests/strict-decoding';
import { tryParseQuantity, type Quantity } from './quantity';
import type { LocalizedText, Seconds } from './model';

export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

/** Readers return undefined, recording a problem, for a bad value; absent values pass silently. */
export class FieldReader {
  readonly problems: FieldProblem[] = [];

  problem(p: FieldPath, message: string): undefined {
    this.problems.push({ at: p.segments, path: p.text, message });
    return undefined;
  }

  /** A mapping with only the given fields; null counts as an empty mapping. */
  mapping(v: unknown, p: FieldPath, fields?: readonly string[]): Record<string, unknown> | undefined {
    if (v === null || v === undefined) return {};
    if (!isPlainObject(v)) return this.problem(p, `must be a mapping, not ${describeValue(v)}`);
    if (fields) {
      for (const k of Object.keys(v)) {
        if (!fields.includes(k)) {
          const fp = p.child(k);
          this.problems.push(located(fp, `unknown field ${JSON.stringify(fp.text)}`));
        }
      }
    }
    return v;
  }

  list(v: unknown, p: FieldPath): unknown[] | undefined {
    if (v === null || v === undefined) return [];
    if (!Array.isArray(v)) return this.problem(p, `must be a list, not ${describeValue(v)}`);
    return v;
  }

  string(v: unknown, p: FieldPath): string | undefined {
    if (v === undefined) return undefined; // absent: `required` has said so where it matters
    if (typeof v === 'boolean') {
      // kubectl's YAML (1.1) reads y, n, yes, no, on, off as booleans, and so do we
      return this.problem(p, `must be a string, not ${v}: quote it, as YAML reads y, n, yes, no, on and off as true or false`);
    }
    if (typeof v !== 'string') return this.problem(p, `must be a string, not ${describeValue(v)}`);
    return v;
  }

  bool(v: unknown, p: FieldPath): boolean | undefined {
    if (v === undefined) return undefined; // absent: `required` has said so where it matters
    if (typeof v !== 'boolean') return this.problem(p, `must be true or false, not ${describeValue(v)}`);
    return v;
  }

  integer(v: unknown, p: FieldPath, min: number, max: number): number | undefined {
    if (v === undefined) return undefined; // absent: `required` has said so where it matters
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.problem(p, `must be a whole number, not ${describeValue(v)}`);
    if (v < min || v > max) return this.problem(p, `must be between ${min} and ${max}, not ${v}`);
    return v;
  }

  number(v: unknown, p: FieldPath, exclusiveMin: number): number | undefined {
    if (v === undefined) return undefined; // absent: `required` has said so where it matters
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.problem(p, `must be a number, not ${describeValue(v)}`);
    if (v <= exclusiveMin) return this.problem(p, `must be greater than ${exclusiveMin}, not ${v}`);
    return v;
  }

  duration(v: unknown, p: FieldPath, min = 0, minText = '0s'): Seconds | undefined {
    if (v === undefined) return undefined; // absent: `required` has said so where it matters
    const r = tryParseDuration(v);
    if (!r.ok) return this.problem(p, r.message);
    if (r.seconds < min) return this.problem(p, `must be at least ${minText}, not ${describeValue(v)}`);
    return r.seconds;
  }

  quantity(v: unknown, p: FieldPath): Quantity | undefined {
    if (v === undefined) return undefined; // absent: `required` has said so where it matters
    const r = tryParseQuantity(v);
    if (!r.ok) return this.problem(p, r.message);
    if (r.quantity.negative) return this.problem(p, `must not be negative, not ${r.quantity.text}`);
    return r.quantity;
  }

  /** A text, or a map from language tag to text (`{en: ..., ja: ...}`). */
  localizedText(v: unknown, p: FieldPath): LocalizedText | undefined {
    if (typeof v === 'string') return v;
    const m = this.mapping(v, p);
    if (!m) return undefined;
    const out: Record<string, string> = {};
    for (const [lang, text] of Object.entries(m)) {
      const lp = p.key(lang);
      if (!/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) this.problem(lp, `a language tag such as "en" or "ja", not ${JSON.stringify(lang)}`);
      const s = this.string(text, lp);
      if (s !== undefined) out[lang] = s;
    }
    return out;
  }

  required(obj: Record<string, unknown>, key: string, p: FieldPath): unknown {
    if (obj[key] === undefined || obj[key] === null) {
      this.problem(p.child(key), 'Required value');
      return undefined;
    }
    return obj[key];
  }
}

export { FieldPath };
