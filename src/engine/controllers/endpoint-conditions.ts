/**
 * Which pods become endpoints, and with which conditions.
 * - podToEndpointConditions: k8s.io/endpointslice utils.go podToEndpoint
 * - shouldPodBeInEndpoints: k8s.io/endpointslice util/controller_utils.go ShouldPodBeInEndpoints
 * Selector matching is the caller's concern.
 */
import type { EndpointConditions, PodObject, ServiceObject } from '../model/objects';
import { isPodReady } from './pod-readiness';

export function podToEndpointConditions(pod: PodObject, service: ServiceObject): EndpointConditions {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  // "ready" must never be true for a terminating pod unless publishNotReadyAddresses is set.
  const ready = service.spec.publishNotReadyAddresses === true || (serving && !terminating);
  return { ready, serving, terminating };
}

/** Succeeded or Failed: all containers stopped for good. */
export function isPodTerminal(pod: PodObject): boolean {
  return pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
}

/**
 * The EndpointSlice controller calls this with includeTerminating = true; the legacy
 * Endpoints controller with service.spec.publishNotReadyAddresses.
 */
export function shouldPodBeInEndpoints(pod: PodObject, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status.podIP) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp !== undefined) return false;
  return true;
}
