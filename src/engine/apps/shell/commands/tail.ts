// busybox tail: -n N / -N / -n +N, -c N, -f (follow the open file) and -F (follow by name,
// retrying). Following blocks the shell on the file; the interpreter's poll prints what was
// appended since the last offset.
import type { CommandContext, CommandImpl } from '../command-context';
import { DEV_NULL } from '../paths';
import type { Block } from '../state';
import { parseOptions } from './options';

function lastLines(text: string, n: number, fromStart: boolean): string {
  if (text === '') return '';
  const trailing = text.endsWith('\n');
  const lines = (trailing ? text.slice(0, -1) : text).split('\n');
  const picked = fromStart ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n);
  if (picked.length === 0) return '';
  return picked.join('\n') + (trailing ? '\n' : '');
}

export const tail: CommandImpl = (ctx: CommandContext) => {
  const args = ctx.argv.slice(1);
  if (args[0] && /^[-+][0-9]+$/.test(args[0])) args[0] = `-n${args[0].startsWith('+') ? args[0] : args[0].slice(1)}`;
  const o = parseOptions(args, 'fFqsv', 'ncs', { follow: 'f', lines: 'n', bytes: 'c', retry: 'F' });
  if (o.error) {
    ctx.err(`tail: ${o.error}\n`);
    return 1;
  }
  const follow = !!(o.flags.f || o.flags.F);
  const retry = !!o.flags.F;
  const nArg = typeof o.flags.n === 'string' ? o.flags.n : '10';
  const fromStart = nArg.startsWith('+');
  const n = parseInt(nArg.replace(/^[-+]/, ''), 10);
  if (!/^[-+]?[0-9]+$/.test(nArg)) {
    ctx.err(`tail: invalid number '${nArg}'\n`);
    return 1;
  }
  const bytes = typeof o.flags.c === 'string' ? parseInt(o.flags.c, 10) : null;
  const files = o.operands.length ? o.operands : ['-'];
  const headers = files.length > 1 && !o.flags.q;
  let status = 0;
  const followed: { path: string; offset: number; missing: boolean }[] = [];
  let last: string | null = null;
  files.forEach((f, i) => {
    if (f === '-') {
      ctx.out(lastLines(ctx.readStdin() ?? '', n, fromStart));
      return;
    }
    const text = ctx.readFile(f);
    if (text === undefined) {
      ctx.err(`tail: can't open '${f}': No such file or directory\n`);
      status = 1;
      if (retry) followed.push({ path: ctx.resolve(f), offset: 0, missing: true });
      return;
    }
    if (headers) ctx.out(`${i > 0 ? '\n' : ''}==> ${f} <==\n`);
    last = ctx.resolve(f);
    ctx.out(bytes !== null ? text.slice(Math.max(0, text.length - bytes)) : lastLines(text, n, fromStart));
    followed.push({ path: ctx.resolve(f), offset: text.length, missing: false });
  });
  if (!follow) return status;
  if (followed.length === 0) {
    if (files.includes('-')) return { block: { k: 'forever' } };
    ctx.err('tail: no files\n');
    return 1;
  }
  const live = followed.filter((f) => f.path !== DEV_NULL);
  if (live.length === 0) return { block: { k: 'forever' } };
  const block: Block = { k: 'tail', files: live, retry, headers, last };
  return { block };
};
