/**
 * Colours of the canvas, a dark and a light palette. Colour is never the only signal:
 * every state also has a shape (see pod-card.ts) and a text label; these only reinforce
 * them. Every colour used for text keeps WCAG AA contrast (4.5:1) on the surfaces text
 * is drawn on (tests/render/theme.test.ts), as the page's CSS does (styles.css).
 */
import type { PodLook } from './pod-visual';

export interface Palette {
  /** the canvas; also labels of Services, clients and endpoint lines sit on it */
  background: number;
  /** node regions, and hollow (not yet started) cards */
  node: number;
  nodeBorder: number;
  /** pod cards, Service hexagons, group glyphs */
  card: number;
  text: number;
  muted: number;
  ok: number;
  warn: number;
  bad: number;
  info: number;
  purple: number;
  grey: number;
  /** the outline of the selected pod or Service */
  selection: number;
  /** the empty part of a node's CPU and memory bars */
  bar: number;
}

export const darkPalette: Readonly<Palette> = {
  background: 0x0d1117,
  node: 0x161b22,
  nodeBorder: 0x30363d,
  card: 0x1c2230,
  text: 0xe6edf3,
  muted: 0x9da7b3,
  ok: 0x3fb950,
  warn: 0xd29922,
  bad: 0xf85149,
  info: 0x58a6ff,
  purple: 0xbc8cff,
  grey: 0x8b949e,
  selection: 0xffffff,
  bar: 0x2d333b,
};

export const lightPalette: Readonly<Palette> = {
  background: 0xffffff,
  node: 0xf6f8fa,
  nodeBorder: 0xd0d7de,
  card: 0xffffff,
  text: 0x1f2328,
  muted: 0x57606a,
  ok: 0x1a7f37,
  warn: 0x9a6700,
  bad: 0xcf222e,
  info: 0x0969da,
  purple: 0x8250df,
  grey: 0x5f6873,
  selection: 0x1f2328,
  bar: 0xd8dee4,
};

export type ThemeName = 'light' | 'dark';

export const palettes: Record<ThemeName, Readonly<Palette>> = { dark: darkPalette, light: lightPalette };

/**
 * The palette being drawn with. The drawing code reads `theme.x` when it draws; a
 * renderer calls `usePalette` with its own palette before it draws (several simulators
 * on one page may use different themes), which costs nothing when it is already current.
 */
export const theme: Palette = { ...darkPalette };

export const lookColour: Record<PodLook, number> = {} as Record<PodLook, number>;

let current: Readonly<Palette> | null = null;

export function usePalette(p: Readonly<Palette>): void {
  if (current === p) return;
  current = p;
  Object.assign(theme, p);
  Object.assign(lookColour, {
    pending: p.grey,
    creating: p.info,
    init: p.info,
    ready: p.ok,
    notready: p.warn,
    crashloop: p.bad,
    terminating: p.purple,
    completed: p.grey,
    failed: p.bad,
  } satisfies Record<PodLook, number>);
}
usePalette(darkPalette);

export const probeColour = (last: 'Success' | 'Failure' | null): number => (last === 'Success' ? theme.ok : last === 'Failure' ? theme.bad : theme.grey);

/**
 * The theme a simulator shows, from its `data-theme` (`light`, `dark` or `auto`):
 * `auto` follows the reader's `prefers-color-scheme`; no setting is podsim's dark default.
 */
export function resolveTheme(setting: string | null | undefined, prefersLight: boolean): ThemeName {
  if (setting === 'light' || setting === 'dark') return setting;
  if (setting === 'auto') return prefersLight ? 'light' : 'dark';
  return 'dark';
}
