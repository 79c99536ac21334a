/**
 * Stable serialisation of API values, for hashing and for equality checks.
 * - canonicalJson: object keys sorted, undefined dropped (JSON's own rule).
 * - semanticallyEqual: like apimachinery's api/equality Semantic.DeepEqual, which
 *   treats nil and empty slices/maps as equal; here null/undefined/[]/{} all count
 *   as "absent".
 */

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, false));
}

export function semanticallyEqual(a: unknown, b: unknown): boolean {
  // the same value serialises the same
  if (a === b) return true;
  // Plain data (the usual case) is compared in place; anything else by its serialisation.
  const r = plainEqual(a, b);
  return r !== null ? r : JSON.stringify(sortKeys(a, true) ?? null) === JSON.stringify(sortKeys(b, true) ?? null);
}

/** a value that serialises to nothing once empties are dropped: null, undefined, [], or an object of such values */
function isAbsent(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') {
    for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k) && !isAbsent((v as Record<string, unknown>)[k])) return false;
    return true;
  }
  return false;
}

/** true when `v` is made of plain objects, arrays, strings, booleans and finite numbers only (top level) */
function isPlainValue(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      return Number.isFinite(v);
    case 'object': {
      if (v === null || Array.isArray(v)) return true;
      const proto = Object.getPrototypeOf(v);
      return proto === Object.prototype || proto === null;
    }
    default:
      return false;
  }
}

/**
 * semanticallyEqual without building the canonical strings: null when a value is not
 * plain data (the caller then serialises), else whether the two serialise the same.
 */
function plainEqual(a: unknown, b: unknown): boolean | null {
  if (a === b) return true;
  if (!isPlainValue(a) || !isPlainValue(b)) return null;
  const absentA = isAbsent(a);
  const absentB = isAbsent(b);
  if (absentA || absentB) return absentA === absentB;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) {
      const r = plainEqual(a[i], bb[i]);
      if (r !== true) return r;
    }
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let present = 0;
  for (const k in ao) {
    if (!Object.prototype.hasOwnProperty.call(ao, k) || isAbsent(ao[k])) continue;
    present++;
    if (!Object.prototype.hasOwnProperty.call(bo, k)) return isPlainValue(ao[k]) ? false : null;
    const r = plainEqual(ao[k], bo[k]);
    if (r !== true) return r;
  }
  for (const k in bo) if (Object.prototype.hasOwnProperty.call(bo, k) && !isAbsent(bo[k])) present--;
  return present === 0;
}

function sortKeys(value: unknown, dropEmpty: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => sortKeys(v, dropEmpty) ?? null);
    return dropEmpty && items.length === 0 ? undefined : items;
  }
  if (value === null) return dropEmpty ? undefined : null;
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = sortKeys((value as Record<string, unknown>)[key], dropEmpty);
      if (v !== undefined) out[key] = v;
    }
    return dropEmpty && Object.keys(out).length === 0 ? undefined : out;
  }
  return value;
}
