// compileShell: parse a script and check it stays inside the simulated subset.
import type { ListNode, ShellProgram } from './ast';
import { checkSupport } from './check-support';
import { lineColumnMapper, Parser, ShellSyntaxError, type ParseProblem } from './parser';

export interface ShellProblem {
  /** 1-based, within the script */
  line: number;
  column: number;
  message: string;
}

export interface CompileOptions {
  /**
   * 'problem' (default): a literally named command the shell does not simulate is a problem.
   * 'not-found': accept it; at run time it fails like a missing binary (`sh: foo: not found`, 127).
   */
  unknownCommands?: 'problem' | 'not-found';
}

/** Parse only (no subset check), for text compiled at run time: eval, trap actions, `.` files. */
export function parseScript(text: string): { ok: true; body: ListNode } | { ok: false; problem: ParseProblem } {
  const problems: ParseProblem[] = [];
  try {
    const body = new Parser(text, lineColumnMapper(text), problems).parseProgram();
    if (problems.length) return { ok: false, problem: problems[0] };
    return { ok: true, body };
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { ok: false, problem: { pos: e.pos, message: e.message } };
    throw e;
  }
}

export function compileShell(
  script: string,
  options: CompileOptions = {},
): { ok: true; program: ShellProgram } | { ok: false; problems: ShellProblem[] } {
  const problems: ParseProblem[] = [];
  let body: ListNode;
  try {
    body = new Parser(script, lineColumnMapper(script), problems).parseProgram();
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      problems.push({ pos: e.pos, message: e.message });
      return { ok: false, problems: toProblems(problems) };
    }
    throw e;
  }
  let found = checkSupport(body);
  if (options.unknownCommands === 'not-found') found = found.filter((p) => !p.message.startsWith('command `'));
  problems.push(...found);
  if (problems.length) return { ok: false, problems: toProblems(problems) };
  return { ok: true, program: { source: script, body } };
}

function toProblems(problems: ParseProblem[]): ShellProblem[] {
  return problems
    .map((p) => ({ line: p.pos.line, column: p.pos.column, message: p.message }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
