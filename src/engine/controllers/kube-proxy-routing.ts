/**
 * Which endpoints kube-proxy sends Service traffic to (k8s.io/kubernetes
 * pkg/proxy/topology.go CategorizeEndpoints, cluster traffic policy):
 * ready endpoints; when there are none, endpoints that are serving and terminating
 * (KEP-1669 ProxyTerminatingEndpoints, GA 1.28); otherwise nothing, and iptables
 * rejects connections.
 */
import type { Endpoint, EndpointSliceObject } from '../model/objects';

export function routableEndpoints(slices: readonly EndpointSliceObject[]): Endpoint[] {
  // The same pod can briefly sit in two slices; kube-proxy's EndpointSliceCache
  // merges them by address, first one wins.
  const seen = new Set<string>();
  const all: Endpoint[] = [];
  for (const s of slices) {
    for (const ep of s.endpoints) {
      const key = ep.addresses.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(ep);
    }
  }
  const ready = all.filter((ep) => ep.conditions.ready);
  if (ready.length > 0) return ready;
  return all.filter((ep) => ep.conditions.serving && ep.conditions.terminating);
}
