// Pushing and popping interpreter frames, and the ways control leaves them early: exit,
// break/continue, return. Popping a frame undoes what it set up (redirections, pipes,
// subshell variables, function positional parameters).
import type { AndOrNode, CommandNode, ListNode, PipelineNode } from './ast';
import type { ShellHost } from './host';
import { closePipe, flushLogs } from './output';
import { releaseCursors } from './redirection';
import type { Frame, ShellState, ShellVars, Thread } from './state';

export function pushList(thread: Thread, list: ListNode): void {
  thread.stack.push({ k: 'list', node: list, i: 0 });
}

/** Pushes an and-or list and, in the same step, its first pipeline. */
export function pushAndOr(thread: Thread, node: AndOrNode): void {
  thread.stack.push({ k: 'andor', node, i: 1, last: 0, bang: false });
  pushPipeline(thread, node.first);
}

/** A one-command pipeline starts its command in the same step (pipes need the step machine). */
export function pushPipeline(thread: Thread, node: PipelineNode): void {
  if (node.cmds.length === 1) {
    thread.stack.push({ k: 'pipeline', node, phase: 'ran', pipes: [], savedFds: null });
    pushCommand(thread, node.cmds[0]);
    return;
  }
  thread.stack.push({ k: 'pipeline', node, phase: 'start', pipes: [], savedFds: null });
}

/** A compound command with redirections first opens them (redirect frame). */
export function pushCommand(thread: Thread, cmd: CommandNode): void {
  if (cmd.t !== 'simple' && cmd.t !== 'funcdef' && cmd.redirs.length > 0) {
    thread.stack.push({ k: 'redirect', node: cmd, phase: 'expand', savedFds: null });
    return;
  }
  pushCompound(thread, cmd);
}

export function pushCompound(thread: Thread, cmd: CommandNode): void {
  switch (cmd.t) {
    case 'simple':
      thread.stack.push({ k: 'simple', node: cmd, phase: 'expand', savedFds: null, argv: null, execExit: false, tempVars: null });
      return;
    case 'group':
      pushList(thread, cmd.body);
      return;
    case 'subshell':
      startSubshell(thread, cmd.body, null);
      return;
    case 'if':
      thread.stack.push({ k: 'if', node: cmd, clause: 0, phase: 'cond' });
      return;
    case 'loop':
      thread.stack.push({ k: 'loop', node: cmd, phase: 'cond', status: 0 });
      return;
    case 'for':
      thread.stack.push({ k: 'for', node: cmd, phase: 'expand', items: [], i: 0, status: 0 });
      return;
    case 'case':
      thread.stack.push({ k: 'case', node: cmd, phase: 'expand' });
      return;
    case 'funcdef':
      thread.sh.functions[cmd.name] = cmd.body;
      thread.status = 0;
      return;
  }
}

export function copyShell(sh: ShellVars): ShellVars {
  return {
    vars: { ...sh.vars },
    exported: { ...sh.exported },
    readonly: { ...sh.readonly },
    positional: [...sh.positional],
    cwd: sh.cwd,
    functions: { ...sh.functions },
    traps: { ...sh.traps },
    opts: { ...sh.opts },
    lastBg: sh.lastBg,
    ...(sh.argv0 !== undefined ? { argv0: sh.argv0 } : {}),
  };
}

/** Traps with an action are reset in a subshell; ignored signals stay ignored (POSIX 2.12). */
export function subshellTraps(sh: ShellVars): void {
  for (const [sig, t] of Object.entries(sh.traps)) if (t.body !== null) delete sh.traps[sig];
}

/** Runs `body` in a subshell; with `capture`, its standard output is collected (`$(...)`). */
export function startSubshell(thread: Thread, body: ListNode, capture: { state: ShellState } | null): void {
  let id: number | null = null;
  if (capture) {
    id = capture.state.nextId++;
    capture.state.captures[id] = '';
  }
  thread.stack.push({ k: 'subshell', snapshot: copyShell(thread.sh), savedFds: thread.fds, capture: id, body, started: false });
  if (id !== null) thread.fds = { ...thread.fds, 1: { k: 'capture', id } };
  subshellTraps(thread.sh);
}

/** Pops the top frame, undoing what it set up. */
export function popFrame(state: ShellState, host: ShellHost, thread: Thread): Frame {
  const f = thread.stack.pop()!;
  switch (f.k) {
    case 'simple':
      if (f.tempVars) {
        for (const [name, old] of Object.entries(f.tempVars)) {
          if (old.v === null) delete thread.sh.vars[name];
          else thread.sh.vars[name] = old.v;
          if (old.e) thread.sh.exported[name] = true;
          else delete thread.sh.exported[name];
        }
        f.tempVars = null;
      }
      if (f.savedFds) {
        releaseCursors(state, thread.fds, f.savedFds);
        thread.fds = f.savedFds;
        f.savedFds = null;
      }
      break;
    case 'redirect':
      if (f.savedFds) {
        releaseCursors(state, thread.fds, f.savedFds);
        thread.fds = f.savedFds;
        f.savedFds = null;
      }
      break;
    case 'pipeline':
      if (f.savedFds) {
        releaseCursors(state, thread.fds, f.savedFds);
        thread.fds = f.savedFds;
        f.savedFds = null;
      }
      if (f.pipes.length) {
        closePipe(state, host, f.pipes[0]);
        f.pipes = [];
      }
      break;
    case 'subshell':
      thread.sh = f.snapshot;
      releaseCursors(state, thread.fds, f.savedFds);
      thread.fds = f.savedFds;
      if (f.capture !== null) {
        thread.captured = state.captures[f.capture] ?? '';
        delete state.captures[f.capture];
      }
      break;
    case 'call':
      thread.sh.positional = f.savedPositional;
      for (const [name, old] of Object.entries(f.locals)) {
        if (old === null) delete thread.sh.vars[name];
        else thread.sh.vars[name] = old;
      }
      break;
    case 'trap':
      thread.status = f.savedStatus;
      break;
    default:
      break;
  }
  return f;
}

/** The shell process's own traps: inside a subshell (a child process) they are in its outermost snapshot. */
export function processTraps(thread: Thread): ShellVars['traps'] {
  for (const f of thread.stack) if (f.k === 'subshell') return f.snapshot.traps;
  return thread.sh.traps;
}

/** Is a subshell (a foreground child process of the shell) running? */
export function inSubshell(thread: Thread): boolean {
  return thread.stack.some((f) => f.k === 'subshell');
}

export function isMain(state: ShellState, thread: Thread): boolean {
  return thread.pid === state.pid;
}

/** The process ends: flush the log and record the exit code. */
export function terminate(state: ShellState, host: ShellHost, code: number): void {
  state.exitCode = code;
  flushLogs(state, host);
}

function normalizeCode(code: number): number {
  return ((Math.trunc(code) % 256) + 256) % 256;
}

/** A thread's stack is empty: the process it stands for ends (the main one after its EXIT trap). */
function finishThread(state: ShellState, host: ShellHost, thread: Thread, code: number): void {
  thread.status = code;
  if (isMain(state, thread)) {
    const trap = thread.sh.traps.EXIT;
    if (trap?.body && !state.exitTrapRan) {
      state.exitTrapRan = true;
      thread.stack.push({ k: 'trap', savedStatus: code, body: trap.body, started: false, exitAfter: code });
      return;
    }
    terminate(state, host, code);
    return;
  }
  thread.done = true;
  thread.stack = [];
  state.jobs[thread.pid] = code;
}

/** `exit N` (or a fatal error): leave the innermost subshell, or the process. */
export function exitThread(state: ShellState, host: ShellHost, thread: Thread, code: number): void {
  const c = normalizeCode(code);
  thread.block = null;
  while (thread.stack.length) {
    const top = thread.stack[thread.stack.length - 1];
    popFrame(state, host, thread);
    if (top.k === 'subshell') {
      thread.status = c;
      return;
    }
  }
  finishThread(state, host, thread, c);
}

/** The script ran to its end. */
export function endOfScript(state: ShellState, host: ShellHost, thread: Thread): void {
  finishThread(state, host, thread, thread.status);
}

const BOUNDARIES = new Set(['call', 'subshell', 'trap']);

/** `break N` / `continue N`; false when there is no enclosing loop (ignored, as in ash). */
export function breakLoops(state: ShellState, host: ShellHost, thread: Thread, n: number, cont: boolean): boolean {
  let target = -1;
  let count = 0;
  for (let i = thread.stack.length - 1; i >= 0; i--) {
    const f = thread.stack[i];
    if (BOUNDARIES.has(f.k) || (f.k === 'source' && !f.eval)) break;
    if (f.k === 'loop' || f.k === 'for') {
      target = i;
      if (++count === n) break;
    }
  }
  if (target < 0) return false;
  while (thread.stack.length - 1 > target) popFrame(state, host, thread);
  const loop = thread.stack[target];
  thread.status = 0;
  if (!cont) popFrame(state, host, thread);
  else if (loop.k === 'loop') loop.phase = 'cond';
  else if (loop.k === 'for') loop.phase = 'body';
  return true;
}

/** `return N`: leave the innermost function or `.` file (in a subshell: the subshell). */
export function returnFrom(state: ShellState, host: ShellHost, thread: Thread, code: number): void {
  const c = normalizeCode(code);
  for (let i = thread.stack.length - 1; i >= 0; i--) {
    const f = thread.stack[i];
    if (f.k === 'call' || (f.k === 'source' && !f.eval) || f.k === 'subshell') {
      while (thread.stack.length - 1 > i) popFrame(state, host, thread);
      popFrame(state, host, thread);
      thread.status = c;
      return;
    }
  }
  exitThread(state, host, thread, c);
}

/** Is the running command in a condition context, where `set -e` does not apply (POSIX `set -e`)? */
export function inCondition(thread: Thread): boolean {
  for (const f of thread.stack) {
    if ((f.k === 'if' || f.k === 'loop') && f.phase === 'test') return true;
    if (f.k === 'andor' && f.last < f.node.rest.length) return true;
    if (f.k === 'pipeline' && f.node.bang) return true;
  }
  return false;
}
