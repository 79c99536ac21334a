/**
 * scenarioNeedsScenarioLoader is sound: a scenario it says does not need the loader runs from
 * start to end, with the learner's usual commands, without reaching it (scenario-loader.ts is
 * replaced here by one that throws), so a page runs it on its build-time model alone. And the
 * simulation reaches the loader only through that module.
 */
import { describe, it, expect, vi } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, scenario } from '../ui/fixtures';
import { closure } from '../fixtures/static-imports';
import { Simulation } from '../../src/engine/simulation';
import { commandNeedsScenarioLoader, scenarioNeedsScenarioLoader } from '../../src/engine/commands/needs-scenario-loader';

vi.mock('../../src/scenario/scenario-loader', () => ({
  loadScenario: () => {
    throw new Error('scenario loader used');
  },
  scenarioLoaderReady: () => false,
  loadScenarioLoader: () => Promise.reject(new Error('not here')),
}));

const FILES = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

describe('scenarioNeedsScenarioLoader', () => {
  it('says yes for the bundled scenarios whose timeline applies manifests, no for the others', () => {
    expect(FILES.filter((f) => scenarioNeedsScenarioLoader(scenario(f)))).toEqual(['ambassador-haproxy.yaml', 'rolling-update-held-back.yaml']);
  });

  it('is right to say no: those scenarios run to the end, with the console\'s usual commands, never reaching the loader', () => {
    const free = FILES.filter((f) => !scenarioNeedsScenarioLoader(scenario(f)));
    expect(free.length).toBe(FILES.length - 2);
    for (const f of free) {
      const s = scenario(f);
      const sim = new Simulation(s);
      sim.advanceTo(Math.min(s.duration, 30));
      const pod = sim.view().pods[0]?.metadata.name;
      if (pod) {
        for (const cmd of [`sim probe ${pod} readiness fail`, `kubectl get pods`, `kubectl scale deployment web --replicas=2`, `kubectl delete pod ${pod}`]) {
          expect(commandNeedsScenarioLoader(cmd), cmd).toBe(false);
          sim.run(cmd);
        }
      }
      expect(() => sim.runToEnd(), f).not.toThrow();
    }
  });

  it('a scenario that does need it reaches it (the mock is in force)', () => {
    const s = scenario('rolling-update-held-back.yaml');
    expect(() => new Simulation(s).runToEnd()).toThrow(/scenario loader used/);
  });

  it('counts kubectl apply, and no other verb (a word "apply" elsewhere errs on the side of yes)', () => {
    for (const c of ['kubectl apply -f -', '  kubectl  apply -f - ', 'kubectl exec web -- touch /tmp/apply']) expect(commandNeedsScenarioLoader(c), c).toBe(true);
    for (const c of ['kubectl get pods', 'kubectl exec web -- cat /app/is_ready', 'sim probe web readiness fail', 'kubectl set image deployment/web web=nginx:1.26', 'sim apply'])
      expect(commandNeedsScenarioLoader(c), c).toBe(false);
  });

  it('is the only way from the simulation, the command runner and the page session to the loader', () => {
    const SRC = join(ROOT, 'src');
    const GATE = join(SRC, 'scenario/scenario-loader.ts');
    const reached = new Set<string>();
    for (const entry of ['engine/simulation.ts', 'engine/seek.ts', 'engine/commands/run-command.ts', 'ui/sim-session.ts', 'ui/podsim-controller.ts']) {
      for (const f of closure(join(SRC, entry), (f) => f === GATE)) reached.add(relative(SRC, f));
    }
    expect([...reached]).toEqual(expect.arrayContaining(['scenario/scenario-loader.ts', 'engine/kubelet/kubelet.ts', 'scenario/commands/parse-command.ts']));
    expect([...reached].filter((f) => /^scenario\/(load-scenario|yaml-documents|scenario-document|manifests\/load-manifests)\.ts$/.test(f))).toEqual([]);
  });
});
