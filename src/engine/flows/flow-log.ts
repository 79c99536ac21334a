/**
 * Where flows are kept: on the container instance that caused them, as an array that
 * is replaced (never mutated) on every append. A checkpoint's shallow copy of the
 * instance then shares it safely, and the log goes away with the instance (the
 * runtime keeps the current and the previous one), so memory stays bounded.
 */
import type { Flow } from './flow';

/** flows kept per container instance */
export const FLOWS_PER_INSTANCE = 64;
/** flows a snapshot carries */
export const SNAPSHOT_FLOWS = 200;
/** how far back a snapshot looks */
export const SNAPSHOT_WINDOW = 60;

export interface FlowCarrier {
  flows?: readonly Flow[];
}

export function recordFlow(inst: object, flow: Flow): void {
  const carrier = inst as FlowCarrier;
  const old = carrier.flows ?? [];
  carrier.flows = old.length >= FLOWS_PER_INSTANCE ? [...old.slice(old.length - FLOWS_PER_INSTANCE + 1), flow] : [...old, flow];
}

export function flowsOf(inst: object | undefined): readonly Flow[] {
  return (inst as FlowCarrier | undefined)?.flows ?? [];
}

interface PodLike {
  deleted: boolean;
  containers: { current?: object; previous?: object }[];
}

/** The recent flows of every pod, oldest first, at most SNAPSHOT_FLOWS of them. */
export function recentFlows(pods: Iterable<PodLike>, now: number, window = SNAPSHOT_WINDOW, limit = SNAPSHOT_FLOWS): Flow[] {
  const out: { f: Flow; order: number }[] = [];
  let order = 0;
  for (const p of pods) {
    if (p.deleted) continue;
    for (const c of p.containers) {
      for (const inst of [c.previous, c.current]) {
        for (const f of flowsOf(inst)) if (f.t >= now - window && f.t <= now) out.push({ f, order: order++ });
      }
    }
  }
  // stable: same-time flows keep pod/container order
  out.sort((a, b) => a.f.t - b.f.t || a.order - b.order);
  return out.slice(Math.max(0, out.length - limit)).map((x) => x.f);
}
