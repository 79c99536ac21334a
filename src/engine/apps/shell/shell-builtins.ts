// The shell's own builtins: they read or change the interpreter (variables, options, traps,
// frames), unlike the utilities in commands/. Messages follow busybox ash.
import { makeContext, writeFd } from './command-context';
import { SHELL_BUILTINS, utilityPath } from './commands';
import { parseScript } from './compile';
import { setVar } from './expansion';
import { breakLoops, exitThread, returnFrom, startSubshell } from './frames';
import type { ShellHost } from './host';
import { resolvePath } from './paths';
import { ShellFatal } from './shell-error';
import type { ShellState, Thread } from './state';

/** 'done': status set; 'pushed': frames were pushed; 'unwound': control left the command; 'blocked': waiting */
export type BuiltinOutcome = 'done' | 'pushed' | 'unwound' | 'blocked';

export interface BuiltinEnv {
  state: ShellState;
  host: ShellHost;
  thread: Thread;
  now: number;
  /** runs argv as a command (for `exec` and `command`), skipping functions when asked */
  dispatch(argv: string[], skipFunctions: boolean): BuiltinOutcome;
}

/** Signal names `trap` accepts, by number and name (kill -l). */
const SIGNALS: Record<string, string> = {
  '0': 'EXIT', '1': 'HUP', '2': 'INT', '3': 'QUIT', '6': 'ABRT', '9': 'KILL', '10': 'USR1', '12': 'USR2',
  '13': 'PIPE', '14': 'ALRM', '15': 'TERM', '17': 'CHLD',
};

export function signalName(spec: string): string | null {
  if (spec in SIGNALS) return SIGNALS[spec];
  const up = spec.toUpperCase().replace(/^SIG/, '');
  if (Object.values(SIGNALS).includes(up) || up === 'ERR') return up;
  return null;
}

function shellQuote(v: string): string {
  return `'${v.replace(/'/g, `'"'"'`)}'`;
}

function isName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

function err(env: BuiltinEnv, text: string): void {
  writeFd(env.state, env.host, env.thread, 2, `${env.state.argv0}: ${text}\n`);
}

function out(env: BuiltinEnv, text: string): void {
  writeFd(env.state, env.host, env.thread, 1, text);
}

function done(env: BuiltinEnv, status: number): BuiltinOutcome {
  env.thread.status = status;
  return 'done';
}

function parseCount(env: BuiltinEnv, name: string, arg: string | undefined, dflt: number): number | null {
  if (arg === undefined) return dflt;
  if (!/^[0-9]+$/.test(arg)) {
    err(env, `${name}: Illegal number: ${arg}`);
    return null;
  }
  return parseInt(arg, 10);
}

function setOption(env: BuiltinEnv, letter: string, on: boolean): boolean {
  const o = env.thread.sh.opts;
  switch (letter) {
    case 'e':
      o.errexit = on;
      return true;
    case 'x':
      o.xtrace = on;
      return true;
    case 'u':
      o.nounset = on;
      return true;
    case 'f':
    case 'm':
    case 'C':
    case 'a':
    case 'b':
    case 'h':
    case 'n':
    case 'v':
      return true;
    default:
      return false;
  }
}

const LONG_OPTIONS: Record<string, string> = { errexit: 'e', xtrace: 'x', nounset: 'u', noglob: 'f', allexport: 'a', verbose: 'v', monitor: 'm', noclobber: 'C' };

function setBuiltin(env: BuiltinEnv, args: string[]): BuiltinOutcome {
  const sh = env.thread.sh;
  if (args.length === 0) {
    const names = Object.keys(sh.vars).sort();
    out(env, names.map((n) => `${n}=${shellQuote(sh.vars[n])}\n`).join(''));
    return done(env, 0);
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      sh.positional = args.slice(i + 1);
      return done(env, 0);
    }
    if (!/^[-+]/.test(a) || a === '-' || a === '+') break;
    const on = a[0] === '-';
    if (a.slice(1) === 'o') {
      const name = args[++i];
      if (name === undefined) {
        const o = sh.opts;
        out(env, `errexit\t${o.errexit ? 'on' : 'off'}\nnounset\t${o.nounset ? 'on' : 'off'}\npipefail\t${o.pipefail ? 'on' : 'off'}\nxtrace\t${o.xtrace ? 'on' : 'off'}\n`);
        continue;
      }
      if (name === 'pipefail') sh.opts.pipefail = on;
      else if (!(name in LONG_OPTIONS) || !setOption(env, LONG_OPTIONS[name], on)) {
        err(env, `set: illegal option -o ${name}`);
        return done(env, 2);
      }
      continue;
    }
    for (const c of a.slice(1)) {
      if (c === 'o') {
        const name = args[++i];
        if (name === 'pipefail') sh.opts.pipefail = on;
        else if (name === undefined || !(name in LONG_OPTIONS) || !setOption(env, LONG_OPTIONS[name], on)) {
          err(env, `set: illegal option -o ${name ?? ''}`);
          return done(env, 2);
        }
        continue;
      }
      if (!setOption(env, c, on)) {
        err(env, `set: illegal option -${c}`);
        return done(env, 2);
      }
    }
  }
  if (i < args.length) sh.positional = args.slice(i);
  return done(env, 0);
}

function trapBuiltin(env: BuiltinEnv, args: string[]): BuiltinOutcome {
  const sh = env.thread.sh;
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0 || args[0] === '-p') {
    out(
      env,
      Object.entries(sh.traps)
        .map(([sig, t]) => `trap -- ${shellQuote(t.source)} ${sig}\n`)
        .join(''),
    );
    return done(env, 0);
  }
  // `trap N...` with an unsigned integer first resets those signals (POSIX)
  const reset = args[0] === '-' || /^[0-9]+$/.test(args[0]);
  const action = reset ? null : args[0];
  const sigs = args[0] === '-' || !reset ? args.slice(1) : args;
  let status = 0;
  let body = null;
  if (action !== null && action !== '') {
    const parsed = parseScript(action);
    if (!parsed.ok) {
      err(env, parsed.problem.message);
      return done(env, 2);
    }
    body = parsed.body;
  }
  for (const spec of sigs) {
    const sig = signalName(spec);
    if (sig === null) {
      err(env, `trap: ${spec}: bad trap`);
      status = 1;
      continue;
    }
    if (action === null) delete sh.traps[sig];
    else sh.traps[sig] = { source: action, body };
  }
  return done(env, status);
}

function readBuiltin(env: BuiltinEnv, args: string[]): BuiltinOutcome {
  let raw = false;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    if (args[i] === '-r') raw = true;
    else if (args[i] === '-p') i++;
    else if (args[i] === '-t' || args[i] === '-n' || args[i] === '-u' || args[i] === '-d') i++;
    else if (args[i] === '--') {
      i++;
      break;
    }
  }
  const names = args.slice(i);
  if (names.length === 0) names.push('REPLY');
  const ctx = makeContext(env.state, env.host, env.thread, ['read', ...args], env.now);
  let line = ctx.readLine();
  const eof = line === null;
  if (!raw && line !== null) {
    while (line.endsWith('\\')) {
      const next = ctx.readLine();
      line = line.slice(0, -1) + (next ?? '');
      if (next === null) break;
    }
    line = line.replace(/\\(.)/g, '$1');
  }
  const ifs = env.thread.sh.vars.IFS ?? ' \t\n';
  let rest = (line ?? '').replace(new RegExp(`^[${ifsWhitespace(ifs)}]+`), '');
  names.forEach((name, idx) => {
    let value: string;
    if (idx === names.length - 1) value = rest.replace(new RegExp(`[${ifsWhitespace(ifs)}]+$`), '');
    else {
      const m = ifs === '' ? null : new RegExp(`[${escapeClass(ifs)}]`).exec(rest);
      value = m ? rest.slice(0, m.index) : rest;
      rest = m ? rest.slice(m.index + 1).replace(new RegExp(`^[${ifsWhitespace(ifs)}]+`), '') : '';
    }
    setVar(env.thread, name, value);
  });
  return done(env, eof ? 1 : 0);
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

function ifsWhitespace(ifs: string): string {
  const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  return ws === '' ? '\\u0000' : escapeClass(ws);
}

function localBuiltin(env: BuiltinEnv, args: string[]): BuiltinOutcome {
  const stack = env.thread.stack;
  let call = null;
  for (let i = stack.length - 1; i >= 0; i--) {
    const f = stack[i];
    if (f.k === 'call') {
      call = f;
      break;
    }
  }
  if (!call) {
    err(env, 'local: not in a function');
    return done(env, 2);
  }
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!isName(name)) {
      err(env, `local: ${name}: bad variable name`);
      return done(env, 2);
    }
    if (!(name in call.locals)) call.locals[name] = env.thread.sh.vars[name] ?? null;
    if (eq >= 0) setVar(env.thread, name, a.slice(eq + 1));
  }
  return done(env, 0);
}

/** `sh -c STRING [name [args]]`, `sh FILE [args]`: a child shell, run as a subshell with only the exported variables. */
function childShell(env: BuiltinEnv, args: string[]): BuiltinOutcome {
  const opts = { errexit: false, xtrace: false };
  let command: string | null = null;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!/^[-+][a-z]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'c') command = '';
      else if (c === 'e') opts.errexit = true;
      else if (c === 'x') opts.xtrace = true;
    }
  }
  let text: string;
  let name = env.state.argv0;
  let positional: string[];
  if (command !== null) {
    if (i >= args.length) {
      err(env, '-c: option requires an argument');
      return done(env, 2);
    }
    text = args[i];
    name = args[i + 1] ?? name;
    positional = args.slice(i + 2);
  } else if (i < args.length) {
    const path = resolvePath(env.thread.sh.cwd, args[i]);
    const content = env.host.fs.read(path);
    if (content === undefined) {
      err(env, `can't open '${args[i]}': No such file or directory`);
      return done(env, 2);
    }
    text = content;
    name = args[i];
    positional = args.slice(i + 1);
  } else {
    const ctx = makeContext(env.state, env.host, env.thread, ['sh'], env.now);
    text = ctx.readStdin() ?? '';
    positional = [];
  }
  const parsed = parseScript(text);
  if (!parsed.ok) {
    err(env, `${command !== null ? '' : `${name}: line ${parsed.problem.pos.line}: `}${parsed.problem.message}`);
    return done(env, 2);
  }
  startSubshell(env.thread, parsed.body, null);
  const sh = env.thread.sh;
  sh.vars = Object.fromEntries(Object.entries(sh.vars).filter(([k]) => sh.exported[k]));
  sh.functions = {};
  sh.traps = {};
  sh.positional = positional;
  sh.argv0 = name;
  sh.opts = { errexit: opts.errexit, xtrace: opts.xtrace, nounset: false, pipefail: false };
  return 'pushed';
}

/** Runs a script file named by path (`./run.sh`): a child shell reading it. */
export function runScriptFile(env: BuiltinEnv, argv: string[]): BuiltinOutcome | null {
  const path = resolvePath(env.thread.sh.cwd, argv[0]);
  if (!env.host.fs.exists(path) || env.host.fs.isDir(path)) return null;
  return childShell(env, argv);
}

export function isShellName(name: string): boolean {
  return ['sh', 'ash', 'bash', 'dash'].includes(name);
}

export function runShellBuiltin(env: BuiltinEnv, name: string, argv: string[]): BuiltinOutcome {
  const { state, host, thread } = env;
  const sh = thread.sh;
  const args = argv.slice(1);
  if (isShellName(name)) return childShell(env, args);
  switch (name) {
    case ':':
      return done(env, 0);
    case 'exit': {
      const code = parseCount(env, 'exit', args[0], thread.status);
      exitThread(state, host, thread, code ?? 2);
      return 'unwound';
    }
    case 'return': {
      const code = parseCount(env, 'return', args[0], thread.status);
      returnFrom(state, host, thread, code ?? 2);
      return 'unwound';
    }
    case 'break':
    case 'continue': {
      const n = parseCount(env, name, args[0], 1);
      if (n === null || n === 0) {
        if (n === 0) err(env, `${name}: Illegal number: 0`);
        return done(env, 2);
      }
      return breakLoops(state, host, thread, n, name === 'continue') ? 'unwound' : done(env, 0);
    }
    case 'export':
    case 'readonly': {
      const mark = name === 'export' ? sh.exported : sh.readonly;
      const names = args.filter((a) => a !== '-p' && a !== '-n');
      if (names.length === 0) {
        out(
          env,
          Object.keys(mark)
            .sort()
            .map((k) => `${name} ${k}${k in sh.vars ? `=${shellQuote(sh.vars[k])}` : ''}\n`)
            .join(''),
        );
        return done(env, 0);
      }
      for (const a of names) {
        const eq = a.indexOf('=');
        const n = eq < 0 ? a : a.slice(0, eq);
        if (!isName(n)) {
          err(env, `${name}: ${n}: bad variable name`);
          return done(env, 2);
        }
        if (eq >= 0) setVar(thread, n, a.slice(eq + 1));
        mark[n] = true;
      }
      return done(env, 0);
    }
    case 'unset': {
      const fn = args[0] === '-f';
      for (const a of args.filter((x) => x !== '-f' && x !== '-v')) {
        if (fn) delete sh.functions[a];
        else {
          if (sh.readonly[a]) {
            err(env, `unset: ${a}: is read only`);
            return done(env, 2);
          }
          delete sh.vars[a];
          delete sh.exported[a];
        }
      }
      return done(env, 0);
    }
    case 'set':
      return setBuiltin(env, args);
    case 'shift': {
      const n = parseCount(env, 'shift', args[0], 1);
      if (n === null) return done(env, 2);
      if (n > sh.positional.length) throw new ShellFatal("shift: can't shift that many");
      sh.positional = sh.positional.slice(n);
      return done(env, 0);
    }
    case 'cd': {
      let dir = args.filter((a) => a !== '-P' && a !== '-L')[0] ?? sh.vars.HOME ?? '/';
      if (dir === '-') {
        dir = sh.vars.OLDPWD ?? sh.cwd;
        out(env, dir + '\n');
      }
      const abs = resolvePath(sh.cwd, dir);
      if (!host.fs.isDir(abs) && abs !== '/') {
        err(env, `cd: can't cd to ${dir}: No such file or directory`);
        return done(env, 2);
      }
      sh.vars.OLDPWD = sh.cwd;
      sh.cwd = abs;
      sh.vars.PWD = abs;
      return done(env, 0);
    }
    case 'pwd':
      out(env, sh.cwd + '\n');
      return done(env, 0);
    case 'trap':
      return trapBuiltin(env, args);
    case 'wait': {
      if (args.length === 0) {
        const running = Object.values(state.jobs).some((s) => s === null);
        if (!running) {
          state.jobs = {};
          return done(env, 0);
        }
        thread.block = { k: 'jobs', pids: null };
        return 'blocked';
      }
      const pids: number[] = [];
      for (const a of args) {
        const pid = parseInt(a.replace(/^%/, ''), 10);
        if (!Number.isInteger(pid)) {
          err(env, `wait: Illegal number: ${a}`);
          return done(env, 2);
        }
        pids.push(pid);
      }
      const last = pids[pids.length - 1];
      if (pids.every((p) => state.jobs[p] !== null)) {
        const status = state.jobs[last] ?? 127;
        for (const p of pids) delete state.jobs[p];
        return done(env, status);
      }
      thread.block = { k: 'jobs', pids };
      return 'blocked';
    }
    case 'read':
      return readBuiltin(env, args);
    case 'eval':
    case '.':
    case 'source': {
      let text: string;
      if (name === 'eval') text = args.join(' ');
      else {
        if (args.length === 0) {
          err(env, `${name}: filename argument required`);
          return done(env, 2);
        }
        const content = host.fs.read(resolvePath(sh.cwd, args[0]));
        if (content === undefined) throw new ShellFatal(`${name}: can't open '${args[0]}': No such file or directory`);
        text = content;
      }
      const parsed = parseScript(text);
      if (!parsed.ok) {
        err(env, `${name === 'eval' ? 'eval: ' : `${args[0]}: `}line ${parsed.problem.pos.line}: ${parsed.problem.message}`);
        return done(env, 2);
      }
      if (parsed.body.items.length === 0) return done(env, 0);
      thread.stack.push({ k: 'source', body: parsed.body, started: false, eval: name === 'eval' });
      return 'pushed';
    }
    case 'exec': {
      if (args.length === 0) return done(env, 0);
      // the shell is replaced by the command: its traps are gone
      sh.traps = {};
      return env.dispatch(args, true);
    }
    case 'local':
      return localBuiltin(env, args);
    case 'command': {
      if (args[0] === '-v' || args[0] === '-V') {
        let status = 0;
        for (const n of args.slice(1)) {
          const where = describeCommand(thread, n);
          if (where === null) status = 1;
          else out(env, args[0] === '-v' ? `${where.path}\n` : `${where.text}\n`);
        }
        return done(env, status);
      }
      const rest = args[0] === '-p' ? args.slice(1) : args;
      if (rest.length === 0) return done(env, 0);
      return env.dispatch(rest, true);
    }
    case 'which': {
      let status = 0;
      for (const n of args) {
        const p = utilityPath(n) ?? (isShellName(n) ? `/bin/${n}` : null);
        if (p === null) status = 1;
        else out(env, p + '\n');
      }
      return done(env, status);
    }
    case 'type': {
      let status = 0;
      for (const n of args) {
        const where = describeCommand(thread, n);
        if (where === null) {
          out(env, `${n}: not found\n`);
          status = 127;
        } else out(env, where.text + '\n');
      }
      return done(env, status);
    }
    case 'umask':
      if (args.length === 0) out(env, '0022\n');
      return done(env, 0);
    case 'ulimit':
      if (!args.some((a) => /^[0-9]+$|^unlimited$/.test(a))) out(env, 'unlimited\n');
      return done(env, 0);
    default:
      err(env, `${name}: not found`);
      return done(env, 127);
  }
}

function describeCommand(thread: Thread, n: string): { path: string; text: string } | null {
  if (thread.sh.functions[n]) return { path: n, text: `${n} is a function` };
  // ash runs these as builtins too (shell/ash.c builtintab)
  if (SHELL_BUILTINS.includes(n) || ['echo', 'printf', 'test', '[', 'true', 'false'].includes(n)) return { path: n, text: `${n} is a shell builtin` };
  const p = utilityPath(n) ?? (isShellName(n) ? `/bin/${n}` : null);
  if (p) return { path: p, text: `${n} is ${p}` };
  return null;
}
