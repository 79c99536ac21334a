// The simulated busybox utilities: output formats and error messages.
import { describe, expect, it } from 'vitest';
import { run } from './fake-host';

describe('date and system identity', () => {
  it('date: busybox default format, +FORMAT, -I, -R, -u, virtual time', () => {
    const r = run('sleep 65; date; date +%Y-%m-%dT%H:%M:%S; date +%s; date -I; date -R; date -u +"%a %e %b"', () => {}, 100);
    expect(r.out).toEqual([
      'Thu Jan  1 00:01:05 UTC 2026',
      '2026-01-01T00:01:05',
      String(Date.UTC(2026, 0, 1) / 1000 + 65),
      '2026-01-01',
      'Thu, 01 Jan 2026 00:01:05 +0000',
      'Thu  1 Jan',
    ]);
  });

  it('hostname, uname, whoami, id', () => {
    const r = run('hostname; uname; uname -n; whoami; id', (h) => (h.hostname = 'db-0'));
    expect(r.out).toEqual(['db-0', 'Linux', 'db-0', 'root', 'uid=0(root) gid=0(root) groups=0(root),10(wheel)']);
  });
});

describe('nslookup', () => {
  it('uses the host DNS server address when given', () => {
    const r = run('nslookup db', (h) => {
      h.dnsServer = '10.0.0.10';
      h.dns.db = { address: '10.0.3.4', fqdn: 'db.prod.svc.cluster.local' };
    });
    expect(r.out).toEqual(['Server:\t\t10.0.0.10', 'Address:\t10.0.0.10:53', '', 'Name:\tdb.prod.svc.cluster.local', 'Address: 10.0.3.4', '']);
    expect(r.code).toBe(0);
  });

  it('fails with status 1 on NXDOMAIN', () => {
    const r = run('nslookup nope; echo "rc=$?"');
    expect(r.out.slice(3)).toEqual(["** server can't find nope: NXDOMAIN", '', 'rc=1']);
  });
});

describe('wget', () => {
  const web = (h: import('./fake-host').FakeHost) => {
    h.web['http://api:8080/health'] = { status: 200, body: 'ok\n' };
    h.web['http://api:8080/missing'] = { status: 404, body: 'no' };
    h.web['http://down:80/'] = { error: "can't connect to remote host (10.0.0.9): Connection refused" };
  };

  it('-q -O - prints the body; status 0', () => {
    const r = run('wget -q -O - http://api:8080/health && echo fine', web);
    expect(r.out).toEqual(['ok', 'fine']);
    expect(r.err).toEqual([]);
  });

  it('-qO- combined flags, a URL without scheme', () => {
    expect(run('wget -qO- api:8080/health', web).out).toEqual(['ok']);
  });

  it('an HTTP error status fails with busybox wording', () => {
    const r = run('wget -q -O - http://api:8080/missing; echo "rc=$?"', web);
    expect(r.err).toEqual(['wget: server returned error: HTTP/1.1 404 Not Found']);
    expect(r.out).toEqual(['rc=1']);
  });

  it('a connection failure prints the host error text', () => {
    const r = run('wget -q --spider http://down:80/; echo "rc=$?"', web);
    expect(r.err).toEqual(["wget: can't connect to remote host (10.0.0.9): Connection refused"]);
    expect(r.out).toEqual(['rc=1']);
  });

  it('without -O saves to the file named by the URL, reporting on stderr', () => {
    const r = run('cd /tmp; wget http://api:8080/health', web);
    expect(r.host.files.get('/tmp/health')).toBe('ok\n');
    expect(r.err).toEqual(['Connecting to api:8080 (api:8080)', "saving to 'health'", "'health' saved"]);
  });

  it('--spider only checks', () => {
    const r = run('wget -q --spider http://api:8080/health; echo "rc=$?"; ls /', web);
    expect(r.out[0]).toBe('rc=0');
    expect(r.out).not.toContain('health');
  });
});

describe('curl', () => {
  const web = (h: import('./fake-host').FakeHost) => {
    h.web['http://api/ok'] = { status: 200, body: '{"up":true}' };
    h.web['http://api/boom'] = { status: 500, body: 'boom' };
    h.web['http://gone/'] = { error: 'Failed to connect to gone port 80 after 0 ms: Connection refused' };
  };

  it('-s prints the body; without -f an error status still succeeds', () => {
    const r = run('curl -s http://api/ok; echo; curl -s http://api/boom; echo " rc=$?"', web);
    expect(r.out).toEqual(['{"up":true}', 'boom rc=0']);
  });

  it('-f fails with 22 on status >= 400, silently with -s', () => {
    const r = run('curl -f http://api/boom; echo "rc=$?"; curl -sf http://api/boom; echo "rc=$?"', web);
    expect(r.err).toEqual(['curl: (22) The requested URL returned error: 500']);
    expect(r.out).toEqual(['rc=22', 'rc=22']);
  });

  it('a connection failure exits 7', () => {
    const r = run('curl http://gone/; echo "rc=$?"', web);
    expect(r.err).toEqual(['curl: (7) Failed to connect to gone port 80 after 0 ms: Connection refused']);
    expect(r.out).toEqual(['rc=7']);
  });

  it('-o FILE and -w %{http_code}', () => {
    const r = run('code=$(curl -s -o /tmp/body -w "%{http_code}" http://api/ok); echo "$code $(cat /tmp/body)"', web);
    expect(r.out).toEqual(['200 {"up":true}']);
  });
});

describe('text and file utilities', () => {
  const files = (h: import('./fake-host').FakeHost) => {
    h.files.set('/tmp/a', 'alpha\nBeta\ngamma\n');
    h.files.set('/tmp/b', 'beta\n');
  };

  it('grep over files: -i, -n, -c, -E, -x, multiple files, a missing file', () => {
    const r = run('grep -i beta /tmp/a; grep -n a /tmp/a; grep -c a /tmp/a; grep -E "^(al|ga)" /tmp/a; grep -x beta /tmp/a /tmp/b; grep x /nope; echo "rc=$?"', files);
    expect(r.out).toEqual(['Beta', '1:alpha', '2:Beta', '3:gamma', '3', 'alpha', 'gamma', '/tmp/b:beta', 'rc=2']);
    expect(r.err).toEqual(['grep: /nope: No such file or directory']);
  });

  it('basic regular expressions: \\( \\| \\) and literal +', () => {
    expect(run('printf "a+b\\nab\\n" | grep "a+b"; echo cat | grep "\\(dog\\|cat\\)"').out).toEqual(['a+b', 'cat']);
  });

  it('head, wc, cat of several files', () => {
    const r = run('head -n 1 /tmp/a; wc -l /tmp/a; wc -w < /tmp/a; cat /tmp/a /tmp/b | wc -l', files);
    expect(r.out).toEqual(['alpha', '3 /tmp/a', '3', '4']);
  });

  it('cp, mv, mkdir and rmdir with busybox messages', () => {
    const r = run('cp /tmp/a /tmp/c; mv /tmp/b /tmp/d; cat /tmp/c /tmp/d | wc -l; ls /tmp; mkdir /tmp; mkdir /x/y; mkdir -p /x/y; rmdir /x', files);
    expect(r.out).toEqual(['4', 'a', 'c', 'd']);
    expect(r.err).toEqual([
      "mkdir: can't create directory '/tmp': File exists",
      "mkdir: can't create directory '/x/y': No such file or directory",
      "rmdir: '/x': Directory not empty",
    ]);
  });

  it('ls hides dot files unless -a, and fails on a missing path', () => {
    const r = run('touch /tmp/.hidden /tmp/seen; ls /tmp; ls -a /tmp; ls /nope; echo "rc=$?"');
    expect(r.out).toEqual(['seen', '.', '..', '.hidden', 'seen', 'rc=1']);
    expect(r.err).toEqual(['ls: /nope: No such file or directory']);
  });

  it('tee copies standard input to a file', () => {
    const r = run('echo hello | tee /tmp/t; cat /tmp/t');
    expect(r.out).toEqual(['hello', 'hello']);
  });

  it('seq, expr, basename, dirname', () => {
    const r = run('for i in $(seq 3); do echo -n "$i "; done; echo; seq 2 2 6 | wc -l; expr 2 + 3; expr 7 \\* 6; i=$(expr $i + 1); echo $i; basename /a/b/c.txt .txt; dirname /a/b/c.txt');
    expect(r.out).toEqual(['1 2 3 ', '3', '5', '42', '4', 'c', '/a/b']);
  });

  it('printf %b, %c, padding, and echo -e \\c', () => {
    const r = run('printf "%b|%c|%3s|%-3s|%.2f\\n" "a\\tb" xyz 1 2 3.14159; echo -e "stop\\chere"; echo after');
    expect(r.out).toEqual(['a\tb|x|  1|2  |3.14', 'stopafter']);
  });

  it('env and printenv show exported variables only', () => {
    const r = run('export A=1; B=2; env | grep -E "^(A|B)="; printenv A; printenv B; echo "rc=$?"');
    expect(r.out).toEqual(['A=1', '1', 'rc=1']);
  });
});
