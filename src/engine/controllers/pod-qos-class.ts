/**
 * status.qosClass, which the API server sets when a pod is created
 * (k8s.io/kubernetes pkg/apis/core/v1/helper/qos/qos.go GetPodQOS; only cpu and memory
 * count). A limit without a request defaults the request (API defaulting), so
 * limits-only containers are Guaranteed.
 */
import type { PodSpec, Container } from 'kubernetes-types/core/v1';
import type { PodStatus } from '../model/objects';
import { parseQuantity } from './resource-quantity';

const COMPUTE = ['cpu', 'memory'] as const;

export function podQosClass(spec: PodSpec): PodStatus['qosClass'] {
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  let guaranteed = true;
  const containers: Container[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  for (const c of containers) {
    const lim = c.resources?.limits ?? {};
    const req = { ...lim, ...(c.resources?.requests ?? {}) };
    for (const r of COMPUTE) {
      if (req[r] !== undefined) {
        const v = parseQuantity(req[r]);
        if (v !== 0) requests[r] = (requests[r] ?? 0) + v;
      }
    }
    const found = new Set<string>();
    for (const r of COMPUTE) {
      if (lim[r] !== undefined) {
        const v = parseQuantity(lim[r]);
        if (v !== 0) {
          found.add(r);
          limits[r] = (limits[r] ?? 0) + v;
        }
      }
    }
    if (found.size !== COMPUTE.length) guaranteed = false;
  }
  if (Object.keys(requests).length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (guaranteed) {
    const same = COMPUTE.every((r) => requests[r] === undefined || Math.abs(requests[r] - (limits[r] ?? NaN)) < 1e-9 * Math.max(1, limits[r] ?? 1));
    if (same && Object.keys(requests).length === Object.keys(limits).length) return 'Guaranteed';
  }
  return 'Burstable';
}
