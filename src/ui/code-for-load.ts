/**
 * The code a page fetches on demand before it loads a text or runs a command: the scenario
 * loader (scenario-loader-on-demand.ts) for a text with no build-time model
 * (prepared-scenarios.ts) or a `kubectl apply`; the shell runtime (process-runtime-on-demand.ts)
 * for a scenario or command that runs scripts or programs. Null when everything is in, so a
 * caller loads at once; otherwise a promise that settles once it is (or rejects with the part
 * that could not be fetched).
 */
import type { LoadResult, Scenario } from '../scenario/model';
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

/** what a text loads as, without fetching anything: its build-time model, or the loader's result; null while the loader is out */
export function loadAtHand(text: string, file: string): LoadResult | null {
  const prepared = preparedScenario(text, file);
  if (prepared) return { ok: true, scenario: prepared };
  return scenarioLoaderReady() ? loadScenario(text, file) : null;
}

/** fetch what loading this text needs; null when nothing is missing (a text with problems needs only the loader, to say them) */
export function codeForText(text: string, file: string): Promise<void> | null {
  const r = loadAtHand(text, file);
  if (!r) return fetchPart('loader').then(() => codeForText(text, file) ?? undefined);
  return r.ok ? fetchParts(partsMissingFor(r.scenario)) : null;
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
