/**
 * The shell's parser side (compileShell, parseShellInvocation, commandToScript: what the
 * scenario loader and the kubelet use to check and classify a script) stands apart from
 * its runtime (the interpreter and the utilities' implementations), so that a page can load
 * the runtime only when a scenario runs a script. Here: the parser side's static imports
 * reach no runtime module, and the names table agrees with the implementations.
 */
import { describe, it, expect } from 'vitest';
import { join, relative } from 'node:path';
import { closure } from '../fixtures/static-imports';
import { ROOT } from '../ui/fixtures';
import { UTILITIES } from '../../src/engine/apps/shell/commands';
import { UTILITY_NAMES, isKnownCommand } from '../../src/engine/apps/shell/commands/command-names';

const SHELL = join(ROOT, 'src/engine/apps/shell');

describe("the shell's parser side", () => {
  it('imports nothing of the runtime: no interpreter, no utility implementation', () => {
    const parserSide = new Set([...closure(join(SHELL, 'compile.ts')), ...closure(join(SHELL, 'command-to-script.ts'))]);
    const rel = [...parserSide].map((f) => relative(SHELL, f)).sort();
    // the walk follows imports (a broken walk would find only the entries)
    expect(rel).toEqual(expect.arrayContaining(['compile.ts', 'parser.ts', 'check-support.ts', 'commands/command-names.ts', 'command-to-script.ts']));
    const runtime = rel.filter((f) => /^(run|step|shell-builtins|expansion|redirection|frames|output|command-context)\.ts$|^commands\/(?!command-names\.ts$)/.test(f));
    expect(runtime).toEqual([]);
  });

  it('names exactly the utilities the runtime implements', () => {
    expect([...UTILITY_NAMES].sort()).toEqual(Object.keys(UTILITIES).sort());
    expect(isKnownCommand('/bin/sleep')).toBe(true);
    expect(isKnownCommand('trap')).toBe(true);
    expect(isKnownCommand('python')).toBe(false);
  });
});
