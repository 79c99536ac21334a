/**
 * The shell's parser side (compileShell, parseShellInvocation, commandToScript: what the
 * scenario loader and the kubelet use to check and classify a script) stands apart from
 * its runtime (the interpreter and the utilities' implementations), so that a page can load
 * the runtime only when a scenario runs a script. Here: the parser side's static imports
 * reach no runtime module, and the names table agrees with the implementations.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../ui/fixtures';
import { UTILITIES } from '../../src/engine/apps/shell/commands';
import { UTILITY_NAMES, isKnownCommand } from '../../src/engine/apps/shell/commands/command-names';

const SHELL = join(ROOT, 'src/engine/apps/shell');

/** a module's static, non-type imports, resolved to files (relative imports only) */
function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?'(\.{1,2}\/[^']+)';/gm)) {
    const base = resolve(dirname(file), m[1]);
    const f = [base + '.ts', join(base, 'index.ts'), base].find((p) => existsSync(p) && p.endsWith('.ts'));
    if (f) out.push(f);
  }
  return out;
}

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const i of imports(f)) walk(i);
  };
  walk(entry);
  return seen;
}

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
