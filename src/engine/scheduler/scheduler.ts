/**
 * The default scheduler, reduced to what a lesson shows: filter nodes by the
 * pod's resource requests (NodeResourcesFit), the pods-per-node limit and
 * nodeSelector/nodeName; score by least allocated; ties by node order.
 * FailedScheduling messages follow the scheduler's wording.
 */
import type { NodeObject, PodObject } from '../model/objects';
import { parseQuantity } from '../controllers/resource-quantity';

export interface NodeLoad {
  node: NodeObject;
  cpuMilli: number;
  memoryBytes: number;
  pods: number;
}

export function podRequests(pod: PodObject): { cpuMilli: number; memoryBytes: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of pod.spec.containers) {
    const r = c.resources?.requests ?? c.resources?.limits ?? {};
    if (r.cpu !== undefined) cpu += parseQuantity(r.cpu) * 1000;
    if (r.memory !== undefined) mem += parseQuantity(r.memory);
  }
  // init containers run one at a time: the pod needs the largest of them (sidecars add up)
  let initMax = { cpu: 0, mem: 0 };
  for (const c of pod.spec.initContainers ?? []) {
    const r = c.resources?.requests ?? c.resources?.limits ?? {};
    const cc = r.cpu !== undefined ? parseQuantity(r.cpu) * 1000 : 0;
    const mm = r.memory !== undefined ? parseQuantity(r.memory) : 0;
    if (c.restartPolicy === 'Always') {
      cpu += cc;
      mem += mm;
    } else initMax = { cpu: Math.max(initMax.cpu, cc), mem: Math.max(initMax.mem, mm) };
  }
  return { cpuMilli: Math.round(Math.max(cpu, initMax.cpu)), memoryBytes: Math.max(mem, initMax.mem) };
}

export type ScheduleResult = { ok: true; node: string } | { ok: false; message: string };

export function schedulePod(pod: PodObject, loads: NodeLoad[]): ScheduleResult {
  const req = podRequests(pod);
  const reasons = new Map<string, number>();
  const add = (r: string) => reasons.set(r, (reasons.get(r) ?? 0) + 1);
  const fits: NodeLoad[] = [];
  for (const l of loads) {
    const a = l.node.status.allocatable;
    if (pod.spec.nodeName && pod.spec.nodeName !== l.node.metadata.name) {
      add("node(s) didn't match Pod's node affinity/selector");
      continue;
    }
    const sel = pod.spec.nodeSelector ?? {};
    if (Object.entries(sel).some(([k, v]) => l.node.metadata.labels[k] !== v)) {
      add("node(s) didn't match Pod's node affinity/selector");
      continue;
    }
    let bad = false;
    if (l.pods + 1 > a.pods) {
      add('Too many pods');
      bad = true;
    }
    if (l.cpuMilli + req.cpuMilli > a.cpuMilli) {
      add('Insufficient cpu');
      bad = true;
    }
    if (l.memoryBytes + req.memoryBytes > a.memoryBytes) {
      add('Insufficient memory');
      bad = true;
    }
    if (!bad) fits.push(l);
  }
  if (fits.length) {
    let best = fits[0];
    let bestScore = -Infinity;
    for (const l of fits) {
      const a = l.node.status.allocatable;
      const score = (1 - (l.cpuMilli + req.cpuMilli) / a.cpuMilli) + (1 - (l.memoryBytes + req.memoryBytes) / a.memoryBytes);
      if (score > bestScore + 1e-12) {
        best = l;
        bestScore = score;
      }
    }
    return { ok: true, node: best.node.metadata.name };
  }
  const n = loads.length;
  const parts = [...reasons.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([r, c]) => `${c} ${r}`);
  // pkg/scheduler/framework: "0/3 nodes are available: 3 Insufficient cpu. preemption: ..."
  return {
    ok: false,
    message: `0/${n} nodes are available: ${parts.join(', ')}. preemption: 0/${n} nodes are available: ${n} No preemption victims found for incoming pod.`,
  };
}
