/**
 * metrics-server (kubernetes-sigs/metrics-server v0.7–0.9) as plain data + pure
 * functions. Spec: kubernetes-semantics.md §7, golden case GC-11.
 *
 * - Scrapes every kubelet's /metrics/resource every `--metric-resolution` R, at
 *   t = k·R (k ≥ 1; metrics-server is taken to start with the cluster at t = 0).
 * - Each scrape reads, per running container, cumulative CPU time and working-set
 *   memory (pkg/scraper/client/resource/decode.go). A pod whose point has a zero
 *   CPU or memory value is dropped from that scrape (decode.go checkContainerMetrics).
 * - Storage keeps only the last two points per container (pkg/storage/pod.go):
 *   CPU = rate between them, memory = the newest working set, timestamp/window
 *   from the pair. A restarted container (start time not before the stored point)
 *   breaks the pair.
 * - "Fresh container" rule (pod.go freshContainerMinMetricsResolution = 10 s): a
 *   container first seen 10 s–R after its start gets a synthetic previous point
 *   (CPU 0 at its start time), so it is served after one scrape. metrics-server
 *   requires age < R; podsim accepts age ≤ R because the kubelet's sample
 *   timestamp trails the scrape instant, so a container started exactly one
 *   resolution before a scrape qualifies (GC-11: canonical first availability S+R).
 * - A pod is served only if every container of its newest scrape has a pair.
 * - Nodes (pkg/storage/node.go): two points needed, no fresh rule.
 *
 * Modelling choices (podsim): CPU usage is given as a constant rate over each
 * scrape interval and integrated here; a running process has used at least 1 ns
 * of CPU (so an idle container reports 0m instead of vanishing, as in reality);
 * a container whose start time is not before the scrape is not yet visible to
 * cAdvisor and is left out of that scrape.
 */
import type { NodeMetrics, PodMetrics, Seconds } from '../model/objects';

/** manifests/base/deployment.yaml `--metric-resolution=15s` (binary default 60 s). */
export const DEFAULT_METRIC_RESOLUTION = 15;
/** pkg/storage/pod.go freshContainerMinMetricsResolution */
export const FRESH_CONTAINER_MIN_METRICS_RESOLUTION = 10;
/**
 * Node usage outside pods (kubelet, container runtime, OS, system daemons): a
 * small idle worker's `kubectl top node` shows roughly this much on top of its pods.
 */
export const NODE_SYSTEM_BASELINE = { cpuMilli: 40, memoryBytes: 400 * 1024 * 1024 };

export interface ContainerUsage {
  pod: string;
  /** default `default` */
  namespace?: string;
  /** node the pod runs on; its usage adds to that node's metrics */
  node?: string;
  container: string;
  /** start of the current instance (status running.startedAt) */
  startedAt: Seconds;
  /** CPU use since the previous scrape, millicores */
  cpuMilli: number;
  /** working set now, bytes */
  memoryBytes: number;
}

export interface NodeUsage {
  name: string;
  /** the node's own (non-pod) CPU, millicores; default NODE_SYSTEM_BASELINE */
  cpuMilli?: number;
  /** the node's own (non-pod) working set, bytes; default NODE_SYSTEM_BASELINE */
  memoryBytes?: number;
}

/** One sample, as pkg/storage/types.go MetricsPoint. */
export interface MetricsPoint {
  startTime: Seconds;
  timestamp: Seconds;
  /** cumulative CPU time since startTime, integer nanoseconds */
  cpuNanoSeconds: number;
  memoryBytes: number;
}

interface ContainerPoint extends MetricsPoint {
  name: string;
}

export interface MetricsState {
  resolution: Seconds;
  lastScrapeAt?: Seconds;
  /** running CPU-time integrals, per container instance (key ns/pod/container) */
  containerCpu: Record<string, { startedAt: Seconds; at: Seconds; cpuNanoSeconds: number }>;
  /** running CPU-time integrals per node */
  nodeCpu: Record<string, { at: Seconds; cpuNanoSeconds: number }>;
  /** newest points per pod (key ns/name), containers in scrape order */
  podLast: Record<string, ContainerPoint[]>;
  /** the point before, per pod and container name (only pairs usable for a rate) */
  podPrev: Record<string, Record<string, ContainerPoint>>;
  nodeLast: Record<string, MetricsPoint>;
  nodePrev: Record<string, MetricsPoint>;
}

export function createMetricsState(resolution: Seconds = DEFAULT_METRIC_RESOLUTION): MetricsState {
  return { resolution, containerCpu: {}, nodeCpu: {}, podLast: {}, podPrev: {}, nodeLast: {}, nodePrev: {} };
}

const podKey = (namespace: string, pod: string): string => `${namespace}/${pod}`;

/** cpu-seconds over `dt` at `milli` millicores, in nanoseconds */
const cpuNanos = (milli: number, dt: number): number => milli * 1e6 * dt;

/** The first scrape time that is ≥ t and after the last scrape done. */
export function nextScrapeAt(state: MetricsState, t: Seconds): Seconds {
  const r = state.resolution;
  let k = Math.max(1, Math.ceil(t / r - 1e-9));
  if (state.lastScrapeAt !== undefined && k * r <= state.lastScrapeAt + 1e-9) {
    k = Math.floor(state.lastScrapeAt / r + 1e-9) + 1;
  }
  return k * r;
}

/**
 * One scrape of every kubelet at time t. `containers` = the running containers
 * (the kubelet reports no others); `nodes` = every node, with its own system usage.
 * A scrape at or before the previous one is ignored.
 */
export function scrape(state: MetricsState, t: Seconds, containers: ContainerUsage[], nodes: NodeUsage[]): void {
  if (state.lastScrapeAt !== undefined && t <= state.lastScrapeAt) return;

  // 1. What the kubelets report: integrate CPU, build this scrape's pod points.
  const batch = new Map<string, { points: ContainerPoint[]; complete: boolean }>();
  const containerCpu: MetricsState['containerCpu'] = {};
  const nodeTotals = baselines(nodes);
  for (const c of containers) {
    if (c.startedAt >= t) continue; // not yet visible to cAdvisor
    const ns = c.namespace ?? 'default';
    const key = `${podKey(ns, c.pod)}/${c.container}`;
    const prior = state.containerCpu[key];
    const sameInstance = prior !== undefined && prior.startedAt === c.startedAt;
    const from = sameInstance ? prior.at : c.startedAt;
    const base = sameInstance ? prior.cpuNanoSeconds : 0;
    const cumulative = base + cpuNanos(c.cpuMilli, t - Math.max(from, c.startedAt));
    containerCpu[key] = { startedAt: c.startedAt, at: t, cpuNanoSeconds: cumulative };
    const point: ContainerPoint = {
      name: c.container,
      startTime: c.startedAt,
      timestamp: t,
      cpuNanoSeconds: Math.max(1, Math.floor(cumulative)),
      memoryBytes: Math.floor(c.memoryBytes),
    };
    const pk = podKey(ns, c.pod);
    const entry = batch.get(pk) ?? { points: [], complete: true };
    if (entry.points.some((p) => p.name === c.container)) continue; // duplicate point
    entry.points.push(point);
    if (point.memoryBytes === 0) entry.complete = false;
    batch.set(pk, entry);
    if (c.node !== undefined) {
      const nt = nodeTotals.get(c.node);
      if (nt) {
        nt.cpuMilli += c.cpuMilli;
        nt.memoryBytes += c.memoryBytes;
      }
    }
  }
  state.containerCpu = containerCpu;

  // 2. pkg/storage/pod.go Store
  const podLast: MetricsState['podLast'] = {};
  const podPrev: MetricsState['podPrev'] = {};
  for (const [pk, { points, complete }] of batch) {
    if (!complete) continue; // decode.go drops the whole pod
    const prevContainers: Record<string, ContainerPoint> = {};
    const oldLast = state.podLast[pk];
    const oldPrev = state.podPrev[pk];
    for (const p of points) {
      const age = p.timestamp - p.startTime;
      if (p.startTime < p.timestamp && age <= state.resolution && age >= FRESH_CONTAINER_MIN_METRICS_RESOLUTION) {
        prevContainers[p.name] = { ...p, timestamp: p.startTime, cpuNanoSeconds: 0 };
      } else if (oldLast) {
        const lastC = oldLast.find((o) => o.name === p.name);
        // keep the pair only if the container has not restarted since
        if (lastC && p.startTime < lastC.timestamp) {
          if (p.timestamp > lastC.timestamp) prevContainers[p.name] = lastC;
          else if (oldPrev?.[p.name] && oldPrev[p.name].timestamp < p.timestamp) prevContainers[p.name] = oldPrev[p.name];
        }
      }
    }
    if (Object.keys(prevContainers).length > 0) podPrev[pk] = prevContainers;
    podLast[pk] = points;
  }
  state.podLast = podLast;
  state.podPrev = podPrev;

  storeNodes(state, t, nodeTotals);
}

/** each node's own usage, to which its pods' is added */
function baselines(nodes: NodeUsage[]): Map<string, { cpuMilli: number; memoryBytes: number }> {
  const totals = new Map<string, { cpuMilli: number; memoryBytes: number }>();
  for (const n of nodes) {
    totals.set(n.name, {
      cpuMilli: n.cpuMilli ?? NODE_SYSTEM_BASELINE.cpuMilli,
      memoryBytes: n.memoryBytes ?? NODE_SYSTEM_BASELINE.memoryBytes,
    });
  }
  return totals;
}

/**
 * `scrape` for the nodes alone: the nodes' state then is what `scrape` leaves (the pods'
 * tables are left as they are). `containers` must be distinct (no container twice), as
 * the kubelets report them; scrape drops such duplicates, this does not look for them.
 */
export function scrapeNodes(state: MetricsState, t: Seconds, containers: ContainerUsage[], nodes: NodeUsage[]): void {
  if (state.lastScrapeAt !== undefined && t <= state.lastScrapeAt) return;
  const nodeTotals = baselines(nodes);
  for (const c of containers) {
    if (c.startedAt >= t || c.node === undefined) continue;
    const nt = nodeTotals.get(c.node);
    if (nt) {
      nt.cpuMilli += c.cpuMilli;
      nt.memoryBytes += c.memoryBytes;
    }
  }
  storeNodes(state, t, nodeTotals);
}

/** 3. nodes: integrate, then pkg/storage/node.go Store; the scrape is done */
function storeNodes(state: MetricsState, t: Seconds, nodeTotals: Map<string, { cpuMilli: number; memoryBytes: number }>): void {
  const since = state.lastScrapeAt ?? 0;
  const nodeCpu: MetricsState['nodeCpu'] = {};
  const nodeLast: MetricsState['nodeLast'] = {};
  const nodePrev: MetricsState['nodePrev'] = {};
  for (const [name, total] of nodeTotals) {
    const prior = state.nodeCpu[name];
    const cumulative = (prior?.cpuNanoSeconds ?? 0) + cpuNanos(total.cpuMilli, t - (prior?.at ?? since));
    nodeCpu[name] = { at: t, cpuNanoSeconds: cumulative };
    const point: MetricsPoint = {
      startTime: 0,
      timestamp: t,
      cpuNanoSeconds: Math.floor(cumulative),
      memoryBytes: Math.floor(total.memoryBytes),
    };
    if (point.cpuNanoSeconds === 0 || point.memoryBytes === 0) continue; // decode.go: incomplete node metric
    nodeLast[name] = point;
    const old = state.nodeLast[name];
    if (old) {
      if (point.timestamp > old.timestamp) nodePrev[name] = old;
      else if (state.nodePrev[name] && state.nodePrev[name].timestamp < point.timestamp) nodePrev[name] = state.nodePrev[name];
    }
  }
  state.nodeCpu = nodeCpu;
  state.nodeLast = nodeLast;
  state.nodePrev = nodePrev;
  state.lastScrapeAt = t;
}

/** pkg/storage/types.go resourceUsage: integer nanocores over the time between the pair's samples. */
function usage(last: MetricsPoint, prev: MetricsPoint): { cpuMilli: number; window: Seconds } | undefined {
  if (last.startTime < prev.startTime || last.cpuNanoSeconds < prev.cpuNanoSeconds) return undefined;
  const window = last.timestamp - prev.timestamp;
  const nanocores = Math.floor((last.cpuNanoSeconds - prev.cpuNanoSeconds) / window);
  return { cpuMilli: nanocores / 1e6, window };
}

/** What `GET pods.metrics.k8s.io` serves for the pod now, or undefined (not served). */
export function podMetrics(state: MetricsState, pod: string, namespace = 'default'): PodMetrics | undefined {
  const pk = podKey(namespace, pod);
  const last = state.podLast[pk];
  const prev = state.podPrev[pk];
  if (!last || !prev) return undefined;
  const containers: PodMetrics['containers'] = [];
  let timestamp: Seconds | undefined;
  let window = 0;
  for (const c of last) {
    const p = prev[c.name];
    if (!p) return undefined; // not all containers present
    const u = usage(c, p);
    if (!u) continue;
    containers.push({ name: c.name, cpuMilli: u.cpuMilli, memoryBytes: c.memoryBytes });
    if (timestamp === undefined || c.timestamp < timestamp) {
      timestamp = c.timestamp;
      window = u.window;
    }
  }
  return { name: pod, namespace, timestamp: timestamp ?? 0, window, containers };
}

/** What `GET nodes.metrics.k8s.io` serves for the node now, or undefined. */
export function nodeMetrics(state: MetricsState, node: string): NodeMetrics | undefined {
  const last = state.nodeLast[node];
  const prev = state.nodePrev[node];
  if (!last || !prev) return undefined;
  const u = usage(last, prev);
  if (!u) return undefined;
  return { name: node, timestamp: last.timestamp, window: u.window, cpuMilli: u.cpuMilli, memoryBytes: last.memoryBytes };
}

/** Every pod currently served, in scrape order (for MetricsView.pods). */
export function allPodMetrics(state: MetricsState): PodMetrics[] {
  const out: PodMetrics[] = [];
  for (const pk of Object.keys(state.podLast)) {
    const slash = pk.indexOf('/');
    const m = podMetrics(state, pk.slice(slash + 1), pk.slice(0, slash));
    if (m) out.push(m);
  }
  return out;
}

/** Every node currently served (for MetricsView.nodes). */
export function allNodeMetrics(state: MetricsState): NodeMetrics[] {
  const out: NodeMetrics[] = [];
  for (const name of Object.keys(state.nodeLast)) {
    const m = nodeMetrics(state, name);
    if (m) out.push(m);
  }
  return out;
}
