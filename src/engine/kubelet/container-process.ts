/**
 * The main process of a container instance: a shell script run step by step on
 * the virtual clock, or a program described by its `apps` entry / image (exits
 * after a while, writes log lines, answers SIGTERM after a delay or ignores it).
 */
import type { Engine } from '../runtime/engine';
import type { ContainerRuntime, InstanceRuntime, PodRuntime } from './pod-runtime';
import type { ShellState, ShellWait } from '../apps/shell';
import { makeProgramHost, makeShellHost, resumeShell, resumeShipper, signalShell, startShell, startShipper } from './process-runtime';
import { compileCached } from './container-exec';
import type { ShipperState } from '../apps/programs/shipper';

/** the plain-data state of a native program, kept where a shell's state would be */
type ProgramState = ShipperState;

function isProgramState(s: unknown): s is ProgramState {
  return typeof s === 'object' && s !== null && 'program' in s;
}

export interface ProcessEvents {
  /** the process ended by itself */
  exited(pod: PodRuntime, c: ContainerRuntime, code: number, reason: string): void;
  /** the process changed files others may watch (exec probes, tail -f) */
  filesChanged(pod: PodRuntime): void;
}

function log(eng: Engine, inst: InstanceRuntime, stream: 'stdout' | 'stderr', text: string) {
  inst.logs.push({ t: eng.now(), text, stream });
}

/** Start the program of a fresh instance. */
export function startProcess(eng: Engine, pod: PodRuntime, c: ContainerRuntime, inst: InstanceRuntime, ev: ProcessEvents): void {
  const b = c.behaviour;
  const spec = b.spec;
  // memory over the container's limit: the kernel OOM-kills it (exit 137, reason OOMKilled)
  const limit = memoryLimit(c);
  if (limit !== null && spec.memoryBytes > limit) {
    inst.timers.push(eng.schedule(eng.now() + Math.max(1, spec.startup / 2), { kind: 'exit', pod: pod.name, container: c.name, instance: inst.id, code: 137, reason: 'OOMKilled' }));
  }
  if (b.script !== null) {
    const compiled = compileCached(b.script);
    if (!compiled.ok) {
      log(eng, inst, 'stderr', `sh: ${compiled.message}`);
      inst.timers.push(eng.schedule(eng.now(), { kind: 'exit', pod: pod.name, container: c.name, instance: inst.id, code: 2, reason: 'Error' }));
      return;
    }
    inst.shell = startShell(compiled.program);
    stepShell(eng, pod, c, inst, ev);
    return;
  }
  if (b.program?.kind === 'shipper' && !spec.exit) {
    inst.shell = startShipper(b.program);
    stepShell(eng, pod, c, inst, ev);
    return;
  }
  if (spec.exit) {
    inst.timers.push(
      eng.schedule(inst.startedAt + spec.exit.after, { kind: 'exit', pod: pod.name, container: c.name, instance: inst.id, code: spec.exit.code, reason: spec.exit.code === 0 ? 'Completed' : 'Error' }),
    );
  }
}

export function memoryLimit(c: ContainerRuntime): number | null {
  const lim = c.spec.resources?.limits?.memory;
  if (lim === undefined) return null;
  return parseMemory(String(lim));
}

const SUFFIX: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, m: 1e-3, '': 1 };
export function parseMemory(q: string): number {
  const m = /^([0-9.]+(?:e[0-9]+)?)(Ki|Mi|Gi|Ti|k|K|M|G|T|m)?$/.exec(q.trim());
  if (!m) return Number(q) || 0;
  return Number(m[1]) * SUFFIX[m[2] ?? ''];
}

function handleWait(eng: Engine, pod: PodRuntime, c: ContainerRuntime, inst: InstanceRuntime, w: ShellWait, ev: ProcessEvents): void {
  inst.waitsOnFile = undefined;
  if (w.kind === 'exit') {
    ev.exited(pod, c, w.code, w.code === 0 ? 'Completed' : 'Error');
  } else if (w.kind === 'sleep') {
    inst.timers.push(eng.schedule(eng.now() + w.seconds, { kind: 'shell', pod: pod.name, container: c.name, instance: inst.id }));
  } else if (w.kind === 'file') {
    inst.waitsOnFile = w.path;
  }
}

/** Let the shell run until it waits again. */
export function stepShell(eng: Engine, pod: PodRuntime, c: ContainerRuntime, inst: InstanceRuntime, ev: ProcessEvents): void {
  if (!inst.shell) return;
  const before = inst.fs.version();
  const out = { stdout: (l: string) => log(eng, inst, 'stdout', l), stderr: (l: string) => log(eng, inst, 'stderr', l) };
  const state = inst.shell;
  const w =
    isProgramState(state) && c.behaviour.program?.kind === 'shipper'
      ? resumeShipper(state, c.behaviour.program, makeProgramHost(eng, pod, c, inst, out))
      : resumeShell(state as ShellState, makeShellHost(eng, pod, c, inst, out));
  if (inst.fs.version() !== before) ev.filesChanged(pod);
  handleWait(eng, pod, c, inst, w, ev);
}

/**
 * SIGTERM. Returns true when the program handles it (it will exit by itself, or
 * already did), false when only SIGKILL will end it.
 */
export function sigterm(eng: Engine, pod: PodRuntime, c: ContainerRuntime, inst: InstanceRuntime, ev: ProcessEvents): boolean {
  if (inst.shell && !isProgramState(inst.shell)) {
    const host = makeShellHost(eng, pod, c, inst, { stdout: (l) => log(eng, inst, 'stdout', l), stderr: (l) => log(eng, inst, 'stderr', l) });
    const r = signalShell(inst.shell as ShellState, host, 'TERM');
    // A shell as PID 1 without a trap ignores SIGTERM: only SIGKILL ends it.
    if (r === 'default') return false;
    for (const id of inst.timers) eng.clock.cancel(id);
    inst.timers = [];
    handleWait(eng, pod, c, inst, r, ev);
    return true;
  }
  const sd = c.behaviour.spec.shutdown;
  if (sd === 'ignore') return false;
  // a native program stops following its files and exits after its shutdown time
  if (isProgramState(inst.shell)) inst.waitsOnFile = undefined;
  inst.timers.push(eng.schedule(eng.now() + sd.after, { kind: 'exit', pod: pod.name, container: c.name, instance: inst.id, code: sd.code, reason: sd.code === 0 ? 'Completed' : 'Error' }));
  return true;
}
