/**
 * Caps on what one scenario may ask for, so that a huge or hostile file (from a URL,
 * a share link, a paste) gets a clear `FILE:LINE:COLUMN: field: message` instead of a
 * frozen tab. The same caps hold in the browser and in `podsim run`: the largest
 * cluster podsim is measured at (bench/run.mjs: 10,000 pods for one virtual hour, about
 * 30 s and 1.1 GB headless) is the ceiling for both, so every bench scenario loads.
 *
 * The work of a run grows with pods × virtual time (probe ticks, log lines, events),
 * so besides the pod count there is a cap on pod-hours: 10,000 pods for 1 h, or 400
 * pods for the longest run of 24 h. Real Kubernetes has no such limits; these are
 * podsim's, and the messages say so.
 */
import type { ScenarioProblem } from './model';
import type { ScenarioSettings } from './scenario-document';
import type { YamlDocument } from './yaml-documents';
import { parseCommand } from './commands/parse-command';

export interface ScenarioLimits {
  /** characters of scenario text (checked before parsing: js-yaml on 100 MB takes seconds and gigabytes) */
  fileChars: number;
  /** pods the file's objects ask for: Pods, plus each Deployment's and ReplicaSet's replicas (default 1) */
  pods: number;
  /** containers and init containers of one pod (or pod template) */
  containersPerPod: number;
  /** containers of all those pods together */
  containers: number;
  /** spec.nodes entries */
  nodes: number;
  /** spec.timeline entries */
  timelineEntries: number;
  /** spec.duration, seconds */
  duration: number;
  /** pods × spec.duration in hours */
  podHours: number;
  /** spec.traffic entries */
  trafficClients: number;
  /** requests per second of one traffic entry */
  rps: number;
  /** characters of a share link's `#share=` fragment (see src/ui/share) */
  shareChars: number;
  /** console commands a share link carries */
  shareCommands: number;
}

export const SCENARIO_LIMITS: Readonly<ScenarioLimits> = Object.freeze({
  fileChars: 1024 * 1024,
  pods: 10_000,
  containersPerPod: 50,
  containers: 20_000,
  nodes: 1_000,
  timelineEntries: 5_000,
  duration: 24 * 3600,
  podHours: 10_000,
  trafficClients: 100,
  rps: 10_000,
  // a fragment is never sent to a server; 32,000 characters stay far below what every
  // current browser keeps in a URL (Chrome 2 MB) and hold ~60 kB of YAML once deflated
  shareChars: 32_000,
  shareCommands: 500,
});

const fmt = (n: number) => n.toLocaleString('en-US');

/** The text is too long to parse: checked before anything else. */
export function fileSizeProblem(text: string, file: string, limits: ScenarioLimits = SCENARIO_LIMITS): ScenarioProblem | null {
  if (text.length <= limits.fileChars) return null;
  return {
    file,
    line: 1,
    column: 1,
    message: `the file has ${fmt(text.length)} characters; podsim loads scenarios of at most ${fmt(limits.fileChars)} characters (1 MiB)`,
  };
}

interface PodsOf {
  pods: number;
  containers: number;
  /** where to point a problem about the pod count */
  countPath: (string | number)[];
  containersPath: (string | number)[];
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function containerCount(podSpec: unknown): number {
  const s = record(podSpec);
  if (!s) return 0;
  const n = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  return n(s.containers) + n(s.initContainers);
}

/** the pods an object in the file asks for; invalid fields count as their defaults (validation reports them) */
function podsOf(value: unknown): PodsOf | null {
  const o = record(value);
  if (!o) return null;
  const spec = record(o.spec);
  if (o.kind === 'Pod') return { pods: 1, containers: containerCount(spec), countPath: [], containersPath: ['spec', 'containers'] };
  if (o.kind === 'Deployment' || o.kind === 'ReplicaSet') {
    const r = spec?.replicas;
    const replicas = typeof r === 'number' && Number.isFinite(r) && r >= 0 ? Math.floor(r) : 1;
    return { pods: replicas, containers: containerCount(record(record(spec?.template)?.spec)), countPath: ['spec', 'replicas'], containersPath: ['spec', 'template', 'spec', 'containers'] };
  }
  return null;
}

function at(file: string, doc: YamlDocument, path: (string | number)[], message: string): ScenarioProblem {
  const p = path.length ? path.map((s, i) => (typeof s === 'number' ? `[${s}]` : (i ? '.' : '') + s)).join('') : undefined;
  return { file, ...doc.locate(path), ...(p ? { path: p } : {}), message };
}

export interface LimitInput {
  file: string;
  /** the documents holding cluster objects, in file order */
  objectDocs: readonly YamlDocument[];
  /** the Scenario document, if the file has one */
  scenarioDoc?: YamlDocument;
  settings: ScenarioSettings;
}

/**
 * Problems for every cap the file goes over (one per cap: the first object or entry
 * that crosses it), in the FILE:LINE:COLUMN form of every other problem.
 */
export function scenarioLimitProblems(input: LimitInput, limits: ScenarioLimits = SCENARIO_LIMITS): ScenarioProblem[] {
  const { file, settings } = input;
  const problems: ScenarioProblem[] = [];
  let pods = 0;
  let containers = 0;
  let podsReported = false;
  let containersReported = false;
  const count = (doc: YamlDocument, value: unknown, prefix: (string | number)[]) => {
    const p = podsOf(value);
    if (!p) return;
    if (p.containers > limits.containersPerPod) {
      problems.push(at(file, doc, [...prefix, ...p.containersPath], `${p.containers} containers and init containers in one pod; podsim runs at most ${limits.containersPerPod} per pod`));
    }
    pods += p.pods;
    containers += p.pods * p.containers;
    if (!podsReported && pods > limits.pods) {
      podsReported = true;
      problems.push(at(file, doc, [...prefix, ...p.countPath], `this brings the scenario to ${fmt(pods)} pods; podsim simulates at most ${fmt(limits.pods)} pods in one scenario`));
    } else if (!containersReported && containers > limits.containers) {
      containersReported = true;
      problems.push(at(file, doc, [...prefix, ...p.countPath], `this brings the scenario to ${fmt(containers)} containers; podsim simulates at most ${fmt(limits.containers)} containers in one scenario`));
    }
  };
  for (const doc of input.objectDocs) count(doc, doc.value, []);

  const sdoc = input.scenarioDoc;
  if (sdoc) {
    // objects a timeline `kubectl apply -f -` creates count too (an update of an existing one is counted again: a safe over-estimate)
    for (const e of settings.timeline) {
      for (const obj of e.applied) count(sdoc, obj, ['spec', 'timeline', e.index, 'stdin']);
      const c = e.command;
      if (c && c.kind === 'kubectl' && c.verb === 'scale' && c.replicas > limits.pods) {
        problems.push(at(file, sdoc, ['spec', 'timeline', e.index, 'run'], `--replicas=${c.replicas}: podsim simulates at most ${fmt(limits.pods)} pods in one scenario`));
      }
    }
    if (settings.nodes.length > limits.nodes) {
      problems.push(at(file, sdoc, ['spec', 'nodes', limits.nodes], `${fmt(settings.nodes.length)} nodes; podsim simulates at most ${fmt(limits.nodes)} nodes`));
    }
    if (settings.timeline.length > limits.timelineEntries) {
      problems.push(at(file, sdoc, ['spec', 'timeline', limits.timelineEntries], `${fmt(settings.timeline.length)} timeline entries; a scenario has at most ${fmt(limits.timelineEntries)}`));
    }
    if (settings.traffic.length > limits.trafficClients) {
      problems.push(at(file, sdoc, ['spec', 'traffic', limits.trafficClients], `${fmt(settings.traffic.length)} traffic entries; a scenario has at most ${limits.trafficClients}`));
    }
    settings.traffic.forEach((t, i) => {
      if (t.rps > limits.rps) problems.push(at(file, sdoc, ['spec', 'traffic', i, 'rps'], `${fmt(t.rps)} requests per second; podsim sends at most ${fmt(limits.rps)} per traffic entry`));
    });
    if (settings.duration > limits.duration) {
      problems.push(at(file, sdoc, ['spec', 'duration'], `${hours(settings.duration)}; a run lasts at most ${hours(limits.duration)}`));
    }
  }
  // pod-hours only when the two caps it combines hold, so one problem names one cause
  const podHours = (pods * Math.min(settings.duration, limits.duration)) / 3600;
  if (!podsReported && settings.duration <= limits.duration && podHours > limits.podHours) {
    const where = sdoc ? at(file, sdoc, ['spec', 'duration'], '') : { file, line: 1, column: 1 };
    problems.push({
      ...where,
      message: `${fmt(pods)} pods for ${hours(settings.duration)} is ${fmt(Math.ceil(podHours))} pod-hours of simulation; podsim runs at most ${fmt(limits.podHours)} (for example ${fmt(limits.podHours)} pods for 1h, or ${fmt(Math.floor(limits.podHours / 24))} pods for 24h): shorten spec.duration or use fewer replicas`,
    });
  }
  return problems;
}

function hours(s: number): string {
  return s % 3600 === 0 ? `${s / 3600}h` : s % 60 === 0 ? `${s / 60}m` : `${s}s`;
}

/**
 * A console command that would go over the caps (`kubectl scale --replicas=1000000`):
 * the message the console prints instead of running it, or null.
 */
export function commandLimitProblem(command: string, limits: ScenarioLimits = SCENARIO_LIMITS): string | null {
  if (!/--replicas/.test(command)) return null;
  const r = parseCommand(command);
  if (r.ok && r.command.kind === 'kubectl' && r.command.verb === 'scale' && r.command.replicas > limits.pods) {
    return `error: --replicas=${r.command.replicas}: podsim simulates at most ${fmt(limits.pods)} pods in one scenario\n`;
  }
  return null;
}
