/**
 * A scenario file from its text: the cluster objects (applied at time 0 in file
 * order) and at most one Scenario document. Every problem of the file is collected,
 * each with FILE:LINE:COLUMN, sorted by position.
 * Contract: shared/spec/scenario-format.md.
 */
import type { Manifest, LoadResult, Scenario, ScenarioProblem, TimelineEntry } from './model';
import { duplicateObjectProblems, manifestsFromDocument } from './manifests/load-manifests';
import { readScenarioDocument, SCENARIO_API_VERSION, defaultSettings, type ScenarioSettings } from './scenario-document';
import type { SourceContext } from './timeline';
import { WorkloadIndex } from './workload-index';
import { shellScriptProblems } from './shell-script-problems';
import { LineIndex, parseYamlDocuments, type YamlDocument } from './yaml-documents';
import { fileSizeProblem, scenarioLimitProblems, SCENARIO_LIMITS, type ScenarioLimits } from './limits';

export { loadManifests } from './manifests/load-manifests';

function byPosition(a: ScenarioProblem, b: ScenarioProblem): number {
  return a.line - b.line || a.column - b.column;
}

/** A scenario name from a file name: `probes/Slow Start.yaml` → `slow-start`. */
export function nameFromFile(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
  const name = base
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return name || 'scenario';
}

function isScenarioDocument(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v.kind === 'Scenario' || (typeof v.apiVersion === 'string' && v.apiVersion.startsWith('podsim/'));
}

export function loadScenario(text: string, file: string, limits: ScenarioLimits = SCENARIO_LIMITS): LoadResult {
  // caps on size and counts (limits.ts): a clear message instead of a frozen tab
  const tooLarge = fileSizeProblem(text, file, limits);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseYamlDocuments(source);
  if (!parsed.ok) return { ok: false, problems: [{ file, ...parsed.error }] };

  const problems: ScenarioProblem[] = [];
  const manifests: Manifest[] = [];
  const index = new WorkloadIndex();
  let scenarioDoc: YamlDocument | undefined;
  const objectDocs: YamlDocument[] = [];
  for (const doc of parsed.documents) {
    if (doc.value === null || doc.value === undefined) continue;
    if (isScenarioDocument(doc.value)) {
      const v = doc.value as Record<string, unknown>;
      if (scenarioDoc) {
        problems.push({
          file,
          ...doc.start,
          message: `a scenario file has at most one Scenario document; the first one starts at line ${scenarioDoc.start.line}`,
        });
      } else if (v.apiVersion === undefined || v.kind === undefined) {
        const missing = [...(v.apiVersion === undefined ? ['apiVersion not set'] : []), ...(v.kind === undefined ? ['kind not set'] : [])];
        problems.push({ file, ...doc.start, message: `error validating data: [${missing.join(', ')}]` });
      } else if (v.apiVersion !== SCENARIO_API_VERSION || v.kind !== 'Scenario') {
        problems.push({
          file,
          ...doc.locate(v.kind !== 'Scenario' ? ['kind'] : ['apiVersion']),
          message: `no matches for kind ${JSON.stringify(String(v.kind))} in version ${JSON.stringify(String(v.apiVersion))}: the scenario document is apiVersion ${SCENARIO_API_VERSION}, kind Scenario`,
        });
      } else scenarioDoc = doc;
      continue;
    }
    index.add(doc.value);
    objectDocs.push(doc);
    const r = manifestsFromDocument(doc, file);
    manifests.push(...r.manifests);
    problems.push(...r.problems);
  }
  problems.push(...duplicateObjectProblems(manifests, file));

  let settings: ScenarioSettings = defaultSettings(nameFromFile(file));
  if (scenarioDoc) {
    const src: SourceContext = { file, text: source, lines: new LineIndex(source), doc: scenarioDoc };
    const result = readScenarioDocument(src, index, settings.name);
    settings = result.settings;
    for (const p of result.fieldProblems) {
      problems.push({ file, ...scenarioDoc.locate(p.at), ...(p.path !== undefined ? { path: p.path } : {}), message: p.message });
    }
    problems.push(...result.problems);
  }
  // scripts podsim's shell cannot run, unless an apps entry describes the container instead
  const appKeys = new Set(settings.apps.map((a) => a.key));
  for (const doc of objectDocs) problems.push(...shellScriptProblems(doc, { file, source, appKeys }));
  problems.push(...scenarioLimitProblems({ file, objectDocs, ...(scenarioDoc ? { scenarioDoc } : {}), settings }, limits));
  if (problems.length > 0) return { ok: false, problems: problems.sort(byPosition) };

  // stable: entries at the same time keep their order in the file
  const timeline: TimelineEntry[] = settings.timeline.map((e) => e.entry).sort((a, b) => a.at - b.at);
  const scenario: Scenario = {
    file,
    name: settings.name,
    ...(settings.title !== undefined ? { title: settings.title } : {}),
    ...(settings.description !== undefined ? { description: settings.description } : {}),
    seed: settings.seed,
    duration: settings.duration,
    nodes: settings.nodes,
    images: settings.images,
    apps: settings.apps,
    traffic: settings.traffic,
    timeline,
    checks: settings.checks,
    metricsServer: settings.metricsServer,
    metricResolution: settings.metricResolution,
    manifests,
  };
  return { ok: true, scenario };
}
