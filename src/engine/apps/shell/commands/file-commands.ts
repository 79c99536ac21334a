// Filesystem utilities with busybox's messages: cat, touch, rm, mkdir, rmdir, cp, mv, chmod/chown.
import type { CommandContext, CommandImpl } from '../command-context';
import { baseName, dirName } from '../paths';
import { parseOptions } from './options';

function usageError(ctx: CommandContext, name: string, error: string): number {
  ctx.err(`${name}: ${error}\n`);
  return 1;
}

export const cat: CommandImpl = (ctx) => {
  const o = parseOptions(ctx.argv.slice(1), 'uAbeEnstTv', '');
  if (o.error) return usageError(ctx, 'cat', o.error);
  const files = o.operands.length ? o.operands : ['-'];
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      ctx.out(ctx.readStdin() ?? '');
      continue;
    }
    const abs = ctx.resolve(f);
    if (ctx.host.fs.isDir(abs)) {
      ctx.err('cat: read error: Is a directory\n');
      status = 1;
      continue;
    }
    const text = ctx.readFile(f);
    if (text === undefined) {
      ctx.err(`cat: can't open '${f}': No such file or directory\n`);
      status = 1;
      continue;
    }
    ctx.out(text);
  }
  return status;
};

export const touch: CommandImpl = (ctx) => {
  const o = parseOptions(ctx.argv.slice(1), 'cham', 'dtr');
  if (o.error) return usageError(ctx, 'touch', o.error);
  let status = 0;
  for (const f of o.operands) {
    const abs = ctx.resolve(f);
    if (ctx.host.fs.exists(abs) || abs === '/dev/null') continue;
    if (o.flags.c) continue;
    const err = ctx.host.fs.write(abs, '', true);
    if (err !== null) {
      ctx.err(`touch: ${f}: No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

function removeTree(ctx: CommandContext, abs: string): void {
  for (const name of ctx.host.fs.list(abs) ?? []) {
    const child = `${abs === '/' ? '' : abs}/${baseName(name)}`;
    if (ctx.host.fs.isDir(child)) removeTree(ctx, child);
    else ctx.host.fs.remove(child);
  }
  ctx.host.fs.remove(abs);
}

export const rm: CommandImpl = (ctx) => {
  const o = parseOptions(ctx.argv.slice(1), 'fRrvid', '', { force: 'f', recursive: 'r' });
  if (o.error) return usageError(ctx, 'rm', o.error);
  const force = !!o.flags.f;
  const recursive = !!(o.flags.r || o.flags.R);
  let status = 0;
  for (const f of o.operands) {
    const abs = ctx.resolve(f);
    if (!ctx.host.fs.exists(abs)) {
      if (!force) {
        ctx.err(`rm: can't remove '${f}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (ctx.host.fs.isDir(abs)) {
      if (!recursive) {
        ctx.err(`rm: '${f}' is a directory\n`);
        status = 1;
        continue;
      }
      removeTree(ctx, abs);
      continue;
    }
    ctx.host.fs.remove(abs);
  }
  return status;
};

export const mkdir: CommandImpl = (ctx) => {
  const o = parseOptions(ctx.argv.slice(1), 'pv', 'm', { parents: 'p' });
  if (o.error) return usageError(ctx, 'mkdir', o.error);
  let status = 0;
  for (const f of o.operands) {
    const abs = ctx.resolve(f);
    const fs = ctx.host.fs;
    if (o.flags.p) {
      if (fs.exists(abs) && !fs.isDir(abs)) {
        ctx.err(`mkdir: can't create directory '${f}': File exists\n`);
        status = 1;
      } else fs.mkdirp(abs);
      continue;
    }
    if (fs.exists(abs)) {
      ctx.err(`mkdir: can't create directory '${f}': File exists\n`);
      status = 1;
    } else if (!fs.isDir(dirName(abs))) {
      ctx.err(`mkdir: can't create directory '${f}': No such file or directory\n`);
      status = 1;
    } else fs.mkdirp(abs);
  }
  return status;
};

export const rmdir: CommandImpl = (ctx) => {
  let status = 0;
  for (const f of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const abs = ctx.resolve(f);
    const fs = ctx.host.fs;
    if (!fs.exists(abs)) {
      ctx.err(`rmdir: '${f}': No such file or directory\n`);
      status = 1;
    } else if (!fs.isDir(abs)) {
      ctx.err(`rmdir: '${f}': Not a directory\n`);
      status = 1;
    } else if ((fs.list(abs) ?? []).length > 0) {
      ctx.err(`rmdir: '${f}': Directory not empty\n`);
      status = 1;
    } else fs.remove(abs);
  }
  return status;
};

function copyOrMove(ctx: CommandContext, name: 'cp' | 'mv'): number {
  const o = parseOptions(ctx.argv.slice(1), 'fiapnvRrdPLHT', '');
  if (o.error) return usageError(ctx, name, o.error);
  const ops = o.operands;
  if (ops.length < 2) {
    ctx.err(`${name}: missing file operand\n`);
    return 1;
  }
  const dest = ops[ops.length - 1];
  const destAbs = ctx.resolve(dest);
  const destIsDir = ctx.host.fs.isDir(destAbs);
  if (ops.length > 2 && !destIsDir) {
    ctx.err(`${name}: '${dest}' is not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const src of ops.slice(0, -1)) {
    const srcAbs = ctx.resolve(src);
    const text = ctx.host.fs.isDir(srcAbs) ? undefined : ctx.readFile(src);
    if (text === undefined) {
      ctx.err(ctx.host.fs.isDir(srcAbs) ? `${name}: omitting directory '${src}'\n` : name === 'cp' ? `cp: can't stat '${src}': No such file or directory\n` : `mv: can't rename '${src}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const target = destIsDir ? `${destAbs === '/' ? '' : destAbs}/${baseName(srcAbs)}` : destAbs;
    const err = ctx.host.fs.write(target, text, false);
    if (err !== null) {
      ctx.err(`${name}: can't create '${dest}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (name === 'mv' && target !== srcAbs) ctx.host.fs.remove(srcAbs);
  }
  return status;
}

export const cp: CommandImpl = (ctx) => copyOrMove(ctx, 'cp');
export const mv: CommandImpl = (ctx) => copyOrMove(ctx, 'mv');

/** Permissions and owners are not simulated: succeed when the files exist. */
export const chmodLike: CommandImpl = (ctx) => {
  const name = ctx.argv[0];
  const ops = ctx.argv.slice(1).filter((a) => !/^-[a-zA-Z]+$/.test(a));
  let status = 0;
  for (const f of ops.slice(1)) {
    if (!ctx.host.fs.exists(ctx.resolve(f))) {
      ctx.err(`${name}: ${f}: No such file or directory\n`);
      status = 1;
    }
  }
  if (ops.length < 2) {
    ctx.err(`${name}: missing operand\n`);
    return 1;
  }
  return status;
};
