/**
 * Wires the Deployment controller's pure sync (deployment-controller.ts) into the
 * simulation: gathers each Deployment's ReplicaSets and pods, applies the writes,
 * records the events. Returns whether anything changed, so the loop runs again.
 */
import type { Simulation } from '../simulation';
import type { PodObject, ReplicaSetObject } from '../model/objects';
import { reconcileDeployment } from './deployment-controller';
import { labelSelectorMatches } from './label-selector';
import { nextAvailabilityCheck } from './pod-readiness';

export function runDeploymentController(sim: Simulation): boolean {
  const eng = sim.eng;
  if (!eng.deployments.size) return false;
  const now = eng.now();
  let changed = false;
  const podsByRs = new Map<string, PodObject[]>();
  for (const p of eng.pods.values()) {
    if (p.deleted) continue;
    const o = p.obj.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
    if (!o) continue;
    let l = podsByRs.get(o.name);
    if (!l) podsByRs.set(o.name, (l = []));
    l.push(p.obj);
  }
  for (const d of eng.deployments.values()) {
    const rss: ReplicaSetObject[] = [];
    for (const rs of eng.replicaSets.values()) {
      const owner = rs.metadata.ownerReferences?.find((r) => r.controller);
      if (owner ? owner.kind === 'Deployment' && owner.name === d.metadata.name : labelSelectorMatches(d.spec.selector, rs.metadata.labels)) rss.push(rs);
    }
    const r = reconcileDeployment(d, rss, podsByRs, { now, newUid: () => eng.newUid() });
    const involved = { kind: 'Deployment', name: d.metadata.name, namespace: 'default', uid: d.metadata.uid };
    if (r.createReplicaSet) {
      const rs = r.createReplicaSet;
      rs.metadata.resourceVersion = eng.nextResourceVersion();
      eng.replicaSets.set(rs.metadata.name, rs);
      changed = true;
    }
    for (const name of r.adoptReplicaSets) {
      const rs = eng.replicaSets.get(name);
      if (rs && !rs.metadata.ownerReferences?.some((o) => o.controller)) {
        rs.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true }];
        changed = true;
      }
    }
    for (const w of r.scale) {
      const rs = eng.replicaSets.get(w.name);
      if (!rs) continue;
      const before = JSON.stringify([rs.spec.replicas, rs.metadata.annotations, rs.spec.minReadySeconds ?? 0]);
      rs.spec.replicas = w.replicas;
      rs.metadata.annotations = { ...w.annotations };
      rs.spec.minReadySeconds = w.minReadySeconds;
      if (JSON.stringify([rs.spec.replicas, rs.metadata.annotations, rs.spec.minReadySeconds ?? 0]) !== before) changed = true;
    }
    for (const name of r.deleteReplicaSets) {
      if (eng.replicaSets.delete(name)) changed = true;
    }
    for (const e of r.events) eng.event({ involvedObject: involved, reason: e.reason, message: e.message, type: e.type, source: { component: 'deployment-controller' } });
    d.status = r.status;
    d.metadata.annotations = r.annotations;
    if (r.requeueAt !== undefined && r.requeueAt > now) eng.wakeControllersAt(r.requeueAt);
    // a pod that is Ready becomes available minReadySeconds later: look again then
    const minReady = d.spec.minReadySeconds ?? 0;
    if (minReady > 0) {
      const pods = rss.flatMap((rs) => podsByRs.get(rs.metadata.name) ?? []);
      const at = nextAvailabilityCheck(pods, minReady, now);
      if (at !== undefined) eng.wakeControllersAt(at);
    }
  }
  return changed;
}
