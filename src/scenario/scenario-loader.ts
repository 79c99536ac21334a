/**
 * The scenario loader (YAML → validated, defaulted model, with every problem at its line)
 * behind one module, as the rest of podsim reaches it at run time: the page loading a text,
 * the engine's `kubectl apply -f -`. A page has the bundled scenarios already loaded at build
 * time (src/ui/prepared-scenarios.ts), so it fetches the loader (js-yaml and the validators)
 * only for another text, as it does the shell runtime (src/ui/scenario-loader-on-demand.ts
 * stands in for this module in the site's build). Node (CLI, tests) imports it as it is.
 */
export { loadScenario } from './load-scenario';

/** whether loadScenario can run now: here, always (a page's stand-in fetches it first) */
export function scenarioLoaderReady(): boolean {
  return true;
}

/** fetch the loader (a page's stand-in); here it is in already */
export function loadScenarioLoader(): Promise<void> {
  return Promise.resolve();
}
