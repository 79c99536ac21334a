/**
 * A short fingerprint of a text: tells a bundled scenario left as it is from an edited
 * copy without fetching the bundled text (the picker's "current" entry, the share menu's
 * "link by name"). Computed at build time for each bundled file (bundled-scenarios-plugin.ts)
 * and in the browser for the loaded text, so both sides must use this one function.
 * cyrb53 (bryc, public domain): 53 bits, plus the length.
 */
export function textFingerprint(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${s.length.toString(36)}-${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}
