// busybox ls, as it prints when stdout is not a terminal: one name per line; -l in busybox's
// column layout. The simulated filesystem has no owners, modes or times: every entry is
// root-owned, 0644/0755, dated at the container's t=0.
import type { CommandContext, CommandImpl } from '../command-context';
import { baseName } from '../paths';
import { parseOptions } from './options';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function longLine(ctx: CommandContext, abs: string, name: string): string {
  const dir = ctx.host.fs.isDir(abs);
  const size = dir ? 4096 : (ctx.host.fs.read(abs) ?? '').length;
  const d = new Date(ctx.host.epochMs);
  const date = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const mode = dir ? 'drwxr-xr-x' : '-rw-r--r--';
  return `${mode} ${String(dir ? 2 : 1).padStart(4)} root     root     ${String(size).padStart(9)} ${date} ${name}`;
}

export const ls: CommandImpl = (ctx) => {
  const o = parseOptions(ctx.argv.slice(1), 'lAa1dhRrtSFpeic', '');
  if (o.error) {
    ctx.err(`ls: ${o.error}\n`);
    return 1;
  }
  const long = !!o.flags.l;
  const all = !!o.flags.a;
  const almost = !!o.flags.A;
  const targets = o.operands.length ? o.operands : ['.'];
  let status = 0;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    const abs = ctx.resolve(t);
    if (!ctx.host.fs.exists(abs) && abs !== '/') {
      ctx.err(`ls: ${t}: No such file or directory\n`);
      status = 1;
    } else if (ctx.host.fs.isDir(abs) && !o.flags.d) dirs.push(t);
    else files.push(t);
  }
  const lines: string[] = [];
  for (const f of files.sort()) lines.push(long ? longLine(ctx, ctx.resolve(f), f) : f);
  dirs.sort().forEach((d, i) => {
    if (files.length || dirs.length > 1) {
      if (i > 0 || files.length) lines.push('');
      lines.push(`${d}:`);
    }
    const abs = ctx.resolve(d);
    let names = (ctx.host.fs.list(abs) ?? []).map((n) => baseName(n));
    if (!all && !almost) names = names.filter((n) => !n.startsWith('.'));
    names.sort();
    if (all) names = ['.', '..', ...names];
    if (long) lines.push(`total ${names.length ? names.length * 4 : 0}`);
    for (const n of names) lines.push(long ? longLine(ctx, `${abs === '/' ? '' : abs}/${n}`, n) : n);
  });
  if (lines.length) ctx.out(lines.join('\n') + '\n');
  return status;
};
