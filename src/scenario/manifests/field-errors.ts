/**
 * Field paths and field errors worded as the API server words them
 * (k8s.io/apimachinery/pkg/util/validation/field: path.go, errors.go), e.g.
 * `spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1`.
 */
import type { PathSegment } from '../yaml-documents';

/** A field path as field.Path prints it, and the segments that locate it in the YAML. */
export class FieldPath {
  private constructor(
    readonly text: string,
    readonly segments: readonly PathSegment[],
  ) {}

  static root(): FieldPath {
    return new FieldPath('', []);
  }

  static of(...names: string[]): FieldPath {
    return FieldPath.root().child(...names);
  }

  /** field.Path.Child: `a.b` */
  child(...names: string[]): FieldPath {
    let p: FieldPath = this;
    for (const name of names) p = new FieldPath(p.text === '' ? name : `${p.text}.${name}`, [...p.segments, name]);
    return p;
  }

  /** field.Path.Index: `a[0]` */
  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`, [...this.segments, i]);
  }

  /** field.Path.Key: `a[key]` */
  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`, [...this.segments, k]);
  }

  toString(): string {
    return this.text;
  }
}

/** A problem inside one document. */
export interface FieldProblem {
  /** where in the document to point */
  at: readonly PathSegment[];
  /** printed before the message; absent when the message itself names the field */
  path?: string;
  message: string;
}

/** A value already written in Go syntax (what `%#v` would print). */
export class GoSyntax {
  constructor(readonly text: string) {}
}

export type BadValue = string | number | boolean | null | undefined | GoSyntax;

/** How field.Error prints a bad value: `%v` for numbers and bools, `%q` for strings, `%#v` otherwise. */
export function formatBadValue(v: BadValue): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof GoSyntax) return v.text;
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

/** `%#v` of a map[string]string: keys sorted, `map[string]string{"a":"b", "c":"d"}`. */
export function goStringMap(m: Record<string, string> | undefined | null): GoSyntax {
  if (!m) return new GoSyntax('map[string]string(nil)');
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`);
  return new GoSyntax(`map[string]string{${entries.join(', ')}}`);
}

/** `%#v` of an intstr.IntOrString. */
export function goIntOrString(v: string | number): GoSyntax {
  return typeof v === 'number'
    ? new GoSyntax(`intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`)
    : new GoSyntax(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`);
}

function problem(p: FieldPath, body: string): FieldProblem {
  return { at: p.segments, path: p.text, message: body };
}

export function required(p: FieldPath, detail = ''): FieldProblem {
  return problem(p, detail ? `Required value: ${detail}` : 'Required value');
}

export function invalid(p: FieldPath, value: BadValue, detail: string): FieldProblem {
  return problem(p, `Invalid value: ${formatBadValue(value)}${detail ? `: ${detail}` : ''}`);
}

export function notSupported(p: FieldPath, value: BadValue, supported: readonly string[]): FieldProblem {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return problem(p, `Unsupported value: ${formatBadValue(value)}${list ? `: supported values: ${list}` : ''}`);
}

export function duplicate(p: FieldPath, value: BadValue): FieldProblem {
  return problem(p, `Duplicate value: ${formatBadValue(value)}`);
}

export function forbidden(p: FieldPath, detail: string): FieldProblem {
  return problem(p, `Forbidden: ${detail}`);
}

export function notFound(p: FieldPath, value: BadValue, detail = ''): FieldProblem {
  return problem(p, `Not found: ${formatBadValue(value)}${detail ? `: ${detail}` : ''}`);
}

/** A problem whose message already says where (strict decoding errors). */
export function located(p: FieldPath, message: string): FieldProblem {
  return { at: p.segments, message };
}

/** ValidateNonnegativeField (apimachinery/pkg/api/validation). */
export function validateNonnegative(value: number | undefined, p: FieldPath): FieldProblem[] {
  return value !== undefined && value < 0 ? [invalid(p, value, 'must be greater than or equal to 0')] : [];
}
