/**
 * The scenario's timeline: commands run at virtual times. Every `run` must parse
 * (the same parser as the console) and every pod, deployment, container or other
 * object it names must exist in the file by then; `kubectl apply -f -` takes its
 * manifest from a `stdin:` field, validated like the file's own manifests.
 */
import type { Command, Target } from './commands/command-ast';
import { parseCommand } from './commands/parse-command';
import { shellWords } from './commands/shell-words';
import { manifestsFromDocument } from './manifests/load-manifests';
import type { Manifest, ScenarioProblem, TimelineEntry } from './model';
import { FieldPath, FieldReader } from './scenario-fields';
import { describeContainers, type WorkloadIndex, type WorkloadInfo } from './workload-index';
import { LineIndex, parseYamlDocuments, type PathSegment, type TextPosition, type YamlDocument } from './yaml-documents';

export interface SourceContext {
  file: string;
  /** the file's text (without BOM) */
  text: string;
  lines: LineIndex;
  doc: YamlDocument;
}

export interface ParsedEntry {
  entry: TimelineEntry;
  /** index in the file's timeline list */
  index: number;
  command?: Command;
  /** objects of a `kubectl apply -f -` */
  applied: unknown[];
  manifests: Manifest[];
}

function runPath(i: number): PathSegment[] {
  return ['spec', 'timeline', i, 'run'];
}

/** Position of character `column` (1-based) of the command text of entry i. */
function runPosition(src: SourceContext, i: number, run: string, column: number): TextPosition {
  const span = src.doc.valueSpan(runPath(i));
  if (!span) return src.doc.locate(runPath(i));
  const raw = src.text.slice(span.startOffset, span.endOffset);
  const quoted = raw.startsWith('"') || raw.startsWith("'");
  const body = quoted ? raw.slice(1) : raw;
  // only a single-line scalar written as-is maps column for column
  if (!body.startsWith(run) || run.includes('\n')) return span.start;
  return src.lines.position(span.startOffset + (quoted ? 1 : 0) + column - 1);
}

/** Maps positions inside a `stdin:` text to the file. */
function stdinLocator(src: SourceContext, i: number): (pos: TextPosition) => TextPosition {
  const path: PathSegment[] = ['spec', 'timeline', i, 'stdin'];
  const span = src.doc.valueSpan(path);
  const fallback = span?.start ?? src.doc.locate(path);
  if (!span || !/^[|>]/.test(src.text.slice(span.startOffset, span.startOffset + 1))) return () => fallback;
  // a block scalar: content starts on the next line, indented
  const header = src.lines.position(span.startOffset);
  const after = src.text.slice(span.startOffset);
  const nl = after.indexOf('\n');
  const content = after.slice(nl + 1);
  const firstLine = content.split('\n').find((l) => l.trim() !== '') ?? '';
  const indent = firstLine.length - firstLine.trimStart().length;
  return (pos) => ({ line: header.line + pos.line, column: pos.column + indent });
}

function readStdin(src: SourceContext, i: number, text: string, parsed: ParsedEntry, problems: ScenarioProblem[]): void {
  const map = stdinLocator(src, i);
  const result = parseYamlDocuments(text);
  if (!result.ok) {
    const pos = map(result.error);
    problems.push({ file: src.file, ...pos, path: `spec.timeline[${i}].stdin`, message: result.error.message });
    return;
  }
  for (const doc of result.documents) {
    if (doc.value === null || doc.value === undefined) continue;
    parsed.applied.push(doc.value);
    const r = manifestsFromDocument(doc, src.file, (segs) => map(doc.locate(segs)));
    parsed.manifests.push(...r.manifests);
    problems.push(...r.problems);
  }
  if (parsed.applied.length === 0) {
    const pos = map({ line: 1, column: 1 });
    problems.push({ file: src.file, ...pos, path: `spec.timeline[${i}].stdin`, message: 'no objects passed to apply' });
  }
}

/** Reads the entries (times, commands, applied manifests); references are checked later. */
export function readTimeline(r: FieldReader, v: unknown, p: FieldPath, src: SourceContext): { entries: ParsedEntry[]; problems: ScenarioProblem[] } {
  const problems: ScenarioProblem[] = [];
  const entries: ParsedEntry[] = [];
  (r.list(v, p) ?? []).forEach((item, i) => {
    const ip = p.index(i);
    const m = r.mapping(item, ip, ['at', 'run', 'stdin']);
    if (!m) return;
    const at = r.duration(r.required(m, 'at', ip), ip.child('at'));
    const run = r.string(r.required(m, 'run', ip), ip.child('run'));
    const stdin = m.stdin === undefined ? undefined : r.string(m.stdin, ip.child('stdin'));
    if (at === undefined || run === undefined) return;
    const loc = src.doc.locate([...ip.segments]);
    const entry: TimelineEntry = { at, run, ...(stdin !== undefined ? { stdin } : {}), loc: { file: src.file, ...loc } };
    const parsed: ParsedEntry = { entry, index: i, applied: [], manifests: [] };
    entries.push(parsed);
    const result = parseCommand(run);
    if (!result.ok) {
      const pos = runPosition(src, i, run, result.column);
      problems.push({ file: src.file, ...pos, path: `spec.timeline[${i}].run`, message: result.message });
      return;
    }
    parsed.command = result.command;
    const isApply = result.command.kind === 'kubectl' && result.command.verb === 'apply';
    if (isApply && stdin === undefined) {
      r.problem(ip, '"kubectl apply -f -" needs its manifest in a stdin: field');
    } else if (!isApply && m.stdin !== undefined) {
      r.problem(ip.child('stdin'), 'only "kubectl apply -f -" reads stdin');
    } else if (isApply && stdin !== undefined) {
      readStdin(src, i, stdin, parsed, problems);
    }
  });
  return { entries, problems };
}

interface Missing {
  message: string;
  /** text to point at in the command */
  word: string;
}

function listed(what: string, names: Iterable<string>): string {
  const all = [...names];
  return all.length ? `the file has ${what}: ${all.join(', ')}` : `the file has no ${what}`;
}

function podNotFound(name: string, index: WorkloadIndex): Missing {
  const owner = [...index.deployments.keys()].find((d) => name.startsWith(`${d}-`));
  const hint = owner ? `; pods of Deployment ${JSON.stringify(owner)} get generated names: name them as deploy/${owner}` : '';
  return { message: `pods ${JSON.stringify(name)} not found (${listed('pods', index.pods.keys())})${hint}`, word: name };
}

function deploymentNotFound(name: string, index: WorkloadIndex): Missing {
  return { message: `deployments.apps ${JSON.stringify(name)} not found (${listed('deployments', index.deployments.keys())})`, word: name };
}

function containerIn(w: WorkloadInfo, container: string | undefined): Missing | undefined {
  if (container === undefined || container === '*') return undefined;
  if (w.containers.includes(container) || w.initContainers.includes(container)) return undefined;
  const what = w.kind === 'Pod' ? 'pod' : 'deployment';
  return { message: `container ${JSON.stringify(container)} not found in ${what} ${JSON.stringify(w.name)} (its containers: ${describeContainers(w)})`, word: container };
}

function workload(name: string, deployment: boolean, index: WorkloadIndex): WorkloadInfo | Missing {
  const w = deployment ? index.deployments.get(name) : index.pods.get(name);
  return w ?? (deployment ? deploymentNotFound(name, index) : podNotFound(name, index));
}

function checkTarget(t: Target, index: WorkloadIndex): Missing[] {
  const w = workload(t.name, t.deployment, index);
  if ('message' in w) return [w];
  if (t.container !== undefined) {
    const m = containerIn(w, t.container);
    return m ? [m] : [];
  }
  if (w.containers.length !== 1) {
    const shown = t.deployment ? `deploy/${t.name}` : t.name;
    return [
      {
        message: `${w.kind === 'Pod' ? 'pod' : 'deployment'} ${JSON.stringify(t.name)} has ${w.containers.length} containers (${w.containers.join(', ')}): name one, as ${shown}/CONTAINER`,
        word: t.name,
      },
    ];
  }
  return [];
}

function namesOfKind(kind: string, index: WorkloadIndex, nodes: readonly string[]): { names: Iterable<string>; has: (n: string) => boolean; label: string } | undefined {
  switch (kind) {
    case 'pods':
      return { names: index.pods.keys(), has: (n) => index.pods.has(n), label: 'pods' };
    case 'deployments':
      return { names: index.deployments.keys(), has: (n) => index.deployments.has(n), label: 'deployments.apps' };
    case 'replicasets':
      return { names: index.replicaSets.keys(), has: (n) => index.replicaSets.has(n), label: 'replicasets.apps' };
    case 'services':
    case 'endpoints':
    case 'endpointslices':
      return { names: index.services, has: (n) => index.services.has(n), label: kind === 'services' ? 'services' : 'endpoints' };
    case 'configmaps':
      return { names: index.configMaps, has: (n) => index.configMaps.has(n), label: 'configmaps' };
    case 'secrets':
      return { names: index.secrets, has: (n) => index.secrets.has(n), label: 'secrets' };
    case 'nodes':
      return { names: nodes, has: (n) => nodes.includes(n), label: 'nodes' };
    default:
      return undefined; // events: any name may come up
  }
}

function checkNames(kinds: readonly string[], names: readonly string[], index: WorkloadIndex, nodes: readonly string[]): Missing[] {
  const out: Missing[] = [];
  for (const name of names) {
    const lookups = kinds.map((k) => namesOfKind(k, index, nodes));
    if (lookups.some((l) => !l || l.has(name))) continue;
    const first = lookups[0]!;
    if (kinds[0] === 'pods') out.push(podNotFound(name, index));
    else out.push({ message: `${first.label} ${JSON.stringify(name)} not found (${listed(kinds[0], first.names)})`, word: name });
  }
  return out;
}

function checkCommand(cmd: Command, index: WorkloadIndex, nodes: readonly string[]): Missing[] {
  if (cmd.kind === 'sim') return checkTarget(cmd.target, index);
  switch (cmd.verb) {
    case 'exec':
    case 'logs': {
      const deployment = cmd.verb === 'logs' && cmd.podIsDeployment;
      const w = workload(cmd.pod, deployment, index);
      if ('message' in w) return [w];
      const m = containerIn(w, cmd.container);
      return m ? [m] : [];
    }
    case 'get':
      return checkNames(cmd.resources, cmd.names, index, nodes);
    case 'describe':
    case 'delete':
      return checkNames([cmd.resource], cmd.names, index, nodes);
    case 'top':
      return checkNames([cmd.resource === 'pod' ? 'pods' : 'nodes'], cmd.names, index, nodes);
    case 'scale':
      return checkNames([cmd.resource], [cmd.name], index, nodes);
    case 'set-image': {
      const w = workload(cmd.deployment, true, index);
      if ('message' in w) return [w];
      return Object.keys(cmd.images)
        .map((c) => containerIn(w, c))
        .filter((m): m is Missing => !!m);
    }
    case 'rollout-status': {
      const w = workload(cmd.deployment, true, index);
      return 'message' in w ? [w] : [];
    }
    case 'apply':
      return [];
  }
}

function wordColumn(run: string, word: string): number {
  try {
    for (const w of shellWords(run)) {
      const at = w.text.split(/[/=]/).indexOf(word);
      if (at >= 0) return w.column + w.text.split(/[/=]/).slice(0, at).join('/').length + (at > 0 ? 1 : 0);
    }
  } catch {
    // the command parsed, so its words split
  }
  return 1;
}

/**
 * Checks, in time order, that each command names what exists by then: the file's
 * objects plus those applied by earlier timeline entries.
 */
export function checkTimelineReferences(entries: readonly ParsedEntry[], fileIndex: WorkloadIndex, nodes: readonly string[], src: SourceContext): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const index = fileIndex.clone();
  const ordered = [...entries].sort((a, b) => a.entry.at - b.entry.at || a.index - b.index);
  for (const e of ordered) {
    if (e.command) {
      for (const m of checkCommand(e.command, index, nodes)) {
        const pos = runPosition(src, e.index, e.entry.run, wordColumn(e.entry.run, m.word));
        problems.push({ file: src.file, ...pos, path: `spec.timeline[${e.index}].run`, message: m.message });
      }
    }
    for (const value of e.applied) index.add(value);
  }
  return problems;
}

