// The names of the commands the simulated shell knows, apart from their implementations
// (./index.ts): what the parser side (compile, check-support, command-to-script) needs to
// check a script, without the code that runs one.

/** the busybox utilities the shell simulates (implemented in ./index.ts UTILITIES) */
export const UTILITY_NAMES: readonly string[] = [
  'true',
  'false',
  'echo',
  'printf',
  'test',
  '[',
  'sleep',
  'usleep',
  'cat',
  'touch',
  'rm',
  'mkdir',
  'rmdir',
  'cp',
  'mv',
  'chmod',
  'chown',
  'ls',
  'tail',
  'head',
  'grep',
  'egrep',
  'wc',
  'tee',
  'date',
  'hostname',
  'uname',
  'whoami',
  'id',
  'basename',
  'dirname',
  'seq',
  'expr',
  'env',
  'printenv',
  'nslookup',
  'wget',
  'curl',
  'sync',
];

const utilities = new Set(UTILITY_NAMES);

/** is `name` one of the simulated utilities (after commandName)? */
export function isUtility(name: string): boolean {
  return utilities.has(name);
}

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
  return isUtility(n) || SHELL_BUILTINS.includes(n);
}

/** Where `which`/`command -v` say a utility lives in a busybox image. */
export function utilityPath(name: string): string | null {
  if (!isUtility(name)) return null;
  const usrBin = ['env', 'printenv', 'basename', 'dirname', 'seq', 'expr', 'tee', 'head', 'tail', 'wc', 'id', 'whoami', 'wget', 'nslookup', 'curl', 'test', '[', 'printf'];
  return `${usrBin.includes(name) ? '/usr/bin' : '/bin'}/${name}`;
}

/** Commands that may stand on the right of a pipe. */
export const FILTER_COMMANDS = ['grep', 'egrep', 'head', 'wc', 'cat', 'tee'];
