// Compile-time check that a parsed script stays inside what the simulated shell runs: every
// command named literally is known, pipes feed line filters. Anything else is a problem naming
// the construct, so a course author learns about it when the scenario is validated.
import type { AndOrNode, CommandNode, ListNode, Word } from './ast';
import { commandName, FILTER_COMMANDS, isKnownCommand } from './commands/command-names';
import { UNSUPPORTED_HINT, type ParseProblem } from './parser';

function literal(word: Word): string | null {
  let s = '';
  for (const p of word.parts) {
    if (p.t !== 'lit') return null;
    s += p.v;
  }
  return s;
}

function collectFunctions(list: ListNode, names: Set<string>): void {
  const visitCmd = (c: CommandNode): void => {
    switch (c.t) {
      case 'funcdef':
        names.add(c.name);
        visitCmd(c.body);
        return;
      case 'group':
      case 'subshell':
        collectFunctions(c.body, names);
        return;
      case 'if':
        c.clauses.forEach((cl) => {
          collectFunctions(cl.cond, names);
          collectFunctions(cl.body, names);
        });
        if (c.elseBody) collectFunctions(c.elseBody, names);
        return;
      case 'loop':
        collectFunctions(c.cond, names);
        collectFunctions(c.body, names);
        return;
      case 'for':
        collectFunctions(c.body, names);
        return;
      case 'case':
        c.arms.forEach((a) => collectFunctions(a.body, names));
        return;
      default:
        return;
    }
  };
  for (const ao of list.items) for (const p of [ao.first, ...ao.rest.map((r) => r.p)]) p.cmds.forEach(visitCmd);
}

/** Commands whose operands are themselves a command to run. */
const WRAPPERS = ['exec', 'command'];

export function checkSupport(body: ListNode): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const functions = new Set<string>();
  collectFunctions(body, functions);

  const checkWords = (words: Word[]): void => {
    for (const w of words) for (const p of w.parts) if (p.t === 'cmd') visitList(p.body);
  };

  const checkName = (words: Word[]): void => {
    let i = 0;
    while (i < words.length) {
      const name = literal(words[i]);
      if (name === null) return;
      if (WRAPPERS.includes(name)) {
        // `command -v NAME` only looks the name up
        if (name === 'command' && /^-[vV]$/.test(literal(words[i + 1] ?? words[i]) ?? '')) return;
        i++;
        while (i < words.length && literal(words[i])?.startsWith('-')) i++;
        continue;
      }
      // `[[` and `select` were reported by the parser already
      if (name === '[[' || name === 'select') return;
      if (!functions.has(name) && !isKnownCommand(name) && !['sh', 'ash', 'bash', 'dash'].includes(commandName(name)) && !name.includes('/')) {
        problems.push({
          pos: words[i].pos,
          message: `command \`${name}\` is not simulated; ${UNSUPPORTED_HINT}`,
        });
      }
      if (commandName(name) === 'env' && words.slice(i + 1).some((w) => !/^-|=/.test(literal(w) ?? '='))) {
        problems.push({ pos: words[i].pos, message: `running a command through \`env\` is not simulated; ${UNSUPPORTED_HINT}` });
      }
      return;
    }
  };

  const visitCmd = (c: CommandNode, filterStage: boolean): void => {
    switch (c.t) {
      case 'simple': {
        checkWords(c.words);
        checkWords(c.assigns.map((a) => a.value));
        checkWords(c.redirs.map((r) => r.target));
        if (filterStage) {
          const name = c.words[0] ? literal(c.words[0]) : null;
          if (name === null || !FILTER_COMMANDS.includes(commandName(name))) {
            problems.push({
              pos: c.pos,
              message: `a pipe into \`${name ?? 'this command'}\` is not supported (only ${FILTER_COMMANDS.join(', ')} can read a pipe); ${UNSUPPORTED_HINT}`,
            });
          } else if (c.async) {
            problems.push({ pos: c.pos, message: `command substitution in a pipe stage is not supported; ${UNSUPPORTED_HINT}` });
          }
          return;
        }
        checkName(c.words);
        return;
      }
      case 'funcdef':
        visitCmd(c.body, false);
        return;
      default:
        if (filterStage) {
          problems.push({ pos: c.pos, message: `a pipe into a compound command is not supported; ${UNSUPPORTED_HINT}` });
          return;
        }
        switch (c.t) {
          case 'group':
          case 'subshell':
            visitList(c.body);
            return;
          case 'if':
            c.clauses.forEach((cl) => {
              visitList(cl.cond);
              visitList(cl.body);
            });
            if (c.elseBody) visitList(c.elseBody);
            return;
          case 'loop':
            visitList(c.cond);
            visitList(c.body);
            return;
          case 'for':
            checkWords(c.items ?? []);
            visitList(c.body);
            return;
          case 'case':
            checkWords([c.word]);
            for (const arm of c.arms) {
              for (const p of arm.patterns) {
                if (p.async) problems.push({ pos: p.pos, message: `command substitution in a case pattern is not supported; ${UNSUPPORTED_HINT}` });
              }
              visitList(arm.body);
            }
            return;
        }
    }
  };

  const visitAndOr = (ao: AndOrNode): void => {
    for (const p of [ao.first, ...ao.rest.map((r) => r.p)]) p.cmds.forEach((c, i) => visitCmd(c, i > 0));
  };
  function visitList(list: ListNode): void {
    list.items.forEach(visitAndOr);
  }
  visitList(body);
  return problems;
}
