/**
 * The engine's public face: what the CLI, the UI and the embed use.
 * Implemented by `Simulation` in simulation.ts.
 */
import type { Scenario, Seconds } from '../scenario/model';
import type { ClusterView } from './model/objects';
import type { Observation } from './observations';
import type { Flow } from './flows/flow';
import type { CheckResult } from './checks/check-tracker';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  /** 0 ok, 1 error (as kubectl exits) */
  exitCode: number;
}

/** The probe worker as the UI shows it. */
export interface ProbeView {
  type: 'readiness' | 'liveness' | 'startup';
  /** the worker's statechart state, e.g. "Success", "Failure", "Unknown", "OnHold", "Idle" */
  state: string;
  /** cached result the kubelet acts on */
  result: 'Success' | 'Failure' | 'Unknown';
  /** consecutive identical results and what they were */
  run: number;
  lastResult: 'Success' | 'Failure' | null;
  failureThreshold: number;
  successThreshold: number;
  periodSeconds: number;
  initialDelaySeconds: number;
  timeoutSeconds: number;
  /** forced by `sim probe` */
  forced: 'fail' | 'pass' | null;
  /** time of the last probe execution and of the next planned one */
  lastProbeAt: Seconds | null;
  nextProbeAt: Seconds | null;
  /** description as kubectl describe prints it, e.g. "http-get http://:8080/ready delay=0s timeout=1s period=5s #success=1 #failure=3" */
  description: string;
}

export interface ContainerView {
  pod: string;
  name: string;
  init: boolean;
  sidecar: boolean;
  /** what podsim runs as this container's program, e.g. "shell script", "nginx web server on port 80",
   * "unknown image: a plain long-running server on its declared ports" */
  program: string;
  /** active state of the container statechart, e.g. "Waiting.CrashLoopBackOff" */
  machineState: string;
  probes: ProbeView[];
  /** when the container sits in back-off: when it will be restarted */
  backOffUntil: Seconds | null;
  /** when the container is being stopped: when SIGKILL comes */
  killAt: Seconds | null;
}

export interface ServiceTraffic {
  service: string;
  ok: number;
  failed: number;
  /** requests per second at this moment, and where they go */
  rps: number;
  routes: { pod: string; share: number; ok: boolean }[];
}

/** One frame for the renderer: the cluster plus what only the kubelet knows. */
export interface SimSnapshot {
  view: ClusterView;
  containers: ContainerView[];
  traffic: ServiceTraffic[];
  /** active state of each pod worker statechart, by pod name */
  podWorkers: Record<string, string>;
  /** data flows of the last minute (at most 200), oldest first: log lines written, read, shipped; requests; proxied requests; adapter transforms */
  flows?: Flow[];
}

export interface SimulationApi {
  readonly scenario: Scenario;
  now(): Seconds;
  /** run the simulation forward to time t (inclusive) */
  advanceTo(t: Seconds): void;
  /** run one command of the command language at the current time */
  run(command: string, stdin?: string): CommandOutput;
  /** everything observed so far, in time order (the runner's lines) */
  observations(): readonly Observation[];
  /** subscribe to observations as they happen; returns unsubscribe */
  onObservation(cb: (o: Observation) => void): () => void;
  view(): ClusterView;
  snapshot(): SimSnapshot;
  /** the scenario's checks (spec.checks) in file order, with when each passed so far (null: not yet) */
  checkResults(): CheckResult[];
  /** the time of the next scheduled change after now, or null when nothing is scheduled */
  nextChangeAt(): Seconds | null;
}
