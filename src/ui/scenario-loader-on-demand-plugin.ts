/**
 * Build-time code (vite.config.ts): in the site and the <pod-sim> build, every import of
 * src/scenario/scenario-loader.ts (js-yaml, the manifest validators, the scenario document's
 * reader) resolves to src/ui/scenario-loader-on-demand.ts, which fetches the real module when
 * a page first loads a text it has no build-time model of (prepared-scenarios.ts). What only
 * the loader uses lands in the chunk fetched then (vite.config.ts keeps the app chunk group
 * to the modules a page loads at start).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { standInPlugin } from './stand-in-plugin.js';

export function scenarioLoaderOnDemand(): Plugin {
  return standInPlugin({
    name: 'podsim-scenario-loader-on-demand',
    what: 'the scenario loader',
    source: /(^|[\\/])scenario-loader(\.[jt]s)?$/,
    real: /[\\/]src[\\/]scenario[\\/]scenario-loader\.ts$/,
    standIn: fileURLToPath(new URL('./scenario-loader-on-demand.ts', import.meta.url)),
    definedIn: 'src/ui/scenario-loader-on-demand-plugin.ts',
  });
}
