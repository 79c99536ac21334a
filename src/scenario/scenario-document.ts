/**
 * The `podsim/v1alpha1 Scenario` document: settings of a run, with their defaults
 * (contract: shared/spec/scenario-format.md). A file without one gets every default.
 */
import type { AppSpec, CheckSpec, ImageSpec, LocalizedText, NodeSpec, ScenarioProblem, Seconds, SourceLocation, TrafficSpec } from './model';
import { readApps } from './app-spec';
import { readChecks } from './check-spec';
import { invalid } from './manifests/field-errors';
import { isDNS1123Label, isDNS1123Subdomain } from './manifests/name-validation';
import { scaledValue } from './quantity';
import { FieldPath, FieldReader } from './scenario-fields';
import { checkTimelineReferences, readTimeline, type ParsedEntry, type SourceContext } from './timeline';
import type { WorkloadIndex } from './workload-index';
import type { PathSegment } from './yaml-documents';

export const SCENARIO_API_VERSION = 'podsim/v1alpha1';

export const DEFAULTS = {
  seed: 1,
  duration: 600,
  node: { name: 'node-1', cpu: '4', memory: '8Gi', maxPods: 110 },
  imagePull: 2,
  metricsServer: true,
  /** metrics-server --metric-resolution in the official manifests; its minimum is 10 s */
  metricResolution: 15,
  minMetricResolution: 10,
} as const;

export interface ScenarioSettings {
  name: string;
  title?: LocalizedText;
  description?: LocalizedText;
  seed: number;
  duration: Seconds;
  nodes: NodeSpec[];
  images: Record<string, ImageSpec>;
  apps: AppSpec[];
  traffic: TrafficSpec[];
  timeline: ParsedEntry[];
  checks: CheckSpec[];
  metricsServer: boolean;
  metricResolution: Seconds;
}

export const SPEC_FIELDS = ['seed', 'duration', 'nodes', 'images', 'apps', 'traffic', 'timeline', 'checks', 'metricsServer', 'metricResolution'];

function defaultNode(): NodeSpec {
  return { name: DEFAULTS.node.name, cpuMilli: 4000, memoryBytes: 8 * 1024 ** 3, maxPods: DEFAULTS.node.maxPods };
}

export function defaultSettings(name: string): ScenarioSettings {
  return {
    name,
    seed: DEFAULTS.seed,
    duration: DEFAULTS.duration,
    nodes: [defaultNode()],
    images: {},
    apps: [],
    traffic: [],
    timeline: [],
    checks: [],
    metricsServer: DEFAULTS.metricsServer,
    metricResolution: DEFAULTS.metricResolution,
  };
}

function readNodes(r: FieldReader, v: unknown, p: FieldPath): NodeSpec[] {
  const list = r.list(v, p);
  if (!list) return [defaultNode()];
  if (list.length === 0) {
    r.problem(p, 'a cluster needs at least one node');
    return [];
  }
  const nodes: NodeSpec[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const ip = p.index(i);
    const m = r.mapping(item, ip, ['name', 'cpu', 'memory', 'maxPods']);
    if (!m) return;
    const name = r.string(r.required(m, 'name', ip), ip.child('name'));
    if (name !== undefined) {
      for (const msg of isDNS1123Subdomain(name)) r.problems.push(invalid(ip.child('name'), name, msg));
      if (seen.has(name)) r.problem(ip.child('name'), `Duplicate value: ${JSON.stringify(name)}`);
      seen.add(name);
    }
    const cpu = r.quantity(m.cpu ?? DEFAULTS.node.cpu, ip.child('cpu'));
    const memory = r.quantity(m.memory ?? DEFAULTS.node.memory, ip.child('memory'));
    const maxPods = m.maxPods === undefined ? DEFAULTS.node.maxPods : r.integer(m.maxPods, ip.child('maxPods'), 1, 10000);
    if (name === undefined || !cpu || !memory || maxPods === undefined) return;
    nodes.push({ name, cpuMilli: scaledValue(cpu, -3), memoryBytes: scaledValue(memory, 0), maxPods });
  });
  return nodes;
}

function readImages(r: FieldReader, v: unknown, p: FieldPath): Record<string, ImageSpec> {
  const images: Record<string, ImageSpec> = {};
  for (const [ref, spec] of Object.entries(r.mapping(v, p) ?? {})) {
    const ip = p.key(ref);
    const m = r.mapping(spec, ip, ['pull', 'missing', 'size']);
    if (!m) continue;
    const pull = m.pull === undefined ? DEFAULTS.imagePull : r.duration(m.pull, ip.child('pull'));
    const missing = m.missing === undefined ? false : r.bool(m.missing, ip.child('missing'));
    const size = m.size === undefined ? undefined : r.quantity(m.size, ip.child('size'));
    if (pull === undefined || missing === undefined) continue;
    images[ref] = { pull, missing, ...(size ? { sizeBytes: scaledValue(size, 0) } : {}) };
  }
  return images;
}

function readTraffic(r: FieldReader, v: unknown, p: FieldPath, index: WorkloadIndex, locate: Locate): TrafficSpec[] {
  const out: TrafficSpec[] = [];
  (r.list(v, p) ?? []).forEach((item, i) => {
    const ip = p.index(i);
    const m = r.mapping(item, ip, ['service', 'rps', 'from', 'to', 'path']);
    if (!m) return;
    const service = r.string(r.required(m, 'service', ip), ip.child('service'));
    if (service !== undefined && !index.services.has(service)) {
      const all = [...index.services];
      r.problem(ip.child('service'), `services ${JSON.stringify(service)} not found (${all.length ? `the file has services: ${all.join(', ')}` : 'the file has no services'})`);
    }
    const rps = r.number(r.required(m, 'rps', ip), ip.child('rps'), 0);
    const from = m.from === undefined ? 0 : r.duration(m.from, ip.child('from'));
    const to = m.to === undefined ? undefined : r.duration(m.to, ip.child('to'));
    if (from !== undefined && to !== undefined && to <= from) r.problem(ip.child('to'), `must be after "from"`);
    let path = '/';
    if (m.path !== undefined) {
      const s = r.string(m.path, ip.child('path'));
      if (s !== undefined && !s.startsWith('/')) r.problem(ip.child('path'), `a path starts with "/", not ${JSON.stringify(s)}`);
      else if (s !== undefined) path = s;
    }
    if (service === undefined || rps === undefined || from === undefined) return;
    out.push({ service, rps, from, ...(to !== undefined ? { to } : {}), path, loc: locate(ip.segments) });
  });
  return out;
}

type Locate = (segments: readonly PathSegment[]) => SourceLocation;

export interface ScenarioDocumentResult {
  settings: ScenarioSettings;
  /** problems tied to field paths of the Scenario document */
  fieldProblems: { at: readonly PathSegment[]; path?: string; message: string }[];
  /** problems already placed in the file (commands, applied manifests) */
  problems: ScenarioProblem[];
}

/**
 * Reads the Scenario document. `index` holds the file's objects; objects applied by
 * the timeline are added to it for the apps and traffic checks.
 */
export function readScenarioDocument(src: SourceContext, index: WorkloadIndex, fallbackName: string): ScenarioDocumentResult {
  const r = new FieldReader();
  const settings = defaultSettings(fallbackName);
  const root = r.mapping(src.doc.value, FieldPath.root(), ['apiVersion', 'kind', 'metadata', 'spec']) ?? {};
  const meta = r.mapping(root.metadata, FieldPath.of('metadata'), ['name', 'title', 'description']) ?? {};
  const name = r.string(r.required(meta, 'name', FieldPath.of('metadata')), FieldPath.of('metadata', 'name'));
  if (name !== undefined) {
    const msgs = isDNS1123Label(name);
    for (const msg of msgs) r.problems.push(invalid(FieldPath.of('metadata', 'name'), name, msg));
    if (msgs.length === 0) settings.name = name;
  }
  if (meta.title !== undefined) settings.title = r.localizedText(meta.title, FieldPath.of('metadata', 'title'));
  if (meta.description !== undefined) settings.description = r.localizedText(meta.description, FieldPath.of('metadata', 'description'));

  const sp = FieldPath.of('spec');
  const spec = r.mapping(root.spec, sp, SPEC_FIELDS) ?? {};
  if (spec.seed !== undefined) settings.seed = r.integer(spec.seed, sp.child('seed'), 0, Number.MAX_SAFE_INTEGER) ?? DEFAULTS.seed;
  if (spec.duration !== undefined) {
    const d = r.duration(spec.duration, sp.child('duration'));
    if (d === 0) r.problem(sp.child('duration'), 'must be longer than 0s');
    settings.duration = d || DEFAULTS.duration;
  }
  if (spec.nodes !== undefined) settings.nodes = readNodes(r, spec.nodes, sp.child('nodes'));
  if (spec.images !== undefined) settings.images = readImages(r, spec.images, sp.child('images'));
  if (spec.metricsServer !== undefined) settings.metricsServer = r.bool(spec.metricsServer, sp.child('metricsServer')) ?? true;
  if (spec.metricResolution !== undefined) {
    settings.metricResolution =
      r.duration(spec.metricResolution, sp.child('metricResolution'), DEFAULTS.minMetricResolution, '10s') ?? DEFAULTS.metricResolution;
  }

  const locate: Locate = (segments) => ({ file: src.file, ...src.doc.locate(segments) });
  const timeline = readTimeline(r, spec.timeline, sp.child('timeline'), src);
  settings.timeline = timeline.entries;
  const withApplied = index.clone();
  for (const e of timeline.entries) for (const value of e.applied) withApplied.add(value);
  if (spec.apps !== undefined) settings.apps = readApps(r, spec.apps, sp.child('apps'), withApplied, locate);
  if (spec.traffic !== undefined) settings.traffic = readTraffic(r, spec.traffic, sp.child('traffic'), withApplied, locate);
  if (spec.checks !== undefined) {
    settings.checks = readChecks(r, spec.checks, sp.child('checks'), { index: withApplied, nodes: settings.nodes.map((n) => n.name), locate });
  }
  const references = checkTimelineReferences(
    timeline.entries,
    index,
    settings.nodes.map((n) => n.name),
    src,
  );
  return { settings, fieldProblems: r.problems, problems: [...timeline.problems, ...references] };
}
