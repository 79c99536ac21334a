/**
 * The ContainerViews of a snapshot, made incrementally: a container whose statechart,
 * probe workers and deadlines are as they were at the last snapshot keeps its view
 * object (and the list keeps its identity when no container changed), so a snapshot
 * of 1,000 pods builds views only for the containers that moved, and a reader can
 * skip an unchanged container with one comparison.
 *
 * Views are shared between snapshots: readers must not change them.
 */
import type { ContainerView, ProbeView } from '../simulation-api';
import { stateString, type ContainerRuntime, type PodRuntime, type ProbeRuntime } from '../kubelet/pod-runtime';
import { cachedResult } from '../kubelet/pod-status';
import { describeProbe } from '../kubelet/probe-handler';
import { StableList } from './stable-list';

/** what a probe's view is made from, and the view made from it */
interface ProbeEntry {
  probe: ProbeRuntime;
  snapshot: unknown;
  repeats: number;
  lastProbeAt: number | null;
  nextAt: number | null;
  spec: ProbeRuntime['spec'];
  forced: 'fail' | 'pass' | null;
  view: ProbeView;
}

/** what a container's view is made from, and the view made from it */
interface ContainerEntry {
  container: ContainerRuntime;
  pod: string;
  name: string;
  kind: ContainerRuntime['kind'];
  behaviour: ContainerRuntime['behaviour'];
  program: string;
  snapshot: unknown;
  backOffUntil: number | null;
  killAt: number | null;
  probes: ProbeEntry[];
  view: ContainerView;
}

/**
 * The order of a container's probes in its view: the order the kubelet makes them in
 * (pod-runtime.ts newContainerRuntime), so the same as Object.values(c.probes).
 */
const PROBE_ORDER = ['startup', 'liveness', 'readiness'] as const;

function forcedOf(c: ContainerRuntime, pr: ProbeRuntime): 'fail' | 'pass' | null {
  return c.current?.overrides.probes[pr.type] ?? null;
}

function probeView(c: ContainerRuntime, pr: ProbeRuntime, description: string): ProbeView {
  const s = pr.actor.getSnapshot();
  return {
    type: pr.type,
    state: stateString(s.value),
    result: cachedResult(pr),
    run: s.context.run + pr.repeats,
    lastResult: s.context.lastResult,
    failureThreshold: pr.spec.failureThreshold,
    successThreshold: pr.spec.successThreshold,
    periodSeconds: pr.spec.periodSeconds,
    initialDelaySeconds: pr.spec.initialDelaySeconds,
    timeoutSeconds: pr.spec.timeoutSeconds,
    forced: forcedOf(c, pr),
    lastProbeAt: pr.lastProbeAt,
    nextProbeAt: pr.nextAt,
    description,
  };
}

/** the probe's entry, reused when nothing its view shows has changed */
function probeEntry(c: ContainerRuntime, pr: ProbeRuntime, old: ProbeEntry | undefined): ProbeEntry {
  const snapshot = pr.actor.getSnapshot();
  const forced = forcedOf(c, pr);
  if (
    old &&
    old.probe === pr &&
    old.snapshot === snapshot &&
    old.repeats === pr.repeats &&
    old.lastProbeAt === pr.lastProbeAt &&
    old.nextAt === pr.nextAt &&
    old.spec === pr.spec &&
    old.forced === forced
  )
    return old;
  // the description depends on the probe's spec alone (kubectl describe's Liveness: line)
  const description = old && old.spec === pr.spec ? old.view.description : describeProbe(c, pr);
  return { probe: pr, snapshot, repeats: pr.repeats, lastProbeAt: pr.lastProbeAt, nextAt: pr.nextAt, spec: pr.spec, forced, view: probeView(c, pr, description) };
}

export class ContainerViews {
  private entries = new WeakMap<ContainerRuntime, ContainerEntry>();
  private list = new StableList<ContainerView>();
  /** the entries of the last list, in its order (most containers keep their place) */
  private order: ContainerEntry[] = [];

  /** the view of every container of the pods not deleted, in pod order then container order */
  views(pods: Iterable<PodRuntime>): ContainerView[] {
    const list = this.list;
    const prev = this.order;
    const order: ContainerEntry[] = [];
    list.begin();
    for (const p of pods) {
      if (p.deleted) continue;
      for (const c of p.containers) {
        const at = prev[order.length];
        const e = this.entry(p, c, at !== undefined && at.container === c ? at : this.entries.get(c));
        order.push(e);
        list.add(e.view);
      }
    }
    this.order = order;
    return list.end();
  }

  private entry(p: PodRuntime, c: ContainerRuntime, old: ContainerEntry | undefined): ContainerEntry {
    const snapshot = c.actor.getSnapshot();
    const killAt = c.current?.stopping?.killAt ?? null;
    const program = c.behaviour.description;
    // the probe entries, a new list only when one of them changed
    const before = old?.probes ?? [];
    let probes: ProbeEntry[] | null = null;
    let n = 0;
    for (const type of PROBE_ORDER) {
      const pr = c.probes[type];
      if (!pr) continue;
      const o = before[n];
      const e = probeEntry(c, pr, o);
      if (probes === null && e !== o) probes = before.slice(0, n);
      probes?.push(e);
      n++;
    }
    if (probes === null && n !== before.length) probes = before.slice(0, n);
    if (
      old &&
      probes === null &&
      old.pod === p.name &&
      old.name === c.name &&
      old.kind === c.kind &&
      old.behaviour === c.behaviour &&
      old.program === program &&
      old.snapshot === snapshot &&
      old.backOffUntil === c.backOffUntil &&
      old.killAt === killAt
    )
      return old;
    probes ??= before;
    const entry: ContainerEntry = {
      container: c,
      pod: p.name,
      name: c.name,
      kind: c.kind,
      behaviour: c.behaviour,
      program,
      snapshot,
      backOffUntil: c.backOffUntil,
      killAt,
      probes,
      view: {
        pod: p.name,
        name: c.name,
        init: c.kind === 'init',
        sidecar: c.kind === 'sidecar',
        program,
        machineState: stateString(snapshot.value),
        backOffUntil: c.backOffUntil,
        killAt,
        probes: probes.map((e) => e.view),
      },
    };
    this.entries.set(c, entry);
    return entry;
  }
}
