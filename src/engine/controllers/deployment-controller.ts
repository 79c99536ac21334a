/**
 * One sync of the Deployment controller as a pure function (k8s.io/kubernetes
 * pkg/controller/deployment: deployment_controller.go syncDeployment, sync.go
 * getNewReplicaSet / scale / scaleReplicaSet / cleanupDeployment / isScalingEvent,
 * rolling.go rolloutRolling / reconcileNewReplicaSet / reconcileOldReplicaSets /
 * cleanupUnhealthyReplicas / scaleDownOldReplicaSetsForRollingUpdate, recreate.go
 * rolloutRecreate, progress.go syncRolloutStatus; util/deployment_util.go).
 *
 * The caller applies the result (create the ReplicaSet, write each ReplicaSet's
 * replicas/annotations/minReadySeconds, delete the listed ReplicaSets, record the
 * events on the Deployment, store status and annotations) and calls again whenever a
 * ReplicaSet, one of its pods, or the Deployment changes — or at `requeueAt`. The
 * real controller converges the same way, one sync at a time.
 *
 * ReplicaSet counts (replicas/ready/available) are computed from `podsByRs` as the
 * ReplicaSet controller would write them now, so there is no status lag between the
 * two controllers. Within one sync, status is computed after this sync's writes
 * (Go sometimes reads the pre-write copy and corrects it on the next sync).
 * Rollback via the deprecated spec.rollbackTo is not modelled.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { DeploymentObject, PodObject, ReplicaSetObject, Seconds } from '../model/objects';
import { semanticallyEqual } from './canonical-json';
import { labelSelectorMatches } from './label-selector';
import { podTemplateHash } from './pod-template-hash';
import { replicaSetStatus } from './replicaset-controller';
import {
  deploymentSettings,
  getValueFromIntOrPercent,
  maxSurge,
  maxUnavailable,
  type DeploymentSettings,
} from './rolling-update-fenceposts';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  intAnnotation,
  maxRevision,
  newReplicaSetAnnotations,
  replicasAnnotations,
  revisionOf,
} from './deployment-revision';
import {
  REASON,
  calculateStatus,
  deploymentComplete,
  getCondition,
  newCondition,
  setCondition,
  syncRolloutStatus,
  type DeploymentCondition,
  type DeploymentStatus,
  type ReplicaSetCounts,
} from './deployment-status';

/** apps.DefaultDeploymentUniqueLabelKey */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export interface DeploymentContext {
  now: Seconds;
  newUid: () => string;
  /** the Deployment's status.collisionCount (not part of DeploymentObject['status']) */
  collisionCount?: number;
}

/** A write to one existing ReplicaSet (spec.replicas, annotations, spec.minReadySeconds). */
export interface ReplicaSetWrite {
  name: string;
  replicas: number;
  annotations: Record<string, string>;
  minReadySeconds: number;
}

export interface DeploymentEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface DeploymentReconcileResult {
  createReplicaSet?: ReplicaSetObject;
  /** writes to existing ReplicaSets, one entry per ReplicaSet, in first-write order */
  scale: ReplicaSetWrite[];
  /** old ReplicaSets beyond revisionHistoryLimit (cleanupDeployment) */
  deleteReplicaSets: string[];
  /** ReplicaSets without a controller that the selector matches: set their controller ref */
  adoptReplicaSets: string[];
  /** in the order the controller records them, source deployment-controller */
  events: DeploymentEvent[];
  status: DeploymentStatus;
  /** the Deployment's annotations after this sync (deployment.kubernetes.io/revision) */
  annotations: Record<string, string>;
  /** set when a name collision bumped status.collisionCount */
  collisionCount?: number;
  /** call again at this time to detect ProgressDeadlineExceeded */
  requeueAt?: Seconds;
}

/** ReplicaSet pods keyed by ReplicaSet name: every pod it controls, terminating ones included. */
export type PodsByReplicaSet = ReadonlyMap<string, readonly PodObject[]> | Readonly<Record<string, readonly PodObject[]>>;

interface View {
  rs: ReplicaSetObject;
  status: ReplicaSetObject['status'];
  pods: readonly PodObject[];
  created: boolean;
}

export function reconcileDeployment(
  deploy: DeploymentObject,
  replicaSets: readonly ReplicaSetObject[],
  podsByRs: PodsByReplicaSet,
  ctx: DeploymentContext,
): DeploymentReconcileResult {
  return new DeploymentSync(deploy, replicaSets, podsByRs, ctx).run();
}

/**
 * FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's,
 * ignoring the pod-template-hash label.
 */
export function findNewReplicaSet(deploy: DeploymentObject, replicaSets: readonly ReplicaSetObject[]): ReplicaSetObject | undefined {
  return sortByCreation(replicaSets).find((rs) => equalIgnoreHash(rs.spec.template, deploy.spec.template));
}

/** EqualIgnoreHash: templates semantically equal once pod-template-hash is dropped. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return semanticallyEqual(withoutHash(a), withoutHash(b));
}

function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec | undefined {
  if (!t?.metadata?.labels || !(POD_TEMPLATE_HASH_LABEL in t.metadata.labels)) return t;
  const labels = { ...t.metadata.labels };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...t.metadata, labels } };
}

/** ReplicaSetsByCreationTimestamp: oldest first, name breaking ties. */
function sortByCreation<T extends ReplicaSetObject | View>(items: readonly T[]): T[] {
  const rsOf = (x: T): ReplicaSetObject => ('rs' in x ? x.rs : (x as ReplicaSetObject));
  return items.slice().sort((x, y) => {
    const a = rsOf(x).metadata;
    const b = rsOf(y).metadata;
    if (a.creationTimestamp !== b.creationTimestamp) return a.creationTimestamp - b.creationTimestamp;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

function replicasOf(v: View): number {
  return v.rs.spec.replicas ?? 1;
}

class DeploymentSync {
  private readonly settings: DeploymentSettings;
  private readonly generation: number;
  private readonly now: Seconds;
  /** the status stored before this sync (what DeploymentProgressing compares against) */
  private readonly oldStatus: DeploymentStatus;
  private annotations: Record<string, string>;
  private conditions: DeploymentCondition[];
  private readonly views: View[] = [];
  private readonly writes = new Map<string, ReplicaSetWrite>();
  private readonly events: DeploymentEvent[] = [];
  private readonly deletes: string[] = [];
  private readonly adopts: string[] = [];
  private created?: View;
  private collisionCount?: number;
  private collisionBumped = false;

  constructor(
    private readonly d: DeploymentObject,
    private readonly allReplicaSets: readonly ReplicaSetObject[],
    podsByRs: PodsByReplicaSet,
    private readonly ctx: DeploymentContext,
  ) {
    this.settings = deploymentSettings(d);
    this.generation = d.metadata.generation ?? 1;
    this.now = ctx.now;
    this.annotations = { ...(d.metadata.annotations ?? {}) };
    this.oldStatus = d.status ?? {
      observedGeneration: 0,
      replicas: 0,
      updatedReplicas: 0,
      readyReplicas: 0,
      availableReplicas: 0,
      unavailableReplicas: 0,
      conditions: [],
    };
    this.conditions = (this.oldStatus.conditions ?? []).slice();
    this.collisionCount = ctx.collisionCount;
    const podsOf = (name: string): readonly PodObject[] | undefined =>
      podsByRs instanceof Map ? podsByRs.get(name) : (podsByRs as Record<string, readonly PodObject[]>)[name];
    for (const rs of allReplicaSets) {
      const ctrl = rs.metadata.ownerReferences?.find((o) => o.controller);
      const ours = ctrl !== undefined && ctrl.uid === d.metadata.uid;
      // ClaimReplicaSets adopts orphans the selector matches.
      const orphan = ctrl === undefined && !rs.metadata.deletionTimestamp && labelSelectorMatches(d.spec.selector, rs.metadata.labels);
      if (!ours && !orphan) continue;
      if (orphan) this.adopts.push(rs.metadata.name);
      const pods = podsOf(rs.metadata.name);
      const status = pods ? replicaSetStatus(rs, pods, this.now, rs.spec.minReadySeconds ?? 0) : rs.status;
      this.views.push({ rs, status, pods: pods ?? [], created: false });
    }
  }

  run(): DeploymentReconcileResult {
    let out: { status: DeploymentStatus; requeueAt?: Seconds };
    if (this.d.metadata.deletionTimestamp !== undefined) {
      out = this.syncStatusOnly();
    } else {
      this.checkPausedConditions();
      if (this.settings.paused || this.isScalingEvent()) out = this.sync();
      else if (this.settings.strategy === 'Recreate') out = this.rolloutRecreate();
      else out = this.rolloutRolling();
    }
    return {
      createReplicaSet: this.created?.rs,
      scale: [...this.writes.values()],
      deleteReplicaSets: this.deletes,
      adoptReplicaSets: this.adopts,
      events: this.events,
      status: out.status,
      annotations: this.annotations,
      ...(this.collisionBumped ? { collisionCount: this.collisionCount } : {}),
      ...(out.requeueAt !== undefined ? { requeueAt: out.requeueAt } : {}),
    };
  }

  // ---- getAllReplicaSetsAndSyncRevision / getNewReplicaSet ----

  private syncRevision(createIfNotExisted: boolean): { newRS?: View; oldRSs: View[] } {
    const all = sortByCreation(this.views);
    const newRS = all.find((v) => equalIgnoreHash(v.rs.spec.template, this.d.spec.template));
    const oldRSs = all.filter((v) => v !== newRS);
    const newRevision = maxRevision(oldRSs.map((v) => v.rs)) + 1;

    if (newRS) {
      const annotations = newReplicaSetAnnotations(this.annotations, newRS.rs.metadata.annotations ?? {}, newRevision, true, 0, 0);
      const mrsChanged = (newRS.rs.spec.minReadySeconds ?? 0) !== this.settings.minReadySeconds;
      if (annotations || mrsChanged) {
        this.writeReplicaSet(newRS, replicasOf(newRS), annotations ?? newRS.rs.metadata.annotations ?? {}, this.settings.minReadySeconds);
      }
      // Go updates the Deployment's revision on the next getNewReplicaSet call of the same sync.
      const rev = newRS.rs.metadata.annotations?.[REVISION_ANNOTATION];
      if (rev !== undefined) this.setDeploymentRevision(rev);
      if (this.settings.progressDeadlineSeconds !== undefined && !getCondition(this.conditions, 'Progressing')) {
        this.setCondition(newCondition('Progressing', 'True', REASON.FoundNewReplicaSet, `Found new replica set "${newRS.rs.metadata.name}"`, this.now));
      }
      return { newRS, oldRSs };
    }
    if (!createIfNotExisted) return { oldRSs };
    return { newRS: this.createNewReplicaSet(oldRSs, newRevision), oldRSs };
  }

  private createNewReplicaSet(oldRSs: View[], newRevision: number): View {
    const d = this.d;
    const byName = new Map(this.allReplicaSets.map((rs) => [rs.metadata.name, rs]));
    let hash = podTemplateHash(d.spec.template, this.collisionCount);
    // A name taken by a ReplicaSet with another template is a hash collision: Go bumps
    // status.collisionCount and retries on the next sync; here the retry is immediate.
    while (byName.has(`${d.metadata.name}-${hash}`)) {
      this.collisionCount = (this.collisionCount ?? 0) + 1;
      this.collisionBumped = true;
      hash = podTemplateHash(d.spec.template, this.collisionCount);
    }
    const name = `${d.metadata.name}-${hash}`;
    const template: PodTemplateSpec = structuredClone(d.spec.template);
    const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    template.metadata = { ...(template.metadata ?? {}), labels };
    const selector = structuredClone(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };

    const view: View = {
      rs: {
        kind: 'ReplicaSet',
        metadata: {
          name,
          namespace: d.metadata.namespace,
          uid: this.ctx.newUid(),
          labels: { ...labels },
          annotations: {},
          creationTimestamp: this.now,
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true }],
          generation: 1,
          resourceVersion: '',
        },
        spec: { replicas: 0, minReadySeconds: this.settings.minReadySeconds, selector, template },
        status: { replicas: 0, readyReplicas: 0, availableReplicas: 0, fullyLabeledReplicas: 0, observedGeneration: 0 },
      },
      status: { replicas: 0, readyReplicas: 0, availableReplicas: 0, fullyLabeledReplicas: 0, observedGeneration: 0 },
      pods: [],
      created: true,
    };
    const replicas = this.newRSNewReplicas([...oldRSs, view], view);
    view.rs.spec.replicas = replicas;
    view.rs.metadata.annotations =
      newReplicaSetAnnotations(this.annotations, {}, newRevision, false, this.settings.replicas, this.settings.replicas + maxSurge(this.settings)) ?? {};
    this.created = view;
    this.views.push(view);

    if (replicas > 0) this.event('Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
    this.setDeploymentRevision(String(newRevision));
    if (this.settings.progressDeadlineSeconds !== undefined) {
      this.setCondition(newCondition('Progressing', 'True', REASON.NewReplicaSetCreated, `Created new replica set "${name}"`, this.now));
    }
    return view;
  }

  /** NewRSNewReplicas */
  private newRSNewReplicas(allRSs: readonly View[], newRS: View): number {
    const D = this.settings.replicas;
    if (this.settings.strategy === 'Recreate') return D;
    const surge = getValueFromIntOrPercent(this.settings.maxSurgeRaw, D, true);
    const current = allRSs.reduce((n, v) => n + replicasOf(v), 0);
    const maxTotal = D + surge;
    if (current >= maxTotal) return replicasOf(newRS);
    const scaleUp = Math.min(maxTotal - current, D - replicasOf(newRS));
    return replicasOf(newRS) + scaleUp;
  }

  private setDeploymentRevision(revision: string): void {
    if (this.annotations[REVISION_ANNOTATION] !== revision) this.annotations = { ...this.annotations, [REVISION_ANNOTATION]: revision };
  }

  private setCondition(c: DeploymentCondition): void {
    this.conditions = setCondition(this.conditions, c);
  }

  // ---- writes and events ----

  private event(type: DeploymentEvent['type'], reason: string, message: string): void {
    this.events.push({ type, reason, message });
  }

  private writeReplicaSet(v: View, replicas: number, annotations: Record<string, string>, minReadySeconds?: number): void {
    const mrs = minReadySeconds ?? v.rs.spec.minReadySeconds ?? 0;
    v.rs = {
      ...v.rs,
      metadata: { ...v.rs.metadata, annotations },
      spec: { ...v.rs.spec, replicas, minReadySeconds: mrs },
    };
    if (v.created) return;
    const name = v.rs.metadata.name;
    this.writes.set(name, { name, replicas, annotations, minReadySeconds: mrs });
  }

  /** scaleReplicaSet: new size and replica annotations; an event when the size changes. */
  private scaleReplicaSet(v: View, newScale: number): boolean {
    const old = replicasOf(v);
    const sizeChanged = old !== newScale;
    const annotations = replicasAnnotations(
      v.rs.metadata.annotations ?? {},
      this.settings.replicas,
      this.settings.replicas + maxSurge(this.settings),
    );
    if (!sizeChanged && !annotations) return false;
    this.writeReplicaSet(v, newScale, annotations ?? v.rs.metadata.annotations ?? {});
    if (!sizeChanged) return false;
    this.event('Normal', 'ScalingReplicaSet', `Scaled ${old < newScale ? 'up' : 'down'} replica set ${v.rs.metadata.name} from ${old} to ${newScale}`);
    return true;
  }

  private scaleReplicaSetAndRecordEvent(v: View, newScale: number): boolean {
    if (replicasOf(v) === newScale) return false;
    return this.scaleReplicaSet(v, newScale);
  }

  // ---- syncDeployment branches ----

  private checkPausedConditions(): void {
    if (this.settings.progressDeadlineSeconds === undefined) return;
    const cond = getCondition(this.conditions, 'Progressing');
    // A reported timeout is not overwritten by a paused condition.
    if (cond?.reason === REASON.ProgressDeadlineExceeded) return;
    const pausedCondExists = cond?.reason === REASON.DeploymentPaused;
    if (this.settings.paused && !pausedCondExists) {
      this.setCondition(newCondition('Progressing', 'Unknown', REASON.DeploymentPaused, 'Deployment is paused', this.now));
    } else if (!this.settings.paused && pausedCondExists) {
      this.setCondition(newCondition('Progressing', 'Unknown', REASON.DeploymentResumed, 'Deployment is resumed', this.now));
    }
  }

  /** isScalingEvent: an active ReplicaSet annotated with a different desired size. */
  private isScalingEvent(): boolean {
    const { newRS, oldRSs } = this.syncRevision(false);
    const all = newRS ? [...oldRSs, newRS] : oldRSs;
    for (const v of all) {
      if (replicasOf(v) <= 0) continue;
      const desired = intAnnotation(v.rs.metadata.annotations, DESIRED_REPLICAS_ANNOTATION);
      if (desired === undefined) continue;
      if (desired !== this.settings.replicas) return true;
    }
    return false;
  }

  private syncStatusOnly(): { status: DeploymentStatus } {
    const { newRS, oldRSs } = this.syncRevision(false);
    return { status: this.plainStatus(newRS, oldRSs) };
  }

  /** sync: proportional scaling (scaling events and paused Deployments). */
  private sync(): { status: DeploymentStatus } {
    const { newRS, oldRSs } = this.syncRevision(false);
    this.scale(newRS, oldRSs);
    if (this.settings.paused) this.cleanupDeployment(oldRSs);
    return { status: this.plainStatus(newRS, oldRSs) };
  }

  private plainStatus(newRS: View | undefined, oldRSs: View[]): DeploymentStatus {
    const all = newRS ? [...oldRSs, newRS] : oldRSs;
    return calculateStatus(all.map(counts), newRS && counts(newRS), this.generation, this.settings, this.conditions, this.now);
  }

  private rolloutStatus(allRSs: View[], newRS: View | undefined): { status: DeploymentStatus; requeueAt?: Seconds } {
    return syncRolloutStatus(
      this.d.metadata.name,
      this.oldStatus,
      this.conditions,
      allRSs.map(counts),
      newRS && counts(newRS),
      this.generation,
      this.settings,
      this.now,
    );
  }

  private rolloutRolling(): { status: DeploymentStatus; requeueAt?: Seconds } {
    const { newRS, oldRSs } = this.syncRevision(true);
    const allRSs = [...oldRSs, newRS!];
    if (this.reconcileNewReplicaSet(allRSs, newRS!)) return this.rolloutStatus(allRSs, newRS);
    const activeOld = oldRSs.filter((v) => replicasOf(v) > 0);
    if (this.reconcileOldReplicaSets(allRSs, activeOld, newRS!)) return this.rolloutStatus(allRSs, newRS);
    if (deploymentComplete(this.settings, this.generation, this.oldStatus)) this.cleanupDeployment(oldRSs);
    return this.rolloutStatus(allRSs, newRS);
  }

  private reconcileNewReplicaSet(allRSs: View[], newRS: View): boolean {
    const D = this.settings.replicas;
    if (replicasOf(newRS) === D) return false;
    if (replicasOf(newRS) > D) return this.scaleReplicaSetAndRecordEvent(newRS, D);
    return this.scaleReplicaSetAndRecordEvent(newRS, this.newRSNewReplicas(allRSs, newRS));
  }

  private reconcileOldReplicaSets(allRSs: View[], oldRSs: View[], newRS: View): boolean {
    const oldPods = oldRSs.reduce((n, v) => n + replicasOf(v), 0);
    if (oldPods === 0) return false;
    const allPods = allRSs.reduce((n, v) => n + replicasOf(v), 0);
    const minAvailable = this.settings.replicas - maxUnavailable(this.settings);
    // Unavailable new pods must not let old ones go (rolling.go's worked example).
    const newRSUnavailable = replicasOf(newRS) - newRS.status.availableReplicas;
    const maxScaledDown = allPods - minAvailable - newRSUnavailable;
    if (maxScaledDown <= 0) return false;

    const cleaned = this.cleanupUnhealthyReplicas(oldRSs, maxScaledDown);
    if (cleaned === undefined) return false; // Go swallows the error and reports no scaling
    const scaledDown = this.scaleDownOldReplicaSetsForRollingUpdate([...sortByCreation(oldRSs), newRS], oldRSs);
    if (scaledDown === undefined) return false;
    return cleaned + scaledDown > 0;
  }

  /** Scale old ReplicaSets down by their unavailable pods first (they cost no availability). */
  private cleanupUnhealthyReplicas(oldRSs: View[], maxCleanupCount: number): number | undefined {
    let total = 0;
    for (const v of sortByCreation(oldRSs)) {
      if (total >= maxCleanupCount) break;
      const r = replicasOf(v);
      if (r === 0) continue;
      if (r === v.status.availableReplicas) continue;
      const n = Math.min(maxCleanupCount - total, r - v.status.availableReplicas);
      // More available than desired (a scale-down not yet carried out): Go errors out.
      if (r - n > r) return undefined;
      this.scaleReplicaSetAndRecordEvent(v, r - n);
      total += n;
    }
    return total;
  }

  private scaleDownOldReplicaSetsForRollingUpdate(allRSs: View[], oldRSs: View[]): number | undefined {
    const minAvailable = this.settings.replicas - maxUnavailable(this.settings);
    const available = allRSs.reduce((n, v) => n + v.status.availableReplicas, 0);
    if (available <= minAvailable) return 0;
    const toScale = available - minAvailable;
    let total = 0;
    for (const v of sortByCreation(oldRSs)) {
      if (total >= toScale) break;
      const r = replicasOf(v);
      if (r === 0) continue;
      const n = Math.min(r, toScale - total);
      this.scaleReplicaSetAndRecordEvent(v, r - n);
      total += n;
    }
    return total;
  }

  private rolloutRecreate(): { status: DeploymentStatus; requeueAt?: Seconds } {
    let { newRS, oldRSs } = this.syncRevision(false);
    const all = () => (newRS ? [...oldRSs, newRS] : oldRSs);
    let scaledDown = false;
    for (const v of sortByCreation(oldRSs)) {
      if (replicasOf(v) === 0) continue;
      if (this.scaleReplicaSetAndRecordEvent(v, 0)) scaledDown = true;
    }
    if (scaledDown) return this.rolloutStatus(all(), newRS);
    if (this.oldPodsRunning(newRS, oldRSs)) return this.rolloutStatus(all(), newRS);
    if (!newRS) ({ newRS, oldRSs } = this.syncRevision(true));
    this.scaleReplicaSetAndRecordEvent(newRS!, this.settings.replicas);
    if (deploymentComplete(this.settings, this.generation, this.oldStatus)) this.cleanupDeployment(oldRSs);
    return this.rolloutStatus(all(), newRS);
  }

  /** recreate.go oldPodsRunning: any old pod not Succeeded/Failed, terminating ones included. */
  private oldPodsRunning(newRS: View | undefined, oldRSs: View[]): boolean {
    if (oldRSs.reduce((n, v) => n + v.status.replicas, 0) > 0) return true;
    for (const v of this.views) {
      if (v === newRS) continue;
      if (v.pods.some((p) => p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')) return true;
    }
    return false;
  }

  /** sync.go scale: proportional scaling across active ReplicaSets. */
  private scale(newRS: View | undefined, oldRSs: View[]): void {
    const D = this.settings.replicas;
    const activeOrLatest = this.findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (replicasOf(activeOrLatest) === D) return;
      this.scaleReplicaSetAndRecordEvent(activeOrLatest, D);
      return;
    }
    if (newRS && this.isSaturated(newRS)) {
      for (const v of oldRSs.filter((o) => replicasOf(o) > 0)) this.scaleReplicaSetAndRecordEvent(v, 0);
      return;
    }
    if (this.settings.strategy !== 'RollingUpdate') return;

    const active = (newRS ? [...oldRSs, newRS] : oldRSs).filter((v) => replicasOf(v) > 0);
    const activeTotal = active.reduce((n, v) => n + replicasOf(v), 0);
    const allowedSize = D > 0 ? D + maxSurge(this.settings) : 0;
    const toAdd = allowedSize - activeTotal;
    if (toAdd > 0) active.sort((a, b) => bySize(a, b) || -byAge(a, b)); // larger, then newer first
    else if (toAdd < 0) active.sort((a, b) => bySize(a, b) || byAge(a, b)); // larger, then older first

    let added = 0;
    const sizes = new Map<View, number>();
    for (const v of active) {
      if (toAdd !== 0) {
        const p = this.proportion(v, toAdd, added);
        sizes.set(v, replicasOf(v) + p);
        added += p;
      } else {
        sizes.set(v, replicasOf(v));
      }
    }
    active.forEach((v, i) => {
      // Leftovers go to the largest ReplicaSet.
      if (i === 0 && toAdd !== 0) sizes.set(v, Math.max(0, sizes.get(v)! + toAdd - added));
      this.scaleReplicaSet(v, sizes.get(v)!);
    });
  }

  private findActiveOrLatest(newRS: View | undefined, oldRSs: View[]): View | undefined {
    if (!newRS && oldRSs.length === 0) return undefined;
    const newestFirst = sortByCreation(oldRSs).reverse();
    const active = [...newestFirst, ...(newRS ? [newRS] : [])].filter((v) => replicasOf(v) > 0);
    if (active.length === 0) return newRS ?? newestFirst[0];
    if (active.length === 1) return active[0];
    return undefined;
  }

  private isSaturated(v: View): boolean {
    const D = this.settings.replicas;
    const desired = intAnnotation(v.rs.metadata.annotations, DESIRED_REPLICAS_ANNOTATION);
    return replicasOf(v) === D && desired === D && v.status.availableReplicas === D;
  }

  /** GetReplicaSetProportion / getReplicaSetFraction */
  private proportion(v: View, toAdd: number, added: number): number {
    const r = replicasOf(v);
    if (r === 0 || toAdd === 0 || toAdd === added) return 0;
    let fraction: number;
    if (this.settings.replicas === 0) {
      fraction = -r;
    } else {
      const deploymentMax = this.settings.replicas + maxSurge(this.settings);
      const annotated = intAnnotation(v.rs.metadata.annotations, MAX_REPLICAS_ANNOTATION) ?? this.oldStatus.replicas;
      fraction = annotated > 0 ? roundHalfAway((r * deploymentMax) / annotated) - r : 0;
    }
    const allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  /** cleanupDeployment: delete the oldest idle ReplicaSets beyond revisionHistoryLimit. */
  private cleanupDeployment(oldRSs: View[]): void {
    const limit = this.settings.revisionHistoryLimit;
    if (limit === 2147483647) return;
    const cleanable = oldRSs.filter((v) => v.rs.metadata.deletionTimestamp === undefined);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    const byRevision = cleanable.slice().sort((a, b) => {
      const ra = revisionOf(a.rs.metadata.annotations) ?? 0;
      const rb = revisionOf(b.rs.metadata.annotations) ?? 0;
      if (ra !== rb) return ra - rb;
      return sortByCreation([a, b])[0] === a ? -1 : 1;
    });
    for (let i = 0; i < diff; i++) {
      const v = byRevision[i];
      if (v.status.replicas !== 0 || replicasOf(v) !== 0) continue;
      if ((v.rs.metadata.generation ?? 1) > v.status.observedGeneration) continue;
      this.deletes.push(v.rs.metadata.name);
    }
  }
}

function counts(v: View): ReplicaSetCounts {
  return { name: v.rs.metadata.name, specReplicas: replicasOf(v), status: v.status };
}

function bySize(a: View, b: View): number {
  return replicasOf(b) - replicasOf(a);
}

/** older first */
function byAge(a: View, b: View): number {
  if (a.rs.metadata.creationTimestamp !== b.rs.metadata.creationTimestamp) return a.rs.metadata.creationTimestamp - b.rs.metadata.creationTimestamp;
  return a.rs.metadata.name < b.rs.metadata.name ? -1 : a.rs.metadata.name > b.rs.metadata.name ? 1 : 0;
}

/** Go math.Round: half away from zero. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
