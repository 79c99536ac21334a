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

// the names, apart from the implementations (the parser side needs only these)
export { SHELL_BUILTINS, SPECIAL_BUILTINS, commandName, isKnownCommand, utilityPath, isUtility, UTILITY_NAMES } from './command-names';
