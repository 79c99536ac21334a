/**
 * Bitmap fonts for canvas text: one atlas shared by every label, so a thousand pod
 * cards cost a thousand quads-per-glyph, not a thousand canvas textures. Glyphs are
 * white and tinted per label.
 *
 * Two atlases per weight. The ASCII one is installed up front with a fixed set (with
 * kerning) and is what almost every label uses. Text with a character outside that set
 * (Japanese, other scripts) goes to a second, "wide" font installed on first use: pixi 8
 * fonts are dynamic (BitmapFontManager.getFont calls ensureCharacters for each text it
 * lays out), so that atlas draws each new glyph once, when a label first needs it, with
 * a Japanese-capable font stack and no kerning (kerning a new glyph measures it against
 * every glyph already there). Keeping those glyphs out of the ASCII atlas keeps its
 * glyph list short, so laying out the common labels costs what it did.
 */
import { BitmapFont, BitmapText } from 'pixi.js';

export const FONT = 'podsim-sans';
export const FONT_BOLD = 'podsim-sans-bold';
/** the same for text with characters outside CHARS (Japanese, ...), installed on first use */
export const FONT_WIDE = 'podsim-sans-wide';
export const FONT_WIDE_BOLD = 'podsim-sans-wide-bold';

const SYMBOLS = '✓✗–×·…→←↑↓⟳●○■□▶⏸⚠';
const CHARS = [[' ', '~'], SYMBOLS] as (string | string[])[];
/** a character the ASCII atlas lacks (newlines only break lines) */
const OUTSIDE_ASCII_ATLAS = new RegExp(`[^ -~\\n${SYMBOLS}]`, 'u');

/**
 * Latin fonts first, so Latin text looks the same in both atlases; then Japanese fonts
 * (macOS, Windows, Debian's fonts-noto-cjk), which the canvas falls through to for kana
 * and kanji; the CSS stack in src/ui/styles.css is the same.
 */
export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", sans-serif';

let installed = false;
let wideInstalled = false;

export function installFonts(): void {
  if (installed) return;
  installed = true;
  BitmapFont.install({ name: FONT, style: { fontFamily: FONT_FAMILY, fontSize: 24, fill: '#ffffff' }, chars: CHARS, resolution: 1, padding: 4 });
  BitmapFont.install({ name: FONT_BOLD, style: { fontFamily: FONT_FAMILY, fontSize: 24, fontWeight: 'bold', fill: '#ffffff' }, chars: CHARS, resolution: 1, padding: 4 });
}

function installWideFonts(): void {
  if (wideInstalled) return;
  wideInstalled = true;
  // chars: ' ' only: every other glyph is drawn when a label first shows it
  BitmapFont.install({ name: FONT_WIDE, style: { fontFamily: FONT_FAMILY, fontSize: 24, fill: '#ffffff' }, chars: [' '], resolution: 1, padding: 4, skipKerning: true });
  BitmapFont.install({ name: FONT_WIDE_BOLD, style: { fontFamily: FONT_FAMILY, fontSize: 24, fontWeight: 'bold', fill: '#ffffff' }, chars: [' '], resolution: 1, padding: 4, skipKerning: true });
}

/** whether `text` needs the wide atlas (a character the ASCII one lacks) */
export function needsWideFont(text: string): boolean {
  return OUTSIDE_ASCII_ATLAS.test(text);
}

/** the installed font a label with this text uses */
export function fontFor(text: string, bold: boolean): string {
  if (!needsWideFont(text)) return bold ? FONT_BOLD : FONT;
  installWideFonts();
  return bold ? FONT_WIDE_BOLD : FONT_WIDE;
}

function isBold(family: unknown): boolean {
  return family === FONT_BOLD || family === FONT_WIDE_BOLD;
}

export function label(text: string, size: number, tint: number, bold = false): BitmapText {
  const t = new BitmapText({ text, style: { fontFamily: fontFor(text, bold), fontSize: size } });
  t.tint = tint;
  return t;
}

/** set text only when it differs: a BitmapText rebuilds its glyphs on every assignment */
export function setText(t: BitmapText, text: string): void {
  if (t.text === text) return;
  const family = fontFor(text, isBold(t.style.fontFamily));
  // the font first: laying out the new text with the old one would add its glyphs there
  if (t.style.fontFamily !== family) t.style.fontFamily = family;
  t.text = text;
}

/**
 * Columns a character takes: 2 for East Asian wide characters (kana, kanji, hangul,
 * full-width forms), as a terminal counts them; they are about twice a Latin letter.
 */
function columns(cp: number): number {
  return (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1;
}

/** cut a label to a width in Latin glyphs (a wide character counts two), with an ellipsis */
export function fit(text: string, maxChars: number): string {
  if (!needsWideFont(text)) return text.length <= maxChars ? text : text.slice(0, Math.max(1, maxChars - 1)) + '…';
  const chars = [...text];
  let width = 0;
  for (const c of chars) width += columns(c.codePointAt(0)!);
  if (width <= maxChars) return text;
  const room = Math.max(1, maxChars - 1);
  let out = '';
  width = 0;
  for (const c of chars) {
    const w = columns(c.codePointAt(0)!);
    if (width + w > room) break;
    out += c;
    width += w;
  }
  return (out || chars[0]) + '…';
}
