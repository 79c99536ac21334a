/**
 * The one command language (scenario timelines, the kubectl console, the UI's toggles).
 * `parseCommand` (parse-command.ts) turns a line into one of these; the engine executes them.
 * Contract: shared/spec/scenario-format.md, "Commands".
 */

/** POD, POD/CONTAINER, deploy/NAME or deploy/NAME/CONTAINER */
export interface Target {
  /** a pod name, or a Deployment name when `deployment` is true */
  name: string;
  deployment: boolean;
  container?: string;
}

export type ProbeKind = 'readiness' | 'liveness' | 'startup';

export type SimCommand =
  | { kind: 'sim'; verb: 'probe'; target: Target; probe: ProbeKind; mode: 'fail' | 'pass' | 'auto' }
  | { kind: 'sim'; verb: 'http'; target: Target; path: string; status: number }
  | { kind: 'sim'; verb: 'tcp'; target: Target; port: number; open: boolean }
  | { kind: 'sim'; verb: 'hang'; target: Target; on: boolean }
  | { kind: 'sim'; verb: 'crash'; target: Target; code: number }
  | { kind: 'sim'; verb: 'cpu'; target: Target; milli: number }
  | { kind: 'sim'; verb: 'memory'; target: Target; bytes: number };

/** Canonical resource names kubectl get/describe accept (aliases resolved by the parser). */
export type ResourceKind =
  | 'pods'
  | 'services'
  | 'endpoints'
  | 'endpointslices'
  | 'deployments'
  | 'replicasets'
  | 'events'
  | 'nodes'
  | 'configmaps'
  | 'secrets';

export type OutputFormat = 'default' | 'wide' | 'yaml' | 'json' | 'name';

export type KubectlCommand =
  | {
      kind: 'kubectl';
      verb: 'get';
      /** one or more kinds: `get pods,svc` or `get all` expands to pods,services,deployments,replicasets */
      resources: ResourceKind[];
      names: string[];
      output: OutputFormat;
      /** -l key=value[,key2=value2] (equality only) */
      selector?: Record<string, string>;
      /** --field-selector involvedObject.name=web for events (equality only) */
      fieldSelector?: Record<string, string>;
      allNamespaces: boolean;
      showLabels: boolean;
      /** -w / --watch: the console follows; the runner prints the current state */
      watch: boolean;
    }
  | { kind: 'kubectl'; verb: 'describe'; resource: ResourceKind; names: string[]; selector?: Record<string, string> }
  | {
      kind: 'kubectl';
      verb: 'logs';
      /** pod name, or deploy/NAME (kubectl picks one pod) */
      pod: string;
      podIsDeployment: boolean;
      container?: string;
      previous: boolean;
      allContainers: boolean;
      prefix: boolean;
      /** -1 means all */
      tail: number;
      follow: boolean;
      timestamps: boolean;
    }
  | {
      kind: 'kubectl';
      verb: 'top';
      resource: 'pod' | 'node';
      names: string[];
      containers: boolean;
      allNamespaces: boolean;
      sortBy?: 'cpu' | 'memory';
      sum: boolean;
      noHeaders: boolean;
    }
  | {
      kind: 'kubectl';
      verb: 'exec';
      pod: string;
      container?: string;
      /** the words after `--` */
      argv: string[];
      stdin: boolean;
      tty: boolean;
    }
  | { kind: 'kubectl'; verb: 'delete'; resource: ResourceKind; names: string[]; gracePeriod?: number; force: boolean; wait: boolean }
  | { kind: 'kubectl'; verb: 'scale'; resource: 'deployments' | 'replicasets'; name: string; replicas: number }
  | { kind: 'kubectl'; verb: 'apply'; file: '-' }
  | {
      kind: 'kubectl';
      verb: 'set-image';
      /** kubectl set image deploy/NAME CONTAINER=IMAGE: starts a rolling update */
      deployment: string;
      images: Record<string, string>;
    }
  | { kind: 'kubectl'; verb: 'rollout-status'; deployment: string };

export type Command = SimCommand | KubectlCommand;

export type ParseResult =
  | { ok: true; command: Command }
  /** message is what kubectl (or podsim for `sim`) prints; column is 1-based into the command text */
  | { ok: false; message: string; column: number };
