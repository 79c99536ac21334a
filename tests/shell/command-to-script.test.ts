// The container's command+args as a script.
import { describe, expect, it } from 'vitest';
import { commandToScript, compileShell, parseShellInvocation, resumeShell, startShell } from '../../src/engine/apps/shell';
import { FakeHost } from './fake-host';

describe('commandToScript', () => {
  it('sh -c SCRIPT in its usual spellings', () => {
    const s = 'echo hi; sleep 1';
    expect(commandToScript(['sh', '-c', s], undefined)).toBe(s);
    expect(commandToScript(['/bin/sh', '-c', s], undefined)).toBe(s);
    expect(commandToScript(['bash', '-c', s], undefined)).toBe(s);
    expect(commandToScript(['/bin/bash', '-c', s], [])).toBe(s);
    expect(commandToScript(['sh', '-ec', s], undefined)).toBe(s);
    expect(commandToScript(['sh', '-c'], [s])).toBe(s);
    expect(commandToScript(['/bin/sh'], ['-c', s])).toBe(s);
    expect(commandToScript(undefined, ['sh', '-c', s])).toBe(s);
    expect(commandToScript(['/usr/bin/env', 'sh', '-c', s], undefined)).toBe(s);
  });

  it('a plain argv of a simulated utility, quoted back', () => {
    expect(commandToScript(['sleep', '3600'], undefined)).toBe('sleep 3600');
    expect(commandToScript(['tail', '-f', '/dev/null'], undefined)).toBe('tail -f /dev/null');
    expect(commandToScript(['/bin/sleep'], ['infinity'])).toBe('/bin/sleep infinity');
    expect(commandToScript(['echo', "it's a $HOME"], undefined)).toBe(`echo 'it'\\''s a $HOME'`);
  });

  it('null for programs the shell does not run', () => {
    expect(commandToScript(['nginx', '-g', 'daemon off;'], undefined)).toBeNull();
    expect(commandToScript(['sh', '/scripts/start.sh'], undefined)).toBeNull();
    expect(commandToScript(['sh', '-c'], undefined)).toBeNull();
    expect(commandToScript(undefined, undefined)).toBeNull();
    expect(commandToScript([], [])).toBeNull();
  });

  it('a quoted argv runs as exactly those words', () => {
    const script = commandToScript(['echo', 'a  b', '$x', '"q"'], undefined)!;
    const r = compileShell(script);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const host = new FakeHost();
    resumeShell(startShell(r.program), host);
    expect(host.lines()).toEqual(['a  b $x "q"']);
  });

  it('parseShellInvocation keeps -e, $0 and the positional parameters', () => {
    expect(parseShellInvocation(['sh', '-ec', 'false; echo no', 'job', 'a1'], undefined)).toEqual({
      script: 'false; echo no',
      argv0: 'job',
      errexit: true,
      xtrace: false,
      positional: ['a1'],
    });
    const inv = parseShellInvocation(['sh', '-e', '-c', 'echo "$0 $1"; false; echo never', 'name', 'one'], undefined)!;
    const r = compileShell(inv.script);
    if (!r.ok) throw new Error('compile');
    const host = new FakeHost();
    const state = startShell(r.program, inv.argv0, { errexit: inv.errexit, positional: inv.positional });
    expect(resumeShell(state, host)).toEqual({ kind: 'exit', code: 1 });
    expect(host.lines()).toEqual(['name one']);
  });
});
