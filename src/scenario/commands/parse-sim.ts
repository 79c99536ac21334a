/**
 * podsim's own `sim` commands: they change what the program inside a container
 * does (scenario contract, "Commands"). Errors name the bad word and what is allowed.
 */
import { tryParseCpuMilli, tryParseMemoryBytes } from '../quantity';
import type { ProbeKind, SimCommand, Target } from './command-ast';
import { CommandError, type Word } from './shell-words';

const TARGET = 'POD[/CONTAINER]';

const USAGE: Record<string, string> = {
  probe: `sim probe ${TARGET} readiness|liveness|startup fail|pass|auto`,
  http: `sim http ${TARGET} PATH STATUS`,
  tcp: `sim tcp ${TARGET} PORT open|closed`,
  hang: `sim hang ${TARGET} on|off`,
  crash: `sim crash ${TARGET} [CODE]`,
  cpu: `sim cpu ${TARGET} QUANTITY`,
  memory: `sim memory ${TARGET} QUANTITY`,
};

const DEPLOYMENT_PREFIXES = new Set(['deploy', 'deployment', 'deployments']);

/** POD, POD/CONTAINER, deploy/NAME, deploy/NAME/CONTAINER */
export function parseTarget(word: Word, verb: string): Target {
  const parts = word.text.split('/');
  const bad = () =>
    new CommandError(
      `sim ${verb}: ${JSON.stringify(word.text)} is not a target; use POD, POD/CONTAINER, deploy/NAME or deploy/NAME/CONTAINER`,
      word.column,
    );
  if (parts.some((p) => p === '')) throw bad();
  if (DEPLOYMENT_PREFIXES.has(parts[0]) && parts.length >= 2) {
    if (parts.length > 3) throw bad();
    return { name: parts[1], deployment: true, ...(parts[2] !== undefined ? { container: parts[2] } : {}) };
  }
  if (parts.length > 2) throw bad();
  return { name: parts[0], deployment: false, ...(parts[1] !== undefined ? { container: parts[1] } : {}) };
}

function article(noun: string): string {
  return /^(?:[aeiou]|HTTP)/i.test(noun) ? 'an' : 'a';
}

function choice<T extends string>(word: Word | undefined, verb: string, what: string, allowed: readonly T[], lineEnd: number): T {
  if (!word) throw new CommandError(`sim ${verb}: missing ${what}; usage: ${USAGE[verb]}`, lineEnd);
  if (!(allowed as readonly string[]).includes(word.text)) {
    const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
    throw new CommandError(`sim ${verb}: ${JSON.stringify(word.text)} is not ${article(what)} ${what}; use ${list}`, word.column);
  }
  return word.text as T;
}

function integer(word: Word | undefined, verb: string, what: string, lo: number, hi: number, lineEnd: number): number {
  if (!word) throw new CommandError(`sim ${verb}: missing ${what}; usage: ${USAGE[verb]}`, lineEnd);
  if (!/^[0-9]+$/.test(word.text) || Number(word.text) < lo || Number(word.text) > hi) {
    throw new CommandError(`sim ${verb}: ${JSON.stringify(word.text)} is not ${article(what)} ${what} (a whole number from ${lo} to ${hi})`, word.column);
  }
  return Number(word.text);
}

/** `words` are the words after `sim`; `lineEnd` is the column just past the line. */
export function parseSim(words: Word[], lineEnd: number): SimCommand {
  const verbWord = words[0];
  const verbs = Object.keys(USAGE);
  if (!verbWord) throw new CommandError(`sim: missing a command; use one of ${verbs.join(', ')}`, lineEnd);
  const verb = verbWord.text;
  if (!USAGE[verb]) throw new CommandError(`sim: unknown command ${JSON.stringify(verb)}; use one of ${verbs.join(', ')}`, verbWord.column);
  const args = words.slice(1);
  if (args.length === 0) throw new CommandError(`sim ${verb}: missing the target ${TARGET}; usage: ${USAGE[verb]}`, lineEnd);
  const target = parseTarget(args[0], verb);
  const a = args[1];
  const b = args[2];
  let command: SimCommand;
  let used = 2;
  switch (verb) {
    case 'probe': {
      const probe = choice<ProbeKind>(a, verb, 'probe type', ['readiness', 'liveness', 'startup'], lineEnd);
      const mode = choice(b, verb, 'probe mode', ['fail', 'pass', 'auto'] as const, lineEnd);
      command = { kind: 'sim', verb, target, probe, mode };
      used = 3;
      break;
    }
    case 'http': {
      if (!a) throw new CommandError(`sim http: missing PATH; usage: ${USAGE.http}`, lineEnd);
      if (!a.text.startsWith('/')) throw new CommandError(`sim http: ${JSON.stringify(a.text)} is not a path; a path starts with "/"`, a.column);
      const status = integer(b, verb, 'HTTP status', 100, 599, lineEnd);
      command = { kind: 'sim', verb, target, path: a.text, status };
      used = 3;
      break;
    }
    case 'tcp': {
      const port = integer(a, verb, 'port', 1, 65535, lineEnd);
      const state = choice(b, verb, 'port state', ['open', 'closed'] as const, lineEnd);
      command = { kind: 'sim', verb, target, port, open: state === 'open' };
      used = 3;
      break;
    }
    case 'hang':
      command = { kind: 'sim', verb, target, on: choice(a, verb, 'hang state', ['on', 'off'] as const, lineEnd) === 'on' };
      break;
    case 'crash':
      command = { kind: 'sim', verb, target, code: a ? integer(a, verb, 'exit code', 0, 255, lineEnd) : 1 };
      break;
    case 'cpu':
    case 'memory': {
      if (!a) throw new CommandError(`sim ${verb}: missing QUANTITY; usage: ${USAGE[verb]}`, lineEnd);
      const r = verb === 'cpu' ? tryParseCpuMilli(a.text) : tryParseMemoryBytes(a.text);
      if (!r.ok || a.text.startsWith('-')) {
        const example = verb === 'cpu' ? '250m or 0.5' : '128Mi or 1Gi';
        throw new CommandError(`sim ${verb}: ${JSON.stringify(a.text)} is not a quantity (e.g. ${example})`, a.column);
      }
      command = verb === 'cpu' ? { kind: 'sim', verb, target, milli: r.value } : { kind: 'sim', verb, target, bytes: r.value };
      break;
    }
    default:
      throw new CommandError(`sim: unknown command ${JSON.stringify(verb)}`, verbWord.column);
  }
  const extra = args[used];
  if (extra) throw new CommandError(`sim ${verb}: unexpected ${JSON.stringify(extra.text)}; usage: ${USAGE[verb]}`, extra.column);
  return command;
}
