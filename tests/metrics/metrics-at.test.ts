// scrapeNodes / nodeMetricsAt: the nodes' half of a scrape, which the canvas asks for on
// every change of scrape interval, must leave the nodes exactly as a whole scrape does.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { allNodeMetrics, createMetricsState, scrape, scrapeNodes, type ContainerUsage } from '../../src/engine/metrics/metrics-server';
import { metricsAt, nodeMetricsAt, usageRecord } from '../../src/engine/metrics/metrics-at';
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';

const nodes = [{ name: 'node-1' }, { name: 'node-2', cpuMilli: 100, memoryBytes: 1 << 29 }];

const usage = fc
  .uniqueArray(
    fc.record({
      pod: fc.constantFrom('a', 'b', 'c', 'd'),
      container: fc.constantFrom('web', 'side'),
      node: fc.option(fc.constantFrom('node-1', 'node-2', 'node-9'), { nil: undefined }),
      startedAt: fc.integer({ min: 0, max: 80 }),
      cpuMilli: fc.integer({ min: 0, max: 2000 }),
      memoryBytes: fc.integer({ min: 0, max: 1 << 30 }),
    }),
    { selector: (u) => `${u.pod}/${u.container}` },
  )
  .map((l) => l as ContainerUsage[]);

describe('scrapeNodes', () => {
  it('leaves the nodes as scrape does, for any distinct containers (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), usage), { minLength: 1, maxLength: 5 }), (scrapes) => {
        const whole = createMetricsState(15);
        const half = createMetricsState(15);
        let t = 0;
        for (const [dt, u] of scrapes) {
          t += dt;
          scrape(whole, t, u, nodes);
          scrapeNodes(half, t, u, nodes);
          expect(half.nodeLast).toEqual(whole.nodeLast);
          expect(half.nodePrev).toEqual(whole.nodePrev);
          expect(half.nodeCpu).toEqual(whole.nodeCpu);
          expect(half.lastScrapeAt).toBe(whole.lastScrapeAt);
          expect(allNodeMetrics(half)).toEqual(allNodeMetrics(whole));
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('nodeMetricsAt gives the nodes metricsAt gives, all through a scenario', () => {
    const r = loadScenario(readFileSync('scenarios/top-metrics-server.yaml', 'utf8'), 'top.yaml');
    if (!r.ok) throw new Error('invalid');
    const sim = new Simulation(r.scenario);
    let served = 0;
    for (let t = 0; t <= r.scenario.duration; t += 4) {
      sim.advanceTo(t);
      const src = { resolution: r.scenario.metricResolution, pods: [...sim.eng.pods.values()].map(usageRecord), nodes: sim.eng.nodes.map((n) => n.obj.metadata.name) };
      const nodesOnly = allNodeMetrics(nodeMetricsAt(src, t));
      expect(nodesOnly).toEqual(allNodeMetrics(metricsAt(src, t)));
      served += nodesOnly.length;
    }
    expect(served).toBeGreaterThan(10);
  });
});
