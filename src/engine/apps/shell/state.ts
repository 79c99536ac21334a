// The interpreter's whole state: plain data only (JSON-serialisable), so the engine can
// checkpoint a running container with structuredClone and resume it later.
import type {
  AndOrNode,
  CaseNode,
  CommandNode,
  ForNode,
  IfNode,
  ListNode,
  LoopNode,
  PipelineNode,
  ShellProgram,
  SimpleNode,
  Word,
} from './ast';

/** Where an output file descriptor goes. */
export type OutTarget =
  | { k: 'log'; stream: 'stdout' | 'stderr' }
  | { k: 'file'; path: string }
  | { k: 'null' }
  | { k: 'capture'; id: number }
  | { k: 'pipe'; id: number }
  | { k: 'closed' };

/** Where standard input comes from; `cursor` indexes ShellState.cursors (read position). */
export type InSource = { k: 'none' } | { k: 'file'; path: string; cursor: number } | { k: 'text'; text: string; cursor: number };

export type FdEntry = OutTarget | InSource;

/** fd number → where it points. fd 0 holds an InSource, the others an OutTarget. */
export type FdTable = Record<string, FdEntry>;

/** A line filter on the right of a pipe (`tail -f log | grep ERROR`). */
export type FilterSpec =
  | { k: 'grep'; pattern: string; flags: string; invert: boolean; quiet: boolean; count: boolean }
  | { k: 'wc'; mode: 'l' | 'w' | 'c' | 'all' }
  | { k: 'head'; lines: number }
  | { k: 'cat' }
  | { k: 'tee'; paths: string[] };

export interface PipeState {
  filter: FilterSpec;
  next: OutTarget;
  partial: string;
  /** lines seen (grep: matched, head: passed) */
  n: number;
  words: number;
  chars: number;
}

/** What a blocked thread waits for. */
export type Block =
  | { k: 'until'; t: number }
  | { k: 'tail'; files: { path: string; offset: number; missing: boolean }[]; retry: boolean; headers: boolean; last: string | null }
  | { k: 'forever' }
  | { k: 'jobs'; pids: number[] | null };

export interface TrapAction {
  source: string;
  /** null: the signal is ignored (`trap '' TERM`) */
  body: ListNode | null;
}

/** Per-process shell state (copied for subshells and background jobs). */
export interface ShellVars {
  vars: Record<string, string>;
  exported: Record<string, true>;
  readonly: Record<string, true>;
  positional: string[];
  cwd: string;
  functions: Record<string, CommandNode>;
  traps: Record<string, TrapAction>;
  opts: { errexit: boolean; xtrace: boolean; nounset: boolean; pipefail: boolean };
  lastBg: number | null;
  /** $0 of a child shell (`sh -c CMD name`); the main shell's is ShellState.argv0 */
  argv0?: string;
}

export type Frame =
  | { k: 'list'; node: ListNode; i: number }
  | { k: 'andor'; node: AndOrNode; i: number; last: number; bang: boolean }
  | { k: 'pipeline'; node: PipelineNode; phase: 'start' | 'expanded' | 'ran'; pipes: number[]; savedFds: FdTable | null }
  | {
      k: 'simple';
      node: SimpleNode;
      phase: 'expand' | 'expanded' | 'running' | 'finish';
      savedFds: FdTable | null;
      argv: string[] | null;
      /** exec: when the command finishes, the shell exits with its status */
      execExit: boolean;
      /** `VAR=x cmd`: values to restore when the command is done (null: was unset) */
      tempVars: Record<string, { v: string | null; e: boolean }> | null;
    }
  | {
      k: 'expand';
      items: ExpandItem[];
      i: number;
      part: number;
      segs: Seg[];
      results: string[][];
    }
  | { k: 'redirect'; node: CommandNode; phase: 'expand' | 'expanded' | 'ran'; savedFds: FdTable | null }
  /** phase 'test': the condition list is running (a condition context for `set -e`) */
  | { k: 'if'; node: IfNode; clause: number; phase: 'cond' | 'test' | 'body' }
  | { k: 'loop'; node: LoopNode; phase: 'cond' | 'test' | 'body'; status: number }
  | { k: 'for'; node: ForNode; phase: 'expand' | 'expanded' | 'body'; items: string[]; i: number; status: number }
  | { k: 'case'; node: CaseNode; phase: 'expand' | 'expanded' | 'body' }
  | {
      k: 'subshell';
      snapshot: ShellVars;
      savedFds: FdTable;
      capture: number | null;
      body: ListNode;
      started: boolean;
    }
  | { k: 'call'; savedPositional: string[]; locals: Record<string, string | null>; body: CommandNode; started: boolean }
  /** `.` / `eval`: a `.` file is a `return` target, eval text is not */
  | { k: 'source'; body: ListNode; started: boolean; eval: boolean }
  | { k: 'trap'; savedStatus: number; body: ListNode; started: boolean; exitAfter: number | null };

/** One word to expand: 'fields' splits and globs (command words), 'string' does not. */
export interface ExpandItem {
  word: Word;
  mode: 'fields' | 'string' | 'pattern';
}

/** A piece of an expanded word: `split` = unquoted expansion result (subject to IFS), `quoted` = no globbing. */
export interface Seg {
  text: string;
  split: boolean;
  quoted: boolean;
  /** forces a field boundary ("$@") */
  brk?: boolean;
}

export interface Thread {
  pid: number;
  stack: Frame[];
  sh: ShellVars;
  fds: FdTable;
  /** $? */
  status: number;
  block: Block | null;
  /** result of the last popped expand frame / command substitution */
  expanded: string[][] | null;
  captured: string | null;
  done: boolean;
  lineno: number;
}

export interface ShellState {
  v: 1;
  program: ShellProgram;
  argv0: string;
  /** $$: the shell is PID 1 in its container */
  pid: number;
  nextPid: number;
  started: boolean;
  /** set once the shell process has exited */
  exitCode: number | null;
  threads: Thread[];
  /** background job pid → exit status (null while it runs) */
  jobs: Record<string, number | null>;
  pendingSignals: string[];
  captures: Record<string, string>;
  pipes: Record<string, PipeState>;
  cursors: Record<string, number>;
  nextId: number;
  /** output not yet ended by a newline, per log stream */
  partial: { stdout: string; stderr: string };
  rng: number;
  /** the last resume ran out of its step budget without waiting (a busy loop) */
  spinning: boolean;
  exitTrapRan: boolean;
  /** steps executed since start (diagnostics) */
  steps: number;
}
