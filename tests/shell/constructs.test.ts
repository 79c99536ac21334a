// One test per construct of the supported subset.
import { describe, expect, it } from 'vitest';
import { run } from './fake-host';

describe('lists and conditionals', () => {
  it('`;` and newlines run commands in order', () => {
    expect(run('echo a; echo b\necho c\n\necho d').out).toEqual(['a', 'b', 'c', 'd']);
  });

  it('`&&` runs the right side only on success, `||` only on failure', () => {
    expect(run('true && echo yes; false && echo no; false || echo fallback; true || echo skipped').out).toEqual(['yes', 'fallback']);
  });

  it('`a && b || c` groups left to right', () => {
    expect(run('false && echo b || echo c').out).toEqual(['c']);
    expect(run('true && false || echo c').out).toEqual(['c']);
  });

  it('`!` negates the status', () => {
    expect(run('! false && echo negated; ! true; echo "status=$?"').out).toEqual(['negated', 'status=1']);
  });

  it('`{ ...; }` groups in the current shell', () => {
    expect(run('{ x=1; echo in; }; echo "x=$x"').out).toEqual(['in', 'x=1']);
  });

  it('`( ... )` is a subshell: variables, cd and exit stay inside', () => {
    const r = run('x=0; (x=1; cd /tmp; exit 3); echo "status=$? x=$x pwd=$(pwd)"');
    expect(r.out).toEqual(['status=3 x=0 pwd=/']);
  });

  it('if / elif / else', () => {
    const script = 'for n in 1 2 3; do if [ $n -eq 1 ]; then echo one; elif [ $n -eq 2 ]; then echo two; else echo many; fi; done';
    expect(run(script).out).toEqual(['one', 'two', 'many']);
  });

  it('if without a taken branch has status 0', () => {
    expect(run('if false; then echo x; fi; echo "s=$?"').out).toEqual(['s=0']);
  });

  it('case with patterns, alternatives and a default', () => {
    const script = 'for v in start stop x.log other; do case "$v" in start|begin) echo S;; stop) echo T;; *.log) echo L;; *) echo "? $v";; esac; done';
    expect(run(script).out).toEqual(['S', 'T', 'L', '? other']);
  });

  it('case patterns quoted are literal', () => {
    expect(run('case "a*" in "a*") echo lit;; a*) echo glob;; esac; case abc in "a*") echo lit;; a*) echo glob;; esac').out).toEqual(['lit', 'glob']);
  });
});

describe('loops', () => {
  it('while with a counter', () => {
    expect(run('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done').out).toEqual(['0', '1', '2']);
  });

  it('until', () => {
    expect(run('i=3; until [ $i -eq 0 ]; do echo $i; i=$((i-1)); done').out).toEqual(['3', '2', '1']);
  });

  it('for over words, with field splitting of expansions', () => {
    expect(run('list="b c"; for x in a $list "d e"; do echo "[$x]"; done').out).toEqual(['[a]', '[b]', '[c]', '[d e]']);
  });

  it('for without `in` iterates the positional parameters', () => {
    expect(run('set -- p q; for a; do echo $a; done').out).toEqual(['p', 'q']);
  });

  it('break and continue, also with a level', () => {
    expect(run('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done').out).toEqual(['1', '3']);
    expect(run('for a in x y; do for b in 1 2; do [ $b = 2 ] && continue 2; echo $a$b; done; echo never; done').out).toEqual(['x1', 'y1']);
    expect(run('while true; do while true; do break 2; done; echo never; done; echo out').out).toEqual(['out']);
  });

  it('a loop takes the status of its last body command', () => {
    expect(run('for i in 1; do false; done; echo $?').out).toEqual(['1']);
  });
});

describe('exit and status', () => {
  it('exit N ends the script with N', () => {
    const r = run('echo before; exit 7; echo after');
    expect(r.out).toEqual(['before']);
    expect(r.code).toBe(7);
  });

  it('exit without N uses the last status; the end of the script too', () => {
    expect(run('false; exit').code).toBe(1);
    expect(run('true; false').code).toBe(1);
    expect(run('echo hi').code).toBe(0);
  });

  it('exit codes wrap modulo 256', () => {
    expect(run('exit 257').code).toBe(1);
  });

  it('true, false and `:`', () => {
    expect(run('true; echo $?; false; echo $?; :; echo $?').out).toEqual(['0', '1', '0']);
  });

  it('$? after a command substitution assignment is its status', () => {
    expect(run('x=$(false); echo $?; y=$(true); echo $?').out).toEqual(['1', '0']);
  });
});

describe('sleep', () => {
  it('waits the given seconds, fractions and suffixes included', () => {
    const r = run('sleep 1.5; echo a; sleep 1m; echo b; sleep 1 2; echo c; sleep 0; echo d', () => {}, 1000);
    expect(r.host.log.map((l) => [l.t, l.line])).toEqual([
      [1.5, 'a'],
      [61.5, 'b'],
      [64.5, 'c'],
      [64.5, 'd'],
    ]);
  });

  it('`sleep infinity` waits forever', () => {
    expect(run('echo up; sleep infinity; echo never').wait).toEqual({ kind: 'forever' });
  });

  it('an invalid duration fails with busybox wording', () => {
    const r = run('sleep abc; echo "rc=$?"');
    expect(r.err).toEqual(["sleep: invalid number 'abc'"]);
    expect(r.out).toEqual(['rc=1']);
  });
});

describe('echo and printf', () => {
  it('echo joins its arguments; -n leaves the line open; -e interprets escapes', () => {
    expect(run('echo a   b "c  d"; echo -n "no newline "; echo end; echo -e "x\\ty\\nz"; echo "raw\\n"').out).toEqual([
      'a b c  d',
      'no newline end',
      'x\ty',
      'z',
      'raw\\n',
    ]);
  });

  it('an unterminated last line is written when the process exits', () => {
    expect(run('echo -n partial').out).toEqual(['partial']);
  });

  it('printf with %s %d %% and \\n, reusing the format for extra arguments', () => {
    expect(run('printf "%s is %d%%\\n" cpu 42 mem 7; printf "%05d|%-4s|%x\\n" 42 ab 255').out).toEqual(['cpu is 42%', 'mem is 7%', '00042|ab  |ff']);
  });
});

describe('variables', () => {
  it('$x, ${x}, assignment and export', () => {
    const r = run('name=web; export MODE=prod; echo "$name ${name}-1 $MODE"; env | grep MODE');
    expect(r.out).toEqual(['web web-1 prod', 'MODE=prod']);
  });

  it('the container environment and $HOSTNAME', () => {
    const r = run('echo "$GREETING from $HOSTNAME"', (h) => {
      h.env.GREETING = 'hello';
      h.hostname = 'api-7d9f';
    });
    expect(r.out).toEqual(['hello from api-7d9f']);
  });

  it('$$ is 1 (the shell is PID 1) and $? is the last status', () => {
    expect(run('echo $$; false; echo $?').out).toEqual(['1', '1']);
  });

  it('unset variables expand to nothing', () => {
    expect(run('echo "[$nothing]"').out).toEqual(['[]']);
  });

  it('parameter operators', () => {
    const r = run('x=; f=/var/log/app.log; echo "${x:-def}|${x-unset}|${y:=set}|$y|${f##*/}|${f%.log}|${#f}|${f:+alt}"');
    expect(r.out).toEqual(['def||set|set|app.log|/var/log/app|16|alt']);
  });

  it('${x:?msg} fails the shell with the message', () => {
    const r = run('echo ${NEEDED:?must be set}; echo never');
    expect(r.err).toEqual(['sh: NEEDED: must be set']);
    expect(r.code).toBe(2);
  });

  it('single and double quotes', () => {
    expect(run(`x=1; echo '$x "in" single' "\\$x=$x 'in' double" \\$x`).out).toEqual([`$x "in" single $x=1 'in' double $x`]);
  });

  it('functions with positional parameters, local variables and return', () => {
    const r = run('greet() { local who="$1"; echo "hi $who ($#)"; return 3; }; greet bob x; echo "rc=$? who=[$who]"');
    expect(r.out).toEqual(['hi bob (2)', 'rc=3 who=[]']);
  });

  it('"$@" keeps arguments apart', () => {
    expect(run('show() { for a in "$@"; do echo "<$a>"; done; }; show "a b" c').out).toEqual(['<a b>', '<c>']);
  });
});

describe('command substitution and arithmetic', () => {
  it('$(...) and backticks capture output without trailing newlines', () => {
    const r = run('echo "host=$(hostname) up=`echo yes`"; x=$(printf "a\\n\\n"); echo "[$x]"');
    expect(r.out).toEqual(['host=web-0 up=yes', '[a]']);
  });

  it('$(cat f) and $(date)', () => {
    const r = run('echo secret > /tmp/f; echo "$(cat /tmp/f) at $(date)"');
    expect(r.out).toEqual(['secret at Thu Jan  1 00:00:00 UTC 2026']);
  });

  it('a substitution that sleeps takes virtual time', () => {
    const r = run('x=$(sleep 2; echo late); echo "$x"');
    expect(r.host.log).toEqual([{ t: 2, stream: 'stdout', line: 'late' }]);
  });

  it('arithmetic: + - * / % comparisons, precedence, variables', () => {
    const r = run('i=7; echo $((i+1)) $((i-10)) $((i*2)) $((i/2)) $((i%4)) $((i>5)) $((i==7)) $((1+2*3)) $(( (1+2)*3 )) $(($i + 1))');
    expect(r.out).toEqual(['8 -3 14 3 3 1 1 7 9 8']);
  });

  it('division by zero is fatal', () => {
    const r = run('echo $((1/0)); echo never');
    expect(r.err).toEqual(['sh: divide by zero']);
    expect(r.code).toBe(2);
  });
});

describe('redirection', () => {
  it('> truncates, >> appends, < reads', () => {
    const r = run('echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; echo three > /tmp/f; cat /tmp/f');
    expect(r.out).toEqual(['one', 'two', 'three']);
  });

  it('>&2, 2>&1, 2>/dev/null', () => {
    const r = run('echo to-err >&2; cat /missing 2>/dev/null; echo "rc=$?"; cat /missing > /tmp/o 2>&1; cat /tmp/o');
    expect(r.err).toEqual(['to-err']);
    expect(r.out).toEqual(['rc=1', "cat: can't open '/missing': No such file or directory"]);
  });

  it('a redirection on a compound command applies to all of it', () => {
    const r = run('for i in 1 2; do echo $i; done > /tmp/l; { echo a; echo b; } >> /tmp/l; cat /tmp/l');
    expect(r.out).toEqual(['1', '2', 'a', 'b']);
  });

  it('> into a missing directory fails the command with status 1', () => {
    const r = run('echo x > /nope/f; echo "rc=$?"');
    expect(r.err).toEqual(["sh: can't create /nope/f: nonexistent directory"]);
    expect(r.out).toEqual(['rc=1']);
  });

  it('< from a missing file', () => {
    const r = run('cat < /nope; echo "rc=$?"');
    expect(r.err).toEqual(["sh: can't open /nope: no such file"]);
    expect(r.out).toEqual(['rc=1']);
  });

  it('here-documents expand unless the delimiter is quoted', () => {
    const r = run("cat <<EOF\nhost $HOSTNAME\nEOF\ncat <<'EOF'\nhost $HOSTNAME\nEOF\n");
    expect(r.out).toEqual(['host web-0', 'host $HOSTNAME']);
  });

  it('exec with only redirections redirects the rest of the script', () => {
    const r = run('exec > /tmp/all 2>&1; echo out; echo err >&2');
    expect(r.out).toEqual([]);
    expect(r.host.files.get('/tmp/all')).toBe('out\nerr\n');
  });

  it('/dev/stdout and /proc/1/fd/1 write to the log', () => {
    expect(run('echo a > /dev/stdout; echo b > /proc/1/fd/1; echo c > /dev/stderr').host.log.map((l) => `${l.stream}:${l.line}`)).toEqual([
      'stdout:a',
      'stdout:b',
      'stderr:c',
    ]);
  });

  it('read from a file line by line', () => {
    const r = run('while read -r k v; do echo "$k=$v"; done < /etc/conf', (h) => h.files.set('/etc/conf', 'a 1\nb 2 3\n'));
    expect(r.out).toEqual(['a=1', 'b=2 3']);
  });
});

describe('pipes', () => {
  it('into grep, grep -v, grep -q, wc -l, head', () => {
    const r = run('printf "a\\nb\\nab\\n" | grep a; printf "a\\nb\\n" | grep -v a; echo x | grep -q y || echo none; printf "1\\n2\\n3\\n" | wc -l; printf "1\\n2\\n3\\n" | head -n 2');
    expect(r.out).toEqual(['a', 'ab', 'b', 'none', '3', '1', '2']);
  });

  it('the status of a pipeline is its last stage', () => {
    expect(run('echo x | grep y; echo $?; false | cat; echo $?').out).toEqual(['1', '0']);
  });

  it('a filter stage can redirect its output', () => {
    const r = run('printf "ERR a\\nok\\n" | grep ERR > /tmp/errors; cat /tmp/errors');
    expect(r.out).toEqual(['ERR a']);
  });
});

describe('files', () => {
  it('touch, cat, rm, rm -f, mkdir -p, ls', () => {
    const r = run('mkdir -p /data/a/b; touch /data/a/b/x /data/y; ls /data; ls /data/a/b; rm /data/y; rm -f /data/y; rm /data/y; echo "rc=$?"; rm -r /data/a; ls /data');
    expect(r.out).toEqual(['a', 'y', 'x', 'rc=1']);
    expect(r.err).toEqual(["rm: can't remove '/data/y': No such file or directory"]);
    expect(r.host.dirs.has('/data/a')).toBe(false);
  });

  it('ls -l prints busybox columns', () => {
    const r = run('echo hello > /tmp/h; ls -l /tmp/h');
    expect(r.out).toEqual(['-rw-r--r--    1 root     root             6 Jan  1 00:00 /tmp/h']);
  });

  it('globs expand against the filesystem and stay literal without a match', () => {
    const r = run('touch /tmp/a.log /tmp/b.log /tmp/c.txt; echo /tmp/*.log; echo /tmp/*.none; echo "/tmp/*.log"');
    expect(r.out).toEqual(['/tmp/a.log /tmp/b.log', '/tmp/*.none', '/tmp/*.log']);
  });

  it('cd and relative paths', () => {
    expect(run('cd /tmp && echo x > rel && cat /tmp/rel && pwd').out).toEqual(['x', '/tmp']);
  });
});

describe('test and [ ]', () => {
  it('file tests', () => {
    const r = run('touch /tmp/f; [ -f /tmp/f ] && echo f; [ -e /tmp/f ] && echo e; [ -d /tmp ] && echo d; [ -f /tmp ] || echo not-f; [ -e /nope ] || echo missing; [ -s /tmp/f ] || echo empty');
    expect(r.out).toEqual(['f', 'e', 'd', 'not-f', 'missing', 'empty']);
  });

  it('string and integer tests, ! and -a/-o', () => {
    const r = run('x=; [ -z "$x" ] && echo z; [ -n "a" ] && echo n; [ a = a ] && echo eq; [ a != b ] && echo ne; [ 3 -lt 10 ] && echo lt; [ 5 -ge 5 ] && echo ge; [ ! 1 -gt 2 ] && echo not; [ 1 -eq 1 -a 2 -eq 3 ] || echo and; test 1 -ne 1 -o a = a && echo or');
    expect(r.out).toEqual(['z', 'n', 'eq', 'ne', 'lt', 'ge', 'not', 'and', 'or']);
  });

  it('errors: a missing ] and a non-number', () => {
    const r = run('[ 1 -eq 1; echo "rc=$?"; [ x -eq 1 ]; echo "rc=$?"');
    expect(r.err).toEqual(['sh: missing ]', "sh: invalid number 'x'"]);
    expect(r.out).toEqual(['rc=2', 'rc=2']);
  });
});

describe('shell options and builtins', () => {
  it('set -e exits on a failing command outside conditions', () => {
    const r = run('set -e; if false; then :; fi; false || echo handled; ! true; echo alive; false; echo never');
    expect(r.out).toEqual(['handled', 'alive']);
    expect(r.code).toBe(1);
  });

  it('set -x traces commands on stderr', () => {
    const r = run('set -x; v="a b"; echo $v');
    expect(r.err).toEqual(["+ v='a b'", '+ echo a b']);
  });

  it('eval runs its text in the current shell', () => {
    expect(run("eval 'x=5; echo in'; echo $x").out).toEqual(['in', '5']);
  });

  it('exec replaces the shell: its status is the exit code', () => {
    const r = run('exec sh -c "echo child; exit 4"; echo never');
    expect(r.out).toEqual(['child']);
    expect(r.code).toBe(4);
  });

  it('sh -c runs a child shell that sees exported variables only', () => {
    const r = run('export A=1; B=2; sh -c \'echo "A=$A B=$B $0 $1"\' name arg; echo "after $?"');
    expect(r.out).toEqual(['A=1 B= name arg', 'after 0']);
  });

  it('a script file on the filesystem runs', () => {
    const r = run('/app/run.sh hello', (h) => {
      h.dirs.add('/app');
      h.files.set('/app/run.sh', '#!/bin/sh\necho "script got $1"\nexit 3\n');
    });
    expect(r.out).toEqual(['script got hello']);
    expect(r.code).toBe(3);
  });

  it('a command named through a variable that does not exist is `not found`, status 127', () => {
    const r = run('cmd=frobnicate; $cmd --now; echo "rc=$?"');
    expect(r.err).toEqual(['sh: frobnicate: not found']);
    expect(r.out).toEqual(['rc=127']);
  });

  it('background jobs and wait', () => {
    const r = run('(sleep 3; echo bg done) & echo "started $!"; wait; echo "waited at the end"');
    expect(r.host.log.map((l) => [l.t, l.line])).toEqual([
      [0, 'started 2'],
      [3, 'bg done'],
      [3, 'waited at the end'],
    ]);
  });

  it('wait PID returns that job status; a waited job is forgotten', () => {
    expect(run('(sleep 1; exit 5) & p=$!; wait $p; echo "rc=$?"; wait $p; echo "again=$?"').out).toEqual(['rc=5', 'again=127']);
    const loop = run('for i in 1 2 3; do sleep 1 & wait; done; sleep 5', () => {}, 4);
    expect(loop.wait).toEqual({ kind: 'sleep', seconds: 5 });
    expect(loop.state.jobs).toEqual({});
    expect(loop.state.threads).toHaveLength(1);
  });

  it('command -v, which and type', () => {
    const r = run('f() { :; }; command -v sleep; which wget; type echo; type f; command -v nosuch || echo missing');
    expect(r.out).toEqual(['/bin/sleep', '/usr/bin/wget', 'echo is a shell builtin', 'f is a function', 'missing']);
  });

  it('read from a here-string, with IFS splitting', () => {
    expect(run('IFS=: read a b <<< "x:y:z"; echo "$a|$b"').out).toEqual(['x|y:z']);
  });
});
