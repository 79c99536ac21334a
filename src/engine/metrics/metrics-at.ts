/**
 * metrics-server's answer at time t, computed when someone asks. metrics-server keeps
 * only its last two scrapes, so replaying the two scrapes before t (at k·R and (k−1)·R)
 * gives exactly what continuous scraping would hold then — and a run that never asks
 * (`podsim run`) pays nothing for 1,000 pods × 240 scrapes an hour.
 */
import { createMetricsState, scrape, type ContainerUsage, type MetricsState } from './metrics-server';
import type { PodRuntime, InstanceRuntime } from '../kubelet/pod-runtime';

export interface MetricsSource {
  resolution: number;
  pods: readonly PodRuntime[];
  nodes: string[];
}

function instanceAt(insts: (InstanceRuntime | undefined)[], t: number): InstanceRuntime | undefined {
  return insts.find((i) => i && i.startedAt <= t && (i.finishedAt === undefined || i.finishedAt > t));
}

function parseCpu(q: string): number {
  if (q.endsWith('m')) return Number(q.slice(0, -1));
  return Number(q) * 1000;
}

export function metricsAt(src: MetricsSource, t: number): MetricsState {
  const state = createMetricsState(src.resolution);
  const R = src.resolution;
  const last = Math.floor(t / R + 1e-9) * R;
  for (const at of [last - R, last]) {
    if (at < R) continue;
    const usage: ContainerUsage[] = [];
    for (const p of src.pods) {
      if (p.deleted) continue;
      for (const c of p.containers) {
        const inst = instanceAt([c.current, c.previous], at);
        if (!inst) continue;
        const cpuLimit = c.spec.resources?.limits?.cpu;
        let cpu = inst.overrides.cpuMilli ?? c.behaviour.spec.cpuMilli;
        if (cpuLimit !== undefined) cpu = Math.min(cpu, parseCpu(String(cpuLimit)));
        usage.push({ pod: p.name, node: p.obj.spec.nodeName, container: c.name, startedAt: inst.startedAt, cpuMilli: cpu, memoryBytes: inst.overrides.memoryBytes ?? c.behaviour.spec.memoryBytes });
      }
    }
    scrape(state, at, usage, src.nodes.map((name) => ({ name })));
  }
  return state;
}
