/**
 * A checkpoint is a whole simulation copied at one instant: the clock's task queue,
 * the seeded generator, every API object, the event store and, per pod, the kubelet's
 * statecharts (restored from their persisted snapshots), container instances with
 * their files, shell state and logs. The copy runs on exactly as the original would.
 * Statechart snapshots are immutable, so the copies share them.
 */
import type { Simulation } from './simulation';
import { VirtualClock } from './clock/virtual-clock';
import { SeededRandom } from './clock/seeded-random';
import { newPodRuntime, type ContainerRuntime, type InstanceRuntime, type PodRuntime, type ProbeRuntime } from './kubelet/pod-runtime';
import { ContainerFs, type VolumeData } from './apps/container-fs';
import type { Engine } from './runtime/engine';


function copyInstance(i: InstanceRuntime | undefined, volumes: Map<VolumeData, VolumeData>): InstanceRuntime | undefined {
  if (!i) return undefined;
  const layer = structuredClone(i.fs.layer);
  const fs = new ContainerFs(layer, i.fs.mounts.map((m) => ({ ...m, volume: volumes.get(m.volume) ?? structuredClone(m.volume) })));
  return {
    ...i,
    fs,
    logs: i.logs.slice(),
    overrides: structuredClone(i.overrides),
    shell: i.shell === undefined ? undefined : structuredClone(i.shell),
    timers: i.timers.slice(),
    stopping: i.stopping ? { ...i.stopping } : undefined,
  };
}

function copyProbe(p: ProbeRuntime): ProbeRuntime {
  return { ...p, actor: p.actor.copy() };
}

function copyPod(p: PodRuntime, eng: Engine, hostVolumes: Map<VolumeData, VolumeData>): PodRuntime {
  // the kubelet replaces status lists and conditions wholesale and changes only a few
  // top-level fields in place: a shallow copy per level keeps the copies apart
  const obj = { ...p.obj, metadata: { ...p.obj.metadata }, spec: { ...p.obj.spec }, status: { ...p.obj.status } };
  const q = newPodRuntime(obj, eng.dirtyPods);
  q.dirty = p.dirty;
  q.worker = p.worker.copy();
  const volumes = new Map<VolumeData, VolumeData>(hostVolumes);
  for (const [name, v] of Object.entries(p.volumes)) {
    const c = volumes.get(v) ?? structuredClone(v);
    volumes.set(v, c);
    q.volumes[name] = c;
  }
  q.containers = p.containers.map(
    (c): ContainerRuntime => ({
      ...c,
      actor: c.actor.copy(),
      current: copyInstance(c.current, volumes),
      previous: copyInstance(c.previous, volumes),
      backoff: c.backoff ? { ...c.backoff } : undefined,
      imagePullBackoff: c.imagePullBackoff ? { ...c.imagePullBackoff } : undefined,
      probes: Object.fromEntries(Object.entries(c.probes).map(([k, pr]) => [k, pr ? copyProbe(pr) : pr])),
    }),
  );
  q.sandboxReady = p.sandboxReady;
  q.syncTimer = p.syncTimer;
  (q as PodRuntime & { syncAt?: number }).syncAt = (p as PodRuntime & { syncAt?: number }).syncAt;
  q.deleted = p.deleted;
  q.unschedulable = p.unschedulable;
  q.lastLine = p.lastLine;
  q.removedAt = p.removedAt;
  return q;
}

function refill<K, V>(target: Map<K, V>, source: Map<K, V>, copy: (v: V) => V): void {
  target.clear();
  for (const [k, v] of source) target.set(k, copy(v));
}

/** A copy of `sim` that continues exactly as `sim` would, without sharing any mutable state. */
export function cloneSimulation<S extends Simulation>(sim: S, make: () => S): S {
  const copy = make();
  const a = sim.eng;
  const b = copy.eng;
  b.clock = VirtualClock.restore(a.clock.save());
  b.rng = SeededRandom.restore(a.rng.save());
  b.recorder = a.recorder.clone();
  b.counters = { ...a.counters };
  refill(b.turns, a.turns, (v) => v);
  b.linePods.clear();
  b.nodes.length = 0;
  // hostPath directories are shared between the node and its pods' volumes: copy each once
  const hostVolumes = new Map<VolumeData, VolumeData>();
  for (const n of a.nodes) {
    const hostPaths = n.hostPaths ? new Map([...n.hostPaths].map(([path, v]) => { const c = structuredClone(v); hostVolumes.set(v, c); return [path, c] as const; })) : undefined;
    b.nodes.push({ obj: structuredClone(n.obj), images: new Set(n.images), pulls: structuredClone(n.pulls), ipCounter: n.ipCounter, index: n.index, hostPaths });
  }
  b.pods.clear();
  b.dirtyPods.clear();
  for (const [name, p] of a.pods) b.pods.set(name, copyPod(p, b, hostVolumes));
  for (const p of a.dirtyPods) if (b.pods.has(p.name)) b.dirtyPods.add(b.pods.get(p.name)!);
  refill(b.services, a.services, structuredClone);
  refill(b.slices, a.slices, structuredClone);
  refill(b.endpoints, a.endpoints, structuredClone);
  refill(b.deployments, a.deployments, structuredClone);
  refill(b.replicaSets, a.replicaSets, structuredClone);
  refill(b.configMaps, a.configMaps, structuredClone);
  refill(b.secrets, a.secrets, structuredClone);
  b.observations.length = 0;
  // observations are never changed once emitted: the copy shares them (a loop, not a spread: there may be many)
  for (const o of a.observations) b.observations.push(o);
  b.keepObservations = a.keepObservations;
  b.dirtyServices.clear();
  for (const s of a.dirtyServices) b.dirtyServices.add(s);
  b.controllersDirty = a.controllersDirty;
  b.controllerWakeups.clear();
  for (const t of a.controllerWakeups) b.controllerWakeups.add(t);
  copy.restoreRunState(sim);
  return copy;
}
