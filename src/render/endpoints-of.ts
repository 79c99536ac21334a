/**
 * A Service's endpoints with their three conditions, read from its EndpointSlices in
 * the snapshot (kept free of pixi so panels can use it without loading the canvas).
 */
import type { SimSnapshot } from '../engine/simulation-api';

export interface EndpointRow {
  pod: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export function endpointsOf(snap: SimSnapshot, service: string): EndpointRow[] {
  const out: EndpointRow[] = [];
  for (const s of snap.view.endpointSlices) {
    if (s.metadata.labels['kubernetes.io/service-name'] !== service) continue;
    for (const e of s.endpoints) out.push({ pod: e.targetRef.name, ...e.conditions });
  }
  return out;
}
