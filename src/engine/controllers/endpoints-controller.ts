/**
 * The legacy v1 Endpoints controller's sync for one Service, as a pure function
 * (k8s.io/kubernetes pkg/controller/endpoint/endpoints_controller.go syncService,
 * addEndpointSubset; pkg/api/v1/endpoints/util.go RepackSubsets/SortSubsets).
 *
 * - Pods are included per ShouldPodBeInEndpoints(pod, publishNotReadyAddresses):
 *   terminating pods vanish unless publishNotReadyAddresses is set.
 * - Ready pods (or all, under publishNotReadyAddresses) go to `addresses`, the
 *   others to `notReadyAddresses`; a pod not ready for one port is not ready for all.
 * - Ports offered by the same set of addresses share a subset (RepackSubsets).
 *   Addresses are sorted by IP (byte order) then pod UID as in SortSubsets. Go orders
 *   ports and subsets by an MD5 of their dump; here ports keep the Service's order and
 *   subsets follow their first port in that order.
 * - Labels are the Service's, plus service.kubernetes.io/headless for headless Services.
 * - The endpoints.kubernetes.io/last-change-trigger-time annotation is not modelled.
 * - With nothing to change the `existing` object itself is returned.
 */
import type { EndpointAddress, EndpointPort, EndpointsObject, PodObject, Seconds, ServiceObject } from '../model/objects';
import { shouldPodBeInEndpoints } from './endpoint-conditions';
import { isPodReady } from './pod-readiness';
import { findPort } from './find-port';
import { mapSelectorMatches, serviceSelector } from './label-selector';
import { semanticallyEqual } from './canonical-json';
import { isHeadless, LABEL_HEADLESS_SERVICE } from './endpointslice-controller';
import { fnv32a } from './pod-template-hash';

type Subset = EndpointsObject['subsets'][number];

export function reconcileEndpoints(
  service: ServiceObject,
  pods: readonly PodObject[],
  existing: EndpointsObject | undefined,
  now: Seconds,
  newUid?: () => string,
): EndpointsObject | undefined {
  const selector = serviceSelector(service.spec.selector);
  // Selector-less Services get their Endpoints from the user; not ours to touch.
  if (!selector) return existing;
  const publishNotReady = service.spec.publishNotReadyAddresses === true;
  const svcPorts = service.spec.ports ?? [];
  const headlessNoPorts = svcPorts.length === 0 && service.spec.clusterIP === 'None';

  // port key → (address key → [address, ready])
  const byPort = new Map<string, { port: EndpointPort; order: number; addrs: Map<string, [EndpointAddress, boolean]> }>();
  const noPortAddrs = new Map<string, [EndpointAddress, boolean]>();
  const add = (target: Map<string, [EndpointAddress, boolean]>, addr: EndpointAddress, ready: boolean) => {
    const key = addressKey(addr);
    const prev = target.get(key);
    // "not ready always trumps ready" (mapAddressByPort)
    if (!prev || prev[1]) target.set(key, [addr, ready]);
  };

  for (const pod of pods) {
    if (pod.metadata.namespace !== service.metadata.namespace) continue;
    if (!mapSelectorMatches(selector, pod.metadata.labels)) continue;
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const addr = podAddress(pod);
    const ready = publishNotReady || isPodReady(pod);
    if (svcPorts.length === 0) {
      if (headlessNoPorts) add(noPortAddrs, addr, ready);
      continue;
    }
    svcPorts.forEach((sp, order) => {
      const portNum = findPort(pod, sp);
      if (portNum === undefined) return;
      // v1.EndpointPort.name is omitempty: an unnamed port has no name field.
      const port: EndpointPort = { port: portNum, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) port.name = sp.name;
      const key = `${port.name ?? ''}/${port.port}/${port.protocol}`;
      let entry = byPort.get(key);
      if (!entry) byPort.set(key, (entry = { port, order, addrs: new Map() }));
      add(entry.addrs, addr, ready);
    });
  }

  // Group ports offered by the same (address, ready) set into one subset.
  const groups = new Map<string, { ports: { port: EndpointPort; order: number }[]; addrs: [EndpointAddress, boolean][] }>();
  for (const { port, order, addrs } of byPort.values()) {
    const list = [...addrs.values()];
    // (one port: one group, whatever its key)
    const key =
      byPort.size === 1
        ? ''
        : list
            .map(([a, r]) => `${a.ip}|${a.targetRef.uid}|${r}`)
            .sort()
            .join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports: [], addrs: list }));
    g.ports.push({ port, order });
  }
  const subsets: Subset[] = [...groups.values()]
    .map((g) => {
      g.ports.sort((a, b) => a.order - b.order);
      return { order: g.ports[0].order, subset: toSubset(g.addrs, g.ports.map((p) => p.port)) };
    })
    .sort((a, b) => a.order - b.order)
    .map((x) => x.subset);
  if (noPortAddrs.size > 0) subsets.push(toSubset([...noPortAddrs.values()], []));

  const labels: Record<string, string> = { ...(service.metadata.labels ?? {}) };
  if (isHeadless(service)) labels[LABEL_HEADLESS_SERVICE] = '';
  else delete labels[LABEL_HEADLESS_SERVICE];

  if (existing && semanticallyEqual(existing.subsets, subsets) && semanticallyEqual(existing.metadata.labels, labels)) {
    return existing;
  }
  if (existing) {
    return { ...existing, metadata: { ...existing.metadata, labels }, subsets };
  }
  return {
    kind: 'Endpoints',
    metadata: {
      name: service.metadata.name,
      namespace: service.metadata.namespace,
      uid: newUid ? newUid() : derivedUid(service.metadata.uid),
      labels,
      annotations: {},
      creationTimestamp: now,
      resourceVersion: '',
    },
    subsets,
  };
}

/** the last address built for each pod: an unchanged one is reused, so comparing with the existing Endpoints is cheap */
const addresses = new WeakMap<PodObject, EndpointAddress>();
const addressKeys = new WeakMap<EndpointAddress, string>();

/** an address's identity in a subset (mapAddressByPort): IP and target UID */
function addressKey(addr: EndpointAddress): string {
  let k = addressKeys.get(addr);
  if (k === undefined) addressKeys.set(addr, (k = `${addr.ip}|${addr.targetRef.uid}`));
  return k;
}

function podAddress(pod: PodObject): EndpointAddress {
  const last = addresses.get(pod);
  const ref = last?.targetRef;
  if (
    last &&
    ref &&
    last.ip === pod.status.podIP &&
    last.nodeName === (pod.spec.nodeName || undefined) &&
    ref.name === pod.metadata.name &&
    ref.namespace === pod.metadata.namespace &&
    ref.uid === pod.metadata.uid
  )
    return last;
  const addr: EndpointAddress = {
    ip: pod.status.podIP!,
    targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
  };
  if (pod.spec.nodeName) addr.nodeName = pod.spec.nodeName;
  addresses.set(pod, addr);
  return addr;
}

function toSubset(addrs: [EndpointAddress, boolean][], ports: EndpointPort[]): Subset {
  const ready = addrs.filter(([, r]) => r).map(([a]) => a).sort(lessEndpointAddress);
  const notReady = addrs.filter(([, r]) => !r).map(([a]) => a).sort(lessEndpointAddress);
  const subset: Subset = { ports };
  if (ready.length) subset.addresses = ready;
  if (notReady.length) subset.notReadyAddresses = notReady;
  return subset;
}

/** endpoints/util.go LessEndpointAddress: IP bytes, then target UID. */
function lessEndpointAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  return a.targetRef.uid < b.targetRef.uid ? -1 : a.targetRef.uid > b.targetRef.uid ? 1 : 0;
}

/** A stable UUID-shaped uid when the caller supplies no generator. */
function derivedUid(seed: string): string {
  const h = (s: string) => fnv32a(s).toString(16).padStart(8, '0');
  const a = h(`endpoints/${seed}`);
  const b = h(`${seed}/endpoints`);
  const c = h(`${a}${b}`);
  const d = h(`${c}${seed}`);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
