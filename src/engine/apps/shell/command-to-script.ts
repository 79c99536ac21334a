// A container's command+args as a shell script, when they form one: `sh -c SCRIPT` in its
// usual spellings, or a plain argv of a utility the shell simulates (`sleep 3600`).
import { commandName, isUtility } from './commands/command-names';

const SHELLS = ['sh', 'ash', 'bash', 'dash'];

export interface ShellInvocation {
  script: string;
  /** $0 */
  argv0: string;
  errexit: boolean;
  xtrace: boolean;
  /** $1... */
  positional: string[];
}

function isShell(word: string | undefined): boolean {
  return word !== undefined && SHELLS.includes(commandName(word));
}

/** Quote a word so the shell reads it back as exactly that word. */
export function quoteWord(word: string): string {
  if (/^[A-Za-z0-9_\/.,:=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * command/args → the script, $0, options and positional parameters. `args` alone counts as the
 * argv (images such as busybox have no ENTRYPOINT). null when not something the shell runs,
 * e.g. ["nginx", "-g", "daemon off;"] or `sh /script.sh`.
 */
export function parseShellInvocation(command: string[] | undefined, args: string[] | undefined): ShellInvocation | null {
  let argv = [...(command ?? []), ...(args ?? [])];
  if (argv.length === 0) return null;
  if ((argv[0] === 'env' || argv[0] === '/usr/bin/env') && isShell(argv[1])) argv = argv.slice(1);
  if (isShell(argv[0])) {
    let c = false;
    let errexit = false;
    let xtrace = false;
    let i = 1;
    for (; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--') {
        i++;
        break;
      }
      if (!/^[-+][a-zA-Z]+$/.test(a)) break;
      for (const ch of a.slice(1)) {
        if (ch === 'c') c = true;
        else if (ch === 'e') errexit = a[0] === '-';
        else if (ch === 'x') xtrace = a[0] === '-';
        else if (ch === 'o') {
          const name = argv[++i];
          if (name === 'errexit') errexit = a[0] === '-';
          if (name === 'xtrace') xtrace = a[0] === '-';
        }
      }
    }
    if (!c || i >= argv.length) return null;
    return { script: argv[i], argv0: argv[i + 1] ?? argv[0], errexit, xtrace, positional: argv.slice(i + 2) };
  }
  const name = commandName(argv[0]);
  if (!isUtility(name)) return null;
  return { script: argv.map(quoteWord).join(' '), argv0: 'sh', errexit: false, xtrace: false, positional: [] };
}

/**
 * The container's command+args as a script when they form one, else null. Options given to
 * the shell (`sh -ec`) and positional parameters are not in the returned text; use
 * parseShellInvocation and pass them to startShell to honour them.
 */
export function commandToScript(command: string[] | undefined, args: string[] | undefined): string | null {
  return parseShellInvocation(command, args)?.script ?? null;
}
