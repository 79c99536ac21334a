/**
 * The scenario loader (src/scenario/scenario-loader.ts: js-yaml, the manifest validators,
 * the scenario document's reader) fetched when a page first loads a text it has no model of,
 * instead of with the page: the bundled scenarios come loaded at build time
 * (prepared-scenarios.ts). In the site's build every import of scenario-loader.ts resolves
 * here (vite.config.ts, scenarioLoaderOnDemand); Node imports the real module.
 *
 * The page loads a text (PodsimController.loadPrepared, `handle.ready()` for scripts) or runs
 * `kubectl apply` only once the loader is in; a session asked to load before that says so
 * (SimSession.load). Called before, loadScenario throws: a bug, not a state the page can be in.
 */
import type * as Real from '../scenario/scenario-loader';
import { fetchedOnce } from './fetched-once';

type Loader = typeof Real;

/** how the loader is fetched (tests hand in another) */
export const loaderSource = {
  load: (): Promise<Loader> => import('../scenario/scenario-loader'),
};

const loader = fetchedOnce(() => loaderSource.load());

export function scenarioLoaderReady(): boolean {
  return loader.value() !== null;
}

/** fetch the loader (once; again after a failed fetch) */
export function loadScenarioLoader(): Promise<void> {
  return loader.fetch();
}

export const loadScenario: Loader['loadScenario'] = (...a) => {
  const l = loader.value();
  if (!l) throw new Error('podsim: the scenario loader is used before it was fetched (scenario-loader-on-demand.ts)');
  return l.loadScenario(...a);
};
