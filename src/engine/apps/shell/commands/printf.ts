// printf(1): %s %b %c %d %i %u %o %x %X %f %e %g %%, flags, width, precision, `*`; the format
// is reused while arguments remain, as POSIX specifies.
import type { CommandImpl } from '../command-context';
import { interpretEscapes } from './echo';

function formatEscapes(s: string): string {
  return s.replace(/\\(\\|"|a|b|f|n|r|t|v|[0-7]{1,3}|x[0-9a-fA-F]{1,2})/g, (_, e: string) => {
    const simple: Record<string, string> = { '\\': '\\', '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    if (e in simple) return simple[e];
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return String.fromCharCode(parseInt(e, 8));
  });
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

export const printf: CommandImpl = (ctx) => {
  const [, format, ...args] = ctx.argv;
  if (format === undefined) {
    ctx.err('printf: usage: printf FORMAT [ARGUMENT...]\n');
    return 1;
  }
  let status = 0;
  let ai = 0;
  const next = (): string | undefined => args[ai++];
  const num = (s: string | undefined, float: boolean): number => {
    if (s === undefined || s === '') return 0;
    if (/^['"]/.test(s)) return s.length > 1 ? s.codePointAt(1)! : 0;
    const v = float ? Number(s) : /^[-+]?0[xX][0-9a-fA-F]+$/.test(s) ? parseInt(s, 16) : /^[-+]?[0-9]+$/.test(s) ? parseInt(s, 10) : NaN;
    if (Number.isNaN(v)) {
      ctx.err(`printf: invalid number '${s}'\n`);
      status = 1;
      return 0;
    }
    return v;
  };
  let out = '';
  for (;;) {
    const startAi = ai;
    let stop = false;
    const re = /%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([a-zA-Z%])|[^%]+|%$/g;
    let m: RegExpExecArray | null;
    while (!stop && (m = re.exec(format))) {
      if (!m[0].startsWith('%') || m[0] === '%') {
        out += formatEscapes(m[0]);
        continue;
      }
      const [, flagStr, widthStr, precStr, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      const width = widthStr === '*' ? num(next(), false) : widthStr ? parseInt(widthStr, 10) : 0;
      const prec = precStr === '*' ? num(next(), false) : precStr !== undefined ? parseInt(precStr || '0', 10) : null;
      const left = flagStr.includes('-') || width < 0;
      const zero = flagStr.includes('0') && !left;
      const w = Math.abs(width);
      let s: string;
      switch (conv) {
        case 's':
          s = next() ?? '';
          if (prec !== null) s = s.slice(0, prec);
          out += pad(s, w, left, false);
          break;
        case 'b': {
          const r = interpretEscapes(next() ?? '');
          out += pad(r.text, w, left, false);
          if (r.stop) stop = true;
          break;
        }
        case 'c':
          out += pad((next() ?? '').slice(0, 1), w, left, false);
          break;
        case 'd':
        case 'i':
        case 'u': {
          const v = Math.trunc(num(next(), false));
          s = String(Math.abs(v));
          if (prec !== null) s = s.padStart(prec, '0');
          s = (v < 0 ? '-' : flagStr.includes('+') ? '+' : flagStr.includes(' ') ? ' ' : '') + s;
          out += pad(s, w, left, zero && prec === null);
          break;
        }
        case 'o':
        case 'x':
        case 'X': {
          const v = Math.trunc(num(next(), false));
          s = (v >>> 0).toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') s = s.toUpperCase();
          if (flagStr.includes('#') && v !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
          out += pad(s, w, left, zero);
          break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const v = num(next(), true);
          const p = prec ?? 6;
          s = conv === 'f' || conv === 'F' ? v.toFixed(p) : conv === 'e' || conv === 'E' ? v.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(v.toPrecision(p || 1)));
          if (conv === 'E' || conv === 'G') s = s.toUpperCase();
          if (v >= 0 && flagStr.includes('+')) s = '+' + s;
          out += pad(s, w, left, zero);
          break;
        }
        default:
          ctx.out(out);
          ctx.err(`printf: %${conv}: invalid format\n`);
          return 1;
      }
    }
    if (stop || ai >= args.length || ai === startAi) break;
  }
  ctx.out(out);
  return status;
};
