/**
 * The <pod-sim> attributes read into plain values. Part of the first, small script:
 * nothing here may import the simulator.
 */

/** which parts show; mirrors ShownParts of src/ui/mount-unstyled.ts (the canvas and its transport always show) */
export interface Controls {
  header: boolean;
  panels: boolean;
  editor: boolean;
  console: boolean;
}

/** the words `controls` takes, in the order the README lists them */
export const CONTROL_WORDS = ['canvas', 'console', 'panels', 'editor', 'header', 'all'] as const;

/**
 * `controls="canvas console"`: a space- or comma-separated list of the parts to show.
 * `canvas` is the cluster picture with play/pause, speed and the timeline (always shown);
 * `console` the kubectl console; `panels` the About, Inspector and Events panels;
 * `editor` the YAML editor; `header` the title bar with the scenario picker;
 * `all` (the default) everything. Unknown words are reported in `unknown`.
 */
export function parseControls(value: string | null): { controls: Controls; unknown: string[] } {
  const words = (value ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (!words.length || words.includes('all')) return { controls: { header: true, panels: true, editor: true, console: true }, unknown: words.filter((w) => !isControlWord(w)) };
  return {
    controls: { header: words.includes('header'), panels: words.includes('panels'), editor: words.includes('editor'), console: words.includes('console') },
    unknown: words.filter((w) => !isControlWord(w)),
  };
}

function isControlWord(w: string): boolean {
  return (CONTROL_WORDS as readonly string[]).includes(w);
}

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/**
 * A time as authors write it: `30s`, `1m30s`, `1h`, `500ms` (Go style, as in scenarios),
 * a bare number of seconds (`90`), or a clock `1:30`. Null when it is none of these.
 */
export function parseTime(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  const s = value.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const clock = /^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d+)?)$/.exec(s);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  if (!/^(\d+(\.\d+)?(ms|h|m|s))+$/.test(s)) return null;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) total += Number(m[1]) * UNIT_SECONDS[m[2]];
  return total;
}

/** `speed="4"` or `speed="4x"`, clamped to what the transport offers (0.25–64); null when unreadable */
export function parseSpeed(value: string | null): number | null {
  if (value === null) return null;
  const n = Number(value.trim().replace(/x$/i, ''));
  if (!Number.isFinite(n) || n <= 0) return null;
  return Math.max(0.25, Math.min(64, n));
}

/** `height="480"` (pixels) or any CSS length (`30rem`, `60vh`); null when not given */
export function parseHeight(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return `${v}px`;
  // a length, not arbitrary CSS: it is written to the host's style
  return /^\d+(\.\d+)?(px|em|rem|vh|svh|lvh|dvh|%|cm|mm|in|pt|pc|ex|ch|lh)$/.test(v) ? v : null;
}

/** the default height for the parts shown: a picture alone needs less room than the whole simulator */
export function defaultHeight(c: Controls): string {
  if (c.header || c.panels || c.editor) return '600px';
  return c.console ? '480px' : '380px';
}

/** `theme`: light, dark or auto; anything else is no theme (the simulator's default) */
export function parseTheme(value: string | null): 'light' | 'dark' | 'auto' | null {
  const v = (value ?? '').trim().toLowerCase();
  return v === 'light' || v === 'dark' || v === 'auto' ? v : null;
}

/** `poster` (or `poster="visible"`): load when scrolled into view or clicked; `poster="click"`: only when clicked */
export function parsePoster(value: string | null): 'none' | 'visible' | 'click' {
  if (value === null) return 'none';
  return value.trim().toLowerCase() === 'click' ? 'click' : 'visible';
}

/**
 * The YAML written inside the element. Authors indent it with the page's HTML (and
 * wrap it in <pre> so it stays readable where scripts do not run): the common
 * indentation is removed, blank lines at both ends are dropped.
 */
export function inlineYaml(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  let indent = Infinity;
  for (const l of lines) if (l.trim() !== '') indent = Math.min(indent, /^[ \t]*/.exec(l)![0].length);
  if (!Number.isFinite(indent)) return '';
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}
