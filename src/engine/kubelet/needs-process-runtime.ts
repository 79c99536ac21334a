/**
 * Whether a scenario can reach process-runtime.ts (the shell interpreter's runtime and the
 * native programs) — so that a page fetches that code before running the scenario, and not
 * at all for a scenario whose containers only answer as their `apps` entries say. Errs on
 * the side of yes: a container whose command is a script, an image podsim runs a script or a
 * program for, an exec probe or hook, or a timeline command that can run or create containers.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { Scenario } from '../../scenario/model';
import { resolveBehaviour } from '../apps/app-behaviour';
import { commandToScript } from '../apps/shell/command-to-script';

/** kubectl verbs that run a command in a container or can bring new containers (not reads, delete, scale) */
const RUNNING_VERBS = /\b(exec|apply|create|run|set|replace|patch|edit|debug|attach|cp)\b/;

function containerNeeds(c: Container): boolean {
  const b = resolveBehaviour(c, undefined, commandToScript(c.command, c.args));
  if (b.script !== null || b.program) return true;
  if ([c.startupProbe, c.livenessProbe, c.readinessProbe].some((p) => p?.exec)) return true;
  return !!(c.lifecycle?.preStop?.exec || c.lifecycle?.postStart?.exec);
}

function podSpecNeeds(spec: PodSpec | undefined): boolean {
  return !!spec && [...(spec.initContainers ?? []), ...spec.containers].some(containerNeeds);
}

export function needsProcessRuntime(scenario: Scenario): boolean {
  for (const m of scenario.manifests) {
    if (m.kind === 'Pod' && podSpecNeeds(m.object.spec)) return true;
    if ((m.kind === 'Deployment' || m.kind === 'ReplicaSet') && podSpecNeeds(m.object.spec?.template?.spec)) return true;
  }
  return scenario.timeline.some((e) => commandNeedsProcessRuntime(e.run));
}

/** a command line (console, toggle, timeline) that may run code inside a container or create one */
export function commandNeedsProcessRuntime(line: string): boolean {
  return /^\s*kubectl\b/.test(line) && RUNNING_VERBS.test(line);
}
