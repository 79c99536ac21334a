// What a command implementation sees: its argv, its standard streams and the container.
import type { ShellHost } from './host';
import { writeTarget } from './output';
import { DEV_NULL, resolvePath } from './paths';
import type { Block, FdEntry, InSource, OutTarget, ShellState, Thread } from './state';

export type CommandResult = number | { block: Block };

export interface CommandContext {
  state: ShellState;
  thread: Thread;
  host: ShellHost;
  argv: string[];
  /** virtual seconds */
  now: number;
  /** the shell's name for messages: `sh: foo: not found` */
  shellName: string;
  out(text: string): void;
  err(text: string): void;
  /** the whole remaining standard input, or null when there is none */
  readStdin(): string | null;
  /** one line of standard input without its newline, or null at end of input */
  readLine(): string | null;
  resolve(path: string): string;
  /** a file's content: /dev/null reads empty */
  readFile(path: string): string | undefined;
}

export type CommandImpl = (ctx: CommandContext) => CommandResult;

function isOut(e: FdEntry | undefined): e is OutTarget {
  return e !== undefined && e.k !== 'none' && e.k !== 'text' && !('cursor' in e);
}

export function writeFd(state: ShellState, host: ShellHost, thread: Thread, fd: number, text: string): void {
  const e = thread.fds[fd];
  if (isOut(e)) writeTarget(state, host, e, text);
}

function stdinSource(thread: Thread): InSource | null {
  const e = thread.fds[0];
  if (!e || e.k === 'none') return null;
  if (e.k === 'file' && 'cursor' in e) return e;
  if (e.k === 'text') return e;
  return null;
}

export function makeContext(state: ShellState, host: ShellHost, thread: Thread, argv: string[], now: number): CommandContext {
  const readFile = (path: string): string | undefined => {
    const abs = resolvePath(thread.sh.cwd, path);
    if (abs === DEV_NULL) return '';
    return host.fs.read(abs);
  };
  const sourceText = (src: InSource & { cursor: number }): string => {
    if (src.k === 'text') return src.text;
    return (src.k === 'file' ? readFile(src.path) : '') ?? '';
  };
  return {
    state,
    thread,
    host,
    argv,
    now,
    shellName: state.argv0,
    out: (text) => writeFd(state, host, thread, 1, text),
    err: (text) => writeFd(state, host, thread, 2, text),
    readStdin() {
      const src = stdinSource(thread);
      if (!src || src.k === 'none') return null;
      const text = sourceText(src);
      const at = state.cursors[src.cursor] ?? 0;
      state.cursors[src.cursor] = text.length;
      return text.slice(at);
    },
    readLine() {
      const src = stdinSource(thread);
      if (!src || src.k === 'none') return null;
      const text = sourceText(src);
      const at = state.cursors[src.cursor] ?? 0;
      if (at >= text.length) return null;
      const nl = text.indexOf('\n', at);
      const end = nl < 0 ? text.length : nl;
      state.cursors[src.cursor] = nl < 0 ? text.length : nl + 1;
      return text.slice(at, end);
    },
    resolve: (path) => resolvePath(thread.sh.cwd, path),
    readFile,
  };
}
