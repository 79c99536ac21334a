/**
 * --field-selector: the API server only knows a few field labels per resource
 * (each registry's GetAttrs / field label conversion funcs), equality only here.
 */
import type { ResourceKind } from '../../scenario/commands/command-ast';
import type { EventObject, NodeObject, ObjectMeta, PodObject, SecretObject } from '../model/objects';
import { API_RESOURCES } from './api-resources';
import { fromServer } from './api-errors';

type Fields = Record<string, string>;

function metaFields(m: ObjectMeta): Fields {
  return { 'metadata.name': m.name, 'metadata.namespace': m.namespace };
}

/** the field labels the API server supports for a resource, with the object's values */
export function fieldsOf(resource: ResourceKind, obj: { metadata: ObjectMeta }): Fields {
  const f = metaFields(obj.metadata);
  switch (resource) {
    case 'pods': {
      const p = obj as PodObject;
      return {
        ...f,
        'spec.nodeName': p.spec.nodeName ?? '',
        'spec.restartPolicy': p.spec.restartPolicy ?? 'Always',
        'spec.schedulerName': p.spec.schedulerName ?? 'default-scheduler',
        'spec.serviceAccountName': p.spec.serviceAccountName ?? '',
        'spec.hostNetwork': String(p.spec.hostNetwork ?? false),
        'status.phase': p.status.phase,
        'status.podIP': p.status.podIP ?? '',
        'status.nominatedNodeName': p.status.nominatedNodeName ?? '',
      };
    }
    case 'events': {
      const e = obj as EventObject;
      return {
        ...f,
        'involvedObject.kind': e.involvedObject.kind,
        'involvedObject.namespace': e.involvedObject.namespace,
        'involvedObject.name': e.involvedObject.name,
        'involvedObject.uid': e.involvedObject.uid,
        'involvedObject.fieldPath': e.involvedObject.fieldPath ?? '',
        reason: e.reason,
        source: e.source.component,
        type: e.type,
      };
    }
    case 'secrets':
      return { ...f, type: (obj as SecretObject).type };
    case 'nodes':
      return { ...f, 'spec.unschedulable': String((obj as NodeObject & { spec?: { unschedulable?: boolean } }).spec?.unschedulable ?? false) };
    default:
      return f;
  }
}

function selectorText(sel: Record<string, string> | undefined): string {
  return Object.entries(sel ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/**
 * null when every field label is supported, else the API server's BadRequest, e.g.
 * `Unable to find "/v1, Resource=events" that match label selector "", field selector "foo=bar": field label not supported: foo`
 */
export function unsupportedFieldError(
  resource: ResourceKind,
  fieldSelector: Record<string, string> | undefined,
  labelSelector: Record<string, string> | undefined,
): string | null {
  if (!fieldSelector) return null;
  for (const key of Object.keys(fieldSelector)) {
    const known = key === 'metadata.name' || key === 'metadata.namespace' || KNOWN_LABELS[resource].includes(key);
    if (!known) {
      const a = API_RESOURCES[resource];
      const gvr = `${a.group}/${a.version}, Resource=${a.resource}`;
      return fromServer(
        'BadRequest',
        `Unable to find "${gvr}" that match label selector "${selectorText(labelSelector)}", field selector "${selectorText(fieldSelector)}": field label not supported: ${key}`,
      );
    }
  }
  return null;
}

const KNOWN_LABELS: Record<ResourceKind, string[]> = {
  pods: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  events: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.fieldPath', 'reason', 'source', 'type'],
  secrets: ['type'],
  nodes: ['spec.unschedulable'],
  services: [],
  endpoints: [],
  endpointslices: [],
  deployments: [],
  replicasets: [],
  configmaps: [],
};

export function matchesFields(resource: ResourceKind, obj: { metadata: ObjectMeta }, fieldSelector: Record<string, string> | undefined): boolean {
  if (!fieldSelector) return true;
  const f = fieldsOf(resource, obj);
  return Object.entries(fieldSelector).every(([k, v]) => f[k] === v);
}
