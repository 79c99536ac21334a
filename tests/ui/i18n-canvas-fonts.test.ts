/**
 * Canvas labels with Japanese: src/render/fonts.ts sends text the ASCII atlas lacks to a
 * second, dynamic atlas installed on first use, and leaves ASCII labels on the
 * pre-installed one. pixi.js itself needs a browser, so it is replaced by a recorder
 * here; tests/browser/i18n.test.ts looks at the real thing.
 */
import { describe, it, expect, vi, beforeEach } from 'vitest';

const installs = vi.hoisted(() => [] as { name: string; chars: unknown; skipKerning?: boolean; fontFamily: string }[]);

vi.mock('pixi.js', () => {
  class FakeStyle {
    fontFamily = '';
    fontSize = 0;
    assignments = 0;
  }
  class BitmapText {
    style = new FakeStyle();
    tint = 0xffffff;
    private _text = '';
    /** the font the text was laid out with when it was set (pixi lays out with the style at hand) */
    laidOutWith: string[] = [];
    constructor(o: { text: string; style: { fontFamily: string; fontSize: number } }) {
      this.style.fontFamily = o.style.fontFamily;
      this.style.fontSize = o.style.fontSize;
      this.text = o.text;
    }
    get text(): string {
      return this._text;
    }
    set text(v: string) {
      this._text = v;
      this.laidOutWith.push(this.style.fontFamily);
    }
  }
  return {
    BitmapText,
    BitmapFont: {
      install: (o: { name: string; chars: unknown; skipKerning?: boolean; style: { fontFamily: string } }) => {
        installs.push({ name: o.name, chars: o.chars, skipKerning: o.skipKerning, fontFamily: o.style.fontFamily });
      },
    },
  };
});

const fonts = await import('../../src/render/fonts');

describe('canvas fonts for Japanese', () => {
  beforeEach(() => fonts.installFonts());

  it('installs the ASCII atlases up front, and the wide ones only when a label needs them', () => {
    expect(installs.map((i) => i.name)).toEqual([fonts.FONT, fonts.FONT_BOLD]);
    const ascii = fonts.label('web-1 CrashLoopBackOff ✗2/3 →', 12, 0xffffff);
    expect(ascii.style.fontFamily).toBe(fonts.FONT);
    expect(installs.map((i) => i.name)).toEqual([fonts.FONT, fonts.FONT_BOLD]);
    const ja = fonts.label('再起動まで 3s', 12, 0xffffff);
    expect(ja.style.fontFamily).toBe(fonts.FONT_WIDE);
    expect(installs.map((i) => i.name)).toEqual([fonts.FONT, fonts.FONT_BOLD, fonts.FONT_WIDE, fonts.FONT_WIDE_BOLD]);
    // the wide atlas starts empty and skips kerning (each new glyph would be measured against every other)
    const wide = installs.find((i) => i.name === fonts.FONT_WIDE)!;
    expect(wide.chars).toEqual([' ']);
    expect(wide.skipKerning).toBe(true);
    // a Japanese-capable stack, Latin fonts first so Latin text looks the same in both atlases
    for (const i of installs) {
      expect(i.fontFamily).toMatch(/^system-ui, /);
      expect(i.fontFamily).toContain('"Noto Sans CJK JP"');
      expect(i.fontFamily).toContain('"Hiragino Sans"');
      expect(i.fontFamily).toContain('"Yu Gothic"');
      expect(i.fontFamily.indexOf('"DejaVu Sans"')).toBeLessThan(i.fontFamily.indexOf('"Noto Sans CJK JP"'));
    }
    fonts.label('x', 12, 0, true);
    fonts.label('クライアント', 12, 0, true);
    expect(installs.length).toBe(4);
  });

  it('keeps bold, and switches atlas before the new text is laid out', () => {
    const t = fonts.label('', 13, 0xffffff, true);
    expect(t.style.fontFamily).toBe(fonts.FONT_BOLD);
    fonts.setText(t, 'ノード 1');
    expect(t.style.fontFamily).toBe(fonts.FONT_WIDE_BOLD);
    fonts.setText(t, 'node-1');
    expect(t.style.fontFamily).toBe(fonts.FONT_BOLD);
    const laid = (t as unknown as { laidOutWith: string[] }).laidOutWith;
    expect(laid).toEqual([fonts.FONT_BOLD, fonts.FONT_WIDE_BOLD, fonts.FONT_BOLD]);
    // the same text again does nothing (a BitmapText rebuilds its glyphs on every assignment)
    fonts.setText(t, 'node-1');
    expect(laid.length).toBe(3);
  });

  it('every character of the ASCII atlas stays on it', () => {
    let all = '';
    for (let c = 0x20; c <= 0x7e; c++) all += String.fromCharCode(c);
    expect(fonts.needsWideFont(all + '✓✗–×·…→←↑↓⟳●○■□▶⏸⚠\n')).toBe(false);
    expect(fonts.needsWideFont('é')).toBe(true);
    expect(fonts.needsWideFont('Ready ではない')).toBe(true);
    expect(fonts.needsWideFont('𠮷')).toBe(true);
  });

  it('fit() counts a Japanese character as two Latin ones, and leaves ASCII as before', () => {
    expect(fonts.fit('web-7d9f8b6c5-abcde', 10)).toBe('web-7d9f8…');
    expect(fonts.fit('web-1', 10)).toBe('web-1');
    expect(fonts.fit('再起動まで', 10)).toBe('再起動まで');
    expect(fonts.fit('再起動までの待ち時間', 10)).toBe('再起動ま…');
    expect(fonts.fit('Pod の再起動', 8)).toBe('Pod の…');
    expect(fonts.fit('再起動', 1)).toBe('再…');
  });
});
