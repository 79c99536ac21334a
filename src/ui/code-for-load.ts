/**
 * The code a page fetches on demand before it loads a text or runs a command: the scenario
 * loader (scenario-loader-on-demand.ts) for a text with no build-time model
 * (prepared-scenarios.ts) or a `kubectl apply`; the shell runtime (process-runtime-on-demand.ts)
 * for a scenario or command that runs scripts or programs. Null when everything is in, so a
 * caller loads at once; otherwise a promise that settles once it is (or rejects with the part
 * that could not be fetched).
 */
import type { Scenario } from '../scenario/model';
import { loadScenario, loadScenarioLoader, scenarioLoaderReady } from '../scenario/scenario-loader';
import { loadProcessRuntime, processRuntimeReady } from '../engine/kubelet/process-runtime';
import { commandNeedsProcessRuntime, needsProcessRuntime } from '../engine/kubelet/needs-process-runtime';
import { commandNeedsScenarioLoader, scenarioNeedsScenarioLoader } from '../engine/commands/needs-scenario-loader';
import { preparedScenario } from './prepared-scenarios';

export type CodePart = 'loader' | 'runtime';

/** a fetch of a part that failed */
export class PartFetchError extends Error {
  constructor(
    readonly part: CodePart,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

function fetchPart(part: CodePart): Promise<void> {
  return (part === 'loader' ? loadScenarioLoader() : loadProcessRuntime()).catch((e: unknown) => {
    throw new PartFetchError(part, e);
  });
}

/** fetch these parts; null when there are none */
export function fetchParts(parts: CodePart[]): Promise<void> | null {
  return parts.length ? Promise.all(parts.map(fetchPart)).then(() => undefined) : null;
}

/** what running this scenario needs that is not in */
export function partsMissingFor(scenario: Scenario): CodePart[] {
  return [
    ...(!scenarioLoaderReady() && scenarioNeedsScenarioLoader(scenario) ? ['loader' as const] : []),
    ...(!processRuntimeReady() && needsProcessRuntime(scenario) ? ['runtime' as const] : []),
  ];
}

/** the scenario a text makes, without fetching anything: its build-time model, or the loader's (when in) */
export function scenarioAtHand(text: string, file: string): { known: true; scenario: Scenario | null } | { known: false } {
  const prepared = preparedScenario(text, file);
  if (prepared) return { known: true, scenario: prepared };
  if (!scenarioLoaderReady()) return { known: false };
  const r = loadScenario(text, file);
  return { known: true, scenario: r.ok ? r.scenario : null };
}

/** fetch what loading this text needs; null when nothing is missing (a text with problems needs only the loader, to say them) */
export function codeForText(text: string, file: string): Promise<void> | null {
  const atHand = scenarioAtHand(text, file);
  if (!atHand.known) return fetchPart('loader').then(() => codeForText(text, file) ?? undefined);
  return atHand.scenario ? fetchParts(partsMissingFor(atHand.scenario)) : null;
}

/** what running this command line needs that is not in */
export function partsMissingForCommand(line: string): CodePart[] {
  return [
    ...(!scenarioLoaderReady() && commandNeedsScenarioLoader(line) ? ['loader' as const] : []),
    ...(!processRuntimeReady() && commandNeedsProcessRuntime(line) ? ['runtime' as const] : []),
  ];
}

/** fetch what running this command line needs; null when nothing is missing */
export function codeForCommand(line: string): Promise<void> | null {
  return fetchParts(partsMissingForCommand(line));
}
