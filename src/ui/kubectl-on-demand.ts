/**
 * kubectl's printers (get, describe, logs, top: src/engine/kubectl, with -o yaml/json)
 * fetched when first needed instead of with the page. In the site's build,
 * src/engine/commands/run-command.ts imports this module in place of
 * ../kubectl/run-kubectl-read (vite.config.ts, kubectlOnDemand); Node — the CLI, the
 * tests — imports the printers themselves, so the engine is unchanged there.
 *
 * Until the printers are in, a read answers with NOT_LOADED (its output recognised by
 * `isNotLoaded`) and starts fetching them: the console shows "loading…" and then the
 * output as of the instant typed (podsim-controller.ts); scripts await `handle.ready()`.
 * The console asks for them as soon as its input is focused, so a learner rarely waits.
 */
import type { KubectlCommand } from '../scenario/commands/command-ast';
import type { ClusterView } from '../engine/model/objects';
import type { CommandOutput } from '../engine/simulation-api';
import { fetchedOnce } from './fetched-once';

type ReadFn = (cmd: KubectlCommand, view: ClusterView) => CommandOutput | null;

/** how the printers are fetched (tests hand in another) */
export const printerSource = {
  load: async (): Promise<ReadFn> => (await import('../engine/kubectl/run-kubectl-read')).runKubectlRead,
};

const printers = fetchedOnce(() => printerSource.load());
const notLoaded = new WeakSet<CommandOutput>();

export const NOT_LOADED = 'error: kubectl is still loading; try again in a moment (scripts: await podsim.ready() first)\n';

export function kubectlPrintersLoaded(): boolean {
  return printers.value() !== null;
}

/** fetch the printers (once; again after a failed fetch) */
export function loadKubectlPrinters(): Promise<void> {
  return printers.fetch();
}

/** an output that only says the printers were not loaded yet */
export function isNotLoaded(out: CommandOutput): boolean {
  return notLoaded.has(out);
}

/** run-command.ts's `runKubectlRead` in the browser */
export function runKubectlRead(cmd: KubectlCommand, view: ClusterView): CommandOutput | null {
  const read = printers.value();
  if (read) return read(cmd, view);
  loadKubectlPrinters().catch(() => undefined);
  const out = { stdout: '', stderr: NOT_LOADED, exitCode: 1 };
  notLoaded.add(out);
  return out;
}
