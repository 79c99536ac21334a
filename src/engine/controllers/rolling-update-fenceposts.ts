/**
 * maxSurge / maxUnavailable resolution (k8s.io/apimachinery util/intstr
 * GetScaledValueFromIntOrPercent; k8s.io/kubernetes pkg/controller/deployment/util/
 * deployment_util.go ResolveFenceposts, MaxSurge, MaxUnavailable) and the apps/v1
 * Deployment defaults (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment).
 */
import type { DeploymentObject } from '../model/objects';

export type IntOrString = number | string;

/** A number is taken as is; "N%" of total rounds up for surge, down for unavailability. */
export function getValueFromIntOrPercent(value: IntOrString, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (!value.endsWith('%')) {
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const pct = Number(value.slice(0, -1));
  if (!Number.isInteger(pct)) throw new Error(`invalid value for IntOrString: invalid value "${value}"`);
  // Integer arithmetic: Go computes float64(pct)*float64(total)/100 and ceils/floors it.
  const scaled = pct * total;
  return roundUp ? Math.ceil(scaled / 100) : Math.floor(scaled / 100);
}

/**
 * Both fenceposts at once: if both resolve to 0 (e.g. 25% of 1 replica for
 * unavailability with surge 0), maxUnavailable becomes 1 so the rollout can move.
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): { maxSurge: number; maxUnavailable: number } {
  const surge = getValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { maxSurge: surge, maxUnavailable: unavailable };
}

export interface DeploymentSettings {
  replicas: number;
  strategy: 'RollingUpdate' | 'Recreate';
  maxSurgeRaw: IntOrString;
  maxUnavailableRaw: IntOrString;
  minReadySeconds: number;
  revisionHistoryLimit: number;
  /** undefined = no deadline (unset, or math.MaxInt32) */
  progressDeadlineSeconds: number | undefined;
  paused: boolean;
}

const MAX_INT32 = 2147483647;

/** The spec with apps/v1 defaults applied: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600 s. */
export function deploymentSettings(d: DeploymentObject): DeploymentSettings {
  const s = d.spec;
  const type = s.strategy?.type ?? 'RollingUpdate';
  if (type !== 'RollingUpdate' && type !== 'Recreate') {
    throw new Error(`deployment type ${type} isn't supported`);
  }
  const pds = s.progressDeadlineSeconds ?? 600;
  return {
    replicas: s.replicas ?? 1,
    strategy: type,
    maxSurgeRaw: s.strategy?.rollingUpdate?.maxSurge ?? '25%',
    maxUnavailableRaw: s.strategy?.rollingUpdate?.maxUnavailable ?? '25%',
    minReadySeconds: s.minReadySeconds ?? 0,
    revisionHistoryLimit: s.revisionHistoryLimit ?? 10,
    progressDeadlineSeconds: pds === MAX_INT32 ? undefined : pds,
    paused: s.paused === true,
  };
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(settings: DeploymentSettings): number {
  if (settings.strategy !== 'RollingUpdate') return 0;
  return resolveFenceposts(settings.maxSurgeRaw, settings.maxUnavailableRaw, settings.replicas).maxSurge;
}

/** MaxUnavailable: 0 unless RollingUpdate with replicas > 0; never more than replicas. */
export function maxUnavailable(settings: DeploymentSettings): number {
  if (settings.strategy !== 'RollingUpdate' || settings.replicas === 0) return 0;
  const { maxUnavailable: u } = resolveFenceposts(settings.maxSurgeRaw, settings.maxUnavailableRaw, settings.replicas);
  return Math.min(u, settings.replicas);
}
