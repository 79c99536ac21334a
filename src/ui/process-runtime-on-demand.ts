/**
 * The shell interpreter's runtime and the native programs (src/engine/kubelet/process-runtime.ts)
 * fetched when a scenario first needs them instead of with the page: the default scenario,
 * like most readiness and liveness lessons, runs no script. In the site's build every import
 * of process-runtime.ts resolves here (vite.config.ts, processRuntimeOnDemand); Node imports
 * the real module.
 *
 * The engine calls these only for a scenario that needs them (needs-process-runtime.ts), and
 * the page loads such a scenario, or runs such a command, only once they are in
 * (PodsimController.loadPrepared, exec; `handle.ready()` for scripts). Called before that,
 * they throw: a bug, not a state the page can be in.
 */
import type * as Real from '../engine/kubelet/process-runtime';
import { fetchedOnce } from './fetched-once';

type Runtime = typeof Real;

/** how the runtime is fetched (tests hand in another) */
export const runtimeSource = {
  load: (): Promise<Runtime> => import('../engine/kubelet/process-runtime'),
};

const runtime = fetchedOnce(() => runtimeSource.load());

function need(): Runtime {
  const rt = runtime.value();
  if (!rt) throw new Error('podsim: the shell runtime is used before it was fetched (process-runtime-on-demand.ts)');
  return rt;
}

export function processRuntimeReady(): boolean {
  return runtime.value() !== null;
}

/** fetch the runtime (once; again after a failed fetch) */
export function loadProcessRuntime(): Promise<void> {
  return runtime.fetch();
}

export const startShell: Runtime['startShell'] = (...a) => need().startShell(...a);
export const resumeShell: Runtime['resumeShell'] = (...a) => need().resumeShell(...a);
export const signalShell: Runtime['signalShell'] = (...a) => need().signalShell(...a);
export const makeShellHost: Runtime['makeShellHost'] = (...a) => need().makeShellHost(...a);
export const makeProgramHost: Runtime['makeProgramHost'] = (...a) => need().makeProgramHost(...a);
export const startShipper: Runtime['startShipper'] = (...a) => need().startShipper(...a);
export const resumeShipper: Runtime['resumeShipper'] = (...a) => need().resumeShipper(...a);
