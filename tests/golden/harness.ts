import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';
import type { EventLine, Observation, PodLine } from '../../src/engine/observations';

export function load(fileOrYaml: string): Simulation {
  const isFile = !fileOrYaml.includes('\n');
  const text = isFile ? readFileSync(fileOrYaml, 'utf8') : fileOrYaml;
  const r = loadScenario(text, isFile ? fileOrYaml : 'inline.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return new Simulation(r.scenario);
}

export function run(fileOrYaml: string, until?: number): { sim: Simulation; obs: readonly Observation[] } {
  const sim = load(fileOrYaml);
  const obs = sim.runToEnd(until ?? sim.scenario.duration);
  return { sim, obs };
}

export const podLines = (obs: readonly Observation[], name: string) =>
  obs.filter((o): o is PodLine => o.type === 'pod' && o.name === name && !('deleted' in o));

export const events = (obs: readonly Observation[], reason?: string, object?: string) =>
  obs.filter((o): o is EventLine => o.type === 'event' && (!reason || o.reason === reason) && (!object || o.object === object));

/** the pod line in force at time t */
export function podAt(obs: readonly Observation[], name: string, t: number): PodLine {
  const lines = podLines(obs, name).filter((l) => l.t <= t);
  if (!lines.length) throw new Error(`no line for ${name} at ${t}`);
  return lines[lines.length - 1];
}

/** S: when the first instance of `container` started running */
export function firstStart(obs: readonly Observation[], pod: string, container: string): number {
  const l = podLines(obs, pod).find((p) => [...(p.initContainers ?? []), ...p.containers].some((c) => c.name === container && c.state === 'running'));
  if (!l) throw new Error(`${pod}/${container} never ran`);
  return l.t;
}

/** times at which a predicate on the pod's lines first becomes true after `from` */
export function firstTime(obs: readonly Observation[], pod: string, pred: (l: PodLine) => boolean, from = 0): number {
  const l = podLines(obs, pod).find((p) => p.t >= from && pred(p));
  if (!l) throw new Error(`condition never held for ${pod} after ${from}`);
  return l.t;
}

export function kubectlAt(fileOrYaml: string, t: number, args: string): { stdout: string; stderr: string; exitCode: number } {
  const sim = load(fileOrYaml);
  sim.advanceTo(t);
  return sim.run(`kubectl ${args}`);
}

export const within = (v: number, lo: number, hi: number) => v >= lo && v <= hi;
