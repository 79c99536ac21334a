/**
 * The HTML a course author pastes into a page, made from what the simulator shows:
 * an `<iframe>` of embed.html and a `<pod-sim>` element. Pure: the Share dialog
 * (ShareMenu.tsx) fills it in and tests check it.
 *
 * A bundled scenario left as it is goes by name (`?scenario=NAME`, short and readable);
 * anything else (edited, pasted, with typed commands) goes as a share fragment, which
 * carries the text, the commands and the time exactly.
 */

export interface SnippetInput {
  /** the podsim site's root URL, ending in `/` (where index.html and embed.html are) */
  siteBase: string;
  /** file name of the scenario */
  file: string;
  /** its whole text */
  text: string;
  /** the text is a bundled scenario's, unedited, and no command was typed */
  bundled: boolean;
  /** the share fragment (after `#share=`), or null when the scenario is too large for a link */
  fragment: string | null;
  /** virtual time shown, seconds */
  t: number;
  speed: number;
  lang: string;
  /** the scenario's title, for the iframe's accessible name */
  title: string;
}

/** where the element's module lives, relative to the site root (vite.config.ts builds it there) */
export const ELEMENT_SCRIPT = 'embed/pod-sim.js';

/** text for an HTML attribute value or element content: nothing in it can open a tag or end the attribute */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** `90` → `1m30s` (what start= and the element's start attribute read) */
export function goDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${r || (!h && !m) ? `${r}s` : ''}`;
}

/** the embed.html address for this scenario, or null when it is too large to go by link */
export function iframeSrc(i: SnippetInput): string | null {
  const q = new URLSearchParams();
  if (i.bundled) {
    q.set('scenario', i.file);
    if (Math.round(i.t) > 0) q.set('start', goDuration(i.t));
    if (i.speed !== 1) q.set('speed', String(i.speed));
  }
  if (i.lang !== 'en') q.set('lang', i.lang);
  const query = q.toString() ? `?${q.toString()}` : '';
  if (i.bundled) return `${i.siteBase}embed.html${query}`;
  return i.fragment === null ? null : `${i.siteBase}embed.html${query}#share=${i.fragment}`;
}

export function iframeSnippet(i: SnippetInput): string | null {
  const src = iframeSrc(i);
  if (src === null) return null;
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(`${i.title} (podsim)`)}" width="100%" height="480" loading="lazy"></iframe>`;
}

/**
 * The element with the scenario written inside it, in a <pre> so that it reads as YAML
 * where scripts do not run. Always the text itself: a bundled scenario has no URL of
 * its own on the site.
 */
export function elementSnippet(i: SnippetInput): string {
  const attrs = [`controls="canvas console"`];
  if (Math.round(i.t) > 0) attrs.push(`start="${goDuration(i.t)}"`);
  if (i.speed !== 1) attrs.push(`speed="${i.speed}"`);
  if (i.lang !== 'en') attrs.push(`lang="${escapeHtml(i.lang)}"`);
  return `<script type="module" src="${escapeHtml(i.siteBase + ELEMENT_SCRIPT)}"></script>\n<pod-sim ${attrs.join(' ')}><pre>\n${escapeHtml(i.text.replace(/\s+$/, ''))}\n</pre></pod-sim>`;
}
