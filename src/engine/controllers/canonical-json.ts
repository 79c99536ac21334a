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
  return JSON.stringify(sortKeys(a, true) ?? null) === JSON.stringify(sortKeys(b, true) ?? null);
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
