// compileShell: syntax errors and constructs outside the subset, each with its line and column.
import { describe, expect, it } from 'vitest';
import { compileShell, UNSUPPORTED_HINT } from '../../src/engine/apps/shell';

function problems(script: string) {
  const r = compileShell(script);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('compileShell', () => {
  it('accepts the supported subset', () => {
    const script = `#!/bin/sh
set -e
trap 'echo bye; exit 0' TERM
log() { echo "$(date +%H:%M:%S) $*"; }
for svc in db cache; do
  until nslookup "$svc" >/dev/null 2>&1; do log "waiting for $svc"; sleep 2; done
done
case "$MODE" in prod) n=3 ;; *) n=1 ;; esac
i=0
while [ "$i" -lt "$n" ]; do
  wget -q -O - "http://db:8080/health" | grep -q ok && echo healthy
  i=$((i + 1))
done
cat <<EOF > /tmp/conf
mode=$MODE
EOF
exec tail -f /dev/null
`;
    const r = compileShell(script);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.program.source).toBe(script);
  });

  it('a syntax error: line, column and ash-style wording', () => {
    expect(problems('echo ok\nif true; then\n  echo x\n')).toEqual([
      { line: 4, column: 1, message: 'syntax error: unexpected end of file (expecting "fi")' },
    ]);
    expect(problems('echo "unclosed\necho next')).toEqual([{ line: 1, column: 6, message: 'syntax error: unterminated quoted string' }]);
    expect(problems('echo a\n  fi')).toEqual([{ line: 2, column: 3, message: 'syntax error: unexpected "fi"' }]);
    expect(problems('x=1 |')).toEqual([{ line: 1, column: 6, message: 'syntax error: unexpected end of file' }]);
    expect(problems('echo $((1 +))')).toEqual([{ line: 1, column: 12, message: 'syntax error: arithmetic syntax error' }]);
  });

  it('an unknown command names itself, with the hint', () => {
    expect(problems('echo starting\n  nginx -g "daemon off;"')).toEqual([
      { line: 2, column: 3, message: `command \`nginx\` is not simulated; ${UNSUPPORTED_HINT}` },
    ]);
    expect(UNSUPPORTED_HINT).toBe('describe this behaviour with an `apps` entry in the Scenario instead');
  });

  it('unknown commands inside substitutions, loops and after exec are found too', () => {
    const p = problems('x=$(python3 -V)\nwhile true; do\n  java -jar app.jar\ndone\nexec node server.js');
    expect(p.map((q) => [q.line, q.column, q.message.split(';')[0]])).toEqual([
      [1, 5, 'command `python3` is not simulated'],
      [3, 3, 'command `java` is not simulated'],
      [5, 6, 'command `node` is not simulated'],
    ]);
  });

  it('functions defined in the script and /bin/ paths are known', () => {
    expect(compileShell('work() { sleep 1; }\nwork; /bin/sleep 1; /usr/bin/env').ok).toBe(true);
  });

  it('with unknownCommands: "not-found" an unknown command is left to fail at run time', () => {
    expect(compileShell('nginx', { unknownCommands: 'not-found' }).ok).toBe(true);
  });

  it('bash-only constructs are reported where they are', () => {
    const cases: [string, number, number, string][] = [
      ['echo ok\n[[ -f /x ]] && echo y', 2, 1, '`[[ ... ]]` (use `[ ... ]`)'],
      ['a=(1 2 3)', 1, 1, 'array assignment `name=(...)`'],
      ['echo "${x/a/b}"', 1, 7, 'pattern substitution `${name/pattern/string}`'],
      ['echo ${x:1:2}', 1, 6, 'substring expansion `${name:offset:length}`'],
      ['echo ${!ref}', 1, 6, 'indirect expansion `${!name}`'],
      ['x+=1', 1, 1, '`+=` assignment'],
      ['select s in a b; do echo $s; done', 1, 1, '`select`'],
      ['echo "$(printf "%s" "${v:-$(date)}")"', 1, 27, 'command substitution inside `${...}`'],
    ];
    for (const [script, line, column, construct] of cases) {
      expect(problems(script), script).toEqual([{ line, column, message: `${construct} is not supported by the simulated shell; ${UNSUPPORTED_HINT}` }]);
    }
  });

  it('a pipe into something other than a line filter is reported', () => {
    expect(problems('tail -f /var/log/x | sed -e s/a/b/')).toEqual([
      {
        line: 1,
        column: 22,
        message: `a pipe into \`sed\` is not supported (only grep, egrep, head, wc, cat, tee can read a pipe); ${UNSUPPORTED_HINT}`,
      },
    ]);
    expect(problems('echo x | while read l; do echo $l; done')[0].message).toMatch(/^a pipe into a compound command is not supported/);
  });

  it('positions inside backquotes point into the script', () => {
    expect(problems('echo `\n  frob`')).toEqual([{ line: 2, column: 3, message: `command \`frob\` is not simulated; ${UNSUPPORTED_HINT}` }]);
  });

  it('several problems come back sorted by position', () => {
    const p = problems('foo\nbar; a=(1)');
    expect(p.map((q) => `${q.line}:${q.column}`)).toEqual(['1:1', '2:1', '2:6']);
  });
});
