/**
 * kubectl's printers fetched on demand, as the site's build wires them (vite.config.ts
 * redirects run-command.ts's import of the printers to src/ui/kubectl-on-demand.ts; here
 * vi.mock does). The fetch is held until the test lets it go.
 */
import { describe, it, expect, vi } from 'vitest';
import { PodsimController } from '../../src/ui/podsim-controller';
import { NOT_LOADED, isNotLoaded, kubectlPrintersLoaded, printerSource } from '../../src/ui/kubectl-on-demand';
import { simulationAt } from '../../src/engine/seek';
import { scenario, scenarioText } from './fixtures';

vi.mock('../../src/engine/kubectl/run-kubectl-read', async () => {
  const onDemand = await import('../../src/ui/kubectl-on-demand');
  return { runKubectlRead: onDemand.runKubectlRead };
});

type Printers = typeof import('../../src/engine/kubectl/run-kubectl-read');
const realPrinters = async () => (await vi.importActual<Printers>('../../src/engine/kubectl/run-kubectl-read')).runKubectlRead;

/** the next fetch waits for `release()`, or fails with `fail()` */
function holdFetch() {
  let release!: () => void;
  let fail!: (e: Error) => void;
  const gate = new Promise<void>((ok, no) => {
    release = ok;
    fail = no;
  });
  let fetches = 0;
  printerSource.load = async () => {
    fetches++;
    await gate;
    return realPrinters();
  };
  return { release, fail, fetches: () => fetches };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const DEFAULT = 'readiness-moves-traffic.yaml';

function controller(file = DEFAULT): PodsimController {
  const ctl = new PodsimController();
  expect(ctl.load(scenarioText(file), file).ok).toBe(true);
  return ctl;
}

/** what the console shows after the last command line */
function afterLastCommand(ctl: PodsimController): { kind: string; text: string }[] {
  const list = ctl.consoleEntries[0]();
  const i = list.map((e) => e.kind).lastIndexOf('command');
  return list.slice(i + 1).map(({ kind, text }) => ({ kind, text }));
}

// one test, in order: the printers, once in, stay in for the file
describe('kubectl printers fetched on demand', () => {
  it('say a failed fetch; then print each read run meanwhile as of its instant, in its place; then answer at once', async () => {
    // 1. a failed fetch is said in the console, and the next read fetches again
    const failing = holdFetch();
    const first = controller();
    const out = first.exec('kubectl get pods');
    expect(isNotLoaded(out)).toBe(true);
    expect(out).toEqual({ stdout: '', stderr: NOT_LOADED, exitCode: 1 });
    expect(afterLastCommand(first)).toEqual([{ kind: 'info', text: 'loading kubectl…' }]);
    failing.fail(new Error('network down'));
    await vi.waitFor(() => expect(afterLastCommand(first)).toEqual([{ kind: 'stderr', text: 'podsim: could not load kubectl: network down\n' }]));
    expect(kubectlPrintersLoaded()).toBe(false);

    // 2. reads run while the printers are on their way
    const held = holdFetch();
    // run at 47.5 s; time runs on and another line is typed before the printers arrive
    const moved = controller();
    moved.seek(47.5);
    expect(isNotLoaded(moved.exec('kubectl get pods'))).toBe(true);
    moved.seek(120);
    moved.exec('sim probe web-3 readiness fail');
    // kubectl logs -f: follows once they are in ...
    const follows = controller('logs-previous.yaml');
    follows.seek(12);
    follows.exec('kubectl logs orders -c metrics -f');
    // ... unless another line came after it
    const interrupted = controller('logs-previous.yaml');
    interrupted.seek(12);
    interrupted.exec('kubectl logs orders -c metrics -f');
    interrupted.exec('sim crash orders/app');
    // cleared meanwhile: nothing comes back
    const cleared = controller();
    cleared.exec('kubectl get pods');
    cleared.exec('clear');
    expect(held.fetches()).toBe(1);
    expect(follows.following[0]()).toBeNull();
    held.release();
    await vi.waitFor(() => expect(kubectlPrintersLoaded()).toBe(true));
    await settle();

    const list = moved.consoleEntries[0]().map(({ kind, text }) => ({ kind, text }));
    const i = list.findIndex((e) => e.kind === 'command' && e.text === 'kubectl get pods');
    expect(list[i + 1]).toEqual({ kind: 'stdout', text: simulationAt(scenario(DEFAULT), [], 47.5).run('kubectl get pods').stdout });
    expect(list[i + 2]).toMatchObject({ kind: 'command', text: 'sim probe web-3 readiness fail' });
    expect(list.some((e) => e.text === 'loading kubectl…')).toBe(false);
    expect(follows.following[0]()).toBe('kubectl logs orders -c metrics -f');
    expect(afterLastCommand(follows)[0]).toMatchObject({ kind: 'stdout', text: expect.stringMatching(/scraped app/) });
    expect(interrupted.following[0]()).toBeNull();
    expect(cleared.consoleEntries[0]()).toEqual([]);

    // 3. from now on at once, and as of now
    const now = moved.exec('kubectl get pods');
    expect(isNotLoaded(now)).toBe(false);
    expect(now.stdout).toMatch(/^NAME\s+READY/);
    for (const c of [first, moved, follows, interrupted, cleared]) c.destroy();
  });
});
