/**
 * The kubelet-owned pod conditions (k/k:pkg/kubelet/status/generate.go, appended
 * in this order by k/k:pkg/kubelet/kubelet_pods.go generateAPIPodStatus), with
 * lastTransitionTime carried over as the status manager does
 * (k/k:pkg/kubelet/status/status_manager.go updateLastTransitionTime).
 * Spec: kubernetes-semantics.md §1.4.
 */
import type { PodSpec } from 'kubernetes-types/core/v1';
import type { ConditionStatus, ContainerStatus, PodCondition, PodObject, PodPhase, Seconds } from '../model/objects';
import { findStatus, hasAnyRegularContainerStarted, isRestartableInitContainer } from './get-phase';

// Reason strings: k/k:pkg/kubelet/status/generate.go
export const UNKNOWN_CONTAINER_STATUSES = 'UnknownContainerStatuses';
export const POD_COMPLETED = 'PodCompleted';
export const POD_FAILED = 'PodFailed';
export const CONTAINERS_NOT_READY = 'ContainersNotReady';
export const CONTAINERS_NOT_INITIALIZED = 'ContainersNotInitialized';
export const READINESS_GATES_NOT_READY = 'ReadinessGatesNotReady';
export const UNSCHEDULABLE = 'Unschedulable';

export interface PodConditionsInput {
  spec: PodSpec;
  phase: PodPhase;
  initStatuses: ContainerStatus[];
  statuses: ContainerStatus[];
  /** bound to a node */
  scheduled: boolean;
  /** the scheduler's FailedScheduling message; absent = no scheduling attempt yet */
  unschedulableMessage?: string;
  /** sandbox exists with networking (PodReadyToStartContainers) */
  sandboxReady: boolean;
  /** some regular container has started (OR-ed with what the statuses show) */
  anyContainerStarted: boolean;
  previous: PodCondition[];
  now: Seconds;
  /** status of custom conditions named in spec.readinessGates, by condition type */
  readinessGateConditions?: Record<string, ConditionStatus>;
}

type Generated = Omit<PodCondition, 'lastTransitionTime'>;

/** Go's `%s` of a []string: `[a b]`. */
function goList(names: string[]): string {
  return `[${names.join(' ')}]`;
}

function containersReady(spec: PodSpec, all: ContainerStatus[], phase: PodPhase): Generated {
  if (all.length === 0) return { type: 'ContainersReady', status: 'False', reason: UNKNOWN_CONTAINER_STATUSES };
  const unknown: string[] = [];
  const unready: string[] = [];
  const counted = [...(spec.initContainers ?? []).filter(isRestartableInitContainer), ...spec.containers];
  for (const c of counted) {
    const s = findStatus(all, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed') {
    return { type: 'ContainersReady', status: 'False', reason: phase === 'Failed' ? POD_FAILED : POD_COMPLETED };
  }
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${goList(unready)}`);
  if (messages.length > 0) {
    return { type: 'ContainersReady', status: 'False', reason: CONTAINERS_NOT_READY, message: messages.join(', ') };
  }
  return { type: 'ContainersReady', status: 'True' };
}

function podReady(spec: PodSpec, cr: Generated, gates: Record<string, ConditionStatus>): Generated {
  if (cr.status !== 'True') {
    const out: Generated = { type: 'Ready', status: cr.status };
    if (cr.reason !== undefined) out.reason = cr.reason;
    if (cr.message !== undefined) out.message = cr.message;
    return out;
  }
  const messages: string[] = [];
  for (const g of spec.readinessGates ?? []) {
    const st = gates[g.conditionType];
    if (st === undefined) {
      messages.push(`corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`);
    } else if (st !== 'True') {
      messages.push(`the status of pod readiness gate "${g.conditionType}" is not "True", but ${st}`);
    }
  }
  if (messages.length > 0) {
    return { type: 'Ready', status: 'False', reason: READINESS_GATES_NOT_READY, message: messages.join(', ') };
  }
  return { type: 'Ready', status: 'True' };
}

function initialized(
  spec: PodSpec,
  all: ContainerStatus[],
  phase: PodPhase,
  anyStarted: boolean,
): Generated {
  const inits = spec.initContainers ?? [];
  if (all.length === 0 && inits.length > 0) {
    return { type: 'Initialized', status: 'False', reason: UNKNOWN_CONTAINER_STATUSES };
  }
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = findStatus(all, c.name);
    if (!s) {
      unknown.push(c.name);
      continue;
    }
    // sidecars count once started; regular init containers once ready (= exited 0)
    const done = isRestartableInitContainer(c) ? s.started : s.ready;
    if (!done) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) {
    return { type: 'Initialized', status: 'True', reason: POD_COMPLETED };
  }
  // Once a regular container has started the pod stays initialized, even while
  // sidecars restart.
  if (anyStarted) return { type: 'Initialized', status: 'True' };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (messages.length > 0) {
    return { type: 'Initialized', status: 'False', reason: CONTAINERS_NOT_INITIALIZED, message: messages.join(', ') };
  }
  return { type: 'Initialized', status: 'True' };
}

/** Keep lastTransitionTime when the status did not change (reason/message changes do not count). */
function withTransitionTime(c: Generated, previous: PodCondition[], now: Seconds): PodCondition {
  let old: PodCondition | undefined;
  for (const p of previous) if (p.type === c.type) old = p;
  const lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : now;
  // built field by field (one object shape) rather than spread: this runs for every condition of every status write
  const out: PodCondition = { type: c.type, status: c.status, lastTransitionTime, lastProbeTime: null };
  if (c.reason !== undefined) out.reason = c.reason;
  if (c.message !== undefined) out.message = c.message;
  return out;
}

export function generatePodConditions(input: PodConditionsInput): PodCondition[] {
  const { spec, phase, previous, now } = input;
  if (!input.scheduled) {
    // The scheduler writes PodScheduled=False only after a failed attempt; a pod
    // still waiting in the queue has no conditions at all.
    if (input.unschedulableMessage === undefined) return [];
    return [
      withTransitionTime(
        { type: 'PodScheduled', status: 'False', reason: UNSCHEDULABLE, message: input.unschedulableMessage },
        previous,
        now,
      ),
    ];
  }
  const all = [...input.initStatuses, ...input.statuses];
  const anyStarted = input.anyContainerStarted || hasAnyRegularContainerStarted(spec, input.statuses);
  const cr = containersReady(spec, all, phase);
  const generated: Generated[] = [
    { type: 'PodReadyToStartContainers', status: input.sandboxReady ? 'True' : 'False' },
    initialized(spec, all, phase, anyStarted),
    podReady(spec, cr, input.readinessGateConditions ?? {}),
    cr,
    // the kubelet re-asserts PodScheduled=True (kubelet_pods.go generateAPIPodStatus)
    { type: 'PodScheduled', status: 'True' },
  ];
  return generated.map((c) => withTransitionTime(c, previous, now));
}

export function isPodReady(pod: PodObject): boolean {
  return pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}
