// The commands the simulated shell knows. Utilities run on a CommandContext; the shell's own
// builtins (exit, cd, trap, wait, ...) act on the interpreter and live in shell-builtins.ts.
import type { CommandImpl } from '../command-context';
import { date } from './date';
import { echo } from './echo';
import { cat, chmodLike, cp, mkdir, mv, rm, rmdir, touch } from './file-commands';
import { ls } from './ls';
import { basename, dirname, env, expr, falseCmd, hostname, id, printenv, seq, trueCmd, uname, whoami } from './misc';
import { curl, nslookup, wget } from './network';
import { printf } from './printf';
import { sleep, usleep } from './sleep';
import { tail } from './tail';
import { test } from './test';
import { grep, head, tee, wc } from './text-filters';

export const UTILITIES: Record<string, CommandImpl> = {
  true: trueCmd,
  false: falseCmd,
  echo,
  printf,
  test,
  '[': test,
  sleep,
  usleep,
  cat,
  touch,
  rm,
  mkdir,
  rmdir,
  cp,
  mv,
  chmod: chmodLike,
  chown: chmodLike,
  ls,
  tail,
  head,
  grep,
  egrep: grep,
  wc,
  tee,
  date,
  hostname,
  uname,
  whoami,
  id,
  basename,
  dirname,
  seq,
  expr,
  env,
  printenv,
  nslookup,
  wget,
  curl,
  sync: trueCmd,
};

/** Builtins implemented by the interpreter itself. */
export const SHELL_BUILTINS = [
  ':', 'exit', 'export', 'unset', 'set', 'shift', 'cd', 'pwd', 'trap', 'wait', 'read', 'eval', 'exec',
  '.', 'source', 'return', 'break', 'continue', 'local', 'readonly', 'command', 'which', 'type', 'umask', 'ulimit',
];

/** Builtins ash treats as special (POSIX 2.14): prefix assignments to them persist. */
export const SPECIAL_BUILTINS = [':', 'exit', 'export', 'unset', 'set', 'shift', 'trap', 'eval', 'exec', '.', 'return', 'break', 'continue', 'readonly'];

/** `/bin/sleep` runs sleep: strip the standard binary directories from a command name. */
export function commandName(word: string): string {
  const m = /^\/(?:usr\/)?(?:local\/)?s?bin\/([^/]+)$/.exec(word);
  return m ? m[1] : word;
}

export function isKnownCommand(name: string): boolean {
  const n = commandName(name);
  return n in UTILITIES || SHELL_BUILTINS.includes(n);
}

/** Where `which`/`command -v` say a utility lives in a busybox image. */
export function utilityPath(name: string): string | null {
  if (!(name in UTILITIES)) return null;
  const usrBin = ['env', 'printenv', 'basename', 'dirname', 'seq', 'expr', 'tee', 'head', 'tail', 'wc', 'id', 'whoami', 'wget', 'nslookup', 'curl', 'test', '[', 'printf'];
  return `${usrBin.includes(name) ? '/usr/bin' : '/bin'}/${name}`;
}
