/**
 * The typed scenario model: what `src/scenario` produces from a YAML file and
 * what `src/engine` consumes. Everything here is plain data (JSON-safe), already
 * validated and defaulted, so the engine never re-checks input.
 *
 * Contract: ../../../shared/spec/scenario-format.md
 */
import type { Pod, Service, ConfigMap, Secret } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';

/** Virtual time, in seconds since the manifests were applied. */
export type Seconds = number;

/** Where something came from in the scenario file (1-based line and column). */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A cluster object from the file, in file order. */
export type Manifest =
  | { kind: 'Pod'; object: Pod; loc: SourceLocation }
  | { kind: 'Service'; object: Service; loc: SourceLocation }
  | { kind: 'Deployment'; object: Deployment; loc: SourceLocation }
  | { kind: 'ReplicaSet'; object: ReplicaSet; loc: SourceLocation }
  | { kind: 'ConfigMap'; object: ConfigMap; loc: SourceLocation }
  | { kind: 'Secret'; object: Secret; loc: SourceLocation };

export interface NodeSpec {
  name: string;
  /** millicores */
  cpuMilli: number;
  /** bytes */
  memoryBytes: number;
  /** pods per node, default 110 (kubelet --max-pods) */
  maxPods: number;
}

export interface ImageSpec {
  /** time an image pull takes; default 2 s */
  pull: Seconds;
  /** ErrImagePull -> ImagePullBackOff when true */
  missing: boolean;
  /** reported image size in bytes for the Pulled event */
  sizeBytes?: number;
}

/** A step of a value that changes over a container instance's life. `after` is from each start. */
export interface Step<T> {
  after: Seconds;
  value: T;
}

/** What the program inside a container does (the scenario's `apps` entry). */
export interface AppSpec {
  /** key as written: "<pod|deployment|replicaset name>/<container name>" or an image name */
  key: string;
  /** after each start, ports refuse connections and HTTP fails until then */
  startup: Seconds;
  /** HTTP status per path, as steps from each start; "*" is the default for any other path */
  http: Record<string, Step<number>[]>;
  /** ports open once started; undefined = the container's containerPorts (any port if none listed) */
  tcp?: number[];
  /** files that exist at each start */
  files: string[];
  /** the process exits this long after each start; undefined = runs forever */
  exit?: { after: Seconds; code: number };
  /** response time of HTTP/TCP/exec checks */
  latency: Seconds;
  /** how long the preStop hook runs, if the container has one */
  preStop: Seconds;
  /** what happens on SIGTERM */
  shutdown: { after: Seconds; code: number } | 'ignore';
  logs?: { every: Seconds; lines: string[] };
  /** millicores */
  cpuMilli: number;
  /** bytes */
  memoryBytes: number;
  loc?: SourceLocation;
}

export interface TrafficSpec {
  service: string;
  rps: number;
  from: Seconds;
  to?: Seconds;
  /** path requested, default "/" */
  path: string;
  loc?: SourceLocation;
}

export interface TimelineEntry {
  at: Seconds;
  run: string;
  /** for a `kubectl apply -f -` command: the manifest text following */
  stdin?: string;
  loc?: SourceLocation;
}

export type LocalizedText = string | Record<string, string>;

/**
 * A goal the learner works towards (`spec.checks`): it passes the first moment its
 * condition holds (from `after` on). The UI ticks it off and the embed announces it
 * to the page around it; `podsim run` prints a `check` line.
 */
export interface CheckSpec {
  /** DNS label, unique in the scenario; what events and the runner name it by */
  name: string;
  title?: LocalizedText;
  /** the check only counts from this time on (default 0) */
  after: Seconds;
  /** exactly one subject */
  expect:
    | {
        kind: 'pod';
        /** a pod name, or `deploy/NAME` (any pod of that Deployment) */
        pod: string;
        ready?: boolean;
        /** what kubectl get pods shows in STATUS, e.g. Running, CrashLoopBackOff */
        status?: string;
        phase?: string;
        /** at least this many restarts */
        restarts?: number;
      }
    | {
        kind: 'service';
        service: string;
        /** exactly this many ready endpoints */
        readyEndpoints: number;
      }
    | {
        kind: 'event';
        reason: string;
        /** kind/name as the runner prints it, e.g. pod/web; default any object */
        object?: string;
      };
  loc?: SourceLocation;
}

export interface Scenario {
  file: string;
  name: string;
  title?: LocalizedText;
  description?: LocalizedText;
  seed: number;
  duration: Seconds;
  nodes: NodeSpec[];
  /** keyed by image reference as written (with or without tag) */
  images: Record<string, ImageSpec>;
  apps: AppSpec[];
  traffic: TrafficSpec[];
  timeline: TimelineEntry[];
  /** goals for the learner, in file order (empty when the scenario has none) */
  checks: CheckSpec[];
  /** true unless the scenario turns metrics-server off (spec.metricsServer: false) */
  metricsServer: boolean;
  /** metrics-server --metric-resolution, default 15 s */
  metricResolution: Seconds;
  manifests: Manifest[];
}

export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  /** dotted field path, e.g. spec.containers[0].readinessProbe.periodSeconds */
  path?: string;
  message: string;
}

export type LoadResult =
  | { ok: true; scenario: Scenario }
  | { ok: false; problems: ScenarioProblem[] };

/** `FILE:LINE:COLUMN: message` as printed by `podsim validate`. */
export function formatProblem(p: ScenarioProblem): string {
  const where = p.path ? `${p.path}: ` : '';
  return `${p.file}:${p.line}:${p.column}: ${where}${p.message}`;
}
