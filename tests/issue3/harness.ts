// Loading a scenario text and running it, for the issue-3 tests.
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';
import type { Flow } from '../../src/engine/flows';

export function load(text: string, file = 'test.yaml') {
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('\n'));
  return r.scenario;
}

export function simulate(text: string): Simulation {
  return new Simulation(load(text));
}

export function kubectl(sim: Simulation, cmd: string): string {
  const r = sim.run(cmd);
  return r.stdout + r.stderr;
}

/** the STATUS and RESTARTS columns of one pod in `kubectl get pods` */
export function podRow(sim: Simulation, pod: string): { ready: string; status: string; restarts: string } {
  const line = sim.run(`kubectl get pod ${pod}`).stdout.split('\n')[1] ?? '';
  const cols = line.trim().split(/\s{2,}/);
  return { ready: cols[1], status: cols[2], restarts: cols[3] };
}

export function flows(sim: Simulation): Flow[] {
  return sim.snapshot().flows ?? [];
}

export function events(sim: Simulation, reason: string) {
  return sim.observations().filter((o) => o.type === 'event' && o.reason === reason) as { t: number; message: string; object: string; count: number }[];
}
