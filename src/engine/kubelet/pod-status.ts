/**
 * The pod status the kubelet writes to the API (generateAPIPodStatus): container
 * statuses from the container statecharts and probe workers, then phase and
 * conditions from the pure functions of §1.2 and §1.4.
 */
import type { ContainerState, ContainerStatus, PodStatus } from '../model/objects';
import { stateString, type ContainerRuntime, type PodRuntime } from './pod-runtime';
import { containerReadiness, type ProbeResult } from './container-readiness';
import { getPhase } from './get-phase';
import { generatePodConditions } from './pod-conditions';
import type { ProbeRuntime } from './pod-runtime';

export function cachedResult(p: ProbeRuntime | undefined): ProbeResult {
  if (!p) return 'Unknown';
  const v = stateString(p.actor.getSnapshot().value);
  if (v.endsWith('Success')) return 'Success';
  if (v.endsWith('Failure')) return 'Failure';
  // A stopped liveness/startup worker of a terminating pod reports Success (worker.go).
  if (v === 'Stopped' && p.type !== 'readiness') return 'Success';
  if (v === 'Idle' || v === 'Stopped') return p.type === 'readiness' ? 'Failure' : 'Unknown';
  return 'Unknown';
}

export function fullImageRef(image: string): string {
  let ref = image;
  const first = ref.split('/')[0];
  const hasRegistry = ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) ref = `docker.io/${ref.includes('/') ? ref : `library/${ref}`}`;
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  if (!last.includes(':') && !ref.includes('@')) ref += ':latest';
  return ref;
}

export function containerStatus(pod: PodRuntime, c: ContainerRuntime): ContainerStatus {
  const snap = c.actor.getSnapshot();
  const ctx = snap.context;
  const value = stateString(snap.value);
  let state: ContainerState;
  if (value === 'Running') state = { running: { startedAt: ctx.startedAt ?? 0 } };
  else if (value === 'Terminated' && ctx.terminated)
    state = {
      terminated: {
        exitCode: ctx.terminated.exitCode,
        reason: ctx.terminated.reason,
        ...(ctx.terminated.message ? { message: ctx.terminated.message } : {}),
        startedAt: ctx.terminated.startedAt,
        finishedAt: ctx.terminated.finishedAt,
        containerID: `containerd://${ctx.terminated.containerID}`,
      },
    };
  else {
    const reason = value.split('.')[1] ?? 'ContainerCreating';
    state = { waiting: { reason, ...(ctx.message ? { message: ctx.message } : {}) } };
  }
  const running = value === 'Running';
  const { started, ready } = containerReadiness({
    running,
    hasStartupProbe: !!c.probes.startup,
    startupResult: cachedResult(c.probes.startup),
    hasReadinessProbe: !!c.probes.readiness,
    readinessResult: cachedResult(c.probes.readiness),
    isRegularInit: c.kind === 'init',
    terminatedExitCode: ctx.terminated?.exitCode,
  });
  const last = ctx.lastTerminated;
  const everStarted = ctx.instances > 0;
  return {
    name: c.name,
    image: c.spec.image ?? '',
    imageID: everStarted ? imageId(c.spec.image ?? '') : '',
    ...(ctx.containerID ? { containerID: `containerd://${ctx.containerID}` } : {}),
    state,
    lastState: last
      ? {
          terminated: {
            exitCode: last.exitCode,
            reason: last.reason,
            ...(last.message ? { message: last.message } : {}),
            startedAt: last.startedAt,
            finishedAt: last.finishedAt,
            containerID: `containerd://${last.containerID}`,
          },
        }
      : {},
    ready,
    started,
    restartCount: ctx.restartCount,
  };
}

const imageIds = new Map<string, string>();

/** the runtime's imageID of an image: repository@sha256:digest (cached: statuses are rebuilt often) */
function imageId(image: string): string {
  let id = imageIds.get(image);
  if (id === undefined) imageIds.set(image, (id = `${fullImageRef(image).replace(/:[^:/]*$/, '')}@sha256:${imageDigest(image)}`));
  return id;
}

const digests = new Map<string, string>();

/** a stable fake digest per image name (cached: statuses are rebuilt often) */
function imageDigest(image: string): string {
  let d = digests.get(image);
  if (d === undefined) digests.set(image, (d = computeDigest(image)));
  return d;
}

function computeDigest(image: string): string {
  let h1 = 0x811c9dc5;
  let out = '';
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < image.length; i++) h1 = Math.imul(h1 ^ image.charCodeAt(i), 0x01000193) >>> 0;
    h1 = Math.imul(h1 ^ round, 0x01000193) >>> 0;
    out += h1.toString(16).padStart(8, '0');
  }
  return out;
}

/**
 * What a pod's status is generated from: the API object's status as last written, its
 * binding, the pod worker's state, each container's snapshot (immutable, so compared by
 * identity) and the cached result of its startup and readiness probes (their states: a
 * probe's run length is not part of the status).
 */
function statusInputs(pod: PodRuntime): unknown[] {
  const inputs: unknown[] = [pod.obj.status, pod.obj.spec, pod.obj.spec.nodeName, pod.unschedulable, pod.sandboxReady, stateString(pod.worker.getSnapshot().value), pod.containers.length];
  for (const c of pod.containers) {
    inputs.push(c, c.actor.getSnapshot(), c.probes.startup, c.probes.readiness);
    if (c.probes.startup) inputs.push(stateString(c.probes.startup.actor.getSnapshot().value));
    if (c.probes.readiness) inputs.push(stateString(c.probes.readiness.actor.getSnapshot().value));
  }
  return inputs;
}

function sameInputs(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Regenerate `pod.obj.status` from the kubelet's state. When nothing it is generated
 * from has changed since the last time, the status it would write is the one already
 * there (condition times move only when a condition changes), so it is left alone.
 */
export function refreshPodStatus(pod: PodRuntime, now: number): void {
  const before = statusInputs(pod);
  if (sameInputs(pod.statusFrom, before)) return;
  generatePodStatus(pod, now);
  before[0] = pod.obj.status;
  pod.statusFrom = before;
}

function generatePodStatus(pod: PodRuntime, now: number): void {
  const obj = pod.obj;
  const prev = obj.status;
  const bound = !!obj.spec.nodeName && !pod.unschedulable;
  const init = pod.containers.filter((c) => c.kind !== 'regular').map((c) => containerStatus(pod, c));
  const regular = pod.containers.filter((c) => c.kind === 'regular').map((c) => containerStatus(pod, c));
  const worker = stateString(pod.worker.getSnapshot().value);
  let phase = prev.phase;
  if (prev.phase !== 'Succeeded' && prev.phase !== 'Failed') {
    if (!bound || !pod.sandboxReady) phase = 'Pending';
    else phase = getPhase(obj.spec, init, regular, worker === 'TerminatedPod');
    // A terminal phase is never left (kubelet_pods.go: illegal transition is forced back).
  }
  const anyStarted = pod.containers.some((c) => c.kind === 'regular' && c.actor.getSnapshot().context.instances > 0);
  const conditions = generatePodConditions({
    spec: obj.spec,
    phase,
    initStatuses: init,
    statuses: regular,
    scheduled: bound,
    unschedulableMessage: pod.unschedulable,
    sandboxReady: pod.sandboxReady,
    anyContainerStarted: anyStarted,
    previous: prev.conditions,
    now,
  });
  const status: PodStatus = {
    ...prev,
    phase,
    conditions,
    initContainerStatuses: bound && pod.sandboxReady ? init : [],
    containerStatuses: bound && pod.sandboxReady ? regular : [],
  };
  obj.status = status;
}
