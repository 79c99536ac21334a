// Running a shell in virtual time: startShell builds the initial state, resumeShell runs every
// thread until all wait (or the process exits), signalShell delivers SIGTERM.
import type { ShellProgram } from './ast';
import { makeContext, writeFd } from './command-context';
import { inSubshell, isMain, processTraps, pushList } from './frames';
import type { ShellHost, ShellWait } from './host';
import { DEV_NULL } from './paths';
import type { Block, ShellState, Thread } from './state';
import { step } from './step';

/**
 * A script that runs this many steps in one resume without waiting is treated as burning CPU:
 * the interpreter stops there and asks to be resumed SPIN_SECONDS later, so a busy loop such
 * as `while true; do :; done` costs one second of virtual time per 100,000 steps instead of
 * hanging the engine. (A step is one move of one frame: `while true; do :; done` takes ~6
 * steps an iteration.)
 */
export const STEP_BUDGET = 100_000;
export const SPIN_SECONDS = 1;
/** While a thread follows a file and another sleeps, files are polled this often. */
export const FILE_POLL_SECONDS = 1;
/** Float tolerance when comparing a deadline with the engine's clock. */
const EPSILON = 1e-9;

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface StartOptions {
  /** `sh -e` */
  errexit?: boolean;
  /** `sh -x` */
  xtrace?: boolean;
  /** $1... (`sh -c SCRIPT name arg...`) */
  positional?: string[];
}

export function startShell(program: ShellProgram, argv0 = 'sh', options: StartOptions = {}): ShellState {
  const main: Thread = {
    pid: 1,
    stack: [],
    sh: {
      vars: {},
      exported: {},
      readonly: {},
      positional: [...(options.positional ?? [])],
      cwd: '/',
      functions: {},
      traps: {},
      opts: { errexit: !!options.errexit, xtrace: !!options.xtrace, nounset: false, pipefail: false },
      lastBg: null,
    },
    fds: { 0: { k: 'none' }, 1: { k: 'log', stream: 'stdout' }, 2: { k: 'log', stream: 'stderr' } },
    status: 0,
    block: null,
    expanded: null,
    captured: null,
    done: false,
    lineno: 0,
  };
  pushList(main, program.body);
  return {
    v: 1,
    program,
    argv0,
    pid: 1,
    nextPid: 2,
    started: false,
    exitCode: null,
    threads: [main],
    jobs: {},
    pendingSignals: [],
    captures: {},
    pipes: {},
    cursors: {},
    nextId: 1,
    partial: { stdout: '', stderr: '' },
    rng: 1,
    spinning: false,
    exitTrapRan: false,
    steps: 0,
  };
}

/** The container's environment becomes the shell's exported variables at its first step. */
function init(state: ShellState, host: ShellHost): void {
  const sh = state.threads[0].sh;
  for (const [k, v] of Object.entries(host.env)) {
    sh.vars[k] = v;
    sh.exported[k] = true;
  }
  const defaults: Record<string, string> = { HOSTNAME: host.hostname, PATH: DEFAULT_PATH, HOME: '/root' };
  for (const [k, v] of Object.entries(defaults)) {
    if (!(k in sh.vars)) {
      sh.vars[k] = v;
      sh.exported[k] = true;
    }
  }
  const pwd = sh.vars.PWD;
  if (pwd && pwd.startsWith('/') && host.fs.isDir(pwd)) sh.cwd = pwd;
  sh.vars.PWD = sh.cwd;
  sh.vars.PPID = '0';
  // seed $RANDOM from the pod name so replicas differ but runs repeat
  let seed = 2166136261;
  for (const c of host.hostname) seed = Math.imul(seed ^ c.charCodeAt(0), 16777619) >>> 0;
  state.rng = seed;
  state.started = true;
}

/** Tail follow: print what was appended to the followed files since the last poll. */
function pollTail(state: ShellState, host: ShellHost, thread: Thread, b: Block & { k: 'tail' }, now: number): void {
  const ctx = makeContext(state, host, thread, ['tail'], now);
  for (const f of b.files) {
    const text = f.path === DEV_NULL ? '' : host.fs.read(f.path);
    if (text === undefined) {
      f.missing = true;
      continue;
    }
    if (f.missing) {
      // -f holds the removed file open: a new file by that name is not followed; -F reopens it
      if (!b.retry) continue;
      f.missing = false;
      f.offset = 0;
    }
    if (text.length < f.offset) {
      writeFd(state, host, thread, 2, `tail: ${f.path}: file truncated\n`);
      f.offset = 0;
    }
    if (text.length > f.offset) {
      if (b.headers && b.last !== f.path) ctx.out(`\n==> ${f.path} <==\n`);
      b.last = f.path;
      ctx.out(text.slice(f.offset));
      f.offset = text.length;
    }
  }
}

/** Returns true when the block is over (the thread can run again). */
function pollBlock(state: ShellState, host: ShellHost, thread: Thread, now: number): boolean {
  const b = thread.block!;
  switch (b.k) {
    case 'until':
      if (now + EPSILON < b.t) return false;
      thread.block = null;
      thread.status = 0;
      return true;
    case 'forever':
      return false;
    case 'tail':
      pollTail(state, host, thread, b, now);
      return false;
    case 'jobs': {
      const pids = b.pids ?? Object.keys(state.jobs).map(Number);
      if (pids.some((p) => state.jobs[p] === null)) return false;
      thread.block = null;
      thread.status = b.pids ? (state.jobs[b.pids[b.pids.length - 1]] ?? 127) : 0;
      // a job waited for is forgotten, as in ash (a second `wait PID` gives 127)
      for (const p of pids) delete state.jobs[p];
      return true;
    }
  }
}

function computeWait(state: ShellState, now: number): ShellWait {
  let until = Infinity;
  const files = new Set<string>();
  for (const t of state.threads) {
    const b = t.block;
    if (!b || t.done) continue;
    if (b.k === 'until') until = Math.min(until, b.t);
    else if (b.k === 'tail') for (const f of b.files) if (!(f.missing && !b.retry)) files.add(f.path);
  }
  if (until < Infinity) {
    let seconds = Math.max(until - now, 0);
    if (files.size) seconds = Math.min(seconds, FILE_POLL_SECONDS);
    return { kind: 'sleep', seconds };
  }
  if (files.size === 1) return { kind: 'file', path: [...files][0] };
  if (files.size > 1) return { kind: 'sleep', seconds: FILE_POLL_SECONDS };
  return { kind: 'forever' };
}

function run(state: ShellState, host: ShellHost): ShellWait {
  if (state.exitCode !== null) return { kind: 'exit', code: state.exitCode };
  if (!state.started) init(state, host);
  const now = host.now();
  let budget = STEP_BUDGET;
  state.spinning = false;
  for (;;) {
    let progressed = false;
    for (let ti = 0; ti < state.threads.length; ti++) {
      const thread = state.threads[ti];
      if (thread.done) continue;
      if (thread.block) {
        if (!pollBlock(state, host, thread, now)) continue;
        progressed = true;
      }
      while (!thread.block && !thread.done) {
        if (budget-- <= 0) {
          state.spinning = true;
          return { kind: 'sleep', seconds: SPIN_SECONDS };
        }
        step(state, host, thread, now);
        state.steps++;
        progressed = true;
        if (state.exitCode !== null) return { kind: 'exit', code: state.exitCode };
      }
    }
    if (state.threads.some((t) => t.done)) state.threads = state.threads.filter((t) => !t.done || isMain(state, t));
    if (!progressed) break;
  }
  return computeWait(state, now);
}

/** Runs the shell until it must wait for virtual time or something outside; mutates state. */
export function resumeShell(state: ShellState, host: ShellHost): ShellWait {
  return run(state, host);
}

/**
 * Delivers SIGTERM. Without a TERM trap returns 'default' (the engine applies the default
 * action; a PID-1 shell ignores it). With a trap, POSIX 2.11: the action runs once the
 * foreground command in progress completes (a running `sleep 600` is not interrupted: the
 * signal goes to PID 1 only), but a `wait` builtin returns at once with status 143 and the
 * action runs. `trap '' TERM` ignores the signal.
 */
export function signalShell(state: ShellState, host: ShellHost, signal: 'TERM'): ShellWait | 'default' {
  if (state.exitCode !== null) return { kind: 'exit', code: state.exitCode };
  if (!state.started) init(state, host);
  const main = state.threads[0];
  const trap = processTraps(main)[signal];
  if (!trap) return 'default';
  if (trap.body) {
    if (main.block?.k === 'jobs' && !inSubshell(main)) {
      main.block = null;
      // the simple command running `wait` is in its finish phase; the trap runs first
      main.status = 128 + 15;
      main.stack.push({ k: 'trap', savedStatus: 128 + 15, body: trap.body, started: false, exitAfter: null });
    } else state.pendingSignals.push(signal);
  }
  return run(state, host);
}
