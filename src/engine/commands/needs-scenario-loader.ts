/**
 * Whether a command reaches the scenario loader (scenario-loader.ts) when run: `kubectl apply
 * -f -` reads its manifests with it. A page fetches the loader before running such a command,
 * or a scenario whose timeline has one (a bundled scenario otherwise runs on its build-time
 * model). Errs on the side of yes, like needs-process-runtime.ts.
 */
import type { Scenario } from '../../scenario/model';

export function commandNeedsScenarioLoader(line: string): boolean {
  return /^\s*kubectl\b/.test(line) && /\bapply\b/.test(line);
}

export function scenarioNeedsScenarioLoader(scenario: Scenario): boolean {
  return scenario.timeline.some((e) => commandNeedsScenarioLoader(e.run));
}
