/**
 * One line of the command language (timelines, the console, the UI's toggles):
 * `kubectl ...` (or `k ...`) or `sim ...`. Contract: shared/spec/scenario-format.md, "Commands".
 */
import type { ParseResult } from './command-ast';
import { parseKubectl } from './parse-kubectl';
import { parseSim } from './parse-sim';
import { CommandError, shellWords } from './shell-words';

export function parseCommand(line: string): ParseResult {
  try {
    const words = shellWords(line);
    const first = words[0];
    if (!first) return { ok: false, message: 'empty command: a command starts with kubectl or sim', column: 1 };
    switch (first.text) {
      case 'kubectl':
      case 'k':
        return { ok: true, command: parseKubectl(words.slice(1)) };
      case 'sim':
        return { ok: true, command: parseSim(words.slice(1), line.trimEnd().length + 1) };
      default:
        return { ok: false, message: `unknown command ${JSON.stringify(first.text)}: a command starts with kubectl or sim`, column: first.column };
    }
  } catch (e) {
    if (e instanceof CommandError) return { ok: false, message: e.message, column: e.column };
    throw e;
  }
}
