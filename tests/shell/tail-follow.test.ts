// tail -f / -F: follow a file across appends, waiting on it between changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resumeShell, startShell } from '../../src/engine/apps/shell';
import { compile, FakeHost, run } from './fake-host';

function follow(script: string, setup: (h: FakeHost) => void = () => {}) {
  const host = new FakeHost();
  setup(host);
  const state = startShell(compile(script));
  return { host, state };
}

describe('tail', () => {
  it('prints the last lines: default 10, -n N, -N, -n +N', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join('\n') + '\n';
    const setup = (h: FakeHost) => h.files.set('/f', lines);
    expect(run('tail /f', setup).out).toEqual(['l3', 'l4', 'l5', 'l6', 'l7', 'l8', 'l9', 'l10', 'l11', 'l12']);
    expect(run('tail -n 2 /f', setup).out).toEqual(['l11', 'l12']);
    expect(run('tail -3 /f', setup).out).toEqual(['l10', 'l11', 'l12']);
    expect(run('tail -n +11 /f', setup).out).toEqual(['l11', 'l12']);
  });

  it('a missing file: busybox message and status 1', () => {
    const r = run('tail /nope; echo "rc=$?"');
    expect(r.err).toEqual(["tail: can't open '/nope': No such file or directory"]);
    expect(r.out).toEqual(['rc=1']);
  });

  it('-f waits on the file and prints each append once, across partial lines', () => {
    const { host, state } = follow('tail -n 1 -f /var/log/app.log', (h) => h.files.set('/var/log/app.log', 'old1\nold2\n'));
    expect(resumeShell(state, host)).toEqual({ kind: 'file', path: '/var/log/app.log' });
    expect(host.lines()).toEqual(['old2']);
    host.t = 3;
    host.files.set('/var/log/app.log', 'old1\nold2\nnew1\nhal');
    expect(resumeShell(state, host)).toEqual({ kind: 'file', path: '/var/log/app.log' });
    expect(host.log.slice(1)).toEqual([{ t: 3, stream: 'stdout', line: 'new1' }]);
    host.t = 4;
    // a resume with no change prints nothing
    expect(resumeShell(state, host)).toEqual({ kind: 'file', path: '/var/log/app.log' });
    host.t = 5;
    host.files.set('/var/log/app.log', 'old1\nold2\nnew1\nhalf done\n');
    resumeShell(state, host);
    expect(host.log.slice(1).map((l) => [l.t, l.line])).toEqual([
      [3, 'new1'],
      [5, 'half done'],
    ]);
  });

  it('-f follows lines written by a background loop of the same shell', () => {
    const { host, state } = follow('(for i in 1 2 3; do echo "tick $i" >> /tmp/t.log; sleep 1; done) & tail -f /tmp/t.log', (h) => h.files.set('/tmp/t.log', ''));
    let w = resumeShell(state, host);
    while (w.kind === 'sleep' && host.t < 5) {
      host.t += w.seconds;
      w = resumeShell(state, host);
    }
    expect(w).toEqual({ kind: 'file', path: '/tmp/t.log' });
    expect(host.log.map((l) => [l.t, l.line])).toEqual([
      [0, 'tick 1'],
      [1, 'tick 2'],
      [2, 'tick 3'],
    ]);
  });

  it('-f into grep passes only matching lines as they arrive', () => {
    const { host, state } = follow('tail -f /tmp/in | grep ERROR', (h) => h.files.set('/tmp/in', 'ERROR old\ninfo\n'));
    expect(resumeShell(state, host)).toEqual({ kind: 'file', path: '/tmp/in' });
    host.files.set('/tmp/in', 'ERROR old\ninfo\nERROR new\ndebug\n');
    host.t = 2;
    resumeShell(state, host);
    expect(host.log.map((l) => [l.t, l.line])).toEqual([
      [0, 'ERROR old'],
      [2, 'ERROR new'],
    ]);
  });

  it('`tail -f /dev/null` waits forever', () => {
    expect(run('tail -f /dev/null').wait).toEqual({ kind: 'forever' });
  });

  it('-f on a missing file fails; -F waits for it to appear', () => {
    const f = run('tail -f /tmp/later; echo "rc=$?"');
    expect(f.err).toEqual(["tail: can't open '/tmp/later': No such file or directory", 'tail: no files']);
    expect(f.out).toEqual(['rc=1']);
    const { host, state } = follow('tail -F /tmp/later');
    expect(resumeShell(state, host)).toEqual({ kind: 'file', path: '/tmp/later' });
    host.files.set('/tmp/later', 'hello\n');
    host.t = 9;
    resumeShell(state, host);
    expect(host.log.filter((l) => l.stream === 'stdout')).toEqual([{ t: 9, stream: 'stdout', line: 'hello' }]);
  });

  it('a truncated file is read again from its start', () => {
    const { host, state } = follow('tail -f /tmp/x', (h) => h.files.set('/tmp/x', 'aaaa\nbbbb\n'));
    resumeShell(state, host);
    host.files.set('/tmp/x', 'c\n');
    resumeShell(state, host);
    expect(host.lines('stdout')).toEqual(['aaaa', 'bbbb', 'c']);
    expect(host.lines('stderr')).toEqual(['tail: /tmp/x: file truncated']);
  });

  it('a follower plus a sleeping job polls the file every second', () => {
    const { host, state } = follow('sleep 30 & tail -f /tmp/x', (h) => h.files.set('/tmp/x', ''));
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 1 });
  });
});

describe('tail -f, property', () => {
  it('whatever the chunks and wherever a JSON checkpoint falls, the log is the appended lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z \n]{0,12}$/), { minLength: 1, maxLength: 12 }),
        fc.nat(12),
        (chunks, cut) => {
          let { host, state } = follow('tail -n 0 -f /var/log/app.log', (h) => h.files.set('/var/log/app.log', 'before\n'));
          resumeShell(state, host);
          let content = 'before\n';
          chunks.forEach((chunk, i) => {
            if (i === cut) state = JSON.parse(JSON.stringify(state));
            content += chunk;
            host.files.set('/var/log/app.log', content);
            host.t = i + 1;
            expect(resumeShell(state, host)).toEqual({ kind: 'file', path: '/var/log/app.log' });
          });
          const appended = content.slice('before\n'.length);
          const complete = appended.slice(0, appended.lastIndexOf('\n') + 1);
          expect(host.lines()).toEqual(complete === '' ? [] : complete.slice(0, -1).split('\n'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
