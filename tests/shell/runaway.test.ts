// A loop that never waits must not hang the engine: after STEP_BUDGET steps in one resume the
// shell is treated as burning CPU and asks to be resumed SPIN_SECONDS later.
import { describe, expect, it } from 'vitest';
import { resumeShell, signalShell, SPIN_SECONDS, startShell, STEP_BUDGET } from '../../src/engine/apps/shell';
import { compile, FakeHost } from './fake-host';

describe('runaway loops', () => {
  it('`while true; do :; done` yields after the step budget and keeps spinning', () => {
    expect(STEP_BUDGET).toBe(100_000);
    expect(SPIN_SECONDS).toBe(1);
    const host = new FakeHost();
    const state = startShell(compile('while true; do :; done'));
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: SPIN_SECONDS });
    expect(state.steps).toBe(STEP_BUDGET);
    expect(state.spinning).toBe(true);
    host.t = 1;
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: SPIN_SECONDS });
    expect(state.steps).toBe(2 * STEP_BUDGET);
  });

  it('a busy loop that prints is throttled too, with its output so far in the log', () => {
    const host = new FakeHost();
    const state = startShell(compile('while true; do echo spam; done'));
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 1 });
    const n = host.log.length;
    expect(n).toBeGreaterThan(1000);
    host.t = 1;
    resumeShell(state, host);
    expect(host.log.length).toBeGreaterThan(n);
    expect(host.log[host.log.length - 1]).toEqual({ t: 1, stream: 'stdout', line: 'spam' });
  });

  it('a long but finite computation costs virtual seconds, then continues normally', () => {
    const host = new FakeHost();
    const state = startShell(compile('i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; echo "done $i"; sleep 5'));
    let w = resumeShell(state, host);
    let spins = 0;
    while (w.kind === 'sleep' && state.spinning) {
      spins++;
      host.t += w.seconds;
      w = resumeShell(state, host);
    }
    expect(spins).toBeGreaterThanOrEqual(2);
    expect(w).toEqual({ kind: 'sleep', seconds: 5 });
    expect(state.spinning).toBe(false);
    expect(host.log).toEqual([{ t: spins, stream: 'stdout', line: 'done 20000' }]);
  });

  it('a spinning shell still gets its TERM trap', () => {
    const host = new FakeHost();
    const state = startShell(compile("trap 'exit 9' TERM; while :; do :; done"));
    resumeShell(state, host);
    expect(signalShell(state, host, 'TERM')).toEqual({ kind: 'exit', code: 9 });
  });
});
