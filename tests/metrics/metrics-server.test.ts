import { describe, it, expect } from 'vitest';
import {
  NODE_SYSTEM_BASELINE,
  allNodeMetrics,
  allPodMetrics,
  createMetricsState,
  nextScrapeAt,
  nodeMetrics,
  podMetrics,
  scrape,
  type ContainerUsage,
  type MetricsState,
} from '../../src/engine/metrics/metrics-server';

const MiB = 1024 * 1024;

function duo(startedAt: number, over: Partial<Record<'web' | 'log-agent', Partial<ContainerUsage>>> = {}): ContainerUsage[] {
  return [
    { pod: 'duo', node: 'node-1', container: 'web', startedAt, cpuMilli: 3, memoryBytes: 5 * MiB, ...over.web },
    { pod: 'duo', node: 'node-1', container: 'log-agent', startedAt, cpuMilli: 1, memoryBytes: 1 * MiB, ...over['log-agent'] },
  ];
}

/** Scrape at every k·R up to `until`, with usage given by `at(t)`. */
function run(state: MetricsState, until: number, at: (t: number) => ContainerUsage[]) {
  for (let t = nextScrapeAt(state, 0); t <= until; t = nextScrapeAt(state, t)) {
    scrape(state, t, at(t), [{ name: 'node-1' }]);
  }
}

describe('metrics-server scrape schedule', () => {
  it('scrapes at k·R, k ≥ 1', () => {
    const s = createMetricsState(15);
    expect(nextScrapeAt(s, 0)).toBe(15);
    expect(nextScrapeAt(s, 15)).toBe(15);
    scrape(s, 15, [], [{ name: 'node-1' }]);
    expect(nextScrapeAt(s, 15)).toBe(30);
    expect(nextScrapeAt(s, 16)).toBe(30);
    expect(nextScrapeAt(createMetricsState(60), 61)).toBe(120);
    expect(createMetricsState().resolution).toBe(15);
  });
});

describe('GC-11 first availability and values', () => {
  it('pod started at S=0: served at the first scrape (S+15), window 15 s', () => {
    const s = createMetricsState(15);
    scrape(s, 15, duo(0), [{ name: 'node-1' }]);
    const m = podMetrics(s, 'duo');
    expect(m).toEqual({
      name: 'duo',
      namespace: 'default',
      timestamp: 15,
      window: 15,
      containers: [
        { name: 'web', cpuMilli: 3, memoryBytes: 5 * MiB },
        { name: 'log-agent', cpuMilli: 1, memoryBytes: 1 * MiB },
      ],
    });
  });

  it('container 10–15 s old at its first scrape is "fresh": served after one sample', () => {
    const s = createMetricsState(15);
    scrape(s, 15, duo(3), [{ name: 'node-1' }]);
    expect(podMetrics(s, 'duo')).toMatchObject({ timestamp: 15, window: 12 });
  });

  it('container under 10 s old needs a second scrape (S=7 → served at 30)', () => {
    const s = createMetricsState(15);
    scrape(s, 15, duo(7), [{ name: 'node-1' }]);
    expect(podMetrics(s, 'duo')).toBeUndefined();
    scrape(s, 30, duo(7), [{ name: 'node-1' }]);
    expect(podMetrics(s, 'duo')).toMatchObject({ timestamp: 30, window: 15 });
  });

  it('a container starting exactly at a scrape is not yet seen; next scrape it is fresh', () => {
    const s = createMetricsState(15);
    scrape(s, 15, duo(15), [{ name: 'node-1' }]);
    expect(podMetrics(s, 'duo')).toBeUndefined();
    scrape(s, 30, duo(15), [{ name: 'node-1' }]);
    expect(podMetrics(s, 'duo')).toMatchObject({ timestamp: 30, window: 15 });
  });

  it('with resolution 60 a 20 s old container is fresh too (10 s ≤ age ≤ R)', () => {
    const s = createMetricsState(60);
    scrape(s, 60, duo(40), [{ name: 'node-1' }]);
    expect(podMetrics(s, 'duo')).toMatchObject({ timestamp: 60, window: 20 });
  });

  it('CPU is the rate between the two newest samples; values only change at scrapes', () => {
    const s = createMetricsState(15);
    run(s, 30, (t) => duo(0, { web: { cpuMilli: t <= 15 ? 10 : 250, memoryBytes: t * MiB } }));
    const m = podMetrics(s, 'duo')!;
    expect(m.containers[0]).toEqual({ name: 'web', cpuMilli: 250, memoryBytes: 30 * MiB });
    expect(m).toMatchObject({ timestamp: 30, window: 15 });
    // between scrapes nothing changes
    expect(podMetrics(s, 'duo')).toEqual(m);
  });

  it('CPU rate is truncated to whole nanocores', () => {
    const s = createMetricsState(15);
    run(s, 30, () => duo(0, { web: { cpuMilli: 1.23456789 } }));
    expect(podMetrics(s, 'duo')!.containers[0].cpuMilli).toBe(1.234567);
  });

  it('an idle container (0m) is still served, with 0 CPU', () => {
    const s = createMetricsState(15);
    run(s, 30, () => duo(0, { 'log-agent': { cpuMilli: 0 } }));
    expect(podMetrics(s, 'duo')!.containers[1]).toEqual({ name: 'log-agent', cpuMilli: 0, memoryBytes: 1 * MiB });
  });

  it('a zero working set drops the whole pod from the scrape (decode.go)', () => {
    const s = createMetricsState(15);
    run(s, 45, () => duo(0, { 'log-agent': { memoryBytes: 0 } }));
    expect(podMetrics(s, 'duo')).toBeUndefined();
  });
});

describe('pairs, restarts and missing containers', () => {
  it('a restart breaks the pair: the pod disappears for one interval', () => {
    const s = createMetricsState(15);
    const at = (t: number) => (t < 40 ? duo(0) : duo(0, { web: { startedAt: 40 } }));
    run(s, 30, at);
    expect(podMetrics(s, 'duo')).toBeDefined();
    run(s, 45, at); // web restarted at 40: 5 s old, no pair
    expect(podMetrics(s, 'duo')).toBeUndefined();
    run(s, 60, at);
    expect(podMetrics(s, 'duo')).toMatchObject({ timestamp: 60, window: 15 });
    // the new instance's CPU counts from its own start, not the old cumulative
    expect(podMetrics(s, 'duo')!.containers[0].cpuMilli).toBe(3);
  });

  it('a restart 10–15 s before a scrape is fresh again: no gap', () => {
    const s = createMetricsState(15);
    const at = (t: number) => (t < 32 ? duo(0) : duo(0, { web: { startedAt: 32 } }));
    run(s, 45, at);
    expect(podMetrics(s, 'duo')).toMatchObject({ timestamp: 45 });
  });

  it('a pod is served only when every container has a pair', () => {
    const s = createMetricsState(15);
    const at = () => duo(0, { 'log-agent': { startedAt: 8 } });
    run(s, 15, at); // web fresh (15 s), log-agent only 7 s old
    expect(podMetrics(s, 'duo')).toBeUndefined();
    run(s, 30, at);
    expect(podMetrics(s, 'duo')!.containers.map((c) => c.name)).toEqual(['web', 'log-agent']);
  });

  it('a container that stops running is no longer reported; the rest of the pod still is', () => {
    const s = createMetricsState(15);
    run(s, 45, (t) => (t < 45 ? duo(0) : duo(0).slice(0, 1)));
    expect(podMetrics(s, 'duo')!.containers.map((c) => c.name)).toEqual(['web']);
  });

  it('a pod with nothing running has no metrics', () => {
    const s = createMetricsState(15);
    run(s, 30, (t) => (t < 30 ? duo(0) : []));
    expect(podMetrics(s, 'duo')).toBeUndefined();
    expect(allPodMetrics(s)).toEqual([]);
  });

  it('namespaces separate pods of the same name', () => {
    const s = createMetricsState(15);
    run(s, 15, () => [...duo(0), { pod: 'duo', namespace: 'prod', container: 'web', startedAt: 0, cpuMilli: 7, memoryBytes: MiB }]);
    expect(podMetrics(s, 'duo', 'prod')!.containers).toEqual([{ name: 'web', cpuMilli: 7, memoryBytes: MiB }]);
    expect(allPodMetrics(s).map((m) => `${m.namespace}/${m.name}`)).toEqual(['default/duo', 'prod/duo']);
  });
});

describe('node metrics', () => {
  it('need two scrapes; usage = system baseline + pods on the node', () => {
    const s = createMetricsState(15);
    run(s, 15, () => duo(0));
    expect(nodeMetrics(s, 'node-1')).toBeUndefined();
    run(s, 30, () => duo(0));
    expect(nodeMetrics(s, 'node-1')).toEqual({
      name: 'node-1',
      timestamp: 30,
      window: 15,
      cpuMilli: NODE_SYSTEM_BASELINE.cpuMilli + 3 + 1,
      memoryBytes: NODE_SYSTEM_BASELINE.memoryBytes + 6 * MiB,
    });
    expect(allNodeMetrics(s).map((n) => n.name)).toEqual(['node-1']);
  });

  it('explicit system usage replaces the baseline; pods on other nodes do not count', () => {
    const s = createMetricsState(15);
    const nodes = [{ name: 'node-1', cpuMilli: 100, memoryBytes: 200 * MiB }, { name: 'node-2' }];
    const usage = [...duo(0), { pod: 'api', node: 'node-2', container: 'api', startedAt: 0, cpuMilli: 50, memoryBytes: 10 * MiB }];
    scrape(s, 15, usage, nodes);
    scrape(s, 30, usage, nodes);
    expect(nodeMetrics(s, 'node-1')).toMatchObject({ cpuMilli: 104, memoryBytes: 206 * MiB });
    expect(nodeMetrics(s, 'node-2')).toMatchObject({ cpuMilli: NODE_SYSTEM_BASELINE.cpuMilli + 50 });
    expect(nodeMetrics(s, 'node-3')).toBeUndefined();
  });
});

describe('state', () => {
  it('is plain data: a structuredClone continues identically', () => {
    const s = createMetricsState(15);
    run(s, 30, () => duo(0));
    const copy = structuredClone(s);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    scrape(s, 45, duo(0, { web: { cpuMilli: 9 } }), [{ name: 'node-1' }]);
    scrape(copy, 45, duo(0, { web: { cpuMilli: 9 } }), [{ name: 'node-1' }]);
    expect(podMetrics(copy, 'duo')).toEqual(podMetrics(s, 'duo'));
    expect(podMetrics(s, 'duo')!.containers[0].cpuMilli).toBe(9);
  });

  it('ignores a scrape that is not after the previous one', () => {
    const s = createMetricsState(15);
    run(s, 30, () => duo(0));
    const before = structuredClone(s);
    scrape(s, 30, duo(0, { web: { cpuMilli: 500 } }), [{ name: 'node-1' }]);
    expect(s).toEqual(before);
  });
});
