/**
 * The API resources kubectl reads, with the names it prints them by:
 * errors use the qualified resource (`deployments.apps "web" not found`), `-o name`
 * and multi-kind tables use the lower-case group kind (`deployment.apps/web`).
 */
import type { ResourceKind } from '../../scenario/commands/command-ast';

export interface ApiResource {
  resource: ResourceKind;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
}

export const API_RESOURCES: Record<ResourceKind, ApiResource> = {
  pods: { resource: 'pods', kind: 'Pod', group: '', version: 'v1', namespaced: true },
  services: { resource: 'services', kind: 'Service', group: '', version: 'v1', namespaced: true },
  endpoints: { resource: 'endpoints', kind: 'Endpoints', group: '', version: 'v1', namespaced: true },
  endpointslices: { resource: 'endpointslices', kind: 'EndpointSlice', group: 'discovery.k8s.io', version: 'v1', namespaced: true },
  deployments: { resource: 'deployments', kind: 'Deployment', group: 'apps', version: 'v1', namespaced: true },
  replicasets: { resource: 'replicasets', kind: 'ReplicaSet', group: 'apps', version: 'v1', namespaced: true },
  events: { resource: 'events', kind: 'Event', group: '', version: 'v1', namespaced: true },
  nodes: { resource: 'nodes', kind: 'Node', group: '', version: 'v1', namespaced: false },
  configmaps: { resource: 'configmaps', kind: 'ConfigMap', group: '', version: 'v1', namespaced: true },
  secrets: { resource: 'secrets', kind: 'Secret', group: '', version: 'v1', namespaced: true },
};

/** apiVersion field: v1, apps/v1, discovery.k8s.io/v1 */
export function apiVersionOf(r: ResourceKind): string {
  const a = API_RESOURCES[r];
  return a.group ? `${a.group}/${a.version}` : a.version;
}

/** schema.GroupResource.String(): pods, deployments.apps, endpointslices.discovery.k8s.io */
export function qualifiedResource(r: ResourceKind): string {
  const a = API_RESOURCES[r];
  return a.group ? `${a.resource}.${a.group}` : a.resource;
}

/** strings.ToLower(GroupKind.String()): pod, deployment.apps, endpointslice.discovery.k8s.io */
export function kindPrefix(r: ResourceKind): string {
  const a = API_RESOURCES[r];
  return (a.group ? `${a.kind}.${a.group}` : a.kind).toLowerCase();
}

/** the resource of an API kind name (Pod → pods), for events' involved objects and owner references */
export function resourceOfKind(kind: string): ResourceKind | undefined {
  return (Object.keys(API_RESOURCES) as ResourceKind[]).find((r) => API_RESOURCES[r].kind === kind);
}
