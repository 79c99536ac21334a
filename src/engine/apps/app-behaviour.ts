/**
 * What the program inside a container does, resolved once per container from the
 * scenario's `apps` entry, the container's command (a shell script) or its image.
 * Answers are functions of virtual time since the instance started, plus the
 * per-instance overrides that `sim` commands and `kubectl exec` make (they live
 * until the container restarts, like a change to a real process).
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { AppSpec, Step } from '../../scenario/model';
import { wellKnownFor, type ProgramSpec } from './well-known-images';
import { compileShell } from './shell/compile';

export type ProgramKind = 'apps' | 'shell' | 'image' | 'default';

export interface AppBehaviour {
  kind: ProgramKind;
  /** the scenario's apps entry, or the defaults standing in for one */
  spec: AppSpec;
  /** the shell script the container runs, when its command is one and no apps entry overrides it */
  script: string | null;
  /** ports the program listens on; null = any port */
  ports: number[] | null;
  /** a short human description for the UI ("busybox shell", "unknown image: plain server on its ports") */
  description: string;
  /** a program podsim runs natively: a log shipper, a proxy, Elasticsearch... (apps/programs) */
  program?: ProgramSpec;
}

export interface InstanceOverrides {
  http: Record<string, number>;
  tcp: Record<string, boolean>;
  hang: boolean;
  probes: { readiness?: 'fail' | 'pass'; liveness?: 'fail' | 'pass'; startup?: 'fail' | 'pass' };
  cpuMilli?: number;
  memoryBytes?: number;
}

export function newOverrides(): InstanceOverrides {
  return { http: {}, tcp: {}, hang: false, probes: {} };
}

export function defaultAppSpec(key: string): AppSpec {
  return {
    key,
    startup: 0,
    http: {},
    files: [],
    latency: 0,
    preStop: 0,
    shutdown: { after: 0, code: 143 },
    cpuMilli: 1,
    memoryBytes: 4 * 1024 * 1024,
  };
}

export function resolveBehaviour(container: Container, app: AppSpec | undefined, script: string | null): AppBehaviour {
  const declared = (container.ports ?? []).map((p) => p.containerPort);
  if (app) {
    return {
      kind: 'apps',
      spec: app,
      script: null,
      ports: app.tcp ?? (declared.length ? declared : null),
      description: 'described by the scenario',
    };
  }
  const known = wellKnownFor(container);
  if (script !== null && known?.shell) {
    return {
      kind: 'shell',
      spec: { ...defaultAppSpec(container.name), ...(known.spec ?? {}), shutdown: 'ignore' },
      script,
      ports: [],
      description: 'shell script',
    };
  }
  if (script !== null && !known) {
    // An image podsim does not know has its own programs: a script that runs one of them
    // (`python app.py`) stands for that program, a plain long-running server.
    const missing = unknownCommandsOf(script);
    if (missing.length === 0) {
      return { kind: 'shell', spec: { ...defaultAppSpec(container.name), shutdown: 'ignore' }, script, ports: [], description: 'shell script' };
    }
    return {
      kind: 'default',
      spec: defaultAppSpec(container.name),
      script: null,
      ports: declared.length ? declared : null,
      description: `unknown image: its script runs ${missing.map((m) => '`' + m + '`').join(', ')}, which podsim does not simulate; a plain long-running server on its declared ports`,
    };
  }
  if (known) {
    return {
      kind: 'image',
      spec: { ...defaultAppSpec(container.name), ...known.spec },
      script: known.defaultScript ?? null,
      ports: known.ports ?? (declared.length ? declared : null),
      description: known.description,
      ...(known.program ? { program: known.program } : {}),
    };
  }
  return {
    kind: 'default',
    spec: defaultAppSpec(container.name),
    script: null,
    ports: declared.length ? declared : null,
    description: 'unknown image: a plain long-running server on its declared ports',
  };
}

const unknownCache = new Map<string, string[]>();

/** commands a script names that the shell does not simulate (empty when it runs as is) */
export function unknownCommandsOf(script: string): string[] {
  let r = unknownCache.get(script);
  if (!r) {
    const c = compileShell(script);
    r = c.ok ? [] : [...new Set(c.problems.map((p) => /^command `([^`]+)`/.exec(p.message)?.[1]).filter((x): x is string => !!x))];
    unknownCache.set(script, r);
  }
  return r;
}

/** value of a step list at `age`, and the age of the next change (Infinity if none) */
export function stepAt<T>(steps: Step<T>[], age: number): { value: T | undefined; nextAge: number } {
  let value: T | undefined;
  let nextAge = Infinity;
  for (const s of steps) {
    if (s.after <= age) value = s.value;
    else if (s.after < nextAge) nextAge = s.after;
  }
  return { value, nextAge };
}

export type HttpAnswer = { kind: 'status'; status: number } | { kind: 'refused' } | { kind: 'timeout' };

/** Is `port` accepting connections at `t`? `until` is when that may next change on its own. */
export function portOpen(b: AppBehaviour, o: InstanceOverrides, startedAt: number, port: number, t: number): { open: boolean; until: number } {
  if (String(port) in o.tcp) return { open: o.tcp[String(port)], until: Infinity };
  const listens = b.ports === null || b.ports.includes(port);
  if (!listens) return { open: false, until: Infinity };
  const ready = startedAt + b.spec.startup;
  if (t < ready) return { open: false, until: ready };
  return { open: true, until: Infinity };
}

/** The answer to an HTTP request for `path` on `port` at `t`. */
export function httpAnswer(
  b: AppBehaviour,
  o: InstanceOverrides,
  startedAt: number,
  path: string,
  port: number,
  t: number,
): { answer: HttpAnswer; until: number } {
  if (o.hang) return { answer: { kind: 'timeout' }, until: Infinity };
  const p = portOpen(b, o, startedAt, port, t);
  if (!p.open) return { answer: { kind: 'refused' }, until: p.until };
  if (path in o.http) return { answer: { kind: 'status', status: o.http[path] }, until: Infinity };
  const steps = b.spec.http[path] ?? b.spec.http['*'];
  if (!steps) return { answer: { kind: 'status', status: 200 }, until: Infinity };
  const { value, nextAge } = stepAt(steps, t - startedAt);
  return { answer: { kind: 'status', status: value ?? 200 }, until: startedAt + nextAge };
}
