/**
 * Where a share link sits in a page address: `#share=...`. Apart from the codec
 * (share-link.ts), which is fetched only when there is a link to read or one to make.
 */
export const SHARE_PARAM = 'share';

/** The `share` value of a location hash (`#share=...`, possibly among other `&` parameters), or null. */
export function shareFragment(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of h.split('&')) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return null;
}

/** `base` (a page URL; its own fragment dropped) with the share fragment. */
export function shareUrl(base: string, fragment: string): string {
  return `${base.replace(/#.*$/, '')}#${SHARE_PARAM}=${fragment}`;
}
