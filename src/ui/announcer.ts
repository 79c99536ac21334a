/**
 * The canvas in words, for screen readers: turns a batch of observations into short
 * sentences such as "pod web: readiness failed 3/3, not ready, removed from Service web".
 * It remembers the last state of each pod and endpoint it has seen (what was said),
 * not anything of the simulation's.
 */
import type { Observation, PodLine, EndpointsLine } from '../engine/observations';
import type { ContainerView, SimSnapshot } from '../engine/simulation-api';
import type { PodObject } from '../engine/model/objects';
import { podSummary } from './pod-summary';
import { translate } from './i18n/i18n';
import './i18n/messages';

/** a catalogue lookup in the UI language (src/ui/i18n/messages-announcer.ts) */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const english: Translate = (key, params) => translate('en', key, params);

interface PodSeen {
  status: string;
  ready: boolean;
  restarts: number;
}

export class Announcer {
  /** `t` is asked at each sentence, so a language switch applies from the next one */
  constructor(private readonly t: Translate = english) {}

  private pods = new Map<string, PodSeen>();
  private endpoints = new Map<string, Map<string, boolean>>();

  reset(): void {
    this.pods.clear();
    this.endpoints.clear();
  }

  /** Remember the present state without saying anything (after a seek). */
  prime(snap: SimSnapshot): void {
    this.reset();
    for (const p of snap.view.pods) {
      const ready = p.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
      const restarts = [...p.status.containerStatuses, ...p.status.initContainerStatuses].reduce((n, c) => n + c.restartCount, 0);
      this.pods.set(p.metadata.name, { status: '', ready, restarts });
    }
    for (const s of snap.view.endpointSlices) {
      const svc = s.metadata.labels['kubernetes.io/service-name'];
      const m = this.endpoints.get(svc) ?? new Map<string, boolean>();
      for (const e of s.endpoints) m.set(e.targetRef.name, e.conditions.ready);
      this.endpoints.set(svc, m);
    }
  }

  /** Sentences for a batch of observations, one per pod or Service that changed. */
  describe(batch: readonly Observation[], snap: SimSnapshot | null): string[] {
    const index = new SnapshotIndex(snap);
    const perPod = new Map<string, string[]>();
    const add = (pod: string, s: string) => {
      const l = perPod.get(pod) ?? [];
      if (!l.includes(s)) l.push(s);
      perPod.set(pod, l);
    };
    const other: string[] = [];
    for (const o of batch) {
      if (o.type === 'pod') {
        if ('deleted' in o) {
          this.pods.delete(o.name);
          add(o.name, this.t('announce.deleted'));
          continue;
        }
        this.podLine(o, index, add);
      } else if (o.type === 'endpoints') this.endpointsLine(o, add, other);
    }
    const out: string[] = [];
    for (const [pod, parts] of perPod) out.push(this.t('announce.pod', { pod, changes: parts.join(this.t('announce.sep')) }));
    return out.concat(other);
  }

  private podLine(o: PodLine, snap: SnapshotIndex, add: (pod: string, s: string) => void): void {
    const prev = this.pods.get(o.name);
    this.pods.set(o.name, { status: o.status, ready: o.ready, restarts: o.restarts });
    if (!prev) {
      add(o.name, this.t('announce.created', { status: o.status }));
      return;
    }
    if (o.restarts > prev.restarts) {
      const c = [...(o.initContainers ?? []), ...o.containers].find((x) => x.lastState);
      const last = c?.lastState ? this.t('announce.lastExit', { reason: c.lastState.reason, code: c.lastState.exitCode }) : '';
      add(o.name, o.restarts === 1 ? this.t('announce.restarted.one', { last }) : this.t('announce.restarted', { n: o.restarts, last }));
    }
    if (prev.ready && !o.ready) {
      const why = failingProbe(snap, o.name, 'readiness', this.t);
      const notReady = this.t('announce.notReady', { ready: readyOf(o, snap) });
      add(o.name, why ? why + this.t('announce.sep') + notReady : notReady);
    } else if (!prev.ready && o.ready) add(o.name, this.t('announce.ready', { ready: readyOf(o, snap) }));
    if (prev.status && prev.status !== o.status) add(o.name, o.status);
    else if (!prev.status && o.status !== 'Running') add(o.name, o.status);
  }

  private endpointsLine(o: EndpointsLine, add: (pod: string, s: string) => void, other: string[]): void {
    const prev = this.endpoints.get(o.service) ?? new Map<string, boolean>();
    const next = new Map<string, boolean>();
    for (const e of o.endpoints) {
      next.set(e.pod, e.ready);
      const was = prev.get(e.pod);
      const service = o.service;
      if (e.ready && was !== true) add(e.pod, this.t(was === undefined ? 'announce.addedTo' : 'announce.backIn', { service }));
      else if (!e.ready && was === true) add(e.pod, e.terminating ? this.t('announce.removedTerminating', { service }) : this.t('announce.removed', { service }));
    }
    for (const [pod, ready] of prev) if (!next.has(pod) && ready) add(pod, this.t('announce.left', { service: o.service }));
    const readyNow = o.endpoints.filter((e) => e.ready).length;
    const readyBefore = [...prev.values()].filter(Boolean).length;
    if (readyNow === 0 && readyBefore > 0) other.push(this.t('announce.noEndpoints', { service: o.service }));
    this.endpoints.set(o.service, next);
  }
}

/**
 * The pods and container views of a snapshot by pod name, made on first use: a batch
 * may hold a line for each of 1,000 pods, and a scan of the snapshot per line would
 * make describing it quadratic.
 */
class SnapshotIndex {
  private pods: Map<string, PodObject> | null = null;
  private containers: Map<string, ContainerView[]> | null = null;

  constructor(readonly snap: SimSnapshot | null) {}

  pod(name: string): PodObject | undefined {
    if (!this.snap) return undefined;
    this.pods ??= new Map(this.snap.view.pods.map((p) => [p.metadata.name, p]));
    return this.pods.get(name);
  }

  containersOf(pod: string): ContainerView[] {
    if (!this.snap) return [];
    if (!this.containers) {
      this.containers = new Map();
      for (const c of this.snap.containers) {
        let l = this.containers.get(c.pod);
        if (!l) this.containers.set(c.pod, (l = []));
        l.push(c);
      }
    }
    return this.containers.get(pod) ?? [];
  }
}

function readyOf(o: PodLine, snap: SnapshotIndex): string {
  const pod = snap.pod(o.name);
  if (pod) {
    const s = podSummary(pod);
    return `${s.readyContainers}/${s.totalContainers}`;
  }
  return `${o.containers.filter((c) => c.ready).length}/${o.containers.length}`;
}

/** "readiness failed 3/3" from the probe worker that turned the pod not ready */
export function failingProbe(snap: SimSnapshot | SnapshotIndex | null, pod: string, type: 'readiness' | 'liveness' | 'startup', t: Translate = english): string | null {
  if (!snap) return null;
  const containers = snap instanceof SnapshotIndex ? snap.containersOf(pod) : snap.containers.filter((c) => c.pod === pod);
  for (const c of containers) {
    for (const p of c.probes) {
      if (p.type === type && p.lastResult === 'Failure') return t('announce.probeFailed', { type, run: Math.min(p.run, p.failureThreshold), threshold: p.failureThreshold });
    }
  }
  return null;
}
