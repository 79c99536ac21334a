/**
 * Build-time code (vite.config.ts): in the site and the <pod-sim> build, every import of
 * src/engine/kubelet/process-runtime.ts (the shell runtime and the native programs) resolves
 * to src/ui/process-runtime-on-demand.ts, which fetches the real module when a scenario first
 * needs it; only that stand-in imports the real one. Node (CLI, tests) is not built with this
 * plugin. The build fails if no import was redirected (the module was renamed) or if the
 * runtime ends up loaded with a page anyway.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { standInPlugin } from './stand-in-plugin.js';

const ON_DEMAND = fileURLToPath(new URL('./process-runtime-on-demand.ts', import.meta.url));
const REAL = /[\\/]src[\\/]engine[\\/]kubelet[\\/]process-runtime\.ts$/;

/**
 * What only the runtime uses (tests/engine/process-runtime.test.ts keeps the engine's other
 * paths off them): kept out of the site's `app` chunk group so they land in the chunk fetched
 * on demand. (A function: rolldown's Rust side would take the RegExp without its lookaheads.)
 */
const RUNTIME_MODULES = /[\\/]src[\\/]engine[\\/](kubelet[\\/](process-runtime|shell-host)\.ts|apps[\\/]shell[\\/](run|step|shell-builtins|expansion|redirection|frames|output|command-context)\.ts|apps[\\/]shell[\\/]commands[\\/](?!command-names\.)[^\\/]+|apps[\\/]programs[\\/](?!event-simulator\.)[^\\/]+)$/;

export function isProcessRuntimeModule(id: string): boolean {
  return RUNTIME_MODULES.test(id);
}

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
