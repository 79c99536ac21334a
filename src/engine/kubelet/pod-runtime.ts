/**
 * What the kubelet keeps about a pod on its node, beside the API object: one
 * statechart per container and per probe worker, the container instances (current
 * and previous, as the runtime keeps them), back-off entries and volumes.
 */
import { Statechart, memoizeTransitions } from './statechart';
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { PodObject } from '../model/objects';
import type { LogLine } from '../model/objects';
import { containerMachine } from './container-machine';
import { probeWorkerMachine, type ProbeType } from './probe-worker-machine';
import { podWorkerMachine } from './pod-worker-machine';
import type { BackOffEntry } from './crash-loop-backoff';
import type { AppBehaviour, InstanceOverrides } from '../apps/app-behaviour';
import type { ContainerFs, VolumeData } from '../apps/container-fs';

// Their contexts are a few small values: transitions are computed once and snapshots shared.
memoizeTransitions(probeWorkerMachine);
memoizeTransitions(podWorkerMachine);

export type ContainerKind = 'init' | 'sidecar' | 'regular';

export interface InstanceRuntime {
  id: string;
  /** 0 for the first instance */
  index: number;
  startedAt: number;
  finishedAt?: number;
  fs: ContainerFs;
  logs: LogLine[];
  overrides: InstanceOverrides;
  /** shell interpreter state (plain data), when the program is a script */
  shell?: unknown;
  /** the shell waits for a change of this file (tail -f) */
  waitsOnFile?: string;
  /** clock ids of pending tasks of this instance */
  timers: number[];
  /** the kubelet is stopping it */
  stopping?: { reason: 'liveness' | 'startup' | 'delete' | 'replace'; restart: boolean; killAt: number; termAt: number };
}

export interface ProbeRuntime {
  type: ProbeType;
  spec: Required<Pick<Probe, 'periodSeconds' | 'timeoutSeconds' | 'successThreshold' | 'failureThreshold' | 'initialDelaySeconds'>> & Probe;
  actor: Statechart<typeof probeWorkerMachine>;
  /** ticks happen at anchor + k·period (pinned at the first container start, re-phased by manual readiness triggers) */
  anchor: number | null;
  timer: number | null;
  nextAt: number | null;
  lastProbeAt: number | null;
  lastResultAt: number | null;
  /** results like the cached one counted without a transition (they only lengthen the run) */
  repeats: number;
}

export interface ContainerRuntime {
  name: string;
  kind: ContainerKind;
  /** index within its list (initContainers or containers) */
  index: number;
  spec: Container;
  actor: Statechart<typeof containerMachine>;
  behaviour: AppBehaviour;
  current?: InstanceRuntime;
  previous?: InstanceRuntime;
  backoff?: BackOffEntry;
  probes: Partial<Record<ProbeType, ProbeRuntime>>;
  /** an image pull finished for the next start */
  pulled: boolean;
  pulling: boolean;
  imagePullBackoff?: BackOffEntry;
  /** the involvedObject of events about this container (immutable, built once) */
  involved?: import('../model/objects').InvolvedObject;
  /** when the container will be restarted after back-off */
  backOffUntil: number | null;
}

export interface PodRuntime {
  name: string;
  obj: PodObject;
  worker: Statechart<typeof podWorkerMachine>;
  containers: ContainerRuntime[];
  volumes: Record<string, VolumeData>;
  sandboxReady: boolean;
  /** a sync is queued */
  syncTimer: number | null;
  dirty: boolean;
  /** last line printed for it, to print only changes */
  lastLine?: string;
  /** what its status was last generated from (pod-status.ts) */
  statusFrom?: readonly unknown[];
  /** what its last line was made from (runner-lines.ts) */
  lineFrom?: readonly unknown[];
  /** per-instance logs kept after the pod is gone? no: removed with the pod */
  deleted: boolean;
  /** when the API object was removed */
  removedAt?: number;
  /** the scheduler could not place it; its FailedScheduling message */
  unschedulable?: string;
}

/** defaulted probes, per probe object: pods of one template share their probe objects, and so these */
const defaulted = new WeakMap<Probe, ProbeRuntime['spec']>();

function sharedDefaultedProbe(p: Probe): ProbeRuntime['spec'] {
  let d = defaulted.get(p);
  if (!d) defaulted.set(p, (d = defaultedProbe(p)));
  return d;
}

export function defaultedProbe(p: Probe): ProbeRuntime['spec'] {
  return {
    ...p,
    periodSeconds: p.periodSeconds ?? 10,
    timeoutSeconds: p.timeoutSeconds ?? 1,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
    initialDelaySeconds: p.initialDelaySeconds ?? 0,
  };
}

function newProbe(type: ProbeType, p: Probe): ProbeRuntime {
  const spec = sharedDefaultedProbe(p);
  const actor = Statechart.start(probeWorkerMachine, { type, successThreshold: spec.successThreshold, failureThreshold: spec.failureThreshold });
  return { type, spec, actor, anchor: null, timer: null, nextAt: null, lastProbeAt: null, lastResultAt: null, repeats: 0 };
}

export function newContainerRuntime(spec: Container, kind: ContainerKind, index: number, behaviour: AppBehaviour, podHasInit: boolean): ContainerRuntime {
  // With init containers, a container without a runtime record waits as PodInitializing
  // (kubelet_pods.go convertToAPIContainerStatuses default reason; hasInitContainers is
  // passed for both the init and the regular list).
  const actor = Statechart.start(containerMachine, { initializing: podHasInit });
  if (podHasInit) actor.send({ type: 'POD_INITIALIZING' });
  const probes: ContainerRuntime['probes'] = {};
  // Regular init containers have no probes (API validation); sidecars and app containers may.
  if (kind !== 'init') {
    if (spec.startupProbe) probes.startup = newProbe('startup', spec.startupProbe);
    if (spec.livenessProbe) probes.liveness = newProbe('liveness', spec.livenessProbe);
    if (spec.readinessProbe) probes.readiness = newProbe('readiness', spec.readinessProbe);
  }
  return { name: spec.name, kind, index, spec, actor, behaviour, probes, pulled: false, pulling: false, backOffUntil: null };
}

export function newPodRuntime(obj: PodObject, dirtyPods: Set<PodRuntime>): PodRuntime {
  return new PodRuntimeRecord(obj, dirtyPods);
}

/** A PodRuntime whose `dirty` also files it in the simulation's set, so the end of an instant visits only changed pods. */
class PodRuntimeRecord implements PodRuntime {
  name: string;
  worker = Statechart.start(podWorkerMachine);
  containers: ContainerRuntime[] = [];
  volumes: Record<string, VolumeData> = {};
  sandboxReady = false;
  syncTimer: number | null = null;
  deleted = false;
  lastLine?: string;
  statusFrom?: readonly unknown[];
  lineFrom?: readonly unknown[];
  removedAt?: number;
  unschedulable?: string;
  /** when the queued sync runs (kubelet.requestSync) */
  syncAt?: number;
  private isDirty = true;

  constructor(
    public obj: PodObject,
    private readonly dirtyPods: Set<PodRuntime>,
  ) {
    this.name = obj.metadata.name;
    dirtyPods.add(this);
  }

  get dirty(): boolean {
    return this.isDirty;
  }

  set dirty(v: boolean) {
    this.isDirty = v;
    if (v) this.dirtyPods.add(this);
    else this.dirtyPods.delete(this);
  }
}

/** the state value of an actor as a dotted string, e.g. "Waiting.CrashLoopBackOff" */
export function stateString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    // state values are parts of immutable snapshots: each is spelled once
    let s = stateStrings.get(value);
    if (s === undefined) {
      const [k, v] = Object.entries(value as Record<string, unknown>)[0] ?? [];
      s = k === undefined ? '' : `${k}.${stateString(v)}`;
      stateStrings.set(value, s);
    }
    return s;
  }
  return String(value);
}

const stateStrings = new WeakMap<object, string>();

