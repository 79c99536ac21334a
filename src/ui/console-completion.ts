/**
 * Tab completion for the console: verbs, resource types, object names from the
 * current cluster, container names after -c, probe kinds and modes for `sim probe`.
 * Like bash, a unique candidate completes; several complete their common prefix.
 */
import type { ClusterView } from '../engine/model/objects';

const KUBECTL_VERBS = ['get', 'describe', 'logs', 'top', 'exec', 'delete', 'scale', 'apply', 'set', 'rollout'];
const SIM_VERBS = ['probe', 'http', 'tcp', 'hang', 'crash', 'cpu', 'memory'];
const RESOURCES = ['pods', 'services', 'endpoints', 'endpointslices', 'deployments', 'replicasets', 'events', 'nodes', 'configmaps', 'secrets', 'all'];
const FLAGS: Record<string, string[]> = {
  get: ['-o', '-l', '-w', '--show-labels', '-A', '--field-selector'],
  logs: ['-c', '-f', '--previous', '--all-containers', '--prefix', '--tail', '--timestamps'],
  top: ['--containers', '--sort-by'],
  delete: ['--grace-period', '--force', '--wait=false'],
  exec: ['-c', '--'],
  scale: ['--replicas='],
};

export interface Completion {
  /** the input after completion */
  line: string;
  /** every candidate when there is more than one */
  candidates: string[];
}

function commonPrefix(words: string[]): string {
  if (!words.length) return '';
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

function namesOf(view: ClusterView, resource: string): string[] {
  switch (resource) {
    case 'po': case 'pod': case 'pods': return view.pods.map((p) => p.metadata.name);
    case 'svc': case 'service': case 'services': return view.services.map((s) => s.metadata.name);
    case 'ep': case 'endpoints': return view.endpoints.map((s) => s.metadata.name);
    case 'endpointslices': return view.endpointSlices.map((s) => s.metadata.name);
    case 'deploy': case 'deployment': case 'deployments': return view.deployments.map((s) => s.metadata.name);
    case 'rs': case 'replicaset': case 'replicasets': return view.replicaSets.map((s) => s.metadata.name);
    case 'no': case 'node': case 'nodes': return view.nodes.map((s) => s.metadata.name);
    case 'cm': case 'configmap': case 'configmaps': return view.configMaps.map((s) => s.metadata.name);
    case 'secret': case 'secrets': return view.secrets.map((s) => s.metadata.name);
    default: return [];
  }
}

function containersOf(view: ClusterView, pod: string | undefined): string[] {
  const p = view.pods.find((x) => x.metadata.name === pod);
  if (!p) return [];
  return [...(p.spec.initContainers ?? []), ...p.spec.containers].map((c) => c.name);
}

/** every POD and POD/CONTAINER target, and deploy/NAME ones */
function targets(view: ClusterView): string[] {
  const out: string[] = [];
  for (const p of view.pods) {
    out.push(p.metadata.name);
    for (const c of [...(p.spec.initContainers ?? []), ...p.spec.containers]) out.push(`${p.metadata.name}/${c.name}`);
  }
  for (const d of view.deployments) out.push(`deploy/${d.metadata.name}`);
  return out;
}

/** Candidates for the last word of `line` (the word being typed). */
export function candidates(line: string, view: ClusterView | null): string[] {
  const words = line.split(/\s+/);
  if (words[0] === '') words.shift();
  const cur = words.length ? words[words.length - 1] : '';
  const before = words.slice(0, -1);
  const pick = (list: string[]) => [...new Set(list)].filter((w) => w.startsWith(cur)).sort();
  if (before.length === 0) return pick(['kubectl', 'sim', 'clear', 'help']);
  const tool = before[0];
  if (tool === 'sim') {
    if (before.length === 1) return pick(SIM_VERBS);
    const verb = before[1];
    if (before.length === 2) return view ? pick(targets(view)) : [];
    if (verb === 'probe' && before.length === 3) return pick(['readiness', 'liveness', 'startup']);
    if (verb === 'probe' && before.length === 4) return pick(['fail', 'pass', 'auto']);
    if (verb === 'hang' && before.length === 3) return pick(['on', 'off']);
    if (verb === 'tcp' && before.length === 4) return pick(['open', 'closed']);
    return [];
  }
  if (tool !== 'kubectl') return [];
  if (before.length === 1) return pick(KUBECTL_VERBS);
  const verb = before[1];
  const prev = before[before.length - 1];
  if (cur.startsWith('-')) return pick(FLAGS[verb] ?? []);
  if (prev === '-c' || prev === '--container') {
    const pod = before.slice(2).find((w, i, a) => !w.startsWith('-') && a[i - 1] !== '-c' && w !== 'pod' && w !== 'pods');
    return view ? pick(containersOf(view, pod?.replace(/^pods?\//, ''))) : [];
  }
  if (prev === '-o') return pick(['wide', 'yaml', 'json', 'name']);
  if (!view) return [];
  const args = before.slice(2).filter((w) => !w.startsWith('-'));
  switch (verb) {
    case 'get':
    case 'describe':
    case 'delete': {
      if (args.length === 0) {
        if (cur.includes('/')) {
          const [type] = cur.split('/');
          return pick(namesOf(view, type).map((n) => `${type}/${n}`));
        }
        return pick(RESOURCES);
      }
      return pick(namesOf(view, args[0].split(',')[0]));
    }
    case 'logs':
    case 'exec':
      return args.length === 0 ? pick(view.pods.map((p) => p.metadata.name)) : [];
    case 'top':
      if (args.length === 0) return pick(['pod', 'node']);
      return pick(namesOf(view, args[0]));
    case 'scale':
      if (args.length === 0) return pick(['deployment', 'replicaset', ...view.deployments.map((d) => `deploy/${d.metadata.name}`)]);
      return pick(namesOf(view, args[0]));
    case 'rollout':
      if (args.length === 0) return pick(['status']);
      return pick(view.deployments.map((d) => `deployment/${d.metadata.name}`));
    case 'set':
      if (args.length === 0) return pick(['image']);
      return pick(view.deployments.map((d) => `deployment/${d.metadata.name}`));
    case 'apply':
      return pick(['-f']);
  }
  return [];
}

export function complete(line: string, view: ClusterView | null): Completion {
  const list = candidates(line, view);
  const m = /(\S*)$/.exec(line)!;
  const cur = m[1];
  const head = line.slice(0, line.length - cur.length);
  if (list.length === 1) return { line: head + list[0] + (list[0].endsWith('/') || list[0].endsWith('=') ? '' : ' '), candidates: [] };
  if (list.length === 0) return { line, candidates: [] };
  const p = commonPrefix(list);
  return { line: head + (p.length > cur.length ? p : cur), candidates: list };
}
