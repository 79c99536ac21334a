/**
 * A small stand-in for the `entities` package, which markdown-it uses only to decode
 * character references in Markdown text. The full table of 2,000+ HTML entity names
 * costs about 25 kB gzip on the first visit; scenario descriptions need the numeric
 * references and a handful of names. An unknown name stays as written (`&foo;`).
 * Wired in vite.config.ts as an alias for the browser build.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔',
  times: '×', divide: '÷', middot: '·', bull: '•', deg: '°', plusmn: '±', le: '≤', ge: '≥', ne: '≠',
  laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', check: '✓', cross: '✗',
};

function decodeOne(ref: string): string | null {
  if (ref[0] === '#') {
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return code === 0 ? '\ufffd' : String.fromCodePoint(code);
  }
  return NAMED[ref] ?? null;
}

/** entities' decodeHTMLStrict: references must end with ";" */
export function decodeHTMLStrict(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (m, ref: string) => decodeOne(ref) ?? m);
}

export const decodeHTML = decodeHTMLStrict;
export const decodeXML = decodeHTMLStrict;
