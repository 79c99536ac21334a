/**
 * The scenario's `checks`: goals a course author sets for the learner ("make web
 * Ready again"). Each names one subject (a pod, a Service or an event) and what must
 * hold of it; every object named must exist in the file (or be applied by its
 * timeline) and every word must be one the runner can print, so a check that could
 * never pass is a validation problem, not a silent no-op.
 */
import type { CheckSpec, SourceLocation } from './model';
import type { PathSegment } from './yaml-documents';
import { duplicate, forbidden, invalid, notSupported, required } from './manifests/field-errors';
import { isDNS1123Label } from './manifests/name-validation';
import { closestStatusWord, isPodStatusWord, POD_PHASES } from './pod-status-word';
import { FieldPath, FieldReader } from './scenario-fields';
import type { WorkloadIndex } from './workload-index';

export const CHECK_FIELDS = ['name', 'title', 'after', 'pod', 'ready', 'status', 'phase', 'restarts', 'service', 'readyEndpoints', 'event'];
export const CHECK_EVENT_FIELDS = ['reason', 'object'];

const SUBJECTS = ['pod', 'service', 'event'] as const;
const POD_FIELDS = ['ready', 'status', 'phase', 'restarts'] as const;
/** kinds of the objects podsim records events about, as the runner prints them; `deploy` is any pod of a Deployment */
const EVENT_OBJECT_KINDS = ['pod', 'deploy', 'deployment', 'replicaset', 'service', 'node'];

export interface CheckContext {
  /** the file's objects, with those the timeline applies */
  index: WorkloadIndex;
  nodes: readonly string[];
  locate: (segments: readonly PathSegment[]) => SourceLocation;
}

function list(names: Iterable<string>): string {
  const all = [...names];
  return all.length ? all.join(', ') : 'none';
}

/** why `ref` (a `pod:` value) names no pod, or undefined when it names one */
function podReferenceProblem(ref: string, index: WorkloadIndex): string | undefined {
  if (ref.startsWith('deploy/')) {
    const name = ref.slice('deploy/'.length);
    if (index.deployments.has(name)) return undefined;
    return `no Deployment named ${JSON.stringify(name)} (the file has ${index.describeWorkloads()})`;
  }
  if (ref.includes('/')) return `a pod name, or deploy/NAME for any pod of a Deployment, not ${JSON.stringify(ref)}`;
  if (index.pods.has(ref)) return undefined;
  if (index.deployments.has(ref)) {
    return `no pod named ${JSON.stringify(ref)}: the pods of Deployment ${JSON.stringify(ref)} get generated names; write deploy/${ref} for any pod of it`;
  }
  return `no pod named ${JSON.stringify(ref)} (the file has ${index.describeWorkloads()})`;
}

/** a pod or ReplicaSet name a Deployment (or ReplicaSet) of the file generates: `<owner>-...` */
function generatedBy(name: string, owners: Iterable<string>): boolean {
  for (const o of owners) if (name.startsWith(`${o}-`) && name.length > o.length + 1) return true;
  return false;
}

function eventObjectProblem(object: string, ctx: CheckContext): string | undefined {
  const slash = object.indexOf('/');
  const kind = slash > 0 ? object.slice(0, slash) : '';
  const name = slash > 0 ? object.slice(slash + 1) : '';
  if (!EVENT_OBJECT_KINDS.includes(kind) || !name || name.includes('/')) {
    return `an event's object is KIND/NAME as the runner prints it (pod/web, deployment/web, replicaset/web-5d8f9c7b6d, node/node-1), or deploy/NAME for any pod of a Deployment; not ${JSON.stringify(object)}`;
  }
  const { index } = ctx;
  switch (kind) {
    case 'pod':
      if (index.pods.has(name) || generatedBy(name, [...index.replicaSets.keys(), ...index.deployments.keys()])) return undefined;
      if (index.deployments.has(name)) return `no pod named ${JSON.stringify(name)}: write deploy/${name} for any pod of Deployment ${JSON.stringify(name)}`;
      return `no pod named ${JSON.stringify(name)} (the file has ${index.describeWorkloads()})`;
    case 'deploy':
    case 'deployment':
      return index.deployments.has(name) ? undefined : `no Deployment named ${JSON.stringify(name)} (the file has deployments: ${list(index.deployments.keys())})`;
    case 'replicaset':
      if (index.replicaSets.has(name) || generatedBy(name, index.deployments.keys())) return undefined;
      return `no ReplicaSet named ${JSON.stringify(name)}, and no Deployment of the file would create it (the file has ${index.describeWorkloads()})`;
    case 'service':
      return index.services.has(name) ? undefined : `no Service named ${JSON.stringify(name)} (the file has services: ${list(index.services)})`;
    default:
      return ctx.nodes.includes(name) ? undefined : `no node named ${JSON.stringify(name)} (the cluster has nodes: ${list(ctx.nodes)})`;
  }
}

function readEvent(r: FieldReader, v: unknown, p: FieldPath, ctx: CheckContext): CheckSpec['expect'] | undefined {
  const m = r.mapping(v, p, CHECK_EVENT_FIELDS);
  if (!m) return undefined;
  const before = r.problems.length;
  const reason = r.string(r.required(m, 'reason', p), p.child('reason'));
  if (reason !== undefined && !/^[A-Z][A-Za-z0-9]*$/.test(reason)) {
    r.problem(p.child('reason'), `an event reason is one CamelCase word as kubectl get events shows it (Killing, Unhealthy, BackOff, Started...), not ${JSON.stringify(reason)}`);
  }
  const object = r.string(m.object, p.child('object'));
  if (object !== undefined) {
    const why = eventObjectProblem(object, ctx);
    if (why) r.problem(p.child('object'), why);
  }
  if (reason === undefined || r.problems.length !== before) return undefined;
  return { kind: 'event', reason, ...(object !== undefined ? { object } : {}) };
}

function readPod(r: FieldReader, m: Record<string, unknown>, ip: FieldPath, ctx: CheckContext): CheckSpec['expect'] | undefined {
  const before = r.problems.length;
  const pod = r.string(m.pod, ip.child('pod'));
  if (pod !== undefined) {
    const why = podReferenceProblem(pod, ctx.index);
    if (why) r.problem(ip.child('pod'), why);
  }
  const ready = r.bool(m.ready, ip.child('ready'));
  const status = r.string(m.status, ip.child('status'));
  if (status !== undefined && !isPodStatusWord(status)) {
    const meant = closestStatusWord(status);
    r.problem(
      ip.child('status'),
      `${JSON.stringify(status)} is not a STATUS kubectl get pods shows${meant ? ` (did you mean ${JSON.stringify(meant)}?)` : ''}; it shows the phase (Pending, Running, Succeeded, Failed), a container's reason (ContainerCreating, CrashLoopBackOff, ImagePullBackOff, Error, Completed, OOMKilled...), Terminating, NotReady or Init:N/M`,
    );
  }
  const phase = r.string(m.phase, ip.child('phase'));
  if (phase !== undefined && !POD_PHASES.includes(phase)) r.problems.push(notSupported(ip.child('phase'), phase, POD_PHASES));
  let restarts: number | undefined;
  if (m.restarts !== undefined) {
    restarts = r.integer(m.restarts, ip.child('restarts'), 0, 1_000_000);
    // "at least 0 restarts" always holds: an author writing 0 means something else
    if (restarts === 0) r.problems.push(invalid(ip.child('restarts'), 0, 'the check passes at this many restarts or more, so 0 always holds; use 1 or more'));
  }
  if (pod === undefined || r.problems.length !== before) return undefined;
  return {
    kind: 'pod',
    pod,
    ...(ready !== undefined ? { ready } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(phase !== undefined ? { phase } : {}),
    ...(restarts !== undefined ? { restarts } : {}),
  };
}

function readService(r: FieldReader, m: Record<string, unknown>, ip: FieldPath, ctx: CheckContext): CheckSpec['expect'] | undefined {
  const service = r.string(m.service, ip.child('service'));
  if (service !== undefined && !ctx.index.services.has(service)) {
    r.problem(ip.child('service'), `no Service named ${JSON.stringify(service)} (the file has services: ${list(ctx.index.services)})`);
    return undefined;
  }
  if (m.readyEndpoints === undefined || m.readyEndpoints === null) {
    r.problems.push(required(ip.child('readyEndpoints'), 'how many ready endpoints the Service must have'));
    return undefined;
  }
  const readyEndpoints = r.integer(m.readyEndpoints, ip.child('readyEndpoints'), 0, 10_000);
  if (service === undefined || readyEndpoints === undefined) return undefined;
  return { kind: 'service', service, readyEndpoints };
}

function readCheck(r: FieldReader, item: unknown, ip: FieldPath, ctx: CheckContext, seen: Set<string>): CheckSpec | undefined {
  const m = r.mapping(item, ip, CHECK_FIELDS);
  if (!m) return undefined;
  const before = r.problems.length;
  const name = r.string(r.required(m, 'name', ip), ip.child('name'));
  if (name !== undefined) {
    for (const msg of isDNS1123Label(name)) r.problems.push(invalid(ip.child('name'), name, msg));
    if (seen.has(name)) r.problems.push(duplicate(ip.child('name'), name));
    seen.add(name);
  }
  const title = m.title === undefined ? undefined : r.localizedText(m.title, ip.child('title'));
  const after = m.after === undefined ? 0 : r.duration(m.after, ip.child('after'));

  const subjects = SUBJECTS.filter((s) => m[s] !== undefined);
  if (subjects.length === 0) {
    r.problems.push(required(ip, 'a check needs one of "pod", "service" or "event": what it looks at'));
  }
  for (const extra of subjects.slice(1)) {
    r.problems.push(forbidden(ip.child(extra), `a check looks at one thing, and this one already has "${subjects[0]}"; write another check`));
  }
  const subject = subjects[0];
  for (const f of POD_FIELDS) if (m[f] !== undefined && subject !== 'pod') r.problems.push(forbidden(ip.child(f), 'only with "pod"'));
  if (m.readyEndpoints !== undefined && subject !== 'service') r.problems.push(forbidden(ip.child('readyEndpoints'), 'only with "service"'));

  let expect: CheckSpec['expect'] | undefined;
  if (subject === 'pod') expect = readPod(r, m, ip, ctx);
  else if (subject === 'service') expect = readService(r, m, ip, ctx);
  else if (subject === 'event') expect = readEvent(r, m.event, ip.child('event'), ctx);

  if (name === undefined || after === undefined || !expect || r.problems.length !== before) return undefined;
  return { name, ...(title !== undefined ? { title } : {}), after, expect, loc: ctx.locate(ip.segments) };
}

/** `spec.checks`, in file order. */
export function readChecks(r: FieldReader, v: unknown, p: FieldPath, ctx: CheckContext): CheckSpec[] {
  const seen = new Set<string>();
  const out: CheckSpec[] = [];
  (r.list(v, p) ?? []).forEach((item, i) => {
    const check = readCheck(r, item, p.index(i), ctx, seen);
    if (check) out.push(check);
  });
  return out;
}
