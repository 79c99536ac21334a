/**
 * Per-container `started` / `ready`, as the prober manager writes them into the
 * status on every pod status generation (k/k:pkg/kubelet/prober/prober_manager.go
 * `UpdatePodStatus`, `isContainerStarted`). Spec: kubernetes-semantics.md §1.4.
 */

export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

export interface ContainerReadinessArgs {
  running: boolean;
  hasStartupProbe: boolean;
  /** cached startup result; `Unknown` until the first startup probe ran */
  startupResult: ProbeResult;
  hasReadinessProbe: boolean;
  /** cached readiness result; the worker starts at `Failure` (worker.go newWorker) */
  readinessResult: ProbeResult;
  /** a regular (non-sidecar) init container */
  isRegularInit: boolean;
  /** exit code when the current instance is terminated */
  terminatedExitCode?: number;
}

export function containerReadiness(args: ContainerReadinessArgs): { started: boolean; ready: boolean } {
  // isContainerStarted: only a running container can be started; with a startup
  // probe it is started once that probe's cached result is Success.
  const started = args.running && (!args.hasStartupProbe || args.startupResult === 'Success');

  if (args.isRegularInit) {
    // Regular init containers are ready only once they exited 0; probes do not apply.
    return { started, ready: !args.running && args.terminatedExitCode === 0 };
  }
  if (!started) return { started, ready: false };
  // No readiness probe: ready as soon as started. With one: only a cached Success.
  const ready = !args.hasReadinessProbe || args.readinessResult === 'Success';
  return { started, ready };
}
