/**
 * The simulation's state and the few services every layer uses: the clock, the
 * seeded generator, the event recorder, the object store and the observation
 * stream. Controllers and the kubelet are functions over it (kubelet.ts, ...).
 */
import type { Scenario } from '../../scenario/model';
import type {
  ConfigMapObject,
  DeploymentObject,
  EndpointSliceObject,
  EndpointsObject,
  NodeObject,
  ReplicaSetObject,
  SecretObject,
  ServiceObject,
} from '../model/objects';
import type { Observation } from '../observations';
import { VirtualClock, type Task } from '../clock/virtual-clock';
import { SeededRandom } from '../clock/seeded-random';
import { EventRecorder, type EventSubject } from '../events/event-recorder';
import type { EventInput } from '../events/events-cache';
import type { PodRuntime } from '../kubelet/pod-runtime';


/** the `object` and `container` of an event line, worked out once per involvedObject */
const lineParts = new WeakMap<EventSubject, { object: string; container: string | undefined }>();

function eventLineParts(subject: EventSubject): { object: string; container: string | undefined } {
  let p = lineParts.get(subject);
  if (!p) {
    const io = subject.involvedObject;
    const m = io.fieldPath ? /\{(.+)\}$/.exec(io.fieldPath) : null;
    p = { object: `${io.kind.toLowerCase()}/${io.name}`, container: m ? m[1] : undefined };
    lineParts.set(subject, p);
  }
  return p;
}

/** Wall-clock time of virtual t=0 (fixed, so output is reproducible): 2026-01-01T00:00:00Z. */
export const EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

export interface NodeRuntime {
  obj: NodeObject;
  /** images present on the node */
  images: Set<string>;
  /** pulls in progress: image → when it completes */
  pulls: Map<string, { until: number; startedAt: number; failed: boolean }>;
  /** hostPath volumes: one directory per path on the node, shared by every pod there */
  hostPaths?: Map<string, import('../apps/container-fs').VolumeData>;
  /** last pod IP octet handed out */
  ipCounter: number;
  index: number;
}

export class Engine {
  clock = new VirtualClock();
  rng: SeededRandom;
  recorder = new EventRecorder({ correlate: true, spamFilter: false, epochMs: EPOCH_MS });
  readonly pods = new Map<string, PodRuntime>();
  readonly nodes: NodeRuntime[] = [];
  readonly services = new Map<string, ServiceObject>();
  readonly slices = new Map<string, EndpointSliceObject[]>();
  readonly endpoints = new Map<string, EndpointsObject>();
  readonly deployments = new Map<string, DeploymentObject>();
  readonly replicaSets = new Map<string, ReplicaSetObject>();
  readonly configMaps = new Map<string, ConfigMapObject>();
  readonly secrets = new Map<string, SecretObject>();
  readonly observations: Observation[] = [];
  private listeners: ((o: Observation, json?: string) => void)[] = [];
  /** id sequences (part of the state a checkpoint copies) */
  counters = { uid: 0, resourceVersion: 1000, hex: 0 };
  /** round-robin position of single requests per Service (route-request.ts) */
  readonly turns = new Map<string, number>();
  /** pods changed during this instant (filed by PodRuntime.dirty) */
  readonly dirtyPods = new Set<PodRuntime>();
  /** pods whose runner line may have changed */
  readonly linePods = new Set<PodRuntime>();
  /** services whose endpoints need a look at the end of this instant */
  readonly dirtyServices = new Set<string>();
  /** controllers need to run at the end of this instant */
  controllersDirty = true;

  constructor(readonly scenario: Scenario) {
    this.rng = new SeededRandom(scenario.seed);
  }

  now(): number {
    return this.clock.now();
  }

  readonly controllerWakeups = new Set<number>();

  /** run the controllers again at `t` (once, however often asked) */
  wakeControllersAt(t: number): void {
    if (this.controllerWakeups.has(t)) return;
    this.controllerWakeups.add(t);
    this.schedule(t, { kind: 'controllers', at: t });
  }

  controllersWoken(t: number): void {
    this.controllerWakeups.delete(t);
  }

  schedule(t: number, task: Task): number {
    return this.clock.schedule(t, task);
  }

  newUid(): string {
    // deterministic UUID-shaped ids from the seeded generator
    const hex = () => Math.floor(this.rng.next() * 0x10000).toString(16).padStart(4, '0');
    this.counters.uid++;
    return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
  }

  /** 64 hex chars, like a containerd container ID */
  newContainerId(): string {
    this.counters.hex++;
    let s = '';
    while (s.length < 64) s += Math.floor(this.rng.next() * 0x100000000).toString(16).padStart(8, '0');
    return s.slice(0, 64);
  }

  nextResourceVersion(): string {
    return String(++this.counters.resourceVersion);
  }

  /** keep every observation in memory (the UI's scrubber and events need them; the runner streams them instead) */
  keepObservations = true;

  private jsonCache = new WeakMap<Observation, string>();

  /** an observation as one JSON line (computed once: the loop already builds it for pod lines) */
  jsonOf(o: Observation): string {
    let j = this.jsonCache.get(o);
    if (j === undefined) this.jsonCache.set(o, (j = JSON.stringify(o)));
    return j;
  }

  /** print an observation; `json`, when the caller has it, is JSON.stringify(o) (listeners may use it) */
  emit(o: Observation, json?: string): void {
    if (this.keepObservations) {
      this.observations.push(o);
      if (json !== undefined) this.jsonCache.set(o, json);
    }
    for (const l of this.listeners) l(o, json);
  }

  subscribe(cb: (o: Observation, json?: string) => void): () => void {
    this.listeners.push(cb);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== cb);
    };
  }

  /** Record a Kubernetes event and print it. */
  event(e: EventInput): void {
    const now = this.now();
    const ev = this.recorder.note(e, now);
    if (!ev) return;
    const about = eventLineParts(this.recorder.subjectOf(ev));
    this.emit(
      about.container !== undefined
        ? { t: now, type: 'event', object: about.object, reason: ev.reason, message: ev.message, count: ev.count, container: about.container, eventType: ev.type }
        : { t: now, type: 'event', object: about.object, reason: ev.reason, message: ev.message, count: ev.count, eventType: ev.type },
    );
  }
}
