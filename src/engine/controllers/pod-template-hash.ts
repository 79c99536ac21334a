/**
 * Generated name parts.
 *
 * podTemplateHash follows k8s.io/kubernetes pkg/controller/controller_utils.go
 * ComputeHash: FNV-32a over the template, plus the collision count as 8 little-endian
 * bytes when there is one, then rand.SafeEncodeString of the decimal sum. Go feeds the
 * hasher a spew dump of the Go struct, which cannot be reproduced here, so the input is
 * the template's canonical JSON instead: the values differ from a real cluster's but
 * have the same shape (usually 9–10 chars of `456789bcdf` — SafeEncodeString maps the
 * digits '0'..'9' onto those ten letters — e.g. `7d4b9c8f5`, `5d59d67564`).
 *
 * randomSuffix is apimachinery util/rand String(5), used by generateName
 * (names.SimpleNameGenerator) for pod and EndpointSlice names.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { canonicalJson } from './canonical-json';

/** k8s.io/apimachinery/pkg/util/rand: consonants and digits that cannot spell words. */
export const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export function fnv32a(input: string | Uint8Array, seed = 0x811c9dc5): number {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte of s replaced by SAFE_ALPHANUMS[byte % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHANUMS[s.charCodeAt(i) % SAFE_ALPHANUMS.length];
  return out;
}

export function podTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(canonicalJson(template));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}

/** Five characters from SAFE_ALPHANUMS, drawn from the seeded generator. */
export function randomSuffix(rng: () => number, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE_ALPHANUMS[Math.floor(rng() * SAFE_ALPHANUMS.length) % SAFE_ALPHANUMS.length];
  return out;
}
