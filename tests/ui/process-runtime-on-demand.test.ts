/**
 * The page's stand-in for the shell runtime (src/ui/process-runtime-on-demand.ts): it refuses
 * to run before the runtime is fetched, fetches once, tries again after a failed fetch, and then
 * hands every call to the real module.
 */
import { describe, it, expect } from 'vitest';
import * as real from '../../src/engine/kubelet/process-runtime';
import { compileShell } from '../../src/engine/apps/shell/compile';
import { loadProcessRuntime, processRuntimeReady, runtimeSource, startShell } from '../../src/ui/process-runtime-on-demand';

describe('process-runtime-on-demand', () => {
  it('throws before the fetch, retries a failed one, then delegates to the real runtime', async () => {
    const c = compileShell('echo hi');
    if (!c.ok) throw new Error('does not compile');
    expect(processRuntimeReady()).toBe(false);
    expect(() => startShell(c.program)).toThrow(/before it was fetched/);
    let calls = 0;
    runtimeSource.load = async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return real;
    };
    await expect(loadProcessRuntime()).rejects.toThrow('offline');
    expect(processRuntimeReady()).toBe(false);
    await Promise.all([loadProcessRuntime(), loadProcessRuntime()]);
    expect(calls).toBe(2);
    expect(processRuntimeReady()).toBe(true);
    expect(startShell(c.program)).toEqual(real.startShell(c.program));
  });
});
