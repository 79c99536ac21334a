/**
 * A tiny driver for the Deployment and ReplicaSet controllers in tests: it applies
 * each controller's result the way the API server would, creates pods Running but not
 * Ready (scheduling and container start are not the point here), and deletes pods at
 * once or, with `gracefulDeletion`, marks them terminating until `finishTerminating()`.
 */
import { reconcileDeployment, type DeploymentEvent, type DeploymentReconcileResult } from '../../src/engine/controllers/deployment-controller';
import { reconcileReplicaSet, newPodFromTemplate } from '../../src/engine/controllers/replicaset-controller';
import { isPodActive } from '../../src/engine/controllers/active-pods';
import type { DeploymentObject, PodObject, ReplicaSetObject } from '../../src/engine/model/objects';

export class MiniCluster {
  now = 0;
  rss: ReplicaSetObject[] = [];
  pods: PodObject[] = [];
  events: DeploymentEvent[] = [];
  collisionCount?: number;
  last?: DeploymentReconcileResult;
  gracefulDeletion = false;
  private n = 0;

  constructor(public deploy: DeploymentObject) {}

  private id(prefix: string): string {
    return `${prefix}${(this.n++).toString(36).padStart(5, '0')}`;
  }

  podsOf(rs: ReplicaSetObject): PodObject[] {
    return this.pods.filter((p) => p.metadata.ownerReferences?.[0]?.uid === rs.metadata.uid);
  }

  rsByName(name: string): ReplicaSetObject {
    const rs = this.rss.find((r) => r.metadata.name === name);
    if (!rs) throw new Error(`no ReplicaSet ${name}`);
    return rs;
  }

  /** Run the Deployment controller once and apply its result; true if anything was written. */
  syncDeployment(): boolean {
    const podsByRs = new Map(this.rss.map((rs) => [rs.metadata.name, this.podsOf(rs)]));
    const r = reconcileDeployment(this.deploy, this.rss, podsByRs, {
      now: this.now,
      newUid: () => this.id('rs-uid-'),
      collisionCount: this.collisionCount,
    });
    this.last = r;
    let changed = false;
    if (r.createReplicaSet) {
      this.rss.push(r.createReplicaSet);
      changed = true;
    }
    for (const w of r.scale) {
      const i = this.rss.findIndex((x) => x.metadata.name === w.name);
      const rs = this.rss[i];
      this.rss[i] = {
        ...rs,
        metadata: { ...rs.metadata, annotations: w.annotations },
        spec: { ...rs.spec, replicas: w.replicas, minReadySeconds: w.minReadySeconds },
      };
      changed = true;
    }
    if (r.deleteReplicaSets.length) {
      this.rss = this.rss.filter((x) => !r.deleteReplicaSets.includes(x.metadata.name));
      changed = true;
    }
    if (r.collisionCount !== undefined) this.collisionCount = r.collisionCount;
    this.events.push(...r.events);
    const before = JSON.stringify([this.deploy.status, this.deploy.metadata.annotations]);
    this.deploy = { ...this.deploy, metadata: { ...this.deploy.metadata, annotations: r.annotations }, status: r.status };
    if (JSON.stringify([this.deploy.status, this.deploy.metadata.annotations]) !== before) changed = true;
    return changed;
  }

  /** Run every ReplicaSet controller once; true if pods were created or deleted. */
  syncReplicaSets(): boolean {
    let changed = false;
    const related = this.pods.filter(isPodActive);
    for (const rs of this.rss) {
      const own = this.podsOf(rs).filter(isPodActive);
      const { create, delete: victims } = reconcileReplicaSet(rs, own, { now: this.now, relatedPods: related });
      for (let i = 0; i < create; i++) {
        const name = `${rs.metadata.name}-${this.id('')}`;
        const p = newPodFromTemplate(rs, name, this.id('pod-uid-'), this.now);
        p.spec.nodeName = 'node-1';
        p.status = {
          ...p.status,
          phase: 'Running',
          podIP: `10.244.${Math.floor(this.n / 250)}.${this.n % 250}`,
          conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: this.now }],
        };
        this.pods.push(p);
        changed = true;
      }
      for (const v of victims) {
        if (this.gracefulDeletion) {
          v.metadata.deletionTimestamp = this.now + 30;
        } else {
          this.pods = this.pods.filter((p) => p !== v);
        }
        changed = true;
      }
    }
    return changed;
  }

  /** Terminating pods finish and disappear. */
  finishTerminating(): void {
    this.pods = this.pods.filter((p) => p.metadata.deletionTimestamp === undefined);
  }

  markReady(pred: (p: PodObject) => boolean = () => true): number {
    let n = 0;
    for (const p of this.pods) {
      if (!pred(p) || !isPodActive(p)) continue;
      const c = p.status.conditions.find((x) => x.type === 'Ready')!;
      if (c.status === 'True') continue;
      c.status = 'True';
      c.lastTransitionTime = this.now;
      n++;
    }
    return n;
  }

  /** One round: Deployment controller, then the ReplicaSet controllers. */
  step(check?: () => void): boolean {
    const a = this.syncDeployment();
    check?.();
    const b = this.syncReplicaSets();
    check?.();
    return a || b;
  }

  settle(check?: () => void, maxRounds = 100): number {
    for (let i = 0; i < maxRounds; i++) {
      if (!this.step(check)) return i;
    }
    throw new Error('controllers did not settle');
  }

  setTemplateImage(image: string): void {
    const t = structuredClone(this.deploy.spec.template);
    t.spec!.containers[0].image = image;
    this.deploy = {
      ...this.deploy,
      metadata: { ...this.deploy.metadata, generation: (this.deploy.metadata.generation ?? 1) + 1 },
      spec: { ...this.deploy.spec, template: t },
    };
  }

  setReplicas(n: number): void {
    this.deploy = {
      ...this.deploy,
      metadata: { ...this.deploy.metadata, generation: (this.deploy.metadata.generation ?? 1) + 1 },
      spec: { ...this.deploy.spec, replicas: n },
    };
  }

  activePods(): PodObject[] {
    return this.pods.filter(isPodActive);
  }
  readyPods(): PodObject[] {
    return this.activePods().filter((p) => p.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'));
  }
  replicasByRs(): Record<string, number> {
    return Object.fromEntries(this.rss.map((r) => [r.metadata.name, r.spec.replicas ?? 1]));
  }
  condition(type: string) {
    return this.deploy.status.conditions.find((c) => c.type === type);
  }
}
