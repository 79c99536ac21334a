// One step of a thread: look at the top frame and advance it by one move (push a child,
// consume a child's result, run a command, pop). Nothing here recurses through the JS stack
// across commands, so the whole execution state stays in ShellState.
import type { Assign, Word } from './ast';
import { makeContext, writeFd } from './command-context';
import { commandName, SHELL_BUILTINS, SPECIAL_BUILTINS, UTILITIES } from './commands';
import { filterFor } from './commands/text-filters';
import { captureSeg, expandParts, expandSync, finishItem, setVar, type ExpandEnv } from './expansion';
import {
  endOfScript,
  exitThread,
  inCondition,
  inSubshell,
  isMain,
  popFrame,
  pushAndOr,
  pushCommand,
  pushCompound,
  pushList,
  pushPipeline,
  startSubshell,
  subshellTraps,
  copyShell,
  terminate,
} from './frames';
import type { ShellHost } from './host';
import { openPipe, closePipe } from './output';
import { matchPattern } from './pattern';
import { openRedirections } from './redirection';
import { ShellFatal } from './shell-error';
import { isShellName, runScriptFile, runShellBuiltin, type BuiltinEnv, type BuiltinOutcome } from './shell-builtins';
import type { ExpandItem, Frame, OutTarget, ShellState, Thread } from './state';

function expandItems(env: ExpandEnv, items: ExpandItem[], async: boolean): boolean {
  if (!async) {
    env.thread.expanded = expandSync(env, items);
    return true;
  }
  env.thread.expanded = null;
  env.thread.stack.push({ k: 'expand', items, i: 0, part: 0, segs: [], results: [] });
  return false;
}

function takeExpanded(thread: Thread): string[][] {
  const r = thread.expanded ?? [];
  thread.expanded = null;
  return r;
}

function traceQuote(s: string): string {
  return /^[A-Za-z0-9_\/.,:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'"'"'`)}'`;
}

function spawnBackground(state: ShellState, thread: Thread, item: Frame & { k: 'list' }): void {
  const node = item.node.items[item.i - 1];
  const pid = state.nextPid++;
  const sh = copyShell(thread.sh);
  subshellTraps(sh);
  // an asynchronous list reads /dev/null, not the shell's input (POSIX 2.9.3.1)
  state.threads.push({
    pid,
    stack: [],
    sh,
    fds: { ...thread.fds, 0: { k: 'none' } },
    status: thread.status,
    block: null,
    expanded: null,
    captured: null,
    done: false,
    lineno: thread.lineno,
  });
  pushAndOr(state.threads[state.threads.length - 1], node);
  state.jobs[pid] = null;
  thread.sh.lastBg = pid;
  thread.status = 0;
}

function outTarget(thread: Thread): OutTarget {
  const e = thread.fds[1];
  if (!e || e.k === 'none' || e.k === 'text' || 'cursor' in e) return { k: 'closed' };
  return e;
}

function stepPipeline(state: ShellState, host: ShellHost, thread: Thread, f: Frame & { k: 'pipeline' }, now: number): void {
  const node = f.node;
  if (f.phase === 'start') {
    f.phase = 'ran';
    if (node.cmds.length === 1) {
      pushCommand(thread, node.cmds[0]);
      return;
    }
    // Stages after the first are line filters fed as the first stage writes (check-support
    // guarantees simple commands whose words need no command substitution).
    const env: ExpandEnv = { state, thread, host };
    let next = outTarget(thread);
    const ids: number[] = [];
    for (let i = node.cmds.length - 1; i >= 1; i--) {
      const cmd = node.cmds[i];
      if (cmd.t !== 'simple') continue;
      const argv = expandSync(env, cmd.words.map((word) => ({ word, mode: 'fields' as const }))).flat();
      argv[0] = commandName(argv[0] ?? '');
      let stageOut = next;
      if (cmd.redirs.length) {
        const targets = expandSync(env, cmd.redirs.map((r) => ({ word: r.target, mode: 'string' as const }))).map((r) => r[0]);
        const fds = openRedirections(state, host, { ...thread, fds: { ...thread.fds, 1: next } }, cmd.redirs, targets);
        if (typeof fds === 'string') {
          writeFd(state, host, thread, 2, `${state.argv0}: ${fds}\n`);
          for (const id of ids.slice(0, 1)) closePipe(state, host, id);
          thread.status = 1;
          popFrame(state, host, thread);
          return;
        }
        stageOut = (fds[1] as OutTarget | undefined) ?? { k: 'closed' };
      }
      const spec = filterFor(makeContext(state, host, thread, argv, now), argv);
      if (typeof spec === 'string') {
        writeFd(state, host, thread, 2, spec + '\n');
        if (ids.length) closePipe(state, host, ids[0]);
        thread.status = 2;
        popFrame(state, host, thread);
        return;
      }
      const id = openPipe(state, spec, stageOut);
      ids.unshift(id);
      next = { k: 'pipe', id };
    }
    f.pipes = ids;
    f.savedFds = thread.fds;
    thread.fds = { ...thread.fds, 1: next };
    pushCommand(thread, node.cmds[0]);
    return;
  }
  let status = thread.status;
  if (f.pipes.length) {
    const first = status;
    if (f.savedFds) thread.fds = f.savedFds;
    f.savedFds = null;
    status = closePipe(state, host, f.pipes[0]);
    f.pipes = [];
    if (thread.sh.opts.pipefail && status === 0 && first !== 0) status = first;
  }
  if (node.bang) status = status === 0 ? 1 : 0;
  thread.status = status;
  popFrame(state, host, thread);
}

function applyAssignments(thread: Thread, assigns: Assign[], values: string[]): void {
  assigns.forEach((a, i) => setVar(thread, a.name, values[i]));
}

function stepSimple(state: ShellState, host: ShellHost, thread: Thread, f: Frame & { k: 'simple' }, now: number): void {
  const node = f.node;
  if (f.phase === 'expand') {
    thread.lineno = node.pos.line;
    const items: ExpandItem[] = [
      ...node.assigns.map((a) => ({ word: a.value, mode: 'string' as const })),
      ...node.words.map((w) => ({ word: w, mode: 'fields' as const })),
      ...node.redirs.map((r) => ({ word: r.target, mode: 'string' as const })),
    ];
    f.phase = 'expanded';
    if (!expandItems({ state, thread, host }, items, node.async)) return;
  }
  if (f.phase === 'expanded') {
    const results = takeExpanded(thread);
    const nA = node.assigns.length;
    const nW = node.words.length;
    const values = results.slice(0, nA).map((r) => r[0]);
    const argv = results.slice(nA, nA + nW).flat();
    const targets = results.slice(nA + nW).map((r) => r[0]);
    f.argv = argv;
    if (thread.sh.opts.xtrace) {
      const trace = [...node.assigns.map((a, i) => `${a.name}=${traceQuote(values[i])}`), ...argv.map(traceQuote)].join(' ');
      writeFd(state, host, thread, 2, `+ ${trace}\n`);
    }
    if (argv.length === 0) {
      applyAssignments(thread, node.assigns, values);
      const status = node.async ? thread.status : 0;
      if (node.redirs.length) {
        const fds = openRedirections(state, host, thread, node.redirs, targets);
        if (typeof fds === 'string') {
          writeFd(state, host, thread, 2, `${state.argv0}: ${fds}\n`);
          thread.status = 1;
          popFrame(state, host, thread);
          return;
        }
      }
      thread.status = status;
      popFrame(state, host, thread);
      return;
    }
    if (node.redirs.length) {
      const fds = openRedirections(state, host, thread, node.redirs, targets);
      if (typeof fds === 'string') {
        writeFd(state, host, thread, 2, `${state.argv0}: ${fds}\n`);
        thread.status = 1;
        popFrame(state, host, thread);
        return;
      }
      f.savedFds = thread.fds;
      thread.fds = fds;
    }
    f.phase = 'running';
    const name = commandName(argv[0]);
    if (name === 'exec') {
      if (argv.length === 1) {
        // `exec >file 2>&1`: the redirections stay for the rest of the script
        f.savedFds = null;
      } else f.execExit = true;
    }
    if (SPECIAL_BUILTINS.includes(name)) applyAssignments(thread, node.assigns, values);
    else if (node.assigns.length) {
      // `VAR=x cmd`: in the command's environment only (POSIX 2.9.1)
      f.tempVars = {};
      for (const a of node.assigns) {
        if (!(a.name in f.tempVars)) f.tempVars[a.name] = { v: thread.sh.vars[a.name] ?? null, e: !!thread.sh.exported[a.name] };
      }
      applyAssignments(thread, node.assigns, values);
      for (const a of node.assigns) thread.sh.exported[a.name] = true;
    }
    const outcome = dispatch(state, host, thread, argv, false, now);
    if (outcome === 'unwound') return;
    f.phase = 'finish';
    if (outcome !== 'done') return;
  }
  if (f.phase === 'running') f.phase = 'finish';
  // finish: the command's status is in thread.status
  const execExit = f.execExit;
  popFrame(state, host, thread);
  if (execExit) exitThread(state, host, thread, thread.status);
}

function dispatch(state: ShellState, host: ShellHost, thread: Thread, argv: string[], skipFunctions: boolean, now: number): BuiltinOutcome {
  const fn = skipFunctions ? undefined : thread.sh.functions[argv[0]];
  if (fn) {
    thread.stack.push({ k: 'call', savedPositional: thread.sh.positional, locals: {}, body: fn, started: false });
    thread.sh.positional = argv.slice(1);
    return 'pushed';
  }
  const name = commandName(argv[0]);
  const env: BuiltinEnv = {
    state,
    host,
    thread,
    now,
    dispatch: (a, skip) => dispatch(state, host, thread, a, skip, now),
  };
  if (SHELL_BUILTINS.includes(name) || isShellName(name)) return runShellBuiltin(env, name, [name, ...argv.slice(1)]);
  const impl = UTILITIES[name];
  if (impl) {
    const r = impl(makeContext(state, host, thread, [name, ...argv.slice(1)], now));
    if (typeof r === 'number') {
      thread.status = r;
      return 'done';
    }
    thread.block = r.block;
    return 'blocked';
  }
  if (argv[0].includes('/')) {
    const ran = runScriptFile(env, argv);
    if (ran) return ran;
  }
  writeFd(state, host, thread, 2, `${state.argv0}: ${argv[0]}: not found\n`);
  thread.status = 127;
  return 'done';
}

function stepExpand(state: ShellState, host: ShellHost, thread: Thread, f: Frame & { k: 'expand' }): void {
  const env: ExpandEnv = { state, thread, host };
  if (thread.captured !== null) {
    const item = f.items[f.i];
    f.segs.push(captureSeg(thread.captured, item.word.parts[f.part]));
    thread.captured = null;
    f.part++;
  }
  while (f.i < f.items.length) {
    const item = f.items[f.i];
    const at = expandParts(env, item.word, f.part, f.segs);
    if (at >= 0) {
      f.part = at;
      const part = item.word.parts[at];
      if (part.t === 'cmd') startSubshell(thread, part.body, { state });
      return;
    }
    f.results.push(finishItem(env, f.segs, item.mode));
    f.i++;
    f.part = 0;
    f.segs = [];
  }
  thread.expanded = f.results;
  popFrame(state, host, thread);
}

function wordsAsync(words: Word[]): boolean {
  return words.some((w) => w.async);
}

/**
 * A pending trap runs between the shell's own commands: not while a subshell (a child process)
 * runs, nor while a simple command or a pipe still holds its redirections or half-expanded words.
 */
function atCommandBoundary(thread: Thread): boolean {
  if (thread.block || thread.captured !== null || thread.expanded !== null) return false;
  const top = thread.stack[thread.stack.length - 1];
  if (top && (top.k === 'simple' || top.k === 'expand' || (top.k === 'pipeline' && top.savedFds !== null))) return false;
  return !inSubshell(thread);
}

/** Advances the thread by one step. */
export function step(state: ShellState, host: ShellHost, thread: Thread, now: number): void {
  if (isMain(state, thread) && state.pendingSignals.length && atCommandBoundary(thread)) {
    const sig = state.pendingSignals.shift()!;
    const trap = thread.sh.traps[sig];
    if (trap?.body) {
      thread.stack.push({ k: 'trap', savedStatus: thread.status, body: trap.body, started: false, exitAfter: null });
      return;
    }
  }
  const f = thread.stack[thread.stack.length - 1];
  if (!f) {
    endOfScript(state, host, thread);
    return;
  }
  try {
    stepFrame(state, host, thread, f, now);
  } catch (e) {
    if (e instanceof ShellFatal) {
      writeFd(state, host, thread, 2, `${state.argv0}: ${e.message}\n`);
      exitThread(state, host, thread, e.status);
      return;
    }
    throw e;
  }
}

function stepFrame(state: ShellState, host: ShellHost, thread: Thread, f: Frame, now: number): void {
  const env: ExpandEnv = { state, thread, host };
  switch (f.k) {
    case 'list': {
      if (f.i >= f.node.items.length) {
        popFrame(state, host, thread);
        return;
      }
      const item = f.node.items[f.i++];
      if (item.background) spawnBackground(state, thread, f);
      else pushAndOr(thread, item);
      return;
    }
    case 'andor': {
      const node = f.node;
      while (f.i - 1 < node.rest.length) {
        const r = node.rest[f.i - 1];
        f.i++;
        if ((r.op === '&&') === (thread.status === 0)) {
          f.last = f.i - 1;
          pushPipeline(thread, r.p);
          return;
        }
      }
      popFrame(state, host, thread);
      const lastP = f.last === 0 ? node.first : node.rest[f.last - 1].p;
      if (thread.status !== 0 && thread.sh.opts.errexit && f.last === node.rest.length && !lastP.bang && !inCondition(thread)) {
        exitThread(state, host, thread, thread.status);
      }
      return;
    }
    case 'pipeline':
      stepPipeline(state, host, thread, f, now);
      return;
    case 'simple':
      stepSimple(state, host, thread, f, now);
      return;
    case 'expand':
      stepExpand(state, host, thread, f);
      return;
    case 'redirect': {
      const node = f.node as Exclude<typeof f.node, { t: 'funcdef' }>;
      if (f.phase === 'expand') {
        f.phase = 'expanded';
        const items = node.redirs.map((r) => ({ word: r.target, mode: 'string' as const }));
        if (!expandItems(env, items, wordsAsync(node.redirs.map((r) => r.target)))) return;
      }
      if (f.phase === 'expanded') {
        const targets = takeExpanded(thread).map((r) => r[0]);
        const fds = openRedirections(state, host, thread, node.redirs, targets);
        if (typeof fds === 'string') {
          writeFd(state, host, thread, 2, `${state.argv0}: ${fds}\n`);
          thread.status = 1;
          popFrame(state, host, thread);
          return;
        }
        f.savedFds = thread.fds;
        thread.fds = fds;
        f.phase = 'ran';
        pushCompound(thread, node);
        return;
      }
      popFrame(state, host, thread);
      return;
    }
    case 'if': {
      const node = f.node;
      if (f.phase === 'cond') {
        f.phase = 'test';
        pushList(thread, node.clauses[f.clause].cond);
        return;
      }
      if (f.phase === 'test') {
        if (thread.status === 0) {
          f.phase = 'body';
          pushList(thread, node.clauses[f.clause].body);
          return;
        }
        f.clause++;
        if (f.clause < node.clauses.length) {
          f.phase = 'test';
          pushList(thread, node.clauses[f.clause].cond);
          return;
        }
        if (node.elseBody) {
          f.phase = 'body';
          pushList(thread, node.elseBody);
          return;
        }
        thread.status = 0;
      }
      popFrame(state, host, thread);
      return;
    }
    case 'loop': {
      const node = f.node;
      if (f.phase === 'body') f.status = thread.status;
      if (f.phase === 'cond' || f.phase === 'body') {
        f.phase = 'test';
        pushList(thread, node.cond);
        return;
      }
      if ((thread.status === 0) !== node.until) {
        f.phase = 'body';
        pushList(thread, node.body);
        return;
      }
      thread.status = f.status;
      popFrame(state, host, thread);
      return;
    }
    case 'for': {
      const node = f.node;
      if (f.phase === 'expand') {
        if (node.items === null) {
          f.items = [...thread.sh.positional];
          f.phase = 'body';
        } else {
          f.phase = 'expanded';
          if (!expandItems(env, node.items.map((word) => ({ word, mode: 'fields' as const })), wordsAsync(node.items))) return;
        }
      }
      if (f.phase === 'expanded') {
        f.items = takeExpanded(thread).flat();
        f.phase = 'body';
        f.i = 0;
        f.status = 0;
        thread.status = 0;
      }
      if (f.i > 0) f.status = thread.status;
      if (f.i < f.items.length) {
        setVar(thread, node.name, f.items[f.i++]);
        pushList(thread, node.body);
        return;
      }
      thread.status = f.status;
      popFrame(state, host, thread);
      return;
    }
    case 'case': {
      const node = f.node;
      if (f.phase === 'expand') {
        f.phase = 'expanded';
        if (!expandItems(env, [{ word: node.word, mode: 'string' }], node.word.async)) return;
      }
      if (f.phase === 'expanded') {
        const value = takeExpanded(thread)[0][0];
        for (const arm of node.arms) {
          for (const p of arm.patterns) {
            const pat = expandSync(env, [{ word: p, mode: 'pattern' }])[0][0];
            if (matchPattern(pat, value)) {
              f.phase = 'body';
              thread.status = 0;
              pushList(thread, arm.body);
              return;
            }
          }
        }
        thread.status = 0;
      }
      popFrame(state, host, thread);
      return;
    }
    case 'subshell':
    case 'source':
    case 'call':
      // run the body once; the frame's exit status is the body's
      if (!f.started) {
        f.started = true;
        if (f.k === 'call') pushCommand(thread, f.body);
        else pushList(thread, f.body);
        return;
      }
      {
        const status = thread.status;
        popFrame(state, host, thread);
        thread.status = status;
      }
      return;
    case 'trap': {
      if (!f.started) {
        f.started = true;
        pushList(thread, f.body);
        return;
      }
      const exitAfter = f.exitAfter;
      popFrame(state, host, thread);
      if (exitAfter !== null) terminate(state, host, exitAfter);
      return;
    }
  }
}
