/**
 * The engine reaches what runs inside containers (the shell interpreter's runtime and the
 * native programs) only through src/engine/kubelet/process-runtime.ts: from the simulation,
 * the scenario loader and the command runner, every other path to those modules goes through
 * that one module, so a page can fetch them on demand by standing in for it.
 */
import { describe, it, expect } from 'vitest';
import { join, relative } from 'node:path';
import { ROOT } from '../ui/fixtures';
import { closure } from '../fixtures/static-imports';

const SRC = join(ROOT, 'src');
const GATE = join(SRC, 'engine/kubelet/process-runtime.ts');

/** the shell's runtime and the native programs (not the parser side, nor the image table's script text) */
const RUNTIME = /^engine\/(apps\/shell\/(run|step|shell-builtins|expansion|redirection|frames|output|command-context)\.ts|apps\/shell\/commands\/(?!command-names\.ts$).*|apps\/programs\/(?!event-simulator\.ts$).*|kubelet\/shell-host\.ts)$/;

describe('process-runtime.ts', () => {
  it('is the only way from the simulation and the loader to the shell runtime and the programs', () => {
    const reached = new Set<string>();
    for (const entry of ['engine/simulation.ts', 'scenario/load-scenario.ts', 'engine/seek.ts']) {
      for (const f of closure(join(SRC, entry), (f) => f === GATE)) reached.add(relative(SRC, f));
    }
    // the walk reaches the kubelet and the gate itself (a broken walk would find neither)
    expect([...reached]).toEqual(expect.arrayContaining(['engine/kubelet/kubelet.ts', 'engine/kubelet/container-process.ts', 'engine/kubelet/process-runtime.ts', 'engine/apps/shell/compile.ts']));
    expect([...reached].filter((f) => RUNTIME.test(f)).sort()).toEqual([]);
    // and behind the gate they are all there
    const behind = [...closure(GATE)].map((f) => relative(SRC, f));
    expect(behind.filter((f) => RUNTIME.test(f))).toEqual(expect.arrayContaining(['engine/apps/shell/run.ts', 'engine/kubelet/shell-host.ts', 'engine/apps/programs/shipper.ts']));
  });
});
