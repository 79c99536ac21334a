/**
 * `kubectl get`: which objects, in which order, and in which output format
 * (k8s.io/kubectl/pkg/cmd/get/get.go). Lists come in API order (namespace, then name);
 * several kinds print one table each, separated by a blank line, names prefixed with
 * the kind; nothing found prints `No resources found in default namespace.` on stderr.
 */
import type { KubectlCommand, ResourceKind } from '../../scenario/commands/command-ast';
import type { ClusterView } from '../model/objects';
import type { CommandOutput } from '../simulation-api';
import { marshalJson } from '../format/go-json';
import { marshalYaml } from '../format/go-yaml';
import { API_RESOURCES, kindPrefix } from './api-resources';
import { notFoundMessage } from './api-errors';
import { toApiList, toApiObject, type ClusterObject } from './api-object';
import { matchesFields, unsupportedFieldError } from './field-selector';
import { matchesSelector } from './label-selector';
import { ENDPOINTS_DEPRECATION_WARNING, endpointsTable } from './print-endpoints';
import { endpointSliceTable } from './print-endpointslices';
import { deploymentTable } from './print-deployments';
import { eventTable } from './print-events';
import { nodeTable } from './print-nodes';
import { podTable } from './print-pods';
import { replicaSetTable } from './print-replicasets';
import { serviceTable } from './print-services';
import { configMapTable, secretTable } from './print-configmaps';
import { printTable, type Table } from './table-printer';

export type GetCommand = Extract<KubectlCommand, { verb: 'get' }>;

/** kubectl's namespace in podsim: there is one, "default" */
export const NAMESPACE = 'default';

/** every object of a kind, in the order the API server lists them (by namespace, then name) */
export function objectsOf(view: ClusterView, resource: ResourceKind): ClusterObject[] {
  const all: ClusterObject[] = (() => {
    switch (resource) {
      case 'pods':
        return view.pods;
      case 'services':
        return view.services;
      case 'endpoints':
        return view.endpoints;
      case 'endpointslices':
        return view.endpointSlices;
      case 'deployments':
        return view.deployments;
      case 'replicasets':
        return view.replicaSets;
      case 'events':
        return view.events;
      case 'nodes':
        return view.nodes;
      case 'configmaps':
        return view.configMaps;
      case 'secrets':
        return view.secrets;
    }
  })();
  const key = (o: ClusterObject) => `${o.metadata.namespace}/${o.metadata.name}`;
  return [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** the objects of one kind in kubectl's namespace (or all namespaces) */
export function inScope(view: ClusterView, resource: ResourceKind, allNamespaces: boolean): ClusterObject[] {
  const objs = objectsOf(view, resource);
  if (allNamespaces || !API_RESOURCES[resource].namespaced) return objs;
  return objs.filter((o) => o.metadata.namespace === NAMESPACE);
}

export function tableOf(resource: ResourceKind, objs: ClusterObject[], view: ClusterView): Table {
  switch (resource) {
    case 'pods':
      return podTable(objs as ClusterView['pods'], view);
    case 'services':
      return serviceTable(objs as ClusterView['services'], view);
    case 'endpoints':
      return endpointsTable(objs as ClusterView['endpoints'], view);
    case 'endpointslices':
      return endpointSliceTable(objs as ClusterView['endpointSlices'], view);
    case 'deployments':
      return deploymentTable(objs as ClusterView['deployments'], view);
    case 'replicasets':
      return replicaSetTable(objs as ClusterView['replicaSets'], view);
    case 'events':
      return eventTable(objs as ClusterView['events'], view);
    case 'nodes':
      return nodeTable(objs as ClusterView['nodes'], view);
    case 'configmaps':
      return configMapTable(objs as ClusterView['configMaps'], view);
    case 'secrets':
      return secretTable(objs as ClusterView['secrets'], view);
  }
}

interface Found {
  resource: ResourceKind;
  objects: ClusterObject[];
}

export function runGet(cmd: GetCommand, view: ClusterView): CommandOutput {
  const resources = [...new Set(cmd.resources)];
  const errors: string[] = [];
  const warnings: string[] = [];
  if (cmd.names.length > 0 && (cmd.selector || cmd.fieldSelector)) {
    return { stdout: '', stderr: 'error: name cannot be provided when a selector is specified\n', exitCode: 1 };
  }
  if (resources.includes('endpoints')) warnings.push(ENDPOINTS_DEPRECATION_WARNING);

  const found: Found[] = [];
  for (const resource of resources) {
    const scope = inScope(view, resource, cmd.allNamespaces);
    if (cmd.names.length > 0) {
      const objects: ClusterObject[] = [];
      for (const name of cmd.names) {
        const o = scope.find((x) => x.metadata.name === name);
        if (o) objects.push(o);
        else errors.push(notFoundMessage(resource, name));
      }
      found.push({ resource, objects });
      continue;
    }
    const fieldError = unsupportedFieldError(resource, cmd.fieldSelector, cmd.selector);
    if (fieldError) {
      errors.push(fieldError);
      continue;
    }
    found.push({
      resource,
      objects: scope.filter((o) => matchesSelector(o.metadata.labels, cmd.selector) && matchesFields(resource, o, cmd.fieldSelector)),
    });
  }

  const total = found.reduce((n, f) => n + f.objects.length, 0);
  let stdout = '';
  if (cmd.output === 'yaml' || cmd.output === 'json') {
    // one name of one kind is a single object; anything else is a List
    const single = resources.length === 1 && cmd.names.length === 1;
    const items = found.flatMap((f) => f.objects.map((o) => toApiObject(o, view)));
    if (!(single && items.length === 0)) {
      const doc = single ? items[0] : toApiList(items);
      stdout = cmd.output === 'yaml' ? marshalYaml(doc) : marshalJson(doc);
    }
  } else if (cmd.output === 'name') {
    stdout = found.flatMap((f) => f.objects.map((o) => `${kindPrefix(f.resource)}/${o.metadata.name}\n`)).join('');
  } else {
    // multipleGVKsRequested: a list is one info per kind (empty or not), a named get one per object found
    const kinds = cmd.names.length > 0 ? found.filter((f) => f.objects.length > 0) : found;
    const withKind = kinds.length > 1;
    const tables = found
      .map((f) =>
        printTable(tableOf(f.resource, f.objects, view), {
          wide: cmd.output === 'wide',
          showLabels: cmd.showLabels,
          withNamespace: cmd.allNamespaces && API_RESOURCES[f.resource].namespaced,
          kindPrefix: withKind ? kindPrefix(f.resource) : undefined,
        }),
      )
      .filter((t) => t !== '');
    stdout = tables.join('\n');
  }

  const stderr: string[] = [...warnings, ...errors];
  const humanReadable = cmd.output === 'default' || cmd.output === 'wide';
  if (humanReadable && total === 0 && errors.length === 0) {
    const namespaced = !cmd.allNamespaces && resources.every((r) => API_RESOURCES[r].namespaced);
    stderr.push(namespaced ? `No resources found in ${NAMESPACE} namespace.` : 'No resources found');
  }
  return { stdout, stderr: stderr.map((l) => l + '\n').join(''), exitCode: errors.length > 0 ? 1 : 0 };
}
