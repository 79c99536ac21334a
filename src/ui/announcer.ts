/**
 * The canvas in words, for screen readers: turns a batch of observations into short
 * sentences such as "pod web: readiness failed 3/3, not ready, removed from Service web".
 * It remembers the last state of each pod and endpoint it has seen (what was said),
 * not anything of the simulation's.
 */
import type { Observation, PodLine, EndpointsLine } from '../engine/observations';
import type { SimSnapshot } from '../engine/simulation-api';
import { summarizePod } from '../engine/kubectl/pod-status-column';

interface PodSeen {
  status: string;
  ready: boolean;
  restarts: number;
}

export class Announcer {
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
          add(o.name, 'deleted');
          continue;
        }
        this.podLine(o, snap, add);
      } else if (o.type === 'endpoints') this.endpointsLine(o, add, other);
    }
    const out: string[] = [];
    for (const [pod, parts] of perPod) out.push(`pod ${pod}: ${parts.join(', ')}`);
    return out.concat(other);
  }

  private podLine(o: PodLine, snap: SimSnapshot | null, add: (pod: string, s: string) => void): void {
    const prev = this.pods.get(o.name);
    this.pods.set(o.name, { status: o.status, ready: o.ready, restarts: o.restarts });
    if (!prev) {
      add(o.name, `created, ${o.status}`);
      return;
    }
    if (o.restarts > prev.restarts) {
      const c = [...(o.initContainers ?? []), ...o.containers].find((x) => x.lastState);
      add(o.name, `restarted (${o.restarts} restart${o.restarts === 1 ? '' : 's'}${c?.lastState ? `, last exit ${c.lastState.reason} ${c.lastState.exitCode}` : ''})`);
    }
    if (prev.ready && !o.ready) {
      const why = failingProbe(snap, o.name, 'readiness');
      add(o.name, why ? `${why}, not ready ${readyOf(o, snap)}` : `not ready ${readyOf(o, snap)}`);
    } else if (!prev.ready && o.ready) add(o.name, `ready ${readyOf(o, snap)}`);
    if (prev.status && prev.status !== o.status) add(o.name, o.status);
    else if (!prev.status && o.status !== 'Running') add(o.name, o.status);
  }

  private endpointsLine(o: EndpointsLine, add: (pod: string, s: string) => void, other: string[]): void {
    const prev = this.endpoints.get(o.service) ?? new Map<string, boolean>();
    const next = new Map<string, boolean>();
    for (const e of o.endpoints) {
      next.set(e.pod, e.ready);
      const was = prev.get(e.pod);
      if (e.ready && was !== true) add(e.pod, `${was === undefined ? 'added to' : 'back in'} Service ${o.service}`);
      else if (!e.ready && was === true) add(e.pod, e.terminating ? `terminating, removed from Service ${o.service}` : `removed from Service ${o.service}`);
    }
    for (const [pod, ready] of prev) if (!next.has(pod) && ready) add(pod, `left Service ${o.service}`);
    const readyNow = o.endpoints.filter((e) => e.ready).length;
    const readyBefore = [...prev.values()].filter(Boolean).length;
    if (readyNow === 0 && readyBefore > 0) other.push(`Service ${o.service}: no ready endpoints, requests fail`);
    this.endpoints.set(o.service, next);
  }
}

function readyOf(o: PodLine, snap: SimSnapshot | null): string {
  const pod = snap?.view.pods.find((p) => p.metadata.name === o.name);
  if (pod) {
    const s = summarizePod(pod);
    return `${s.readyContainers}/${s.totalContainers}`;
  }
  return `${o.containers.filter((c) => c.ready).length}/${o.containers.length}`;
}

/** "readiness failed 3/3" from the probe worker that turned the pod not ready */
export function failingProbe(snap: SimSnapshot | null, pod: string, type: 'readiness' | 'liveness' | 'startup'): string | null {
  if (!snap) return null;
  for (const c of snap.containers) {
    if (c.pod !== pod) continue;
    for (const p of c.probes) {
      if (p.type === type && p.lastResult === 'Failure') return `${type} failed ${Math.min(p.run, p.failureThreshold)}/${p.failureThreshold}`;
    }
  }
  return null;
}
