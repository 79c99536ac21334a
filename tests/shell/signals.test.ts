// SIGTERM delivery: trap handlers, the POSIX rule that a trap waits for the foreground command,
// `wait` being interrupted, and the cases the engine handles ('default').
import { describe, expect, it } from 'vitest';
import { resumeShell, signalShell, startShell } from '../../src/engine/apps/shell';
import { advance, compile, FakeHost } from './fake-host';

function start(script: string) {
  const host = new FakeHost();
  const state = startShell(compile(script));
  return { host, state };
}

describe('signalShell', () => {
  it("without a trap returns 'default' and leaves the shell running", () => {
    const { host, state } = start('echo up; sleep 600');
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 600 });
    host.t = 10;
    expect(signalShell(state, host, 'TERM')).toBe('default');
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 590 });
  });

  it('a trap on `wait` runs at once: `sleep infinity & wait` exits cleanly', () => {
    const { host, state } = start("trap 'echo caught; exit 0' TERM; echo ready; sleep infinity & wait");
    expect(resumeShell(state, host)).toEqual({ kind: 'forever' });
    host.t = 42;
    expect(signalShell(state, host, 'TERM')).toEqual({ kind: 'exit', code: 0 });
    expect(host.log).toEqual([
      { t: 0, stream: 'stdout', line: 'ready' },
      { t: 42, stream: 'stdout', line: 'caught' },
    ]);
  });

  it('an interrupted wait returns 143 when the handler does not exit', () => {
    const { host, state } = start("trap 'echo caught' TERM; sleep 100 & wait; echo \"wait=$?\"; sleep 1");
    resumeShell(state, host);
    host.t = 5;
    expect(signalShell(state, host, 'TERM')).toEqual({ kind: 'sleep', seconds: 1 });
    expect(host.lines()).toEqual(['caught', 'wait=143']);
  });

  it('during a foreground sleep the trap runs only when the sleep ends (POSIX 2.11)', () => {
    const { host, state } = start("trap 'echo stopping; exit 0' TERM; while true; do sleep 5; done");
    expect(advance(state, host, 7)).toEqual({ kind: 'sleep', seconds: 5 });
    expect(host.t).toBe(5);
    host.t = 7;
    // the signal is pending: still waiting for the sleep that started at 5
    expect(signalShell(state, host, 'TERM')).toEqual({ kind: 'sleep', seconds: 3 });
    expect(host.log).toEqual([]);
    host.t = 10;
    expect(resumeShell(state, host)).toEqual({ kind: 'exit', code: 0 });
    expect(host.log).toEqual([{ t: 10, stream: 'stdout', line: 'stopping' }]);
  });

  it('a handler that does not exit lets the script go on, $? preserved', () => {
    // the handler ends with a failing command, yet $? after it is the sleep's 0
    const { host, state } = start("trap 'echo \"term (status $?)\"; false' TERM; sleep 2; echo \"after $?\"; sleep 2; echo end");
    resumeShell(state, host);
    host.t = 1;
    signalShell(state, host, 'TERM');
    expect(advance(state, host, 10)).toEqual({ kind: 'exit', code: 0 });
    expect(host.log.map((l) => [l.t, l.line])).toEqual([
      [2, 'term (status 0)'],
      [2, 'after 0'],
      [4, 'end'],
    ]);
  });

  it('the handler runs after the interrupted command has dropped its redirections', () => {
    const { host, state } = start("trap 'echo handled; exit 0' TERM; sleep 5 > /tmp/quiet 2>&1; echo next");
    resumeShell(state, host);
    signalShell(state, host, 'TERM');
    host.t = 5;
    expect(resumeShell(state, host)).toEqual({ kind: 'exit', code: 0 });
    expect(host.lines()).toEqual(['handled']);
    expect(host.files.get('/tmp/quiet')).toBe('');
  });

  it("`trap '' TERM` ignores the signal", () => {
    const { host, state } = start("trap '' TERM; sleep 30; echo done");
    resumeShell(state, host);
    host.t = 1;
    expect(signalShell(state, host, 'TERM')).toEqual({ kind: 'sleep', seconds: 29 });
    host.t = 30;
    expect(resumeShell(state, host)).toEqual({ kind: 'exit', code: 0 });
    expect(host.lines()).toEqual(['done']);
  });

  it("`trap - TERM` and SIGTERM/15 spellings", () => {
    const a = start("trap 'exit 1' SIGTERM; trap - TERM; sleep 10");
    resumeShell(a.state, a.host);
    expect(signalShell(a.state, a.host, 'TERM')).toBe('default');
    const b = start("trap 'echo fifteen; exit 3' 15; sleep 1 & wait");
    resumeShell(b.state, b.host);
    expect(signalShell(b.state, b.host, 'TERM')).toEqual({ kind: 'exit', code: 3 });
    expect(b.host.lines()).toEqual(['fifteen']);
  });

  it('exec replaces the shell and its traps: the signal gets the default action', () => {
    const { host, state } = start("trap 'exit 0' TERM; exec sleep 3600");
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 3600 });
    expect(signalShell(state, host, 'TERM')).toBe('default');
  });

  it('an EXIT trap runs when the shell exits, also after a TERM handler exits', () => {
    const { host, state } = start("trap 'echo cleanup' EXIT; trap 'exit 143' TERM; sleep 9 & wait");
    resumeShell(state, host);
    expect(signalShell(state, host, 'TERM')).toEqual({ kind: 'exit', code: 143 });
    expect(host.lines()).toEqual(['cleanup']);
  });

  it('while a subshell or command substitution runs, the trap waits for it to end', () => {
    const { host, state } = start("trap 'echo trapped; exit 4' TERM; (sleep 3; echo sub done); echo never");
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 3 });
    host.t = 1;
    expect(signalShell(state, host, 'TERM')).toEqual({ kind: 'sleep', seconds: 2 });
    host.t = 3;
    expect(resumeShell(state, host)).toEqual({ kind: 'exit', code: 4 });
    expect(host.lines()).toEqual(['sub done', 'trapped']);
    const c = start("trap 'echo trapped; exit 5' TERM; x=$(sleep 2; echo v); echo \"got $x\"; sleep 9");
    resumeShell(c.state, c.host);
    signalShell(c.state, c.host, 'TERM');
    c.host.t = 2;
    expect(resumeShell(c.state, c.host)).toEqual({ kind: 'exit', code: 5 });
    expect(c.host.lines()).toEqual(['trapped']);
  });

  it('a signal to an exited shell reports the exit', () => {
    const { host, state } = start('exit 2');
    resumeShell(state, host);
    expect(signalShell(state, host, 'TERM')).toEqual({ kind: 'exit', code: 2 });
  });

  it('a busy shell runs the handler between commands', () => {
    const { host, state } = start("trap 'echo got it; exit 5' TERM; while :; do :; done");
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 1 });
    expect(signalShell(state, host, 'TERM')).toEqual({ kind: 'exit', code: 5 });
    expect(host.lines()).toEqual(['got it']);
  });
});
