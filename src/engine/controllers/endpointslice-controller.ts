/**
 * The EndpointSlice controller's reconcile for one Service, as a pure function
 * (k8s.io/endpointslice reconciler.go Reconcile / reconcileByAddressType /
 * reconcileByPortMapping / finalize; utils.go podToEndpoint, newEndpointSlice,
 * setEndpointSliceLabels, getSliceToFill).
 *
 * What is kept from the real reconciler:
 * - pods are grouped by the ports they resolve (a pod lacking a named port lands in a
 *   slice with fewer ports); one group → one or more slices of at most 100 endpoints;
 * - existing slices keep their names/uids: endpoints stay in the slice they are in,
 *   changed endpoints are updated in place, emptied slices are deleted, new endpoints
 *   first fill slices that are being updated anyway (fullest first), then an unchanged
 *   slice with room (closest to full), then new slices;
 * - a create paired with a delete becomes an update of the deleted slice (name and
 *   uid survive), and a Service with no endpoints keeps one placeholder slice with no
 *   ports and no endpoints;
 * - a Service without a selector is not managed: its slices come back untouched.
 *
 * Where Go iterates maps/sets in random order, this picks deterministically:
 * desired endpoints are taken in pod-name order, candidate slices in name order, and
 * the endpoints inside every slice this function writes are sorted by pod name.
 * Slice ports keep the Service's port order (Go sorts them by an internal hash).
 * Only IPv4 (status.podIP) is modelled; zone and hostname are not.
 */
import type { ServicePort } from 'kubernetes-types/core/v1';
import type {
  Endpoint,
  EndpointPort,
  EndpointSliceObject,
  OwnerReference,
  PodObject,
  Seconds,
  ServiceObject,
} from '../model/objects';
import { podToEndpointConditions, shouldPodBeInEndpoints } from './endpoint-conditions';
import { findPort } from './find-port';
import { mapSelectorMatches, serviceSelector } from './label-selector';
import { semanticallyEqual } from './canonical-json';

/** --max-endpoints-per-slice default (pkg/controller/endpointslice/config/v1alpha1/defaults.go). */
export const MAX_ENDPOINTS_PER_SLICE = 100;
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
/** v1.IsHeadlessService */
export const LABEL_HEADLESS_SERVICE = 'service.kubernetes.io/headless';

export interface EndpointSliceContext {
  now: Seconds;
  /**
   * The random part of a new slice's name (5 chars, see pod-template-hash.ts
   * randomSuffix); the name is `<service>-<suffix>` like generateName. A value that
   * already contains '-' is taken as the whole name.
   */
  newName: () => string;
  newUid: () => string;
  /** defaults to 100 */
  maxEndpointsPerSlice?: number;
}

interface DesiredGroup {
  ports: EndpointPort[];
  /** keyed by endpointKey, in pod-name order */
  endpoints: Map<string, Endpoint>;
}

/** A slice this pass writes: an update of `base`, or a create when base is absent. */
interface Draft {
  base?: EndpointSliceObject;
  ports: EndpointPort[];
  labels: Record<string, string>;
  endpoints: Endpoint[];
  /** a create turned into an update of a slice being deleted: fresh metadata, old name/uid */
  replaces?: boolean;
}

export function reconcileEndpointSlices(
  service: ServiceObject,
  pods: readonly PodObject[],
  existing: readonly EndpointSliceObject[],
  ctx: EndpointSliceContext,
): EndpointSliceObject[] {
  const selector = serviceSelector(service.spec.selector);
  // Services without a selector get their slices out-of-band; the controller leaves them.
  if (!selector) return existing.slice();
  const max = ctx.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;

  const managed = existing.filter((s) => isManagedSliceOf(s, service));

  // Desired state: one endpoint set per distinct port mapping.
  const desired = new Map<string, DesiredGroup>();
  const candidates = pods
    .filter(
      (p) =>
        p.metadata.namespace === service.metadata.namespace &&
        mapSelectorMatches(selector, p.metadata.labels) &&
        shouldPodBeInEndpoints(p, true),
    )
    .sort(byPodName);
  for (const pod of candidates) {
    const { ports, key } = podPorts(service, pod);
    let group = desired.get(key);
    if (!group) desired.set(key, (group = { ports, endpoints: new Map() }));
    const ep = podToEndpoint(pod, service);
    group.endpoints.set(endpointKey(ep), ep);
  }

  // Existing state: owned slices by port mapping; slices of an older Service with the
  // same name (other uid) are deleted.
  const existingByPortMap = new Map<string, EndpointSliceObject[]>();
  const toDelete: EndpointSliceObject[] = [];
  for (const s of managed) {
    if (!ownedBy(s, service)) {
      toDelete.push(s);
      continue;
    }
    const key = portMapKey(s.ports);
    const list = existingByPortMap.get(key) ?? [];
    list.push(s);
    existingByPortMap.set(key, list);
  }

  const updates = new Map<string, Draft>();
  let creates: Draft[] = [];
  for (const [key, group] of desired) {
    const r = reconcileByPortMapping(service, existingByPortMap.get(key) ?? [], group, max);
    for (const d of r.updates) updates.set(d.base!.metadata.name, d);
    creates.push(...r.creates);
    toDelete.push(...r.deletes);
  }
  for (const [key, slices] of existingByPortMap) {
    if (!desired.has(key)) toDelete.push(...slices);
  }

  // No endpoints at all: keep (or create) one placeholder slice.
  if (managed.length === toDelete.length && creates.length < 1) {
    const placeholder: Draft = { ports: [], labels: sliceLabels(undefined, service).labels, endpoints: [] };
    if (toDelete.length === 1 && isSamePlaceholder(toDelete[0], placeholder, service)) {
      toDelete.length = 0;
    } else {
      creates.push(placeholder);
    }
  }

  // finalize: turn creates into updates of slices that would otherwise be deleted.
  const reused = new Map<string, Draft>();
  for (let i = 0; i < toDelete.length && creates.length > 0; ) {
    const victim = toDelete[i];
    if (ownedBy(victim, service)) {
      const draft = creates[creates.length - 1];
      creates = creates.slice(0, -1);
      reused.set(victim.metadata.name, { ...draft, base: victim, replaces: true });
      toDelete.splice(i, 1);
    } else {
      i++;
    }
  }
  const deleted = new Set(toDelete.map((s) => s.metadata.name));

  const result: EndpointSliceObject[] = [];
  for (const s of existing) {
    if (!isManagedSliceOf(s, service)) {
      result.push(s);
      continue;
    }
    const name = s.metadata.name;
    const draft = updates.get(name) ?? reused.get(name);
    if (draft) result.push(materialize(draft, service, ctx));
    else if (!deleted.has(name)) result.push(s);
  }
  for (const d of creates) result.push(materialize(d, service, ctx));
  return result;
}

function reconcileByPortMapping(
  service: ServiceObject,
  existingSlices: readonly EndpointSliceObject[],
  group: DesiredGroup,
  max: number,
): { updates: Draft[]; creates: Draft[]; deletes: EndpointSliceObject[] } {
  const desiredSet = new Map(group.endpoints);
  const toUpdate = new Map<string, Draft>();
  const unchanged = new Map<string, EndpointSliceObject>();
  const deletes: EndpointSliceObject[] = [];

  // 1. Drop endpoints no longer desired, refresh the ones that changed.
  for (const slice of existingSlices) {
    const kept: Endpoint[] = [];
    let endpointUpdated = false;
    for (const ep of slice.endpoints) {
      const key = endpointKey(ep);
      const want = desiredSet.get(key);
      if (want) {
        // an unchanged endpoint keeps its object (both come from podToEndpoint), so
        // comparing the slice later is cheap
        if (endpointsEqual(want, ep)) kept.push(ep);
        else {
          kept.push(want);
          endpointUpdated = true;
        }
        desiredSet.delete(key);
      }
    }
    const { labels, changed: labelsChanged } = sliceLabels(slice, service);
    if (endpointUpdated || kept.length !== slice.endpoints.length) {
      if (kept.length === 0) deletes.push(slice);
      else toUpdate.set(slice.metadata.name, { base: slice, ports: slice.ports, labels, endpoints: kept });
    } else if (labelsChanged) {
      toUpdate.set(slice.metadata.name, { base: slice, ports: slice.ports, labels, endpoints: slice.endpoints.slice() });
    } else {
      unchanged.set(slice.metadata.name, slice);
    }
  }

  const popInto = (draft: Draft) => {
    for (const [key, ep] of desiredSet) {
      if (draft.endpoints.length >= max) break;
      draft.endpoints.push(ep);
      desiredSet.delete(key);
    }
  };

  // 2. Fill slices that are being updated anyway, fullest first.
  if (desiredSet.size > 0 && toUpdate.size > 0) {
    const drafts = [...toUpdate.values()].sort(
      (a, b) => b.endpoints.length - a.endpoints.length || cmp(a.base!.metadata.name, b.base!.metadata.name),
    );
    for (const d of drafts) popInto(d);
  }

  // 3. Leftovers: an unchanged slice with room (closest to full), else new slices.
  const creates: Draft[] = [];
  while (desiredSet.size > 0) {
    let fill: Draft | undefined;
    if (desiredSet.size < max && unchanged.size > 0) {
      const slice = getSliceToFill([...unchanged.values()].sort(bySliceName), desiredSet.size, max);
      if (slice) {
        unchanged.delete(slice.metadata.name);
        fill = { base: slice, ports: slice.ports, labels: slice.metadata.labels, endpoints: slice.endpoints.slice() };
      }
    }
    if (!fill) fill = { ports: group.ports, labels: sliceLabels(undefined, service).labels, endpoints: [] };
    popInto(fill);
    if (fill.base) toUpdate.set(fill.base.metadata.name, fill);
    else creates.push(fill);
  }

  return { updates: [...toUpdate.values()], creates, deletes };
}

/** utils.go getSliceToFill: the slice that ends up closest to full once numEndpoints are added. */
function getSliceToFill(slices: readonly EndpointSliceObject[], numEndpoints: number, max: number): EndpointSliceObject | undefined {
  let closestDiff = max;
  let closest: EndpointSliceObject | undefined;
  for (const s of slices) {
    const diff = max - (numEndpoints + s.endpoints.length);
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = s;
      if (diff === 0) return closest;
    }
  }
  return closest;
}

function materialize(draft: Draft, service: ServiceObject, ctx: EndpointSliceContext): EndpointSliceObject {
  const endpoints = draft.endpoints.slice().sort((a, b) => cmp(a.targetRef.name, b.targetRef.name));
  const base = draft.base;
  if (base) {
    const specChanged = !semanticallyEqual(base.endpoints, endpoints) || !semanticallyEqual(base.ports, draft.ports);
    return {
      ...base,
      metadata: {
        ...base.metadata,
        ...(draft.replaces
          ? { generateName: `${service.metadata.name}-`, annotations: {}, ownerReferences: [serviceOwnerRef(service)] }
          : {}),
        labels: draft.labels,
        // The API server bumps an EndpointSlice's generation when endpoints/ports change
        // (pkg/registry/discovery/endpointslice/strategy.go); resourceVersion is the store's.
        generation: specChanged ? (base.metadata.generation ?? 1) + 1 : base.metadata.generation,
      },
      endpoints,
      ports: draft.ports,
    };
  }
  const suffix = ctx.newName();
  const prefix = `${service.metadata.name}-`;
  return {
    kind: 'EndpointSlice',
    metadata: {
      name: suffix.includes('-') ? suffix : prefix + suffix,
      generateName: prefix,
      namespace: service.metadata.namespace,
      uid: ctx.newUid(),
      labels: draft.labels,
      annotations: {},
      creationTimestamp: ctx.now,
      ownerReferences: [serviceOwnerRef(service)],
      generation: 1,
      resourceVersion: '',
    },
    addressType: 'IPv4',
    endpoints,
    ports: draft.ports,
  };
}

function serviceOwnerRef(service: ServiceObject): OwnerReference {
  return { apiVersion: 'v1', kind: 'Service', name: service.metadata.name, uid: service.metadata.uid, controller: true };
}

function ownedBy(slice: EndpointSliceObject, service: ServiceObject): boolean {
  return (slice.metadata.ownerReferences ?? []).some(
    (o) => o.uid === service.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1',
  );
}

function isManagedSliceOf(slice: EndpointSliceObject, service: ServiceObject): boolean {
  const labels = slice.metadata.labels ?? {};
  return (
    labels[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME &&
    labels[LABEL_SERVICE_NAME] === service.metadata.name &&
    slice.metadata.namespace === service.metadata.namespace
  );
}

function isReservedLabel(key: string): boolean {
  return key === LABEL_SERVICE_NAME || key === LABEL_MANAGED_BY || key === LABEL_HEADLESS_SERVICE;
}

/**
 * utils.go setEndpointSliceLabels: the Service's labels (minus reserved keys), the
 * headless marker, service-name and managed-by. `changed` reports only a difference
 * in the copied Service labels, as in Go.
 */
function sliceLabels(slice: EndpointSliceObject | undefined, service: ServiceObject): { labels: Record<string, string>; changed: boolean } {
  const sliceOwn: Record<string, string> = {};
  for (const [k, v] of Object.entries(slice?.metadata.labels ?? {})) if (!isReservedLabel(k)) sliceOwn[k] = v;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(service.metadata.labels ?? {})) if (!isReservedLabel(k)) labels[k] = v;
  const changed = !semanticallyEqual(sliceOwn, labels);
  if (isHeadless(service)) labels[LABEL_HEADLESS_SERVICE] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata.name;
  labels[LABEL_MANAGED_BY] = ENDPOINTSLICE_CONTROLLER_NAME;
  return { labels, changed };
}

/** !isServiceIPSet: clusterIP "None" or "" (an unset field is taken as allocated). */
export function isHeadless(service: ServiceObject): boolean {
  return service.spec.clusterIP === 'None' || service.spec.clusterIP === '';
}

function isSamePlaceholder(slice: EndpointSliceObject, placeholder: Draft, service: ServiceObject): boolean {
  return (
    slice.endpoints.length === 0 &&
    slice.ports.length === 0 &&
    slice.addressType === 'IPv4' &&
    ownedBy(slice, service) &&
    semanticallyEqual(slice.metadata.labels, placeholder.labels)
  );
}

/** utils.go getEndpointPorts: resolved ports in Service order; unresolvable ones are left out. */
export function endpointPortsFor(service: ServiceObject, pod: PodObject): EndpointPort[] {
  const svcPorts: ServicePort[] = service.spec.ports ?? [];
  const out: EndpointPort[] = [];
  for (const sp of svcPorts) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    // discovery/v1 always carries the name, "" for an unnamed port.
    out.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
  }
  return out;
}

// A reconcile looks at every pod of the Service; what it derives from a pod is kept per
// pod and reused while the pod (and Service) say the same, so an unchanged endpoint is the
// same object as before and comparing slices stays cheap. Endpoints are never changed.
const portsByPod = new WeakMap<PodObject, { service: ServiceObject; ports: EndpointPort[]; key: string }>();
const endpointByPod = new WeakMap<PodObject, { service: ServiceObject; ep: Endpoint }>();
const endpointKeys = new WeakMap<Endpoint, string>();

/** the pod's resolved ports for the Service and their port-mapping key (pod and Service specs are not changed in place) */
function podPorts(service: ServiceObject, pod: PodObject): { ports: EndpointPort[]; key: string } {
  const last = portsByPod.get(pod);
  if (last && last.service === service) return last;
  const ports = endpointPortsFor(service, pod);
  const entry = { service, ports, key: portMapKey(ports) };
  portsByPod.set(pod, entry);
  return entry;
}

function podToEndpoint(pod: PodObject, service: ServiceObject): Endpoint {
  const conditions = podToEndpointConditions(pod, service);
  const last = endpointByPod.get(pod);
  if (last && last.service === service) {
    const e = last.ep;
    if (
      e.addresses[0] === pod.status.podIP &&
      e.nodeName === (pod.spec.nodeName || undefined) &&
      e.conditions.ready === conditions.ready &&
      e.conditions.serving === conditions.serving &&
      e.conditions.terminating === conditions.terminating &&
      e.targetRef.name === pod.metadata.name &&
      e.targetRef.namespace === pod.metadata.namespace &&
      e.targetRef.uid === pod.metadata.uid
    )
      return e;
  }
  const ep: Endpoint = {
    addresses: [pod.status.podIP!],
    conditions,
    targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
  };
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  endpointByPod.set(pod, { service, ep });
  return ep;
}

/** endpointset.go hashEndpoint: addresses + targetRef namespace/name. */
function endpointKey(ep: Endpoint): string {
  let key = endpointKeys.get(ep);
  if (key === undefined) {
    const addresses = ep.addresses.length === 1 ? ep.addresses[0] : [...ep.addresses].sort().join(',');
    key = `${addresses}|${ep.targetRef.namespace}/${ep.targetRef.name}`;
    endpointKeys.set(ep, key);
  }
  return key;
}

/** util/controller_utils.go EndpointsEqualBeyondHash, plus the hashed fields. */
function endpointsEqual(a: Endpoint, b: Endpoint): boolean {
  return (
    a.addresses.join(',') === b.addresses.join(',') &&
    (a.nodeName ?? '') === (b.nodeName ?? '') &&
    a.conditions.ready === b.conditions.ready &&
    a.conditions.serving === b.conditions.serving &&
    a.conditions.terminating === b.conditions.terminating &&
    a.targetRef.kind === b.targetRef.kind &&
    a.targetRef.name === b.targetRef.name &&
    a.targetRef.namespace === b.targetRef.namespace &&
    a.targetRef.uid === b.targetRef.uid
  );
}

/** NewPortMapKey: the set of ports, order-insensitive. */
function portMapKey(ports: readonly EndpointPort[]): string {
  return ports
    .map((p) => `${p.name ?? ''}/${p.port}/${p.protocol}`)
    .sort()
    .join(',');
}

/**
 * True when two lists hold the same slices with the same content (resourceVersion
 * and generation ignored). Identical arrays or element identities short-circuit, so
 * comparing the result of an idle reconcile with its input is O(n).
 */
export function endpointSlicesEqual(a: readonly EndpointSliceObject[], b: readonly EndpointSliceObject[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((s, i) => endpointSliceEqual(s, b[i]));
}

export function endpointSliceEqual(a: EndpointSliceObject, b: EndpointSliceObject): boolean {
  if (a === b) return true;
  const strip = (s: EndpointSliceObject) => ({
    ...s,
    metadata: { ...s.metadata, resourceVersion: undefined, generation: undefined },
  });
  return semanticallyEqual(strip(a), strip(b));
}

function byPodName(a: PodObject, b: PodObject): number {
  return cmp(a.metadata.name, b.metadata.name);
}
function bySliceName(a: EndpointSliceObject, b: EndpointSliceObject): number {
  return cmp(a.metadata.name, b.metadata.name);
}
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
