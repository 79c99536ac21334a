/**
 * A command run inside a running container: exec probes and `kubectl exec`. It runs
 * in the shell subset against the container's files; virtual time does not pass
 * (a `sleep` only counts toward the probe's timeout).
 */
import type { Engine } from '../runtime/engine';
import type { ContainerRuntime, PodRuntime } from './pod-runtime';
import type { ShellProgram } from '../apps/shell';
// the shell's parser side only: its runtime comes through ./process-runtime
import { compileShell } from '../apps/shell/compile';
import { commandToScript } from '../apps/shell/command-to-script';
import { makeShellHost, resumeShell, startShell } from './process-runtime';

export interface ExecResult {
  exitCode: number;
  stdout: string[];
  stderr: string[];
  timedOut: boolean;
  /** the result holds until the files change (the caller re-plans on changes) */
  until: number;
  /** the command is not in the shell subset; with `probe` this falls back to the program's health */
  unsupported?: string;
}

const programs = new Map<string, { ok: true; program: ShellProgram } | { ok: false; message: string }>();

export function compileCached(script: string): { ok: true; program: ShellProgram } | { ok: false; message: string } {
  let p = programs.get(script);
  if (!p) {
    const r = compileShell(script, { unknownCommands: 'not-found' });
    p = r.ok ? { ok: true, program: r.program } : { ok: false, message: r.problems.map((x) => x.message).join('; ') };
    programs.set(script, p);
  }
  return p;
}

/** Is the program up (past its start-up time, not hung)? Stands in for health commands the simulated image lacks. */
function programHealthy(eng: Engine, c: ContainerRuntime): boolean {
  const inst = c.current;
  if (!inst) return false;
  return !inst.overrides.hang && eng.now() >= inst.startedAt + c.behaviour.spec.startup;
}

export function runExec(eng: Engine, pod: PodRuntime, c: ContainerRuntime, argv: string[], opts: { probe: boolean; timeout?: number }): ExecResult {
  const inst = c.current;
  if (!inst) return { exitCode: 126, stdout: [], stderr: ['container not running'], timedOut: false, until: Infinity };
  const script = commandToScript(argv, undefined);
  const compiled = script === null ? null : compileCached(script);
  if (!compiled || !compiled.ok) {
    const why = compiled && !compiled.ok ? compiled.message : `${argv[0]} is not a shell command`;
    if (opts.probe) {
      const ok = programHealthy(eng, c);
      return { exitCode: ok ? 0 : 1, stdout: [], stderr: ok ? [] : [`${argv.join(' ')}: not ready`], timedOut: false, until: Infinity, unsupported: why };
    }
    return { exitCode: 126, stdout: [], stderr: [`podsim: cannot run ${JSON.stringify(argv.join(' '))} here: ${why}`], timedOut: false, until: Infinity, unsupported: why };
  }
  const stdout: string[] = [];
  const stderr: string[] = [];
  // probes move no application data: only `kubectl exec` records flows
  const host = makeShellHost(eng, pod, c, inst, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) }, { flows: !opts.probe });
  const state = startShell(compiled.program);
  let slept = 0;
  for (let i = 0; i < 10_000; i++) {
    const w = resumeShell(state, host);
    if (w.kind === 'exit') {
      // A health command the simulated image does not have (`pg_isready`, `redis-cli ping`...)
      // stands for the program's own check: it succeeds iff the program is up.
      if (opts.probe && w.code === 127 && stderr.some((l) => l.endsWith(': not found'))) {
        const ok = programHealthy(eng, c);
        return { exitCode: ok ? 0 : 1, stdout: [], stderr: [], timedOut: false, until: Infinity, unsupported: stderr.join(' ') };
      }
      return { exitCode: w.code, stdout, stderr, timedOut: false, until: Infinity };
    }
    if (w.kind === 'sleep') {
      slept += w.seconds;
      if (opts.timeout !== undefined && slept >= opts.timeout) return { exitCode: 1, stdout, stderr, timedOut: true, until: Infinity };
      continue;
    }
    // waits forever (tail -f, sleep infinity)
    return { exitCode: 1, stdout, stderr, timedOut: opts.timeout !== undefined, until: Infinity };
  }
  return { exitCode: 1, stdout, stderr, timedOut: true, until: Infinity };
}
