/**
 * What a pod card shows, derived from one SimSnapshot: kubectl's READY/STATUS/RESTARTS
 * (computed by the same printPod port kubectl uses), each container's state and probes,
 * and the deadlines the card counts down to. Pure data, so it is compared cheaply to
 * redraw only the cards that changed.
 */
import type { ContainerStatus, PodObject } from '../engine/model/objects';
import type { ContainerView, ProbeView, SimSnapshot } from '../engine/simulation-api';
import { summarizePod } from '../engine/kubectl/pod-status-column';

/** The shape a card takes: each one is drawn differently, not only coloured differently. */
export type PodLook =
  | 'pending' // not scheduled yet: hollow card
  | 'creating' // ContainerCreating, PodInitializing, image pulls: spinner
  | 'init' // Init:N/M: progress steps
  | 'ready' // Running and Ready: solid
  | 'notready' // Running but not Ready: dashed, pulsing
  | 'crashloop' // CrashLoopBackOff and other back-offs: jagged, flashing, countdown
  | 'terminating' // cross, grace period running down
  | 'completed' // check mark
  | 'failed'; // Error, OOMKilled, ...: exclamation

export interface ProbeVisual {
  type: ProbeView['type'];
  result: ProbeView['result'];
  /** what the last tick returned, null before the first */
  last: 'Success' | 'Failure' | null;
  run: number;
  failureThreshold: number;
  successThreshold: number;
  lastProbeAt: number | null;
  periodSeconds: number;
  forced: 'fail' | 'pass' | null;
  /** worker is holding (after a liveness kill or a startup verdict) or idle */
  active: boolean;
}

export interface ContainerVisual {
  name: string;
  kind: 'init' | 'sidecar' | 'regular';
  state: 'waiting' | 'running' | 'terminated';
  reason: string;
  ready: boolean;
  started: boolean;
  restarts: number;
  exitCode: number | null;
  /** the container statechart's active state */
  machineState: string;
  probes: ProbeVisual[];
  backOffUntil: number | null;
  killAt: number | null;
}

export interface PodVisual {
  uid: string;
  name: string;
  node: string | null;
  status: string;
  look: PodLook;
  readyCount: number;
  totalCount: number;
  restarts: number;
  phase: string;
  createdAt: number;
  /** the Deployment this pod belongs to (through its ReplicaSet), if any */
  deployment: string | null;
  labels: Record<string, string>;
  /** the earliest back-off deadline among the containers, for the countdown */
  backOffUntil: number | null;
  /** when SIGKILL comes, for the Terminating countdown */
  killAt: number | null;
  deletionAt: number | null;
  graceSeconds: number | null;
  containers: ContainerVisual[];
}

function stateOf(s: ContainerStatus | undefined): { state: ContainerVisual['state']; reason: string; exitCode: number | null } {
  if (!s) return { state: 'waiting', reason: 'Pending', exitCode: null };
  if ('running' in s.state) return { state: 'running', reason: 'Running', exitCode: null };
  if ('terminated' in s.state) return { state: 'terminated', reason: s.state.terminated.reason, exitCode: s.state.terminated.exitCode };
  return { state: 'waiting', reason: s.state.waiting.reason ?? '', exitCode: null };
}

const BACKOFF_REASONS = /CrashLoopBackOff|ImagePullBackOff|ErrImagePull|CreateContainerConfigError|RunContainerError/;

export function podLook(status: string, pod: PodObject, ready: boolean): PodLook {
  if (pod.metadata.deletionTimestamp !== undefined && status === 'Terminating') return 'terminating';
  if (BACKOFF_REASONS.test(status)) return 'crashloop';
  if (status.startsWith('Init:')) return /Init:\d+\/\d+/.test(status) ? 'init' : 'failed';
  if (status === 'Completed' || pod.status.phase === 'Succeeded') return 'completed';
  if (pod.status.phase === 'Failed' || status === 'Error' || status === 'OOMKilled' || /^(ExitCode|Signal):/.test(status)) return 'failed';
  if (!pod.spec.nodeName) return 'pending';
  if (status === 'ContainerCreating' || status === 'PodInitializing' || status === 'Pending') return 'creating';
  if (pod.status.phase === 'Running') return ready ? 'ready' : 'notready';
  return 'creating';
}

/**
 * The engine runs only the probe ticks whose result can change something: a steady
 * success against a cached success is skipped (src/engine/kubelet/prober.ts planProbe).
 * So after a lone failure below the threshold (liveness during a slow start, say) the
 * worker's last result stays Failure although the kubelet has probed successfully
 * since. When a tick at lastProbeAt + period has passed and was not planned, it was
 * such a skipped success: show the run of successes it began.
 */
export function steadyRun(p: ProbeView, now: number): { last: ProbeVisual['last']; run: number; at: number | null } {
  const at = p.lastProbeAt;
  if (at === null || p.periodSeconds <= 0 || p.result !== 'Success' || p.lastResult !== 'Failure' || !p.state.startsWith('Probing')) return { last: p.lastResult, run: p.run, at };
  const skippedTick = at + p.periodSeconds;
  if (now + 1e-9 < skippedTick || (p.nextProbeAt !== null && p.nextProbeAt <= skippedTick + 1e-9)) return { last: p.lastResult, run: p.run, at };
  const ticks = Math.floor((now - at) / p.periodSeconds + 1e-9);
  return { last: 'Success', run: ticks, at: at + ticks * p.periodSeconds };
}

function probeVisual(p: ProbeView, now: number): ProbeVisual {
  const steady = steadyRun(p, now);
  return {
    type: p.type,
    result: p.result,
    last: steady.last,
    run: steady.run,
    failureThreshold: p.failureThreshold,
    successThreshold: p.successThreshold,
    lastProbeAt: steady.at,
    periodSeconds: p.periodSeconds,
    forced: p.forced,
    active: p.state.startsWith('Probing'),
  };
}

/** Which Deployment owns each ReplicaSet, by ReplicaSet name. */
export function deploymentOfReplicaSets(snap: SimSnapshot): Map<string, string> {
  const m = new Map<string, string>();
  for (const rs of snap.view.replicaSets) {
    const d = rs.metadata.ownerReferences?.find((o) => o.kind === 'Deployment' && o.controller);
    if (d) m.set(rs.metadata.name, d.name);
  }
  return m;
}

export function podVisuals(snap: SimSnapshot): PodVisual[] {
  const byPod = new Map<string, ContainerView[]>();
  for (const c of snap.containers) {
    let l = byPod.get(c.pod);
    if (!l) byPod.set(c.pod, (l = []));
    l.push(c);
  }
  const rsToDeploy = deploymentOfReplicaSets(snap);
  return snap.view.pods.map((pod) => podVisual(pod, byPod.get(pod.metadata.name) ?? [], rsToDeploy, snap.view.now));
}

export function podVisual(pod: PodObject, views: ContainerView[], rsToDeploy: Map<string, string>, now: number): PodVisual {
  return podVisualOf(podBase(pod, rsToDeploy), views, now);
}

/**
 * What a pod's visual takes from the pod object alone (its status columns, its containers
 * and their statuses, its Deployment). A pod whose object did not change keeps it while
 * its probes tick (pod-visual-cache.ts): only the containers' part is made again.
 */
export interface PodBase {
  pod: PodObject;
  status: string;
  look: PodLook;
  readyCount: number;
  totalCount: number;
  restarts: number;
  deployment: string | null;
  specs: { name: string; kind: ContainerVisual['kind']; status: ContainerStatus | undefined }[];
}

export function podBase(pod: PodObject, rsToDeploy: Map<string, string>): PodBase {
  const sum = summarizePod(pod);
  const ready = pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
  const statuses = new Map<string, ContainerStatus>();
  for (const s of pod.status.initContainerStatuses ?? []) statuses.set(s.name, s);
  for (const s of pod.status.containerStatuses ?? []) statuses.set(s.name, s);
  const specs: PodBase['specs'] = [];
  for (const c of pod.spec.initContainers ?? []) specs.push({ name: c.name, kind: c.restartPolicy === 'Always' ? 'sidecar' : 'init', status: statuses.get(c.name) });
  for (const c of pod.spec.containers ?? []) specs.push({ name: c.name, kind: 'regular', status: statuses.get(c.name) });
  const rs = pod.metadata.ownerReferences?.find((o) => o.kind === 'ReplicaSet' && o.controller);
  return {
    pod,
    status: sum.reason,
    look: podLook(sum.reason, pod, ready),
    readyCount: sum.readyContainers,
    totalCount: sum.totalContainers,
    restarts: sum.restarts,
    deployment: rs ? rsToDeploy.get(rs.name) ?? null : null,
    specs,
  };
}

/** the visual of a pod from its base and its containers' views */
export function podVisualOf(base: PodBase, views: ContainerView[], now: number): PodVisual {
  const pod = base.pod;
  const containers: ContainerVisual[] = [];
  let backOffUntil: number | null = null;
  let killAt: number | null = null;
  for (const { name, kind, status: s } of base.specs) {
    let v: ContainerView | undefined;
    for (const x of views) if (x.name === name) {
      v = x;
      break;
    }
    const st = stateOf(s);
    if (v?.backOffUntil != null && (backOffUntil === null || v.backOffUntil < backOffUntil)) backOffUntil = v.backOffUntil;
    if (v?.killAt != null && (killAt === null || v.killAt > killAt)) killAt = v.killAt;
    containers.push({
      name,
      kind,
      state: st.state,
      reason: st.reason,
      exitCode: st.exitCode,
      ready: s?.ready ?? false,
      started: s?.started ?? false,
      restarts: s?.restartCount ?? 0,
      machineState: v?.machineState ?? '',
      probes: (v?.probes ?? []).map((p) => probeVisual(p, now)),
      backOffUntil: v?.backOffUntil ?? null,
      killAt: v?.killAt ?? null,
    });
  }
  const deletionAt = pod.metadata.deletionTimestamp ?? null;
  return {
    uid: pod.metadata.uid,
    name: pod.metadata.name,
    node: pod.spec.nodeName ?? null,
    status: base.status,
    look: base.look,
    readyCount: base.readyCount,
    totalCount: base.totalCount,
    restarts: base.restarts,
    phase: pod.status.phase,
    createdAt: pod.metadata.creationTimestamp,
    deployment: base.deployment,
    labels: pod.metadata.labels,
    backOffUntil,
    killAt,
    deletionAt,
    graceSeconds: pod.metadata.deletionGracePeriodSeconds ?? null,
    containers,
  };
}

/**
 * A string that changes whenever anything the card draws changes, except the
 * countdowns and probe pulses (those move in `frame`). Comparing keys keeps per-snapshot work to the
 * cards that changed.
 */
export function visualKey(v: PodVisual): string {
  let k = visualKeys.get(v);
  if (k === undefined) visualKeys.set(v, (k = makeVisualKey(v)));
  return k;
}

/** a visual is never changed once made (pod-visual-cache.ts replaces it), so neither is its key */
const visualKeys = new WeakMap<PodVisual, string>();

function makeVisualKey(v: PodVisual): string {
  let k = `${v.node}|${v.status}|${v.look}|${v.readyCount}/${v.totalCount}|${v.restarts}|${v.backOffUntil}|${v.killAt}|${v.deletionAt}`;
  for (const c of v.containers) {
    k += `|${c.name}:${c.state}:${c.reason}:${c.ready ? 1 : 0}:${c.started ? 1 : 0}:${c.restarts}`;
    // the run as drawn (capped at the threshold), not the tick time: a tick that changes
    // nothing drawn is a pulse (PodCard.tickPulses), not a redraw
    for (const p of c.probes) k += `:${p.type[0]}${p.result[0]}${p.last?.[0] ?? '-'}${probeRunText(p)}${p.forced ?? ''}${p.active ? 'a' : 'i'}`;
  }
  return k;
}

/** "2/3": the run of failures against failureThreshold, or successes against successThreshold. */
export function probeRunText(p: ProbeVisual): string {
  if (p.last === null) return '–';
  if (p.last === 'Failure') return `✗${Math.min(p.run, p.failureThreshold)}/${p.failureThreshold}`;
  return `✓${Math.min(p.run, p.successThreshold)}/${p.successThreshold}`;
}

/** A countdown as "17s" or "1m05s", rounded up so it reaches 0 at the deadline. */
export function countdownText(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds - 1e-9));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  const r = s % 60;
  return `${m}m${String(r).padStart(2, '0')}s`;
}
