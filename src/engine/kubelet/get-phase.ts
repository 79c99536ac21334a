/**
 * The kubelet's pod phase computation, a line-by-line port of `getPhase`
 * (k/k:pkg/kubelet/kubelet_pods.go). Spec: kubernetes-semantics.md §1.2.
 *
 * The kubelet looks statuses up by name in init+regular statuses together; names
 * are unique across both lists (API validation), so looking in the matching list
 * is equivalent. A container with no entry counts as "unknown" (or pending
 * initialization for a regular init container), exactly as the Go code does.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { ContainerStatus, PodPhase } from '../model/objects';

/** A sidecar: an init container with `restartPolicy: Always` (k/k:pkg/api/v1/pod IsRestartableInitContainer). */
export function isRestartableInitContainer(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

/** The pod's restartPolicy with the API default (`Always`) applied. */
export function podRestartPolicy(spec: PodSpec): 'Always' | 'OnFailure' | 'Never' {
  const p = spec.restartPolicy;
  return p === 'Never' || p === 'OnFailure' ? p : 'Always';
}

export function findStatus(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

export function isRunning(s: ContainerStatus): boolean {
  return 'running' in s.state;
}
export function isTerminated(s: ContainerStatus): boolean {
  return 'terminated' in s.state;
}
export function isWaiting(s: ContainerStatus): boolean {
  return 'waiting' in s.state;
}
export function terminatedExitCode(s: ContainerStatus): number | undefined {
  return 'terminated' in s.state ? s.state.terminated.exitCode : undefined;
}
/** The previous instance's termination (`lastState.terminated`), if any. */
export function lastTermination(s: ContainerStatus): { exitCode: number } | undefined {
  return s.lastState.terminated;
}

/**
 * k/k:pkg/kubelet/container/helpers.go HasAnyRegularContainerStarted: a regular
 * container is (or was) running or terminated, so initialization happened.
 */
export function hasAnyRegularContainerStarted(spec: PodSpec, statuses: readonly ContainerStatus[]): boolean {
  const names = new Set(spec.containers.map((c) => c.name));
  return statuses.some((s) => names.has(s.name) && (isRunning(s) || isTerminated(s)));
}

/**
 * @param podIsTerminal the pod is being torn down (deleted / shut down): its
 *   containers will not be restarted, so an all-stopped pod goes terminal
 *   regardless of restartPolicy.
 * @param podHasInitialized override for "initialization already happened"
 *   (newer kubelets pass this in; older ones derive it from the statuses,
 *   which is the default here).
 */
export function getPhase(
  spec: PodSpec,
  initStatuses: ContainerStatus[],
  statuses: ContainerStatus[],
  podIsTerminal: boolean,
  podHasInitialized: boolean = hasAnyRegularContainerStarted(spec, statuses),
): PodPhase {
  const initContainers = spec.initContainers ?? [];
  const restartPolicy = podRestartPolicy(spec);
  let pendingInitialization = 0;
  let failedInitialization = 0;

  // Regular init containers.
  for (const c of initContainers) {
    if (isRestartableInitContainer(c)) continue;
    const s = findStatus(initStatuses, c.name);
    if (!s) {
      pendingInitialization++;
      continue;
    }
    if (isRunning(s)) {
      pendingInitialization++;
    } else if (isTerminated(s)) {
      if (terminatedExitCode(s) !== 0) failedInitialization++;
    } else {
      // waiting
      const last = lastTermination(s);
      if (last) {
        if (last.exitCode !== 0) failedInitialization++;
      } else {
        pendingInitialization++;
      }
    }
  }

  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;

  // Sidecars (restartable init containers): terminated ones do not count.
  for (const c of initContainers) {
    if (!isRestartableInitContainer(c)) continue;
    const s = findStatus(initStatuses, c.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (isRunning(s)) {
      if (!s.started) pendingInitialization++;
      running++;
    } else if (isWaiting(s) && !lastTermination(s)) {
      pendingInitialization++;
      waiting++;
    }
  }

  // Regular containers.
  for (const c of spec.containers) {
    const s = findStatus(statuses, c.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (isRunning(s)) {
      running++;
    } else if (isTerminated(s)) {
      stopped++;
      if (terminatedExitCode(s) === 0) succeeded++;
    } else if (lastTermination(s)) {
      // waiting after a previous run = restarting, counts as stopped
      stopped++;
    } else {
      waiting++;
    }
  }

  if (failedInitialization > 0 && restartPolicy === 'Never') return 'Failed';

  if ((pendingInitialization > 0 && !podHasInitialized) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    // Static pods are exempt in the kubelet (#116484); podsim has none.
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running'; // OnFailure, restarting the failed one
  }
  return 'Pending';
}
