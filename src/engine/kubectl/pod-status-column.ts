/**
 * The READY, STATUS and RESTARTS columns of `kubectl get pods`: a port of printPod in
 * k8s.io/kubernetes/pkg/printers/internalversion/printers.go (v1.33). The engine also uses
 * these for the runner's `status` field, so every branch follows the Go code line by line.
 */
import type { ContainerStatus, PodObject, Seconds } from '../model/objects';
import { humanDuration } from '../format/human-duration';

/** node.NodeUnreachablePodReason (k8s.io/kubernetes/pkg/util/node) */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';
/** v1.PodReasonSchedulingGated */
const POD_REASON_SCHEDULING_GATED = 'SchedulingGated';

interface TerminatedState {
  exitCode: number;
  reason?: string;
  /** the API's terminated.signal; podsim objects rarely carry it */
  signal?: number;
  finishedAt: Seconds;
}

function terminatedOf(s: ContainerStatus): TerminatedState | null {
  return 'terminated' in s.state ? (s.state.terminated as TerminatedState) : null;
}

function waitingReasonOf(s: ContainerStatus): string | null {
  return 'waiting' in s.state ? s.state.waiting.reason ?? '' : null;
}

function lastFinishedAt(s: ContainerStatus): Seconds | null {
  return s.lastState.terminated ? s.lastState.terminated.finishedAt : null;
}

/** podutil.IsRestartableInitContainer: an init container with restartPolicy Always (a sidecar) */
export function isSidecar(pod: PodObject, initContainerName: string): boolean {
  const c = (pod.spec.initContainers ?? []).find((x) => x.name === initContainerName);
  return c?.restartPolicy === 'Always';
}

function conditionTrue(pod: PodObject, type: string): boolean {
  return pod.status.conditions.some((c) => c.type === type && c.status === 'True');
}

function isTerminalPhase(phase: string): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

export interface PodSummary {
  readyContainers: number;
  totalContainers: number;
  /** the STATUS column */
  reason: string;
  restarts: number;
  /** latest lastState.terminated.finishedAt among the counted containers, or null */
  lastRestart: Seconds | null;
}

/** printPod's computation of READY, STATUS and RESTARTS, unformatted. */
export function summarizePod(pod: PodObject): PodSummary {
  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let totalContainers = (pod.spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestartDate: Seconds | null = null;
  let lastRestartableInitContainerRestartDate: Seconds | null = null;
  const later = (a: Seconds | null, b: Seconds | null): Seconds | null => (b !== null && (a === null || a < b) ? b : a);

  const podPhase = pod.status.phase;
  let reason: string = podPhase;
  if (pod.status.reason) reason = pod.status.reason;

  // If the Pod carries {type:PodScheduled, reason:SchedulingGated}, set reason to 'SchedulingGated'.
  for (const condition of pod.status.conditions) {
    if (condition.type === 'PodScheduled' && condition.reason === POD_REASON_SCHEDULING_GATED) {
      reason = POD_REASON_SCHEDULING_GATED;
    }
  }

  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') totalContainers++;
  }

  let initializing = false;
  const initStatuses = pod.status.initContainerStatuses ?? [];
  const initCount = (pod.spec.initContainers ?? []).length;
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    const sidecar = isSidecar(pod, container.name);
    restarts += container.restartCount;
    lastRestartDate = later(lastRestartDate, lastFinishedAt(container));
    if (sidecar) {
      restartableInitContainerRestarts += container.restartCount;
      lastRestartableInitContainerRestartDate = later(lastRestartableInitContainerRestartDate, lastFinishedAt(container));
    }
    const terminated = terminatedOf(container);
    const waiting = waitingReasonOf(container);
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization is failed
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = 'Init:' + terminated.reason;
      }
    } else if (waiting !== null && waiting.length > 0 && waiting !== 'PodInitializing') {
      reason = 'Init:' + waiting;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(pod, 'Initialized')) {
    restarts = restartableInitContainerRestarts;
    lastRestartDate = lastRestartableInitContainerRestartDate;
    let hasRunning = false;
    const statuses = pod.status.containerStatuses ?? [];
    // last to first, so that the lowest-index container with a reason wins
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      restarts += container.restartCount;
      lastRestartDate = later(lastRestartDate, lastFinishedAt(container));
      const waiting = waitingReasonOf(container);
      const terminated = terminatedOf(container);
      if (waiting) {
        reason = waiting;
      } else if (terminated && terminated.reason) {
        reason = terminated.reason;
      } else if (terminated && !terminated.reason) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (container.ready && 'running' in container.state) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // change pod status back to "Running" if there is at least one container still reporting as "Running" status
    if (reason === 'Completed' && hasRunning) {
      reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp !== undefined && pod.status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (pod.metadata.deletionTimestamp !== undefined && !isTerminalPhase(podPhase)) {
    reason = 'Terminating';
  }

  return { readyContainers, totalContainers, reason, restarts, lastRestart: lastRestartDate };
}

/** STATUS column, e.g. Running, CrashLoopBackOff, Init:1/2, Init:Error, NotReady, Terminating. */
export function podStatusColumn(pod: PodObject): string {
  return summarizePod(pod).reason;
}

/** READY column, e.g. 1/2 (sidecars count in both numbers; regular init containers never do). */
export function podReadyColumn(pod: PodObject): string {
  const s = summarizePod(pod);
  return `${s.readyContainers}/${s.totalContainers}`;
}

/** RESTARTS as a number: init-container restarts while initializing, else sidecars + regular containers. */
export function podRestarts(pod: PodObject): number {
  return summarizePod(pod).restarts;
}

/** RESTARTS column, e.g. "0", "3 (45s ago)". */
export function podRestartsColumn(pod: PodObject, now: Seconds): string {
  const s = summarizePod(pod);
  if (s.restarts !== 0 && s.lastRestart !== null) return `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)`;
  return String(s.restarts);
}
