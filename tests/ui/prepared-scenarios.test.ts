/**
 * A page runs a bundled scenario on the model made of it at build time, without the scenario
 * loader: that model is exactly the loader's (it survives the trip through the chunk's JSON),
 * a session loads it while the loader is still absent (scenario-loader.ts is replaced here by a
 * stand-in that has not been fetched), and any other text — edited, under another name, or a
 * bundled one whose timeline applies manifests — waits for the loader.
 */
import { describe, it, expect, vi, beforeEach } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, scenarioText } from './fixtures';
import { loadScenario as realLoad } from '../../src/scenario/load-scenario';
import { preparedBundledFile } from '../../src/ui/bundled-scenarios-plugin';
import { preparedScenario, rememberPrepared } from '../../src/ui/prepared-scenarios';
import { LOADER_LOADING, SimSession } from '../../src/ui/sim-session';
import { Simulation } from '../../src/engine/simulation';
import { codeForText } from '../../src/ui/code-for-load';
import { PodsimController } from '../../src/ui/podsim-controller';

const loader = vi.hoisted(() => ({ ready: false, fetches: 0 }));

vi.mock('../../src/scenario/scenario-loader', async () => {
  const real = await vi.importActual<typeof import('../../src/scenario/load-scenario')>('../../src/scenario/load-scenario');
  return {
    loadScenario: (text: string, file: string) => {
      if (!loader.ready) throw new Error('scenario loader used before it was fetched');
      return real.loadScenario(text, file);
    },
    scenarioLoaderReady: () => loader.ready,
    loadScenarioLoader: async () => {
      loader.fetches++;
      await new Promise((r) => setTimeout(r, 1));
      loader.ready = true;
    },
  };
});

const FILES = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
const DEFAULT = 'readiness-moves-traffic.yaml';

function prepare(file: string) {
  const f = preparedBundledFile(file, scenarioText(file), realLoad);
  if (!f.scenario) throw new Error(`${file} has no model`);
  // as the page gets it: through the chunk's JSON
  const scenario = JSON.parse(JSON.stringify(f.scenario));
  rememberPrepared(f.text, scenario);
  return scenario;
}

beforeEach(() => {
  loader.ready = false;
  loader.fetches = 0;
});

describe('build-time models of the bundled scenarios', () => {
  it('are what the loader makes, unchanged by the trip through JSON', () => {
    for (const file of FILES) {
      const r = realLoad(scenarioText(file), file);
      if (!r.ok) throw new Error(`${file} does not load`);
      expect(prepare(file), file).toStrictEqual(r.scenario);
    }
  });

  it('are shared (every load of the text, every simulator on the page), so a run leaves them as they were', () => {
    loader.ready = true;
    for (const file of FILES) {
      const model = prepare(file);
      const before = structuredClone(model);
      const sim = new Simulation(model);
      sim.advanceTo(Math.min(model.duration, 40));
      for (const cmd of ['kubectl scale deployment web --replicas=1', 'kubectl set image deployment/web web=nginx:1.27', 'sim probe web readiness fail']) sim.run(cmd);
      const pod = sim.view().pods[0]?.metadata.name;
      if (pod) sim.run(`kubectl delete pod ${pod}`);
      sim.runToEnd();
      expect(model, file).toStrictEqual(before);
    }
  });

  it('a file with problems comes without one, so the page loader says them at their lines', () => {
    const f = preparedBundledFile('bad.yaml', 'kind: Scenario\nmetadata: {name: x}\nspec: {duration: soon}\n', realLoad);
    expect(f.scenario).toBeUndefined();
    expect(f.text).toContain('duration: soon');
  });

  it('a session runs one without the loader, as a run from the loader\'s own model does', () => {
    prepare(DEFAULT);
    const s = new SimSession();
    expect(s.load(scenarioText(DEFAULT), DEFAULT).ok).toBe(true);
    expect(loader.fetches).toBe(0);
    s.seek(45);
    s.run('sim probe web-1 readiness fail');
    s.seek(90);
    const r = realLoad(scenarioText(DEFAULT), DEFAULT);
    if (!r.ok) throw new Error('no');
    const ref = new Simulation(r.scenario);
    ref.advanceTo(45);
    ref.run('sim probe web-1 readiness fail');
    ref.advanceTo(90);
    expect(s.run('kubectl get pods,endpoints').stdout).toBe(ref.run('kubectl get pods,endpoints').stdout);
    expect(s.run('kubectl get pods').stdout).toMatch(/web-1\s+0\/1/);
  });

  it('any other text waits for the loader: refused with a reason (and fetched), then loads', () => {
    prepare(DEFAULT);
    const s = new SimSession();
    const text = scenarioText(DEFAULT);
    const edited = text.replace('periodSeconds: 5', 'periodSeconds: 6');
    expect(edited).not.toBe(text);
    for (const [t, f] of [[edited, DEFAULT], [text, 'copy.yaml']]) {
      expect(preparedScenario(t, f)).toBeUndefined();
      const r = s.load(t, f);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems).toEqual([{ file: f, line: 1, column: 1, message: LOADER_LOADING }]);
    }
    expect(loader.fetches).toBe(2);
    expect(s.scenario).toBeNull();
    loader.ready = true;
    expect(s.load(edited, DEFAULT).ok).toBe(true);
  });

  it('a bundled scenario whose timeline applies manifests waits for the loader too', async () => {
    prepare('rolling-update-held-back.yaml');
    const text = scenarioText('rolling-update-held-back.yaml');
    const s = new SimSession();
    expect(s.load(text, 'rolling-update-held-back.yaml').ok).toBe(false);
    prepare(DEFAULT);
    expect(codeForText(scenarioText(DEFAULT), DEFAULT)).toBeNull();
    expect(codeForText(scenarioText(DEFAULT), 'other-name.yaml')).not.toBeNull();
    const fetching = codeForText(text, 'rolling-update-held-back.yaml');
    expect(fetching).not.toBeNull();
    await fetching;
    expect(codeForText(text, 'rolling-update-held-back.yaml')).toBeNull();
    expect(s.load(text, 'rolling-update-held-back.yaml').ok).toBe(true);
  });

  it('the page\'s loadPrepared fetches the loader for a pasted text, then loads it', async () => {
    const ctl = new PodsimController();
    const pasted = scenarioText('liveness-restart.yaml');
    const r = ctl.loadPrepared(pasted, 'pasted.yaml');
    expect(r).toBeInstanceOf(Promise);
    expect(await r).toEqual({ ok: true, problems: [] });
    expect(loader.fetches).toBe(1);
    expect(ctl.session.scenario?.file).toBe('pasted.yaml');
    ctl.destroy();
  });
});
