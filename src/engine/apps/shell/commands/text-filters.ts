// Line-oriented utilities: grep, head, wc, tee. Each runs over files / standard input, and each
// also has a FilterSpec form for the right-hand side of a pipe (`tail -f log | grep ERROR`).
import type { CommandContext, CommandImpl } from '../command-context';
import { grepMatches } from '../output';
import type { FilterSpec } from '../state';
import { parseOptions } from './options';

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s',
  xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', blank: ' \\t',
};

/** Translate a POSIX basic/extended regular expression to a JavaScript one. */
export function posixToJsRegex(pat: string, mode: 'basic' | 'extended' | 'fixed'): string {
  if (mode === 'fixed') return pat.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  let out = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '[') {
      let j = i + 1;
      let cls = '[';
      if (pat[j] === '^') {
        cls += '^';
        j++;
      }
      if (pat[j] === ']') {
        cls += '\\]';
        j++;
      }
      while (j < pat.length && pat[j] !== ']') {
        if (pat[j] === '[' && pat[j + 1] === ':') {
          const close = pat.indexOf(':]', j);
          if (close > 0) {
            cls += POSIX_CLASSES[pat.slice(j + 2, close)] ?? '';
            j = close + 2;
            continue;
          }
        }
        cls += pat[j] === '\\' ? '\\\\' : pat[j];
        j++;
      }
      if (j >= pat.length) {
        out += '\\[';
        continue;
      }
      out += cls + ']';
      i = j;
      continue;
    }
    if (c === '\\' && i + 1 < pat.length) {
      const n = pat[++i];
      if (n === '<' || n === '>') out += '\\b';
      else if (mode === 'basic' && '(){}|+?'.includes(n)) out += n;
      else out += '\\' + n;
      continue;
    }
    if (mode === 'basic' && '(){}|+?'.includes(c)) {
      out += '\\' + c;
      continue;
    }
    if (c === '/') {
      out += '\\/';
      continue;
    }
    out += c;
  }
  return out;
}

interface GrepSetup {
  spec: FilterSpec & { k: 'grep' };
  files: string[];
  number: boolean;
  list: boolean;
  silent: boolean;
}

function grepSetup(argv: string[]): GrepSetup | string {
  const o = parseOptions(argv.slice(1), 'viqcEFxwnlsHhro', 'e', {
    'invert-match': 'v', 'ignore-case': 'i', quiet: 'q', silent: 'q', count: 'c', 'extended-regexp': 'E',
    'fixed-strings': 'F', 'line-regexp': 'x', 'word-regexp': 'w', 'line-number': 'n', 'files-with-matches': 'l',
  });
  if (o.error) return o.error;
  const ops = [...o.operands];
  const raw = typeof o.flags.e === 'string' ? o.flags.e : ops.shift();
  if (raw === undefined) return 'usage';
  const mode = o.flags.F ? 'fixed' : o.flags.E || argv[0] === 'egrep' ? 'extended' : 'basic';
  let src = posixToJsRegex(raw, mode);
  if (o.flags.x) src = `^(?:${src})$`;
  else if (o.flags.w) src = `(?:^|\\b)(?:${src})(?:\\b|$)`;
  const flags = o.flags.i ? 'i' : '';
  try {
    new RegExp(src, flags);
  } catch {
    return `bad regex '${raw}'`;
  }
  return {
    spec: { k: 'grep', pattern: src, flags, invert: !!o.flags.v, quiet: !!o.flags.q, count: !!o.flags.c },
    files: ops,
    number: !!o.flags.n,
    list: !!o.flags.l,
    silent: !!o.flags.s,
  };
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export const grep: CommandImpl = (ctx) => {
  const s = grepSetup(ctx.argv);
  if (typeof s === 'string') {
    ctx.err(s === 'usage' ? 'Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n' : `grep: ${s}\n`);
    return 2;
  }
  const files = s.files.length ? s.files : ['-'];
  const multi = files.length > 1;
  let matched = 0;
  let error = false;
  for (const f of files) {
    const text = f === '-' ? (ctx.readStdin() ?? '') : ctx.readFile(f);
    const label = f === '-' ? '(standard input)' : f;
    if (text === undefined) {
      if (!s.silent) ctx.err(`grep: ${f}: No such file or directory\n`);
      error = true;
      continue;
    }
    let count = 0;
    splitLines(text).forEach((line, i) => {
      if (!grepMatches(s.spec, line)) return;
      count++;
      if (s.spec.quiet || s.spec.count || s.list) return;
      ctx.out(`${multi ? label + ':' : ''}${s.number ? `${i + 1}:` : ''}${line}\n`);
    });
    matched += count;
    if (s.spec.quiet && matched > 0) return 0;
    if (s.spec.count && !s.spec.quiet) ctx.out(`${multi ? label + ':' : ''}${count}\n`);
    if (s.list && count > 0 && !s.spec.quiet) ctx.out(`${label}\n`);
  }
  if (error && !(s.spec.quiet && matched > 0)) return 2;
  return matched > 0 ? 0 : 1;
};

function headCount(argv: string[]): { lines: number; files: string[] } | string {
  const args = argv.slice(1);
  if (args[0] && /^-[0-9]+$/.test(args[0])) args[0] = `-n${args[0].slice(1)}`;
  const o = parseOptions(args, 'qv', 'nc', { lines: 'n' });
  if (o.error) return o.error;
  const n = o.flags.n === undefined ? 10 : Number(o.flags.n);
  if (!Number.isInteger(n) || n < 0) return `invalid number '${o.flags.n}'`;
  return { lines: n, files: o.operands };
}

export const head: CommandImpl = (ctx) => {
  const h = headCount(ctx.argv);
  if (typeof h === 'string') {
    ctx.err(`head: ${h}\n`);
    return 1;
  }
  const files = h.files.length ? h.files : ['-'];
  let status = 0;
  files.forEach((f, i) => {
    const text = f === '-' ? (ctx.readStdin() ?? '') : ctx.readFile(f);
    if (text === undefined) {
      ctx.err(`head: can't open '${f}': No such file or directory\n`);
      status = 1;
      return;
    }
    if (files.length > 1) ctx.out(`${i > 0 ? '\n' : ''}==> ${f} <==\n`);
    const parts = text.split('\n');
    const keep = parts.slice(0, h.lines);
    ctx.out(keep.join('\n') + (parts.length > h.lines ? '\n' : ''));
  });
  return status;
};

function wcMode(argv: string[]): { mode: 'l' | 'w' | 'c' | 'all'; files: string[] } | string {
  const o = parseOptions(argv.slice(1), 'lwcmL', '', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' });
  if (o.error) return o.error;
  const chosen = ['l', 'w', 'c', 'm'].filter((k) => o.flags[k]);
  const mode = chosen.length !== 1 ? 'all' : chosen[0] === 'm' ? 'c' : (chosen[0] as 'l' | 'w' | 'c');
  return { mode, files: o.operands };
}

export const wc: CommandImpl = (ctx) => {
  const w = wcMode(ctx.argv);
  if (typeof w === 'string') {
    ctx.err(`wc: ${w}\n`);
    return 1;
  }
  const files = w.files.length ? w.files : ['-'];
  let status = 0;
  for (const f of files) {
    const text = f === '-' ? (ctx.readStdin() ?? '') : ctx.readFile(f);
    if (text === undefined) {
      ctx.err(`wc: ${f}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const l = (text.match(/\n/g) ?? []).length;
    const words = text.split(/\s+/).filter(Boolean).length;
    const counts = w.mode === 'l' ? `${l}` : w.mode === 'w' ? `${words}` : w.mode === 'c' ? `${text.length}` : `${String(l).padStart(7)} ${String(words).padStart(7)} ${String(text.length).padStart(7)}`;
    ctx.out(f === '-' ? `${counts}\n` : `${counts} ${f}\n`);
  }
  return status;
};

export const tee: CommandImpl = (ctx) => {
  const o = parseOptions(ctx.argv.slice(1), 'ai', '', { append: 'a' });
  if (o.error) {
    ctx.err(`tee: ${o.error}\n`);
    return 1;
  }
  const text = ctx.readStdin() ?? '';
  let status = 0;
  for (const f of o.operands) {
    const err = ctx.host.fs.write(ctx.resolve(f), text, !!o.flags.a);
    if (err !== null) {
      ctx.err(`tee: ${f}: No such file or directory\n`);
      status = 1;
    }
  }
  ctx.out(text);
  return status;
};

/** The filter a pipe stage stands for, or an error message for its stderr. */
export function filterFor(ctx: CommandContext, argv: string[]): FilterSpec | string {
  const name = argv[0];
  switch (name) {
    case 'grep':
    case 'egrep': {
      const s = grepSetup(argv);
      if (typeof s === 'string') return s === 'usage' ? 'grep: missing pattern' : `grep: ${s}`;
      if (s.files.length) return 'grep: reading files on the right of a pipe is not simulated';
      return s.spec;
    }
    case 'head': {
      const h = headCount(argv);
      if (typeof h === 'string') return `head: ${h}`;
      return { k: 'head', lines: h.lines };
    }
    case 'wc': {
      const w = wcMode(argv);
      if (typeof w === 'string') return `wc: ${w}`;
      return { k: 'wc', mode: w.mode };
    }
    case 'cat':
      return { k: 'cat' };
    case 'tee': {
      const o = parseOptions(argv.slice(1), 'ai', '');
      if (o.error) return `tee: ${o.error}`;
      const paths = o.operands.map((p) => ctx.resolve(p));
      if (!o.flags.a) for (const p of paths) ctx.host.fs.write(p, '', false);
      return { k: 'tee', paths };
    }
    default:
      return `${name}: not supported on the right of a pipe`;
  }
}

export { FILTER_COMMANDS } from './command-names';
