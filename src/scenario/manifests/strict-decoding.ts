/**
 * The first thing the API server does with a manifest: decode the JSON into Go
 * structs, strictly (`kubectl apply --validate=strict`, the default). Unknown fields
 * and values of the wrong JSON type are rejected with the decoder's own texts:
 *   unknown field "spec.containers[0].imagePullPolcy"
 *   json: cannot unmarshal string into Go struct field Probe.spec.containers.livenessProbe.periodSeconds of type int32
 * (sigs.k8s.io/json strict decoding, encoding/json UnmarshalTypeError.)
 */
import { tryParseQuantity } from '../quantity';
import { FieldPath, located, type FieldProblem } from './field-errors';

export type ApiType =
  | { t: 'string'; go?: string }
  | { t: 'int32' }
  | { t: 'int64' }
  | { t: 'bool' }
  | { t: 'intOrString' }
  | { t: 'quantity' }
  /** []byte: a base64 string */
  | { t: 'bytes' }
  | { t: 'array'; of: ApiType }
  | { t: 'map'; of: ApiType; go?: string }
  | { t: 'struct'; go: string; fields: Record<string, ApiType> }
  /** accepted as written without a closer look (large structures podsim ignores) */
  | { t: 'any' };

export const str: ApiType = { t: 'string' };
export const i32: ApiType = { t: 'int32' };
export const i64: ApiType = { t: 'int64' };
export const bool: ApiType = { t: 'bool' };
export const intOrString: ApiType = { t: 'intOrString' };
export const quantity: ApiType = { t: 'quantity' };
export const bytes: ApiType = { t: 'bytes' };
export const anything: ApiType = { t: 'any' };
export const named = (go: string): ApiType => ({ t: 'string', go });
export const arrayOf = (of: ApiType): ApiType => ({ t: 'array', of });
export const mapOf = (of: ApiType, go?: string): ApiType => ({ t: 'map', of, go });
export const struct = (go: string, fields: Record<string, ApiType>): ApiType => ({ t: 'struct', go, fields });
export const stringMap = mapOf(str);
export const stringList = arrayOf(str);

export function goTypeName(type: ApiType): string {
  switch (type.t) {
    case 'string':
      return type.go ?? 'string';
    case 'int32':
    case 'int64':
    case 'bool':
      return type.t;
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'bytes':
      return '[]uint8';
    case 'array':
      return `[]${goTypeName(type.of)}`;
    case 'map':
      return type.go ?? `map[string]${goTypeName(type.of)}`;
    case 'struct':
      return type.go;
    case 'any':
      return 'interface {}';
  }
}

export function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const INT_RANGE = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
} as const;

const BASE64_CHAR = /[A-Za-z0-9+/]/;

/** Go's base64.StdEncoding.Decode error position, or -1 when the text is valid. */
export function base64ErrorOffset(s: string): number {
  const chars: { c: string; i: number }[] = [];
  for (let i = 0; i < s.length; i++) if (s[i] !== '\n' && s[i] !== '\r') chars.push({ c: s[i], i });
  for (let q = 0; q < chars.length; q += 4) {
    const quantum = chars.slice(q, q + 4);
    for (let j = 0; j < quantum.length; j++) {
      const { c, i } = quantum[j];
      if (c === '=') {
        // padding: only in the last quantum, at position 2 or 3, and followed only by '='
        if (q + 4 < chars.length || j < 2 || quantum.slice(j).some((x) => x.c !== '=') || quantum.length < 4) return i;
        break;
      }
      if (!BASE64_CHAR.test(c)) return i;
    }
    if (quantum.length < 4) return quantum[0].i;
  }
  return -1;
}

interface DecodeContext {
  /** the innermost Go struct, e.g. "Probe" */
  owner: string;
  /** JSON field names from the object's root, without indexes, e.g. "spec.containers.livenessProbe" */
  stack: string;
}

function typeError(v: unknown, type: ApiType, path: FieldPath, ctx: DecodeContext, withNumber = false): FieldProblem {
  const kind = withNumber ? `number ${String(v)}` : jsonKind(v);
  return located(path, `json: cannot unmarshal ${kind} into Go struct field ${ctx.owner}.${ctx.stack} of type ${goTypeName(type)}`);
}

function decodeValue(v: unknown, type: ApiType, path: FieldPath, ctx: DecodeContext, out: FieldProblem[]): void {
  if (v === null || v === undefined) return; // JSON null leaves the field unset
  switch (type.t) {
    case 'any':
      return;
    case 'string':
      if (typeof v !== 'string') out.push(typeError(v, type, path, ctx));
      return;
    case 'bool':
      if (typeof v !== 'boolean') out.push(typeError(v, type, path, ctx));
      return;
    case 'int32':
    case 'int64': {
      if (typeof v !== 'number') {
        out.push(typeError(v, type, path, ctx));
        return;
      }
      const [lo, hi] = INT_RANGE[type.t];
      if (!Number.isInteger(v) || v < lo || v > hi) out.push(typeError(v, type, path, ctx, true));
      return;
    }
    case 'intOrString': {
      // IntOrString.UnmarshalJSON decodes non-strings into an int32 with a fresh decoder
      if (typeof v === 'string') return;
      if (typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return;
      const kind = typeof v === 'number' ? `number ${v}` : jsonKind(v);
      out.push({ at: path.segments, path: path.text, message: `json: cannot unmarshal ${kind} into Go value of type int32` });
      return;
    }
    case 'quantity': {
      const r = tryParseQuantity(v);
      if (!r.ok) out.push({ at: path.segments, path: path.text, message: r.message });
      return;
    }
    case 'bytes': {
      if (typeof v !== 'string') {
        out.push(typeError(v, type, path, ctx));
        return;
      }
      const bad = base64ErrorOffset(v);
      if (bad >= 0) out.push({ at: path.segments, path: path.text, message: `illegal base64 data at input byte ${bad}` });
      return;
    }
    case 'array':
      if (!Array.isArray(v)) {
        out.push(typeError(v, type, path, ctx));
        return;
      }
      v.forEach((item, i) => {
        if (item !== null && type.of.t === 'struct' && !isPlainObject(item)) out.push(typeError(item, type.of, path.index(i), ctx));
        else decodeValue(item, type.of, path.index(i), ctx, out);
      });
      return;
    case 'map':
      if (!isPlainObject(v)) {
        out.push(typeError(v, type, path, ctx));
        return;
      }
      for (const [k, item] of Object.entries(v)) decodeValue(item, type.of, path.key(k), ctx, out);
      return;
    case 'struct': {
      if (!isPlainObject(v)) {
        out.push(typeError(v, type, path, ctx));
        return;
      }
      decodeStruct(v, type, path, ctx.stack, out);
      return;
    }
  }
}

function decodeStruct(
  v: Record<string, unknown>,
  type: Extract<ApiType, { t: 'struct' }>,
  path: FieldPath,
  stack: string,
  out: FieldProblem[],
): void {
  const owner = type.go.replace(/^.*\./, '');
  for (const [k, item] of Object.entries(v)) {
    const fieldType = type.fields[k];
    const childPath = path.child(k);
    if (!fieldType) {
      out.push(located(childPath, `unknown field ${JSON.stringify(childPath.text)}`));
      continue;
    }
    decodeValue(item, fieldType, childPath, { owner, stack: stack === '' ? k : `${stack}.${k}` }, out);
  }
}

export interface DecodeResult {
  /** wrong JSON types: the object cannot be decoded, so it is not validated further */
  typeErrors: FieldProblem[];
  unknownFields: FieldProblem[];
}

/** Strictly decodes a whole object (a document) against its top-level struct. */
export function decodeObject(v: Record<string, unknown>, type: Extract<ApiType, { t: 'struct' }>): DecodeResult {
  const out: FieldProblem[] = [];
  decodeStruct(v, type, FieldPath.root(), '', out);
  return {
    typeErrors: out.filter((p) => !p.message.startsWith('unknown field ')),
    unknownFields: out.filter((p) => p.message.startsWith('unknown field ')),
  };
}

function zeroValue(type: ApiType): unknown {
  switch (type.t) {
    case 'string':
    case 'bytes':
      return '';
    case 'int32':
    case 'int64':
    case 'intOrString':
      return 0;
    case 'bool':
      return false;
    case 'struct':
      return {};
    default:
      return null;
  }
}

/**
 * A deep copy of a decoded value as the Go struct would hold it: null fields are
 * left out (unset), null list items become zero values. Copying also keeps YAML
 * anchors shared between objects from being defaulted twice.
 */
export function decodedCopy(v: unknown, type: ApiType): unknown {
  if (v === null || v === undefined) return zeroValue(type);
  switch (type.t) {
    case 'array':
      return Array.isArray(v) ? v.map((item) => decodedCopy(item, type.of)) : v;
    case 'map': {
      if (!isPlainObject(v)) return v;
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) if (item !== null) out[k] = decodedCopy(item, type.of);
      return out;
    }
    case 'struct': {
      if (!isPlainObject(v)) return v;
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        if (item === null) continue;
        const fieldType = type.fields[k];
        out[k] = fieldType ? decodedCopy(item, fieldType) : item;
      }
      return out;
    }
    case 'any':
      return structuredClone(v);
    default:
      return v;
  }
}
