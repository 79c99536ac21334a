/**
 * Build-time code (vite.config.ts): in the site and the <pod-sim> build, every import of
 * src/engine/kubelet/process-runtime.ts (the shell runtime and the native programs) resolves
 * to src/ui/process-runtime-on-demand.ts, which fetches the real module when a scenario first
 * needs it; only that stand-in imports the real one. Node (CLI, tests) is not built with this
 * plugin. The build fails if no import was redirected (the module was renamed) or if the
 * runtime ends up loaded with a page anyway. What only the runtime uses lands in the chunk
 * fetched then (vite.config.ts keeps the app chunk group to what a page loads at start).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { standInPlugin } from './stand-in-plugin.js';

const ON_DEMAND = fileURLToPath(new URL('./process-runtime-on-demand.ts', import.meta.url));
const REAL = /[\\/]src[\\/]engine[\\/]kubelet[\\/]process-runtime\.ts$/;

export function processRuntimeOnDemand(): Plugin {
  return standInPlugin({
    name: 'podsim-process-runtime-on-demand',
    what: 'the shell runtime',
    source: /(^|[\\/])process-runtime(\.[jt]s)?$/,
    real: REAL,
    standIn: ON_DEMAND,
    definedIn: 'src/ui/process-runtime-on-demand-plugin.ts',
  });
}
