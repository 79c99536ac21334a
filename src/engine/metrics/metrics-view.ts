/**
 * ClusterView.metrics made only when it can have changed. metrics-server's answer at
 * t (metrics-at.ts) depends on the last two scrape times before t and, for each
 * container, on the instances running at those times and their usage; while those are
 * the same, the previous MetricsView (its maps included) comes back. Checking them is
 * a few comparisons per container; replaying two scrapes of 1,000 pods is not.
 *
 * When they changed, the nodes' metrics are worked out at once (the canvas draws them)
 * and the pods' when first read (`kubectl top pod`), from usage records copied now: the
 * answer is the one of this moment whenever it is read.
 */
import type { MetricsView, NodeMetrics, PodMetrics } from '../model/objects';
import type { PodRuntime } from '../kubelet/pod-runtime';
import { allNodeMetrics, allPodMetrics } from './metrics-server';
import { lastScrapeAt, metricsAt, nodeMetricsAt, sameUsage, usageRecord, type MetricsSource, type UsageRecord } from './metrics-at';

const EMPTY: MetricsView = { available: false, pods: new Map(), nodes: new Map() };

export class MetricsViews {
  private last: MetricsView | null = null;
  /** what the last view was made from: the scrape time, the nodes and each pod */
  private key: { at: number; resolution: number; nodes: readonly string[] } | null = null;
  private records: UsageRecord[] = [];

  /** metrics-server's answer at `t` (empty when it is not installed) */
  view(available: boolean, resolution: number, pods: Iterable<PodRuntime>, nodes: readonly string[], t: number): MetricsView {
    if (!available) return EMPTY;
    const at = lastScrapeAt(resolution, t);
    const k = this.key;
    let same = !!this.last && !!k && k.resolution === resolution && k.at === at && sameNames(k.nodes, nodes);
    // compare every pod, and keep a new record of the ones that changed
    const records = this.records;
    let n = 0;
    for (const p of pods) {
      if (!sameUsage(records[n], p)) {
        records[n] = usageRecord(p);
        same = false;
      }
      n++;
    }
    if (n !== records.length) {
      records.length = n;
      same = false;
    }
    if (same) return this.last!;
    this.key = { at, resolution, nodes: nodes.slice() };
    const src: MetricsSource = { resolution, pods: records.slice(), nodes: this.key.nodes };
    let podMap: Map<string, PodMetrics> | null = null;
    const nodeMap = new Map<string, NodeMetrics>(allNodeMetrics(nodeMetricsAt(src, t)).map((m) => [m.name, m]));
    this.last = {
      available,
      // replaying the pods' scrapes is the costly part: done when someone reads them
      get pods() {
        return (podMap ??= new Map(allPodMetrics(metricsAt(src, t)).map((m) => [m.name, m])));
      },
      nodes: nodeMap,
    };
    return this.last;
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
