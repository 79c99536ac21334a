/**
 * Deployment status and conditions (k8s.io/kubernetes pkg/controller/deployment/
 * sync.go calculateStatus, progress.go syncRolloutStatus / requeueStuckDeployment,
 * util/deployment_util.go condition helpers, DeploymentComplete, DeploymentProgressing,
 * DeploymentTimedOut). Reasons and messages are the real ones.
 */
import type { ConditionStatus, DeploymentObject, ReplicaSetObject, Seconds } from '../model/objects';
import type { DeploymentSettings } from './rolling-update-fenceposts';
import { maxUnavailable } from './rolling-update-fenceposts';

export type DeploymentStatus = DeploymentObject['status'];
export type DeploymentCondition = DeploymentStatus['conditions'][number];

export const REASON = {
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  FailedRSCreate: 'ReplicaSetCreateError',
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  DeploymentPaused: 'DeploymentPaused',
  DeploymentResumed: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

export function newCondition(type: string, status: ConditionStatus, reason: string, message: string, now: Seconds): DeploymentCondition {
  return { type, status, reason, message, lastTransitionTime: now, lastUpdateTime: now };
}

export function getCondition(conditions: readonly DeploymentCondition[], type: string): DeploymentCondition | undefined {
  return conditions.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: no-op when status and reason are unchanged; keeps
 * lastTransitionTime when only the reason changes; the condition moves to the end.
 */
export function setCondition(conditions: readonly DeploymentCondition[], condition: DeploymentCondition): DeploymentCondition[] {
  const current = getCondition(conditions, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return conditions.slice();
  const c = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  return [...removeCondition(conditions, condition.type), c];
}

export function removeCondition(conditions: readonly DeploymentCondition[], type: string): DeploymentCondition[] {
  return conditions.filter((c) => c.type !== type);
}

/** What calculateStatus reads from one ReplicaSet. */
export interface ReplicaSetCounts {
  name: string;
  specReplicas: number;
  status: ReplicaSetObject['status'];
}

/** sync.go calculateStatus: counts from the ReplicaSets, then the Available condition. */
export function calculateStatus(
  allRSs: readonly ReplicaSetCounts[],
  newRS: ReplicaSetCounts | undefined,
  generation: number,
  settings: DeploymentSettings,
  conditions: readonly DeploymentCondition[],
  now: Seconds,
): DeploymentStatus {
  const available = sum(allRSs, (r) => r.status.availableReplicas);
  const total = sum(allRSs, (r) => r.specReplicas);
  const status: DeploymentStatus = {
    observedGeneration: generation,
    replicas: sum(allRSs, (r) => r.status.replicas),
    updatedReplicas: newRS ? newRS.status.replicas : 0,
    readyReplicas: sum(allRSs, (r) => r.status.readyReplicas),
    availableReplicas: available,
    // More available than desired happens while scaling down: never negative.
    unavailableReplicas: Math.max(0, total - available),
    conditions: conditions.slice(),
  };
  const minAvailable = settings.replicas - maxUnavailable(settings);
  status.conditions =
    available >= minAvailable
      ? setCondition(status.conditions, newCondition('Available', 'True', REASON.MinimumReplicasAvailable, 'Deployment has minimum availability.', now))
      : setCondition(status.conditions, newCondition('Available', 'False', REASON.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  return status;
}

/** All desired replicas updated and available, no old pods left, generation observed. */
export function deploymentComplete(settings: DeploymentSettings, generation: number, status: DeploymentStatus): boolean {
  return (
    status.updatedReplicas === settings.replicas &&
    status.replicas === settings.replicas &&
    status.availableReplicas === settings.replicas &&
    status.observedGeneration >= generation
  );
}

/** New pods scaled up or ready/available, or old pods scaled down, since the last status. */
export function deploymentProgressing(oldStatus: DeploymentStatus, newStatus: DeploymentStatus): boolean {
  const oldOld = oldStatus.replicas - oldStatus.updatedReplicas;
  const newOld = newStatus.replicas - newStatus.updatedReplicas;
  return (
    newStatus.updatedReplicas > oldStatus.updatedReplicas ||
    newOld < oldOld ||
    newStatus.readyReplicas > oldStatus.readyReplicas ||
    newStatus.availableReplicas > oldStatus.availableReplicas
  );
}

/** Progressing last updated more than progressDeadlineSeconds ago (strictly). */
export function deploymentTimedOut(settings: DeploymentSettings, status: DeploymentStatus, now: Seconds): boolean {
  if (settings.progressDeadlineSeconds === undefined) return false;
  const c = getCondition(status.conditions, 'Progressing');
  if (!c) return false;
  if (c.reason === REASON.NewReplicaSetAvailable) return false;
  if (c.reason === REASON.ProgressDeadlineExceeded) return true;
  return c.lastUpdateTime + settings.progressDeadlineSeconds < now;
}

/**
 * progress.go syncRolloutStatus: calculateStatus, then the Progressing condition
 * (complete → NewReplicaSetAvailable; progress → ReplicaSetUpdated, refreshing
 * lastUpdateTime; stuck past the deadline → ProgressDeadlineExceeded). Also returns
 * when to look again for a timeout (requeueStuckDeployment adds 1 s to the deadline).
 */
export function syncRolloutStatus(
  deploymentName: string,
  oldStatus: DeploymentStatus,
  conditions: readonly DeploymentCondition[],
  allRSs: readonly ReplicaSetCounts[],
  newRS: ReplicaSetCounts | undefined,
  generation: number,
  settings: DeploymentSettings,
  now: Seconds,
): { status: DeploymentStatus; requeueAt?: Seconds } {
  const s = calculateStatus(allRSs, newRS, generation, settings, conditions, now);
  if (settings.progressDeadlineSeconds === undefined) s.conditions = removeCondition(s.conditions, 'Progressing');

  const currentCond = getCondition(conditions, 'Progressing');
  const isComplete = s.replicas === s.updatedReplicas && currentCond?.reason === REASON.NewReplicaSetAvailable;
  if (settings.progressDeadlineSeconds !== undefined && !isComplete) {
    if (deploymentComplete(settings, generation, s)) {
      const msg = newRS ? `ReplicaSet "${newRS.name}" has successfully progressed.` : `Deployment "${deploymentName}" has successfully progressed.`;
      s.conditions = setCondition(s.conditions, newCondition('Progressing', 'True', REASON.NewReplicaSetAvailable, msg, now));
    } else if (deploymentProgressing(oldStatus, s)) {
      const msg = newRS ? `ReplicaSet "${newRS.name}" is progressing.` : `Deployment "${deploymentName}" is progressing.`;
      let c = newCondition('Progressing', 'True', REASON.ReplicaSetUpdated, msg, now);
      // Same reason, but lastUpdateTime must move: replace rather than SetDeploymentCondition.
      if (currentCond) {
        if (currentCond.status === 'True') c = { ...c, lastTransitionTime: currentCond.lastTransitionTime };
        s.conditions = removeCondition(s.conditions, 'Progressing');
      }
      s.conditions = setCondition(s.conditions, c);
    } else if (deploymentTimedOut(settings, s, now)) {
      const msg = newRS ? `ReplicaSet "${newRS.name}" has timed out progressing.` : `Deployment "${deploymentName}" has timed out progressing.`;
      s.conditions = setCondition(s.conditions, newCondition('Progressing', 'False', REASON.ProgressDeadlineExceeded, msg, now));
    }
  }

  let requeueAt: Seconds | undefined;
  const cond = getCondition(s.conditions, 'Progressing');
  if (
    settings.progressDeadlineSeconds !== undefined &&
    cond &&
    !deploymentComplete(settings, generation, s) &&
    cond.reason !== REASON.ProgressDeadlineExceeded &&
    // Go requeues here too, but a finished rollout can never time out: skip the no-op wakeup.
    cond.reason !== REASON.NewReplicaSetAvailable
  ) {
    requeueAt = cond.lastUpdateTime + settings.progressDeadlineSeconds + 1;
  }
  return { status: s, requeueAt };
}

function sum<T>(xs: readonly T[], f: (x: T) => number): number {
  let n = 0;
  for (const x of xs) n += f(x);
  return n;
}
