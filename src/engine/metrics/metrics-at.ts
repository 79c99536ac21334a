/**
 * metrics-server's answer at time t, computed when someone asks. metrics-server keeps
 * only its last two scrapes, so replaying the two scrapes before t (at k·R and (k−1)·R)
 * gives exactly what continuous scraping would hold then — and a run that never asks
 * (`podsim run`) pays nothing for 1,000 pods × 240 scrapes an hour.
 *
 * The replay reads pods through `UsageRecord`s: what a scrape reads of a pod, copied
 * out of the kubelet's runtime, so an answer can be worked out later (only when
 * `kubectl top pod` asks) from the pods as they were.
 */
import { createMetricsState, scrape, scrapeNodes, type ContainerUsage, type MetricsState } from './metrics-server';
import type { PodRuntime, InstanceRuntime, ContainerRuntime } from '../kubelet/pod-runtime';

/** what a scrape reads of one instance of a container */
export interface InstanceUsage {
  startedAt: number;
  finishedAt: number | undefined;
  /** set by `sim cpu` / `sim memory` */
  cpuMilli: number | undefined;
  memoryBytes: number | undefined;
}

/** what a scrape reads of one container: its program's usage, its CPU limit and its current and previous instance */
export interface ContainerUsageRecord {
  container: ContainerRuntime;
  name: string;
  cpuMilli: number;
  memoryBytes: number;
  cpuLimit: unknown;
  current: InstanceRuntime | undefined;
  currentUsage: InstanceUsage | undefined;
  previous: InstanceRuntime | undefined;
  previousUsage: InstanceUsage | undefined;
}

/** what a scrape reads of one pod (nothing of a deleted one); never changed once made */
export interface UsageRecord {
  pod: PodRuntime;
  deleted: boolean;
  name: string;
  node: string | undefined;
  containers: ContainerUsageRecord[];
}

export interface MetricsSource {
  resolution: number;
  pods: readonly UsageRecord[];
  nodes: readonly string[];
}

function instanceUsage(i: InstanceRuntime | undefined): InstanceUsage | undefined {
  return i && { startedAt: i.startedAt, finishedAt: i.finishedAt, cpuMilli: i.overrides.cpuMilli, memoryBytes: i.overrides.memoryBytes };
}

function sameInstance(u: InstanceUsage | undefined, i: InstanceRuntime | undefined): boolean {
  if (!u || !i) return u === undefined && i === undefined;
  return u.startedAt === i.startedAt && u.finishedAt === i.finishedAt && u.cpuMilli === i.overrides.cpuMilli && u.memoryBytes === i.overrides.memoryBytes;
}

function containerRecord(c: ContainerRuntime): ContainerUsageRecord {
  return {
    container: c,
    name: c.name,
    cpuMilli: c.behaviour.spec.cpuMilli,
    memoryBytes: c.behaviour.spec.memoryBytes,
    cpuLimit: c.spec.resources?.limits?.cpu,
    current: c.current,
    currentUsage: instanceUsage(c.current),
    previous: c.previous,
    previousUsage: instanceUsage(c.previous),
  };
}

function sameContainer(r: ContainerUsageRecord | undefined, c: ContainerRuntime): boolean {
  return (
    !!r &&
    r.container === c &&
    r.name === c.name &&
    r.cpuMilli === c.behaviour.spec.cpuMilli &&
    r.memoryBytes === c.behaviour.spec.memoryBytes &&
    r.cpuLimit === c.spec.resources?.limits?.cpu &&
    r.current === c.current &&
    r.previous === c.previous &&
    sameInstance(r.currentUsage, c.current) &&
    sameInstance(r.previousUsage, c.previous)
  );
}

/** the pod as a scrape reads it now */
export function usageRecord(p: PodRuntime): UsageRecord {
  return { pod: p, deleted: p.deleted, name: p.name, node: p.obj.spec.nodeName, containers: p.deleted ? [] : p.containers.map(containerRecord) };
}

/** whether `r` still says what a scrape reads of `p` */
export function sameUsage(r: UsageRecord | undefined, p: PodRuntime): boolean {
  if (!r || r.pod !== p || r.deleted !== p.deleted) return false;
  if (p.deleted) return true;
  if (r.name !== p.name || r.node !== p.obj.spec.nodeName || r.containers.length !== p.containers.length) return false;
  for (let i = 0; i < p.containers.length; i++) if (!sameContainer(r.containers[i], p.containers[i])) return false;
  return true;
}

function runningAt(u: InstanceUsage | undefined, t: number): boolean {
  return !!u && u.startedAt <= t && (u.finishedAt === undefined || u.finishedAt > t);
}

function parseCpu(q: string): number {
  if (q.endsWith('m')) return Number(q.slice(0, -1));
  return Number(q) * 1000;
}

/** the time of the last scrape at or before t (scrapes are at k·R) */
export function lastScrapeAt(resolution: number, t: number): number {
  return Math.floor(t / resolution + 1e-9) * resolution;
}

/** what the kubelets report at `at`: each container running then */
function usageAt(pods: readonly UsageRecord[], at: number): ContainerUsage[] {
  const usage: ContainerUsage[] = [];
  for (const p of pods) {
    if (p.deleted) continue;
    for (const c of p.containers) {
      const inst = runningAt(c.currentUsage, at) ? c.currentUsage! : runningAt(c.previousUsage, at) ? c.previousUsage! : undefined;
      if (!inst) continue;
      let cpu = inst.cpuMilli ?? c.cpuMilli;
      if (c.cpuLimit !== undefined) cpu = Math.min(cpu, parseCpu(String(c.cpuLimit)));
      usage.push({ pod: p.name, node: p.node, container: c.name, startedAt: inst.startedAt, cpuMilli: cpu, memoryBytes: inst.memoryBytes ?? c.memoryBytes });
    }
  }
  return usage;
}

/** the two scrapes before t, as metrics-server last made them */
function scrapeTimes(resolution: number, t: number): number[] {
  const last = lastScrapeAt(resolution, t);
  return [last - resolution, last].filter((at) => at >= resolution);
}

export function metricsAt(src: MetricsSource, t: number): MetricsState {
  const state = createMetricsState(src.resolution);
  for (const at of scrapeTimes(src.resolution, t)) scrape(state, at, usageAt(src.pods, at), src.nodes.map((name) => ({ name })));
  return state;
}

/** as metricsAt, for the nodes' metrics alone (the pods' points are not kept: much less work) */
export function nodeMetricsAt(src: MetricsSource, t: number): MetricsState {
  const state = createMetricsState(src.resolution);
  for (const at of scrapeTimes(src.resolution, t)) scrapeNodes(state, at, usageAt(src.pods, at), src.nodes.map((name) => ({ name })));
  return state;
}
