/**
 * The probe workers of pkg/kubelet/prober, driven by the virtual clock. A worker
 * does not wake for ticks that would change nothing (a passing probe whose cached
 * result is already Success): it computes the next tick where something can
 * change — a failure (each failure is an Unhealthy event), a threshold crossing,
 * or a change the program makes on its own — and sleeps until then. Outside
 * changes (commands, files, restarts) re-plan the worker.
 */
import type { Engine } from '../runtime/engine';
import { stateString, type ContainerRuntime, type InstanceRuntime, type PodRuntime, type ProbeRuntime } from './pod-runtime';
import { evaluateProbe } from './probe-handler';
import { firstEligibleTick, firstTickAtOrAfter, JUST_AFTER } from './probe-timing';
import { cachedResult } from './pod-status';
import { podInvolvedObject } from '../events/involved-object';
import type { ProbeType } from './probe-worker-machine';

export interface ProbeEffects {
  /** the kubelet reacts to a verdict */
  onVerdict(pod: PodRuntime, c: ContainerRuntime, pr: ProbeRuntime, verdict: 'ready' | 'unready' | 'started' | 'kill'): void;
}

const TITLE: Record<ProbeType, string> = { readiness: 'Readiness', liveness: 'Liveness', startup: 'Startup' };

function isRunning(c: ContainerRuntime): boolean {
  return c.actor.getSnapshot().value === 'Running';
}

function isStarted(c: ContainerRuntime): boolean {
  return !c.probes.startup || cachedResult(c.probes.startup) === 'Success';
}

function probing(pr: ProbeRuntime): boolean {
  // matches('Probing'), without building a state path on this hot path
  return stateString(pr.actor.getSnapshot().value).startsWith('Probing.');
}

export function cancelProbe(eng: Engine, pr: ProbeRuntime): void {
  eng.clock.cancel(pr.timer);
  pr.timer = null;
  pr.nextAt = null;
}

/** A probe's outcome as just evaluated, for the instance that answered it. */
export interface KnownOutcome {
  result: 'Success' | 'Failure';
  /** the outcome holds until then unless something outside changes it */
  until: number;
  instance: InstanceRuntime | undefined;
}

/**
 * Decide the next tick at which this worker has something to do, from `from` on.
 * `known`: the outcome the probe just gave; a tick before its `until` answers the same
 * (for the same instance, and for probes that run no command in the container), so it
 * is not evaluated again.
 */
export function planProbe(eng: Engine, pod: PodRuntime, c: ContainerRuntime, pr: ProbeRuntime, from = eng.now(), known?: KnownOutcome): void {
  cancelProbe(eng, pr);
  const inst = c.current;
  if (!inst || !isRunning(c) || !probing(pr) || pod.deleted) return;
  if (pr.type !== 'startup' && !isStarted(c)) return; // suppressed until the startup probe succeeds
  if (pr.type === 'startup' && isStarted(c)) return;
  if (pr.anchor === null) pr.anchor = inst.startedAt + pr.spec.initialDelaySeconds;
  const P = pr.spec.periodSeconds;
  let t = firstEligibleTick(pr.anchor, P, from, inst.startedAt, pr.spec.initialDelaySeconds);
  const reuse = known !== undefined && known.instance === inst && !pr.spec.exec;
  for (let guard = 0; guard < 10_000; guard++) {
    const out = reuse && t < known.until ? known : evaluateProbe(eng, pod, c, pr, t);
    if (out.result === 'Success' && cachedResult(pr) === 'Success') {
      // Nothing observable happens at this tick: skip to the next change of the program.
      if (!Number.isFinite(out.until)) return;
      t = firstTickAtOrAfter(pr.anchor, P, Math.max(out.until, t + JUST_AFTER));
      continue;
    }
    pr.nextAt = t;
    pr.timer = eng.schedule(t, { kind: 'probe', pod: pod.name, container: c.name, probe: pr.type, instance: inst.id });
    return;
  }
}

/** Re-plan every worker of a container (after a command or a file change). */
export function replanContainer(eng: Engine, pod: PodRuntime, c: ContainerRuntime): void {
  for (const pr of Object.values(c.probes)) if (pr) planProbe(eng, pod, c, pr);
}

/** Run a probe now and apply its result. */
export function runProbe(eng: Engine, pod: PodRuntime, c: ContainerRuntime, pr: ProbeRuntime, fx: ProbeEffects): void {
  const now = eng.now();
  pr.timer = null;
  pr.nextAt = null;
  const instance = c.current;
  const out = evaluateProbe(eng, pod, c, pr, now);
  const snap = pr.actor.getSnapshot();
  const before = stateString(snap.value);
  if (snap.context.lastResult === out.result && cachedResult(pr) === out.result && probing(pr)) {
    // Another result like the cached one and the run before it: the only change is the
    // run's length, so the transition is skipped and the run counted here (ProbeView.run adds it).
    pr.repeats++;
  } else {
    pr.repeats = 0;
    pr.actor.send({ type: 'RESULT', result: out.result });
  }
  pr.lastProbeAt = now;
  if (out.result === 'Failure') {
    // One Unhealthy event per failed probe execution (prober.go), deduplicated into counts.
    eng.event({
      involvedObject: (c.involved ??= podInvolvedObject(pod.obj, c.name)),
      reason: 'Unhealthy',
      message: `${TITLE[pr.type]} probe failed: ${out.output}`,
      type: 'Warning',
      source: { component: 'kubelet', host: pod.obj.spec.nodeName },
    });
  }
  const after = stateString(pr.actor.getSnapshot().value);
  if (before !== after) {
    pr.lastResultAt = now;
    pod.dirty = true;
    if (pr.type === 'readiness') fx.onVerdict(pod, c, pr, after.endsWith('Success') ? 'ready' : 'unready');
    else if (pr.type === 'startup' && after === 'OnHold.Success') fx.onVerdict(pod, c, pr, 'started');
    else if (after === 'OnHold.Failure') fx.onVerdict(pod, c, pr, 'kill');
  }
  if (probing(pr) && pr.timer === null && pr.anchor !== null) planProbe(eng, pod, c, pr, now + JUST_AFTER, { result: out.result, until: out.until, instance });
}

/**
 * The readiness manual trigger (prober_manager.go UpdatePodStatus): at a pod sync,
 * a started container whose readiness is not Success is probed at once, and the
 * ticker restarts from then (#119089).
 */
export function triggerReadiness(eng: Engine, pod: PodRuntime, fx: ProbeEffects): void {
  const now = eng.now();
  for (const c of pod.containers) {
    const pr = c.probes.readiness;
    const inst = c.current;
    if (!pr || !inst || !isRunning(c) || !isStarted(c) || !probing(pr)) continue;
    if (cachedResult(pr) === 'Success') continue;
    if (Math.floor(now - inst.startedAt + 1e-9) < pr.spec.initialDelaySeconds) continue;
    cancelProbe(eng, pr);
    pr.anchor = now;
    runProbe(eng, pod, c, pr, fx);
  }
}
