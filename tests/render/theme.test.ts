import { describe, it, expect } from 'vitest';
import { darkPalette, lightPalette, lookColour, palettes, probeColour, resolveTheme, theme, usePalette, type Palette } from '../../src/render/theme';

/** WCAG 2 contrast ratio of two 0xRRGGBB colours */
function contrast(a: number, b: number): number {
  const lum = (c: number) => {
    const ch = [(c >> 16) & 255, (c >> 8) & 255, c & 255].map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// the colours the renderer tints text with, and the surfaces that text sits on
const TEXT: (keyof Palette)[] = ['text', 'muted', 'ok', 'warn', 'bad', 'info', 'purple', 'grey'];
const SURFACES: (keyof Palette)[] = ['background', 'node', 'card'];

describe('canvas palettes', () => {
  for (const [name, p] of Object.entries(palettes)) {
    it(`${name}: every text colour has AA contrast (4.5:1) on every surface`, () => {
      const low: string[] = [];
      for (const t of TEXT) for (const s of SURFACES) {
        const c = contrast(p[t], p[s]);
        if (c < 4.5) low.push(`${t} on ${s}: ${c.toFixed(2)}`);
      }
      expect(low).toEqual([]);
    });
    it(`${name}: the selection outline stands out from cards (3:1, a graphical object)`, () => {
      expect(contrast(p.selection, p.card)).toBeGreaterThanOrEqual(3);
      expect(contrast(p.selection, p.background)).toBeGreaterThanOrEqual(3);
    });
  }

  it('the two palettes name the same colours', () => {
    expect(Object.keys(lightPalette).sort()).toEqual(Object.keys(darkPalette).sort());
  });

  it('usePalette switches what the drawing code reads, state colours included', () => {
    usePalette(lightPalette);
    expect(theme.background).toBe(lightPalette.background);
    expect(lookColour.crashloop).toBe(lightPalette.bad);
    expect(lookColour.ready).toBe(lightPalette.ok);
    expect(probeColour('Failure')).toBe(lightPalette.bad);
    expect(probeColour(null)).toBe(lightPalette.grey);
    usePalette(darkPalette);
    expect(theme.text).toBe(darkPalette.text);
    expect(lookColour.terminating).toBe(darkPalette.purple);
    expect(probeColour('Success')).toBe(darkPalette.ok);
  });
});

describe('resolveTheme', () => {
  it('light and dark are taken as they are, whatever the reader prefers', () => {
    expect(resolveTheme('light', false)).toBe('light');
    expect(resolveTheme('dark', true)).toBe('dark');
  });
  it('auto follows prefers-color-scheme', () => {
    expect(resolveTheme('auto', true)).toBe('light');
    expect(resolveTheme('auto', false)).toBe('dark');
  });
  it('no setting (or an unknown one) is the dark default', () => {
    expect(resolveTheme(null, true)).toBe('dark');
    expect(resolveTheme(undefined, true)).toBe('dark');
    expect(resolveTheme('sepia', true)).toBe('dark');
  });
});
