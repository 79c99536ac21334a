/**
 * `kubectl get -o json`: cli-runtime's JSONPrinter does json.Marshal then
 * json.Indent(dst, data, "", "    "). kubectl handles the object as unstructured
 * (a map), so encoding/json writes keys in sorted (byte) order, and it escapes
 * <, > and & as \u003c, \u003e, \u0026 (HTML-safe by default).
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json | undefined };

const INDENT = '    ';

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** encoding/json's string encoder (encodeState.string with escapeHTML). */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
    }
    if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += '\\u' + c.toString(16).padStart(4, '0');
      continue;
    }
    out += ch;
  }
  return out + '"';
}

function encode(v: Json | undefined, depth: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'string') return goJsonString(v);
  const pad = INDENT.repeat(depth + 1);
  const close = INDENT.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((x) => pad + encode(x, depth + 1)).join(',\n') + '\n' + close + ']';
  }
  const keys = Object.keys(v)
    .filter((k) => v[k] !== undefined)
    .sort(byteOrder);
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => `${pad}${goJsonString(k)}: ${encode(v[k], depth + 1)}`).join(',\n') + '\n' + close + '}';
}

/** The bytes `kubectl get -o json` writes for an object (with the trailing newline). */
export function marshalJson(value: unknown): string {
  return encode(value as Json, 0) + '\n';
}
