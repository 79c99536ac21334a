/**
 * Bitmap fonts for canvas text: one atlas shared by every label, so a thousand pod
 * cards cost a thousand quads-per-glyph, not a thousand canvas textures. Glyphs are
 * white and tinted per label.
 */
import { BitmapFont, BitmapText } from 'pixi.js';

export const FONT = 'podsim-sans';
export const FONT_BOLD = 'podsim-sans-bold';

const CHARS = [[' ', '~'], '✓✗–×·…→←↑↓⟳●○■□▶⏸⚠']  as (string | string[])[];

let installed = false;

export function installFonts(): void {
  if (installed) return;
  installed = true;
  const family = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  BitmapFont.install({ name: FONT, style: { fontFamily: family, fontSize: 24, fill: '#ffffff' }, chars: CHARS, resolution: 1, padding: 4 });
  BitmapFont.install({ name: FONT_BOLD, style: { fontFamily: family, fontSize: 24, fontWeight: 'bold', fill: '#ffffff' }, chars: CHARS, resolution: 1, padding: 4 });
}

export function label(text: string, size: number, tint: number, bold = false): BitmapText {
  const t = new BitmapText({ text, style: { fontFamily: bold ? FONT_BOLD : FONT, fontSize: size } });
  t.tint = tint;
  return t;
}

/** set text only when it differs: a BitmapText rebuilds its glyphs on every assignment */
export function setText(t: BitmapText, text: string): void {
  if (t.text !== text) t.text = text;
}

/** cut a label to a width in glyphs, with an ellipsis */
export function fit(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : text.slice(0, Math.max(1, maxChars - 1)) + '…';
}
