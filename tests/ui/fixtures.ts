import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/load-scenario';
import type { Scenario } from '../../src/scenario/model';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function scenarioText(file: string): string {
  return readFileSync(`${ROOT}/scenarios/${file}`, 'utf8');
}

export function scenario(file: string): Scenario {
  const r = loadScenario(scenarioText(file), file);
  if (!r.ok) throw new Error(`${file} does not load: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.scenario;
}
