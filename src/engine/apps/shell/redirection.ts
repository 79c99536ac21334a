// Opening redirections (POSIX 2.7) into a new fd table. Messages are ash's
// (shell/ash.c openredirect: "can't create %s: %s", "can't open %s: %s").
import type { Redir } from './ast';
import type { ShellHost } from './host';
import { DEV_NULL, devicePathFd, resolvePath } from './paths';
import type { FdTable, OutTarget, ShellState, Thread } from './state';

function newCursor(state: ShellState): number {
  const id = state.nextId++;
  state.cursors[id] = 0;
  return id;
}

function openOutput(host: ShellHost, thread: Thread, fds: FdTable, path: string, append: boolean): OutTarget | string {
  if (path === DEV_NULL) return { k: 'null' };
  const dev = devicePathFd(path);
  if (dev !== null) return (fds[dev] as OutTarget | undefined) ?? { k: 'closed' };
  const abs = resolvePath(thread.sh.cwd, path);
  if (host.fs.isDir(abs)) return `can't create ${path}: Is a directory`;
  if (!append || !host.fs.exists(abs)) {
    const err = host.fs.write(abs, '', false);
    if (err !== null) return err.startsWith("can't") ? err : `can't create ${path}: ${err}`;
  }
  return { k: 'file', path: abs };
}

/** Returns the new fd table, or the error text to print after `sh: `. */
export function openRedirections(
  state: ShellState,
  host: ShellHost,
  thread: Thread,
  redirs: Redir[],
  targets: string[],
): FdTable | string {
  const fds: FdTable = { ...thread.fds };
  for (let i = 0; i < redirs.length; i++) {
    const r = redirs[i];
    const target = targets[i];
    switch (r.op) {
      case '>':
      case '>>':
      case '&>':
      case '&>>': {
        const t = openOutput(host, thread, fds, target, r.op === '>>' || r.op === '&>>');
        if (typeof t === 'string') return t;
        fds[r.fd] = t;
        if (r.op === '&>' || r.op === '&>>') fds[2] = t;
        break;
      }
      case '>&':
      case '<&': {
        if (target === '-') {
          fds[r.fd] = r.fd === 0 ? { k: 'none' } : { k: 'closed' };
        } else if (/^[0-9]+$/.test(target)) {
          const src = fds[target];
          if (!src) return `${target}: bad file descriptor`;
          fds[r.fd] = src;
        } else if (r.op === '>&') {
          // `>& file` is bash for `&> file`
          const t = openOutput(host, thread, fds, target, false);
          if (typeof t === 'string') return t;
          fds[1] = t;
          fds[2] = t;
        } else return `${target}: bad file descriptor`;
        break;
      }
      case '<':
      case '<>': {
        if (target === DEV_NULL) {
          fds[r.fd] = { k: 'text', text: '', cursor: newCursor(state) };
          break;
        }
        const abs = resolvePath(thread.sh.cwd, target);
        if (!host.fs.exists(abs)) {
          if (r.op === '<>') {
            const err = host.fs.write(abs, '', true);
            if (err !== null) return err;
          } else return `can't open ${target}: no such file`;
        }
        fds[r.fd] = { k: 'file', path: abs, cursor: newCursor(state) };
        break;
      }
      case '<<':
        fds[r.fd] = { k: 'text', text: target, cursor: newCursor(state) };
        break;
      case '<<<':
        fds[r.fd] = { k: 'text', text: target + '\n', cursor: newCursor(state) };
        break;
    }
  }
  return fds;
}

/** Read cursors opened by `current` but not in `restored` are dropped with it. */
export function releaseCursors(state: ShellState, current: FdTable, restored: FdTable): void {
  const kept = new Set<number>();
  for (const e of Object.values(restored)) if ('cursor' in e) kept.add(e.cursor);
  for (const e of Object.values(current)) if ('cursor' in e && !kept.has(e.cursor)) delete state.cursors[e.cursor];
}
