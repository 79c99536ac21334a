/**
 * The page's stand-in for the scenario loader (src/ui/scenario-loader-on-demand.ts): it refuses
 * to load before the loader is fetched, fetches once, tries again after a failed fetch, and then
 * hands every call to the real module.
 */
import { describe, it, expect } from 'vitest';
import * as real from '../../src/scenario/scenario-loader';
import { loadScenario, loadScenarioLoader, scenarioLoaderReady, loaderSource } from '../../src/ui/scenario-loader-on-demand';
import { scenarioText } from './fixtures';

describe('scenario-loader-on-demand', () => {
  it('throws before the fetch, retries a failed one, then delegates to the real loader', async () => {
    const text = scenarioText('liveness-restart.yaml');
    expect(scenarioLoaderReady()).toBe(false);
    expect(() => loadScenario(text, 'liveness-restart.yaml')).toThrow(/before it was fetched/);
    let calls = 0;
    loaderSource.load = async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return real;
    };
    await expect(loadScenarioLoader()).rejects.toThrow('offline');
    expect(scenarioLoaderReady()).toBe(false);
    await Promise.all([loadScenarioLoader(), loadScenarioLoader()]);
    expect(calls).toBe(2);
    expect(scenarioLoaderReady()).toBe(true);
    expect(loadScenario(text, 'liveness-restart.yaml')).toEqual(real.loadScenario(text, 'liveness-restart.yaml'));
    expect(loadScenario('kind: [', 'bad.yaml').ok).toBe(false);
  });
});
