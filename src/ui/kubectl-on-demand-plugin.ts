/**
 * Build-time code (vite.config.ts): in the site and the <pod-sim> build, the engine's
 * command runner (src/engine/commands/run-command.ts) gets kubectl's printers from
 * src/ui/kubectl-on-demand.ts, which fetches them the first time a read runs, instead of
 * importing them. Node (CLI, tests) is not built with this plugin and imports them as
 * written. The build fails if the redirect no longer applies (the import was renamed)
 * or if the printers end up loaded with a page anyway.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { standInPlugin } from './stand-in-plugin.js';

const ON_DEMAND = fileURLToPath(new URL('./kubectl-on-demand.ts', import.meta.url));
const RUN_COMMAND = /[\\/]src[\\/]engine[\\/]commands[\\/]run-command\.ts$/;
const PRINTERS_ENTRY = /[\\/]src[\\/]engine[\\/]kubectl[\\/]run-kubectl-read\.ts$/;

/**
 * The modules only the printers use: kept out of the site's `app` chunk group so they
 * fall into the chunk fetched on demand. Not the ones the engine and the UI use too
 * (the STATUS column, label selectors, human durations).
 */
const PRINTER_MODULES = /[\\/]src[\\/]engine[\\/](kubectl[\\/](?!pod-status-column\.|label-selector\.)[^\\/]+|format[\\/](?!human-duration\.)[^\\/]+)$/;

/** (a function, not the RegExp: rolldown's Rust side would take the RegExp without its lookaheads) */
export function isKubectlPrinterModule(id: string): boolean {
  return PRINTER_MODULES.test(id);
}

export function kubectlOnDemand(): Plugin {
  return standInPlugin({
    name: 'podsim-kubectl-on-demand',
    what: "kubectl's printers",
    source: /^\.\.\/kubectl\/run-kubectl-read(\.[jt]s)?$/,
    real: PRINTERS_ENTRY,
    standIn: ON_DEMAND,
    importer: RUN_COMMAND,
    definedIn: 'src/ui/kubectl-on-demand-plugin.ts',
  });
}
