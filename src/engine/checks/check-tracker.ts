/**
 * Which scenario checks (spec.checks) have passed, worked out from the runner's lines
 * alone: the latest line of each pod, the ready endpoints of each Service, the events
 * as they come. A check passes once, the first moment its condition holds at or after
 * its `after`:
 * - pod and service checks hold of a state, so they are tested at every line that
 *   changes it and, once, at `after` itself (`tick`), against the state then;
 * - event checks hold of an event line at or after `after`.
 * The state is plain data, copied by `copy`, so a checkpoint clone continues exactly
 * as the original would.
 */
import type { CheckSpec, LocalizedText, Seconds } from '../../scenario/model';
import type { CheckLine, Observation, PodLine } from '../observations';
import { eventMatches, podIsSubject, podLineMatches, readyEndpointCount, type DeploymentOf } from './check-conditions';

/** A check as a UI lists it. */
export interface CheckResult {
  name: string;
  title?: LocalizedText;
  /** when it passed, or null while it has not */
  passedAt: Seconds | null;
}

/**
 * Without ownership information: a pod of Deployment d is named `d-<pod-template-hash>-<suffix>`
 * (neither part has a dash: pkg/controller/deployment/util, k8s.io/apiserver names.SimpleNameGenerator).
 */
export function deploymentByPodName(pod: string): string | undefined {
  const m = /^(.+)-[a-z0-9]+-[a-z0-9]+$/.exec(pod);
  return m ? m[1] : undefined;
}

export class CheckTracker {
  /** latest line of each pod that exists */
  private pods = new Map<string, PodLine>();
  /** ready endpoints of each Service, from its latest endpoints line */
  private readyEndpoints = new Map<string, number>();
  private passedAt: (Seconds | null)[];
  /** `after` times up to which tick has run */
  private tickedUntil: Seconds = 0;
  private pending: CheckLine[] = [];

  constructor(
    readonly checks: readonly CheckSpec[],
    private readonly deploymentOf: DeploymentOf = deploymentByPodName,
  ) {
    this.passedAt = checks.map(() => null);
  }

  /** takes in one runner line; a check it makes pass is kept for `takePassed` */
  observe(o: Observation): void {
    if (o.type === 'pod') {
      if ('deleted' in o) this.pods.delete(o.name);
      else this.pods.set(o.name, o);
    } else if (o.type === 'endpoints') {
      this.readyEndpoints.set(o.service, readyEndpointCount(o));
    } else if (o.type !== 'event') return;
    this.checks.forEach((c, i) => {
      if (this.passedAt[i] !== null || o.t < c.after) return;
      const e = c.expect;
      let holds = false;
      if (o.type === 'event') holds = e.kind === 'event' && eventMatches(e, o, this.deploymentOf);
      else if (o.type === 'endpoints') holds = e.kind === 'service' && e.service === o.service && this.serviceHolds(i);
      // a pod check that did not hold before this line can only hold now through this pod
      // (a deleted pod's line makes no pod check hold: a check names a state of a pod that exists)
      else holds = e.kind === 'pod' && !('deleted' in o) && podIsSubject(e.pod, o.name, this.deploymentOf) && podLineMatches(e, o);
      if (holds) this.pass(i, o.t);
    });
  }

  /** the next `after` at which a pod or service check not yet passed must be tested, if any */
  nextTickAt(): Seconds | null {
    let next: Seconds | null = null;
    this.checks.forEach((c, i) => {
      if (this.passedAt[i] !== null || c.expect.kind === 'event' || c.after <= this.tickedUntil) return;
      if (next === null || c.after < next) next = c.after;
    });
    return next;
  }

  /** time `t` has come, after every line of that instant: test the state then */
  tick(t: Seconds): void {
    this.tickedUntil = Math.max(this.tickedUntil, t);
    this.checks.forEach((c, i) => {
      if (this.passedAt[i] !== null || c.after > t || c.expect.kind === 'event') return;
      if (c.expect.kind === 'pod' ? this.podHolds(i) : this.serviceHolds(i)) this.pass(i, t);
    });
  }

  /** the check lines of the checks passed since the last call, in the order they passed */
  takePassed(): CheckLine[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }

  results(): CheckResult[] {
    return this.checks.map((c, i) => ({ name: c.name, ...(c.title !== undefined ? { title: c.title } : {}), passedAt: this.passedAt[i] }));
  }

  /** a tracker in the same state, reading pod ownership through `deploymentOf` */
  copy(deploymentOf: DeploymentOf = this.deploymentOf): CheckTracker {
    const c = new CheckTracker(this.checks, deploymentOf);
    c.restoreFrom(this);
    return c;
  }

  /** take on the state of `other` (same checks): lines are never changed once printed, so they are shared */
  restoreFrom(other: CheckTracker): void {
    this.pods = new Map(other.pods);
    this.readyEndpoints = new Map(other.readyEndpoints);
    this.passedAt = other.passedAt.slice();
    this.tickedUntil = other.tickedUntil;
    this.pending = other.pending.slice();
  }

  private podHolds(i: number): boolean {
    const e = this.checks[i].expect;
    if (e.kind !== 'pod') return false;
    for (const line of this.pods.values()) if (podIsSubject(e.pod, line.name, this.deploymentOf) && podLineMatches(e, line)) return true;
    return false;
  }

  private serviceHolds(i: number): boolean {
    const e = this.checks[i].expect;
    return e.kind === 'service' && this.readyEndpoints.get(e.service) === e.readyEndpoints;
  }

  private pass(i: number, t: Seconds): void {
    this.passedAt[i] = t;
    this.pending.push({ t, type: 'check', name: this.checks[i].name, passed: true });
  }
}
