/**
 * podVisuals for a stream of snapshots, reusing the PodVisual of every pod that did not
 * change since the last snapshot (the same object, so the renderer skips that card with
 * one comparison). The engine hands out the same ContainerView object for a container
 * whose statechart, probes and deadlines did not move (src/engine/snapshot), so a pod
 * changed when one of its container views is a new object, when its resourceVersion
 * did (a status write: phase, conditions, container states, restarts) or its status
 * object was replaced, when it was bound or deleted, or when its pod worker moved.
 * Checking that is a few comparisons per pod; with 1,000 pods most snapshots change few.
 *
 * `diff` also says which visuals changed and whether anything the layout reads (the
 * pods there are, their node, Deployment, creation time, name) did.
 */
import type { ContainerView, SimSnapshot } from '../engine/simulation-api';
import type { PodObject, PodStatus } from '../engine/model/objects';
import { deploymentOfReplicaSets, podBase, podVisualOf, steadyRun, type PodBase, type PodVisual } from './pod-visual';

interface Entry {
  pod: PodObject;
  resourceVersion: string;
  status: PodStatus;
  node: string | undefined;
  deletion: number | undefined;
  grace: number | undefined;
  worker: string | undefined;
  views: ContainerView[];
  /** the runs of skipped successes the card shows (time-dependent), when a probe has one */
  steady: string | null;
  /** what the visual takes from the pod object alone */
  base: PodBase;
  visual: PodVisual;
}

export interface VisualDiff {
  /** every pod's visual, in snapshot order; the previous list when none changed */
  list: PodVisual[];
  /** visuals new or replaced since the last snapshot, with the one they replace */
  changed: { visual: PodVisual; old: PodVisual | undefined }[];
  /** visuals of pods gone since the last snapshot */
  removed: PodVisual[];
  /** a pod came or went, or one's node, Deployment, creation time or name changed */
  layoutChanged: boolean;
}

/** the part of the picture that moves with time alone: a run of skipped successes (pod-visual.ts steadyRun) */
function steadyOf(views: ContainerView[], now: number): string | null {
  let s: string | null = null;
  for (const v of views) for (const p of v.probes) if (p.result === 'Success' && p.lastResult === 'Failure') s = `${s ?? ''}${p.type}~${steadyRun(p, now).run};`;
  return s;
}

/** the container views of `pod` among `containers` from `at` on, when they sit together there (the engine's order) */
function runOf(containers: ContainerView[], at: number, pod: string): number {
  let n = 0;
  while (at + n < containers.length && containers[at + n].pod === pod) n++;
  return n;
}

function sameViews(a: ContainerView[], containers: ContainerView[], at: number, n: number): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== containers[at + i]) return false;
  return true;
}

function layoutMoved(a: PodVisual, b: PodVisual): boolean {
  return a.node !== b.node || a.deployment !== b.deployment || a.createdAt !== b.createdAt || a.name !== b.name;
}

export class PodVisualCache {
  private entries = new Map<string, Entry>();
  private list: PodVisual[] = [];
  /** the entries of `list`, in its order */
  private order: Entry[] = [];
  private workers: SimSnapshot['podWorkers'] | null = null;
  private deployments = '';

  /** forget everything (a new scenario) */
  clear(): void {
    this.entries.clear();
    this.list = [];
    this.order = [];
    this.workers = null;
    this.deployments = '';
  }

  visuals(snap: SimSnapshot): PodVisual[] {
    return this.diff(snap).list;
  }

  diff(snap: SimSnapshot): VisualDiff {
    const rsToDeploy = deploymentOfReplicaSets(snap);
    // which Deployment owns which ReplicaSet: a change makes every visual again (rare)
    let deployments = '';
    for (const [rs, d] of rsToDeploy) deployments += `${rs}>${d};`;
    const rebuild = deployments !== this.deployments;
    this.deployments = deployments;
    const now = snap.view.now;
    const containers = snap.containers;
    const pods = snap.view.pods;
    // the engine keeps the record while no pod worker moved: then each pod's is the one seen
    const workers = snap.podWorkers;
    const workersSame = workers === this.workers;
    this.workers = workers;
    let byPod: Map<string, ContainerView[]> | null = null;
    const prevList = this.list;
    const prevOrder = this.order;
    const order: Entry[] = new Array(pods.length);
    const entries = this.entries;
    const changed: VisualDiff['changed'] = [];
    let layoutChanged = pods.length !== prevList.length;
    let same = !layoutChanged;
    let at = 0;
    // pods seen again: fewer than there were entries means some are gone
    const before = entries.size;
    let again = 0;
    for (let i = 0; i < pods.length; i++) {
      const pod = pods[i];
      const m = pod.metadata;
      // the engine lists containers in pod order; any other order is grouped by name
      let n = byPod ? 0 : runOf(containers, at, m.name);
      if (!byPod && n === 0 && at < containers.length && containers.some((c) => c.pod === m.name)) {
        byPod = new Map();
        for (const c of containers) {
          let l = byPod.get(c.pod);
          if (!l) byPod.set(c.pod, (l = []));
          l.push(c);
        }
      }
      // most pods stay where they were in the list
      let old: Entry | undefined = prevOrder[i];
      if (old === undefined || old.pod !== pod) old = entries.get(m.uid);
      if (old) again++;
      let views: ContainerView[];
      if (byPod) views = byPod.get(m.name) ?? [];
      else {
        views = old && sameViews(old.views, containers, at, n) ? old.views : containers.slice(at, at + n);
        at += n;
      }
      const steady = old && old.views === views && old.steady === null ? null : steadyOf(views, now);
      const worker = old && workersSame ? old.worker : workers[m.name];
      let e = old;
      if (
        !old ||
        rebuild ||
        old.views !== views ||
        old.status !== pod.status ||
        old.resourceVersion !== m.resourceVersion ||
        old.pod !== pod ||
        old.node !== pod.spec.nodeName ||
        old.deletion !== m.deletionTimestamp ||
        old.grace !== m.deletionGracePeriodSeconds ||
        old.worker !== worker ||
        old.steady !== steady
      ) {
        // the pod object as it was: only its containers' views moved (a probe ticked)
        const sameObject =
          old !== undefined &&
          !rebuild &&
          old.pod === pod &&
          old.status === pod.status &&
          old.resourceVersion === m.resourceVersion &&
          old.node === pod.spec.nodeName &&
          old.deletion === m.deletionTimestamp &&
          old.grace === m.deletionGracePeriodSeconds;
        const base = sameObject ? old!.base : podBase(pod, rsToDeploy);
        const visual = podVisualOf(base, views, now);
        e = { pod, resourceVersion: m.resourceVersion, status: pod.status, node: pod.spec.nodeName, deletion: m.deletionTimestamp, grace: m.deletionGracePeriodSeconds, worker, views, steady, base, visual };
        entries.set(m.uid, e);
        changed.push({ visual, old: old?.visual });
        if (!old || layoutMoved(old.visual, visual)) layoutChanged = true;
      }
      order[i] = e!;
      if (same && prevList[i] !== e!.visual) same = false;
    }
    this.order = order;
    const removed: PodVisual[] = [];
    if (again < before) {
      const uids = new Set(pods.map((p) => p.metadata.uid));
      for (const [uid, e] of entries) if (!uids.has(uid)) {
        entries.delete(uid);
        removed.push(e.visual);
      }
      layoutChanged = true;
    }
    if (!same) this.list = order.map((e) => e.visual);
    return { list: this.list, changed, removed, layoutChanged };
  }
}
