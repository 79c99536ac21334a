/**
 * What runs inside a container besides the answers of a scenario's `apps` entry, behind one
 * module: the shell interpreter's runtime (scripts, exec probes, `kubectl exec`) and the
 * programs podsim runs natively (the log shipper, proxies, Elasticsearch: shell-host.ts).
 * The rest of the engine reaches them only through here (tests/engine/process-runtime.test.ts),
 * so a page can fetch them when a scenario first needs them, as it does kubectl's printers.
 */
export { startShell, resumeShell, signalShell } from '../apps/shell/run';
export { makeShellHost, makeProgramHost } from './shell-host';
export { startShipper, resumeShipper } from '../apps/programs/shipper';

/** whether the functions above can run now: here, always (a page's stand-in fetches them first) */
export function processRuntimeReady(): boolean {
  return true;
}

/** fetch them (a page's stand-in); here they are in already */
export function loadProcessRuntime(): Promise<void> {
  return Promise.resolve();
}
