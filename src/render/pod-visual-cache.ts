/**
 * podVisuals for a stream of snapshots, reusing the PodVisual of every pod that did not
 * change since the last snapshot (the same object, so the renderer skips that card with
 * one comparison). A pod changed when its resourceVersion did (the engine writes a new one
 * with every status write: phase, conditions, container states, restarts), when it was
 * bound or deleted, or when its pod worker's, containers' or probe workers' statecharts
 * moved (a run of probe failures grows without a status write). With 1,000 pods most snapshots change
 * few of them.
 */
import type { ContainerView, SimSnapshot } from '../engine/simulation-api';
import { deploymentOfReplicaSets, podVisual, steadyRun, type PodVisual } from './pod-visual';

interface Entry {
  stamp: string;
  visual: PodVisual;
}

/** everything podVisual reads from a pod's container views, as one string */
function viewsStamp(views: ContainerView[], now: number): string {
  let s = '';
  for (const v of views) {
    s += `${v.name}:${v.machineState}:${v.backOffUntil}:${v.killAt}`;
    for (const p of v.probes) {
      s += `;${p.type}${p.state}${p.result}${p.lastResult}${p.run}@${p.lastProbeAt}>${p.nextProbeAt}${p.forced}`;
      // a success the engine skipped after a lone failure shows as time passes (pod-visual.ts steadyRun)
      if (p.result === 'Success' && p.lastResult === 'Failure') s += `~${steadyRun(p, now).run}`;
    }
    s += '|';
  }
  return s;
}

export class PodVisualCache {
  private entries = new Map<string, Entry>();

  /** forget everything (a new scenario) */
  clear(): void {
    this.entries.clear();
  }

  visuals(snap: SimSnapshot): PodVisual[] {
    const byPod = new Map<string, ContainerView[]>();
    for (const c of snap.containers) {
      let l = byPod.get(c.pod);
      if (!l) byPod.set(c.pod, (l = []));
      l.push(c);
    }
    const rsToDeploy = deploymentOfReplicaSets(snap);
    const now = snap.view.now;
    const next = new Map<string, Entry>();
    const out: PodVisual[] = [];
    for (const pod of snap.view.pods) {
      const views = byPod.get(pod.metadata.name) ?? [];
      const m = pod.metadata;
      const stamp = `${m.resourceVersion}|${pod.spec.nodeName}|${m.deletionTimestamp}|${m.deletionGracePeriodSeconds}|${snap.podWorkers[m.name]}|${viewsStamp(views, now)}`;
      const old = this.entries.get(m.uid);
      const e = old && old.stamp === stamp ? old : { stamp, visual: podVisual(pod, views, rsToDeploy, now) };
      next.set(m.uid, e);
      out.push(e.visual);
    }
    this.entries = next;
    return out;
  }
}
