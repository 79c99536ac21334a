/**
 * The scenario's `apps` entries: what the program inside a container does
 * (contract: shared/spec/scenario-format.md). Each key names
 * "<pod|deployment|replicaset>/<container>" (init containers included) or a
 * container image used in the file.
 */
import type { AppSpec, SourceLocation, Step } from './model';
import type { PathSegment } from './yaml-documents';
import { imageKeyMatches } from './manifests/image-reference';
import { scaledValue } from './quantity';
import { FieldPath, FieldReader } from './scenario-fields';
import { describeContainers, type WorkloadIndex } from './workload-index';

export const APP_FIELDS = ['startup', 'http', 'tcp', 'files', 'exit', 'latency', 'preStop', 'shutdown', 'logs', 'cpu', 'memory'];

/** SIGTERM honoured at once: 128 + 15 */
export const DEFAULT_SHUTDOWN = { after: 0, code: 143 } as const;
/** usage metrics-server reports for an app that says nothing (an idle process) */
export const DEFAULT_CPU_MILLI = 1;
export const DEFAULT_MEMORY_BYTES = 8 * 1024 * 1024;

function readHttp(r: FieldReader, v: unknown, p: FieldPath): Record<string, Step<number>[]> {
  const out: Record<string, Step<number>[]> = {};
  const m = r.mapping(v, p);
  for (const [path, spec] of Object.entries(m ?? {})) {
    const pp = p.key(path);
    if (path !== '*' && !path.startsWith('/')) {
      r.problem(pp, `an HTTP path starts with "/" (or is "*" for every other path), not ${JSON.stringify(path)}`);
      continue;
    }
    if (!Array.isArray(spec)) {
      const status = r.integer(spec, pp, 100, 599);
      if (status !== undefined) out[path] = [{ after: 0, value: status }];
      continue;
    }
    const steps: Step<number>[] = [];
    spec.forEach((item, i) => {
      const ip = pp.index(i);
      const s = r.mapping(item, ip, ['after', 'status']);
      if (!s) return;
      const after = s.after === undefined ? 0 : r.duration(s.after, ip.child('after'));
      const status = r.integer(r.required(s, 'status', ip), ip.child('status'), 100, 599);
      if (after === undefined || status === undefined) return;
      if (steps.length > 0 && after <= steps[steps.length - 1].after) {
        r.problem(ip.child('after'), 'steps must be in increasing order of "after"');
        return;
      }
      steps.push({ after, value: status });
    });
    if (steps.length === 0) {
      if (spec.length === 0) r.problem(pp, 'needs at least one {after, status} step');
      continue;
    }
    // before the first step the path answers as by default
    if (steps[0].after > 0) steps.unshift({ after: 0, value: 200 });
    out[path] = steps;
  }
  if (!('*' in out)) out['*'] = [{ after: 0, value: 200 }];
  return out;
}

function readExit(r: FieldReader, v: unknown, p: FieldPath, defaultCode: number): { after: number; code: number } | undefined {
  const m = r.mapping(v, p, ['after', 'code']);
  if (!m) return undefined;
  const after = m.after === undefined ? 0 : r.duration(m.after, p.child('after'));
  const code = m.code === undefined ? defaultCode : r.integer(m.code, p.child('code'), 0, 255);
  return after === undefined || code === undefined ? undefined : { after, code };
}

function readApp(r: FieldReader, key: string, v: unknown, p: FieldPath): AppSpec | undefined {
  const m = r.mapping(v, p, APP_FIELDS);
  if (!m) return undefined;
  const before = r.problems.length;
  const app: AppSpec = {
    key,
    startup: 0,
    http: { '*': [{ after: 0, value: 200 }] },
    files: [],
    latency: 0,
    preStop: 0,
    shutdown: { ...DEFAULT_SHUTDOWN },
    cpuMilli: DEFAULT_CPU_MILLI,
    memoryBytes: DEFAULT_MEMORY_BYTES,
  };
  for (const f of ['startup', 'latency', 'preStop'] as const) {
    if (m[f] !== undefined) app[f] = r.duration(m[f], p.child(f)) ?? 0;
  }
  if (m.http !== undefined) app.http = readHttp(r, m.http, p.child('http'));
  if (m.tcp !== undefined) {
    const list = r.list(m.tcp, p.child('tcp')) ?? [];
    app.tcp = list.map((port, i) => r.integer(port, p.child('tcp').index(i), 1, 65535)).filter((n): n is number => n !== undefined);
  }
  if (m.files !== undefined) {
    const list = r.list(m.files, p.child('files')) ?? [];
    app.files = list
      .map((f, i) => {
        const fp = p.child('files').index(i);
        const s = r.string(f, fp);
        if (s !== undefined && !s.startsWith('/')) return r.problem(fp, `a file is an absolute path, not ${JSON.stringify(s)}`);
        return s;
      })
      .filter((s): s is string => s !== undefined);
  }
  if (m.exit !== undefined) app.exit = readExit(r, m.exit, p.child('exit'), 0);
  if (m.shutdown !== undefined) {
    if (m.shutdown === 'ignore') app.shutdown = 'ignore';
    else if (typeof m.shutdown === 'string') r.problem(p.child('shutdown'), `must be "ignore" or {after, code}, not ${JSON.stringify(m.shutdown)}`);
    else app.shutdown = readExit(r, m.shutdown, p.child('shutdown'), DEFAULT_SHUTDOWN.code) ?? { ...DEFAULT_SHUTDOWN };
  }
  if (m.logs !== undefined) app.logs = readLogs(r, m.logs, p.child('logs'));
  if (m.cpu !== undefined) {
    const q = r.quantity(m.cpu, p.child('cpu'));
    if (q) app.cpuMilli = scaledValue(q, -3);
  }
  if (m.memory !== undefined) {
    const q = r.quantity(m.memory, p.child('memory'));
    if (q) app.memoryBytes = scaledValue(q, 0);
  }
  return r.problems.length === before ? app : undefined;
}

/** `{every, lines}`, or a plain list of lines printed once at each start (every: 0). */
function readLogs(r: FieldReader, v: unknown, p: FieldPath): AppSpec['logs'] {
  const asLines = (list: unknown[], lp: FieldPath) =>
    list.map((l, i) => (typeof l === 'number' || typeof l === 'boolean' ? String(l) : r.string(l, lp.index(i)))).filter((s): s is string => s !== undefined);
  if (Array.isArray(v)) return { every: 0, lines: asLines(v, p) };
  const m = r.mapping(v, p, ['every', 'lines']);
  if (!m) return undefined;
  const every = m.every === undefined ? 0 : r.duration(m.every, p.child('every'));
  const lines = asLines(r.list(r.required(m, 'lines', p), p.child('lines')) ?? [], p.child('lines'));
  return every === undefined ? undefined : { every, lines };
}

/** Checks that an apps key names a workload's container or an image of the file. */
export function checkAppKey(key: string, index: WorkloadIndex): string | undefined {
  const slash = key.indexOf('/');
  if (slash > 0) {
    const workload = key.slice(0, slash);
    const container = key.slice(slash + 1);
    const found = index.workloadsNamed(workload);
    if (found.some((w) => w.containers.includes(container) || w.initContainers.includes(container))) return undefined;
    if ([...index.images].some((image) => imageKeyMatches(key, image))) return undefined;
    if (found.length > 0) {
      const w = found[0];
      return `${w.kind} ${JSON.stringify(workload)} has no container ${JSON.stringify(container)}; its containers: ${describeContainers(w)}`;
    }
    return `no pod, deployment or replicaset named ${JSON.stringify(workload)} (the file has ${index.describeWorkloads()}), and no container uses the image ${JSON.stringify(key)}`;
  }
  if ([...index.images].some((image) => imageKeyMatches(key, image))) return undefined;
  return `an apps key is "<pod, deployment or replicaset name>/<container name>" or a container image of the file; no container uses the image ${JSON.stringify(key)} (the file has ${index.describeWorkloads()})`;
}

export function readApps(
  r: FieldReader,
  v: unknown,
  p: FieldPath,
  index: WorkloadIndex,
  locate: (segments: readonly PathSegment[]) => SourceLocation,
): AppSpec[] {
  const m = r.mapping(v, p);
  const apps: AppSpec[] = [];
  for (const [key, spec] of Object.entries(m ?? {})) {
    const kp = p.key(key);
    const keyProblem = checkAppKey(key, index);
    if (keyProblem) r.problem(kp, keyProblem);
    const app = readApp(r, key, spec, kp);
    if (app) apps.push({ ...app, loc: locate(kp.segments) });
  }
  return apps;
}
