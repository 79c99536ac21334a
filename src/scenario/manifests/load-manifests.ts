/**
 * Cluster objects from YAML documents: recognise the kind, decode strictly, apply
 * the API defaults, validate — the path an object takes through `kubectl apply`
 * and the API server. Used for the scenario file and for `kubectl apply -f -`.
 */
import type { ConfigMap, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Manifest, ScenarioProblem, SourceLocation } from '../model';
import { parseYamlDocuments, type PathSegment, type TextPosition, type YamlDocument } from '../yaml-documents';
import { CONFIG_MAP_TYPE, DEPLOYMENT_TYPE, POD_TYPE, REPLICA_SET_TYPE, SECRET_TYPE, SERVICE_TYPE } from './api-types';
import type { FieldProblem } from './field-errors';
import {
  setConfigMapDefaults,
  setDeploymentDefaults,
  setPodDefaults,
  setReplicaSetDefaults,
  setSecretDefaults,
  setServiceDefaults,
} from './set-defaults';
import { decodedCopy, decodeObject, isPlainObject, type ApiType } from './strict-decoding';
import { validateConfigMap, validateSecret } from './validate-config-map';
import { validateDeployment, validateReplicaSet } from './validate-deployment';
import { validatePod } from './validate-pod-spec';
import { validateService } from './validate-service';

type StructType = Extract<ApiType, { t: 'struct' }>;

interface KindHandler {
  kind: Manifest['kind'];
  type: StructType;
  setDefaults(o: unknown): void;
  validate(o: unknown): FieldProblem[];
}

const KINDS: Record<string, KindHandler> = {
  'v1/Pod': { kind: 'Pod', type: POD_TYPE, setDefaults: (o) => setPodDefaults(o as Pod), validate: (o) => validatePod(o as Pod) },
  'v1/Service': {
    kind: 'Service',
    type: SERVICE_TYPE,
    setDefaults: (o) => setServiceDefaults(o as Service),
    validate: (o) => validateService(o as Service),
  },
  'v1/ConfigMap': {
    kind: 'ConfigMap',
    type: CONFIG_MAP_TYPE,
    setDefaults: (o) => setConfigMapDefaults(o as ConfigMap),
    validate: (o) => validateConfigMap(o as ConfigMap),
  },
  'v1/Secret': {
    kind: 'Secret',
    type: SECRET_TYPE,
    setDefaults: (o) => setSecretDefaults(o as Secret),
    validate: (o) => validateSecret(o as Secret),
  },
  'apps/v1/Deployment': {
    kind: 'Deployment',
    type: DEPLOYMENT_TYPE,
    setDefaults: (o) => setDeploymentDefaults(o as Deployment),
    validate: (o) => validateDeployment(o as Deployment),
  },
  'apps/v1/ReplicaSet': {
    kind: 'ReplicaSet',
    type: REPLICA_SET_TYPE,
    setDefaults: (o) => setReplicaSetDefaults(o as ReplicaSet),
    validate: (o) => validateReplicaSet(o as ReplicaSet),
  },
};

export const SUPPORTED_KINDS_TEXT = 'v1 Pod, Service, ConfigMap, Secret, List and apps/v1 Deployment, ReplicaSet';

/** Kinds a real cluster has that podsim does not simulate: named so rather than "no matches". */
const REAL_KINDS: Record<string, string[]> = {
  v1: ['Namespace', 'PersistentVolumeClaim', 'PersistentVolume', 'ServiceAccount', 'Endpoints', 'ReplicationController', 'LimitRange', 'ResourceQuota', 'Node', 'Event'],
  'apps/v1': ['StatefulSet', 'DaemonSet', 'ControllerRevision'],
  'batch/v1': ['Job', 'CronJob'],
  'networking.k8s.io/v1': ['Ingress', 'NetworkPolicy', 'IngressClass'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'policy/v1': ['PodDisruptionBudget'],
  'rbac.authorization.k8s.io/v1': ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
};

/** Where each loaded object's metadata.name is written (for duplicate-name problems). */
const NAME_POSITIONS = new WeakMap<Manifest, TextPosition>();

export function nameLocation(m: Manifest): TextPosition {
  return NAME_POSITIONS.get(m) ?? m.loc;
}

/** Turns segment-relative problems of one document into file problems. */
export type Locator = (segments: readonly PathSegment[]) => TextPosition;

export interface ManifestDocumentResult {
  manifests: Manifest[];
  problems: ScenarioProblem[];
}

function toProblem(p: FieldProblem, file: string, locate: Locator): ScenarioProblem {
  const pos = locate(p.at);
  return { file, line: pos.line, column: pos.column, ...(p.path !== undefined ? { path: p.path } : {}), message: p.message };
}

/** One object (a document, or an item of a List) at `prefix` in its document. */
function objectFromValue(value: Record<string, unknown>, prefix: readonly PathSegment[], file: string, locate: Locator): ManifestDocumentResult {
  const at = (segs: readonly PathSegment[]) => locate([...prefix, ...segs]);
  const problem = (message: string, segs: readonly PathSegment[] = [], path?: string): ScenarioProblem => {
    const pos = at(segs);
    return { file, line: pos.line, column: pos.column, ...(path ? { path } : {}), message };
  };
  const apiVersion = value.apiVersion;
  const kind = value.kind;
  const missing = [...(typeof apiVersion === 'string' && apiVersion ? [] : ['apiVersion not set']), ...(typeof kind === 'string' && kind ? [] : ['kind not set'])];
  if (missing.length > 0) return { manifests: [], problems: [problem(`error validating data: [${missing.join(', ')}]`)] };
  const av = apiVersion as string;
  const k = kind as string;
  if (av === 'v1' && k === 'List') return listItems(value, prefix, file, locate);
  const handler = KINDS[`${av}/${k}`];
  if (!handler) {
    const message = REAL_KINDS[av]?.includes(k)
      ? `podsim does not simulate ${av} ${k}; it supports ${SUPPORTED_KINDS_TEXT}`
      : `no matches for kind ${JSON.stringify(k)} in version ${JSON.stringify(av)}: podsim supports ${SUPPORTED_KINDS_TEXT}`;
    return { manifests: [], problems: [problem(message, ['kind'])] };
  }
  const decoded = decodeObject(value, handler.type);
  const problems = [...decoded.typeErrors, ...decoded.unknownFields].map((p) => toProblem(p, file, at));
  const object = decodedCopy(value, handler.type) as Record<string, unknown>;
  // The API server stops at a decoding error; we go on without the mistyped fields so
  // that one run shows every problem, dropping what those fields would cause.
  const mistyped = decoded.typeErrors.map((p) => p.at);
  for (const segs of mistyped) unsetPath(object, segs);
  handler.setDefaults(object);
  const semantic = handler.validate(object).filter((p) => !mistyped.some((m) => startsWith(p.at, m)));
  problems.push(...semantic.map((p) => toProblem(p, file, at)));
  if (problems.length > 0) return { manifests: [], problems };
  const start = at([]);
  const loc: SourceLocation = { file, line: start.line, column: start.column };
  const manifest = { kind: handler.kind, object, loc } as Manifest;
  NAME_POSITIONS.set(manifest, at(['metadata', 'name']));
  return { manifests: [manifest], problems: [] };
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

function unsetPath(root: Record<string, unknown>, segs: readonly PathSegment[]): void {
  let node: unknown = root;
  for (let i = 0; i < segs.length - 1; i++) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string | number, unknown>)[segs[i]];
  }
  if (node === null || typeof node !== 'object' || segs.length === 0) return;
  const last = segs[segs.length - 1];
  if (Array.isArray(node) && typeof last === 'number') node[last] = {};
  else delete (node as Record<string | number, unknown>)[last];
}

function listItems(value: Record<string, unknown>, prefix: readonly PathSegment[], file: string, locate: Locator): ManifestDocumentResult {
  const out: ManifestDocumentResult = { manifests: [], problems: [] };
  const items = value.items ?? [];
  if (!Array.isArray(items)) {
    const pos = locate([...prefix, 'items']);
    out.problems.push({ file, line: pos.line, column: pos.column, message: 'items: a List needs a list of objects' });
    return out;
  }
  items.forEach((item, i) => {
    const r = manifestsFromValue(item, [...prefix, 'items', i], file, locate);
    out.manifests.push(...r.manifests);
    out.problems.push(...r.problems);
  });
  return out;
}

function describeNonObject(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'a string';
  return `a ${typeof v}`;
}

/** The objects one YAML value holds (an object, or a List of them). */
export function manifestsFromValue(value: unknown, prefix: readonly PathSegment[], file: string, locate: Locator): ManifestDocumentResult {
  if (!isPlainObject(value)) {
    const pos = locate(prefix);
    return {
      manifests: [],
      problems: [{ file, line: pos.line, column: pos.column, message: `expected a Kubernetes object (a mapping with apiVersion and kind), found ${describeNonObject(value)}` }],
    };
  }
  return objectFromValue(value, prefix, file, locate);
}

export function manifestsFromDocument(doc: YamlDocument, file: string, locate: Locator = (s) => doc.locate(s)): ManifestDocumentResult {
  return manifestsFromValue(doc.value, [], file, locate);
}

/** Problems for objects of the same kind and name defined twice (a real apply would overwrite the first). */
export function duplicateObjectProblems(manifests: readonly Manifest[], file: string): ScenarioProblem[] {
  const seen = new Map<string, Manifest>();
  const out: ScenarioProblem[] = [];
  for (const m of manifests) {
    const name = m.object.metadata?.name ?? '';
    const key = `${m.kind}/${name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, m);
      continue;
    }
    const pos = nameLocation(m);
    out.push({
      file,
      line: pos.line,
      column: pos.column,
      path: 'metadata.name',
      message: `Duplicate value: ${JSON.stringify(name)}: a ${m.kind} with this name is already defined at line ${first.loc.line}`,
    });
  }
  return out;
}

export type ManifestLoadResult = { ok: true; manifests: Manifest[] } | { ok: false; problems: ScenarioProblem[] };

function byPosition(a: ScenarioProblem, b: ScenarioProblem): number {
  return a.line - b.line || a.column - b.column;
}

/**
 * Every object of a multi-document YAML text of plain manifests (what
 * `kubectl apply -f -` reads). Documents of other kinds, a Scenario included, are problems.
 */
export function loadManifests(text: string, file: string): ManifestLoadResult {
  const parsed = parseYamlDocuments(text);
  if (!parsed.ok) return { ok: false, problems: [{ file, ...parsed.error }] };
  const manifests: Manifest[] = [];
  const problems: ScenarioProblem[] = [];
  for (const doc of parsed.documents) {
    if (doc.value === null || doc.value === undefined) continue;
    const r = manifestsFromDocument(doc, file);
    manifests.push(...r.manifests);
    problems.push(...r.problems);
  }
  problems.push(...duplicateObjectProblems(manifests, file));
  if (problems.length > 0) return { ok: false, problems: problems.sort(byPosition) };
  return { ok: true, manifests };
}
