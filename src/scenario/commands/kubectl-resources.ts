/**
 * Resource names kubectl accepts for the kinds podsim has (short names, singular,
 * plural, with group suffix), as `kubectl api-resources` lists them.
 */
import type { ResourceKind } from './command-ast';

const ALIASES: Record<string, ResourceKind> = {};

function add(kind: ResourceKind, names: string[]): void {
  for (const n of names) ALIASES[n] = kind;
}

add('pods', ['po', 'pod', 'pods']);
add('services', ['svc', 'service', 'services']);
add('endpoints', ['ep', 'endpoint', 'endpoints']);
add('endpointslices', ['endpointslice', 'endpointslices', 'endpointslice.discovery.k8s.io', 'endpointslices.discovery.k8s.io']);
add('deployments', ['deploy', 'deployment', 'deployments', 'deploy.apps', 'deployment.apps', 'deployments.apps']);
add('replicasets', ['rs', 'replicaset', 'replicasets', 'rs.apps', 'replicaset.apps', 'replicasets.apps']);
add('events', ['ev', 'event', 'events', 'event.events.k8s.io', 'events.events.k8s.io']);
add('nodes', ['no', 'node', 'nodes']);
add('configmaps', ['cm', 'configmap', 'configmaps']);
add('secrets', ['secret', 'secrets']);

/** What `kubectl get all` shows of what podsim has. */
export const ALL_RESOURCES: ResourceKind[] = ['pods', 'services', 'deployments', 'replicasets'];

/** Kinds a real cluster serves that podsim does not simulate. */
const REAL_BUT_ABSENT = new Set([
  'statefulsets', 'statefulset', 'sts', 'daemonsets', 'daemonset', 'ds', 'jobs', 'job', 'cronjobs', 'cronjob', 'cj',
  'ingresses', 'ingress', 'ing', 'namespaces', 'namespace', 'ns', 'persistentvolumeclaims', 'persistentvolumeclaim', 'pvc',
  'persistentvolumes', 'persistentvolume', 'pv', 'serviceaccounts', 'serviceaccount', 'sa', 'horizontalpodautoscalers',
  'horizontalpodautoscaler', 'hpa', 'networkpolicies', 'networkpolicy', 'netpol', 'poddisruptionbudgets', 'pdb',
  'replicationcontrollers', 'rc', 'roles', 'rolebindings', 'clusterroles', 'clusterrolebindings', 'storageclasses', 'sc',
  'limitranges', 'limits', 'resourcequotas', 'quota', 'controllerrevisions', 'leases', 'priorityclasses', 'pc',
]);

export type ResourceLookup = { ok: true; kind: ResourceKind } | { ok: false; message: string };

export function lookupResource(word: string): ResourceLookup {
  const name = word.toLowerCase();
  const kind = ALIASES[name];
  if (kind) return { ok: true, kind };
  if (REAL_BUT_ABSENT.has(name)) {
    return { ok: false, message: `error: podsim does not simulate ${JSON.stringify(word)}; it has pods, services, endpoints, endpointslices, deployments, replicasets, events, nodes, configmaps and secrets` };
  }
  return { ok: false, message: `error: the server doesn't have a resource type ${JSON.stringify(word)}` };
}
