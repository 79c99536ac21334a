// The four scripts from the brief, run the way the engine runs them.
import { describe, expect, it } from 'vitest';
import { resumeShell, startShell } from '../../src/engine/apps/shell';
import { compile, FakeHost } from './fake-host';

describe('example container scripts', () => {
  it('crasher: prints, sleeps 2 s, complains on stderr and exits 1 at t=2', () => {
    const host = new FakeHost();
    const state = startShell(compile('echo starting; sleep 2; echo dying >&2; exit 1'));
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 2 });
    expect(host.log).toEqual([{ t: 0, stream: 'stdout', line: 'starting' }]);
    host.t = 2;
    expect(resumeShell(state, host)).toEqual({ kind: 'exit', code: 1 });
    expect(host.log).toEqual([
      { t: 0, stream: 'stdout', line: 'starting' },
      { t: 2, stream: 'stderr', line: 'dying' },
    ]);
    // once exited it stays exited
    expect(resumeShell(state, host)).toEqual({ kind: 'exit', code: 1 });
  });

  it('liveness demo: /tmp/healthy exists for 30 s, then the shell sleeps 600 s', () => {
    const host = new FakeHost();
    const state = startShell(compile('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'));
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 30 });
    expect(host.files.get('/tmp/healthy')).toBe('');
    host.t = 12;
    // an early resume (the engine woke for something else) keeps the same deadline
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 18 });
    host.t = 30;
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 600 });
    expect(host.files.has('/tmp/healthy')).toBe(false);
    host.t = 630;
    expect(resumeShell(state, host)).toEqual({ kind: 'exit', code: 0 });
    expect(host.log).toEqual([]);
  });

  it('date loop appends a numbered timestamp to /var/log/1.log every second', () => {
    const host = new FakeHost();
    const state = startShell(compile('i=0; while true; do echo "$i: $(date)" >> /var/log/1.log; i=$((i+1)); sleep 1; done'));
    for (let t = 0; t <= 3; t++) {
      host.t = t;
      expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 1 });
    }
    expect(host.files.get('/var/log/1.log')).toBe(
      ['0: Thu Jan  1 00:00:00 UTC 2026', '1: Thu Jan  1 00:00:01 UTC 2026', '2: Thu Jan  1 00:00:02 UTC 2026', '3: Thu Jan  1 00:00:03 UTC 2026', ''].join('\n'),
    );
    expect(host.log).toEqual([]);
  });

  it('init container: retries nslookup every 2 s until the service resolves, then exits 0', () => {
    const host = new FakeHost();
    const state = startShell(compile('until nslookup myservice; do echo waiting; sleep 2; done'));
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 2 });
    expect(host.lines()).toEqual([
      'Server:\t\t10.96.0.10',
      'Address:\t10.96.0.10:53',
      '',
      "** server can't find myservice: NXDOMAIN",
      '',
      'waiting',
    ]);
    host.t = 2;
    expect(resumeShell(state, host)).toEqual({ kind: 'sleep', seconds: 2 });
    // the Service is created at t=3: the attempt at t=4 finds it
    host.dns.myservice = { address: '10.96.12.34', fqdn: 'myservice.default.svc.cluster.local' };
    host.t = 4;
    expect(resumeShell(state, host)).toEqual({ kind: 'exit', code: 0 });
    const at4 = host.log.filter((l) => l.t === 4).map((l) => l.line);
    expect(at4).toEqual(['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10:53', '', 'Name:\tmyservice.default.svc.cluster.local', 'Address: 10.96.12.34', '']);
    expect(host.lines().filter((l) => l === 'waiting')).toHaveLength(2);
  });
});
