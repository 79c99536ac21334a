// The whole interpreter state is plain data: a running shell can be checkpointed with
// structuredClone (or JSON) at any wait and the copy resumes exactly like the original.
import { describe, expect, it } from 'vitest';
import { resumeShell, signalShell, startShell, type ShellState, type ShellWait } from '../../src/engine/apps/shell';
import { cloneHost, compile, FakeHost } from './fake-host';

/** Paths of anything JSON would not carry: functions, class instances, Maps, undefined, NaN. */
function nonPlainData(v: unknown, path = 'state', found: string[] = []): string[] {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return found;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) found.push(`${path}: ${v}`);
  } else if (Array.isArray(v)) v.forEach((x, i) => nonPlainData(x, `${path}[${i}]`, found));
  else if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) found.push(`${path}: ${typeof v}`);
  else {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined) found.push(`${path}.${k}: undefined`);
      else nonPlainData(x, `${path}.${k}`, found);
    }
  }
  return found;
}

function assertPlainData(v: unknown): void {
  expect(nonPlainData(v)).toEqual([]);
}

/** Drive like the engine: honour sleeps up to `until`. */
function drive(state: ShellState, host: FakeHost, until: number): ShellWait {
  let w = resumeShell(state, host);
  while (w.kind === 'sleep' && host.t + w.seconds <= until + 1e-9) {
    host.t += w.seconds;
    w = resumeShell(state, host);
  }
  return w;
}

function fork(state: ShellState, host: FakeHost, how: 'structuredClone' | 'json') {
  const copy = how === 'json' ? (JSON.parse(JSON.stringify(state)) as ShellState) : structuredClone(state);
  return { state: copy, host: cloneHost(host) };
}

describe('checkpointing a running shell', () => {
  it('the state is plain data at every wait of a script using most features', () => {
    const script = [
      "trap 'echo bye; exit 0' TERM",
      'greet() { local n=$1; echo "hi $n"; }',
      'i=0',
      '(while true; do echo "bg $i" >> /tmp/bg.log; sleep 2; done) &',
      'while [ $i -lt 3 ]; do greet "$i" | grep hi; x=$(sleep 1; date +%s); i=$((i+1)); done',
      'tail -f /tmp/bg.log | grep -v never & wait',
    ].join('\n');
    const host = new FakeHost();
    const state = startShell(compile(script));
    assertPlainData(state);
    for (let k = 0; k < 8; k++) {
      const w = resumeShell(state, host);
      assertPlainData(state);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      if (w.kind === 'sleep') host.t += w.seconds;
      else break;
    }
  });

  it('a clone taken mid-sleep resumes identically to the original', () => {
    const script = 'i=0; while true; do echo "$i: $(date)" >> /var/log/1.log; echo "tick $i"; i=$((i+1)); sleep 1; done';
    const host = new FakeHost();
    const state = startShell(compile(script));
    drive(state, host, 2);
    host.t = 2.5; // the engine checkpoints between wakes
    const b = fork(state, host, 'structuredClone');
    drive(state, host, 10);
    drive(b.state, b.host, 10);
    expect(b.host.log).toEqual(host.log);
    expect(b.host.files.get('/var/log/1.log')).toBe(host.files.get('/var/log/1.log'));
    expect(host.lines()).toHaveLength(11);
    expect(JSON.stringify(b.state)).toBe(JSON.stringify(state));
  });

  it('a JSON copy taken inside a sleeping command substitution finishes it', () => {
    const host = new FakeHost();
    const state = startShell(compile('x=$(echo a; sleep 2; echo b); echo "got $x"; exit 3'));
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 2 });
    const b = fork(state, host, 'json');
    b.host.t = 2;
    expect(resumeShell(b.state, b.host)).toEqual({ kind: 'exit', code: 3 });
    expect(b.host.lines()).toEqual(['got a', 'b']);
    // the original is untouched by the copy's run
    expect(host.log).toEqual([]);
    host.t = 2;
    expect(resumeShell(state, host)).toEqual({ kind: 'exit', code: 3 });
    expect(host.lines()).toEqual(['got a', 'b']);
  });

  it('clones with a following pipe, a background job and a trap stay independent', () => {
    const script = "trap 'echo stopping; exit 0' TERM\n(sleep 5; echo late >> /tmp/in) &\ntail -f /tmp/in | grep -v skip & wait";
    const host = new FakeHost();
    host.files.set('/tmp/in', 'first\n');
    const state = startShell(compile(script));
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 1 });
    const before = JSON.stringify(state);
    const b = fork(state, host, 'structuredClone');
    // only the copy sees new lines and the signal
    b.host.files.set('/tmp/in', 'first\nskip me\nsecond\n');
    b.host.t = 1;
    resumeShell(b.state, b.host);
    expect(signalShell(b.state, b.host, 'TERM')).toEqual({ kind: 'exit', code: 0 });
    expect(b.host.lines()).toEqual(['first', 'second', 'stopping']);
    expect(JSON.stringify(state)).toBe(before);
    // the original goes on its own way
    expect(drive(state, host, 6)).toEqual({ kind: 'file', path: '/tmp/in' });
    expect(host.lines()).toEqual(['first', 'late']);
  });

  it('a busy loop checkpointed while it spins finishes the same', () => {
    const script = 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; echo "counted $i"';
    const host = new FakeHost();
    const state = startShell(compile(script));
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 1 });
    expect(state.spinning).toBe(true);
    const b = fork(state, host, 'structuredClone');
    const wa = drive(state, host, 100);
    const wb = drive(b.state, b.host, 100);
    expect(wa).toEqual({ kind: 'exit', code: 0 });
    expect(wb).toEqual(wa);
    expect(b.host.log).toEqual(host.log);
    expect(host.log[0].line).toBe('counted 20000');
    expect(host.log[0].t).toBeGreaterThanOrEqual(1);
  });
});
