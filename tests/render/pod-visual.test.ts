import { describe, it, expect } from 'vitest';
import { podVisuals, visualKey, probeRunText, countdownText, type PodVisual } from '../../src/render/pod-visual';
import { Simulation } from '../../src/engine/simulation';
import { scenario } from '../ui/fixtures';
import { loadScenario } from '../../src/scenario/load-scenario';
import { STEADY_PROBE_YAML } from './steady-probe-scenario';

function at(file: string, t: number): PodVisual[] {
  const sim = new Simulation(scenario(file));
  sim.advanceTo(t);
  return podVisuals(sim.snapshot());
}

describe('pod visuals', () => {
  it('take kubectl STATUS/READY/RESTARTS and a distinct look per state', () => {
    const [creating] = at('crashloop-backoff.yaml', 0);
    expect(creating.look).toBe('creating');
    expect(creating.status).toBe('ContainerCreating');
    // the crasher exits 1 every time: after a few restarts it waits in back-off with a deadline
    const [looping] = at('crashloop-backoff.yaml', 45);
    expect(looping.status).toBe('CrashLoopBackOff');
    expect(looping.look).toBe('crashloop');
    expect(looping.restarts).toBeGreaterThanOrEqual(2);
    expect(looping.backOffUntil).toBeGreaterThan(45);
    const sick = at('readiness-moves-traffic.yaml', 50).find((p) => p.name === 'web-2')!;
    expect(sick.look).toBe('notready');
    expect([sick.readyCount, sick.totalCount]).toEqual([0, 1]);
    expect(sick.containers[0].probes[0]).toMatchObject({ type: 'readiness', last: 'Failure', failureThreshold: 3 });
    expect(at('readiness-moves-traffic.yaml', 50).find((p) => p.name === 'web-1')!.look).toBe('ready');
    const [done] = at('job-like-completes.yaml', 30);
    expect(done.status).toBe('Completed');
    expect(done.look).toBe('completed');
    const [init] = at('init-containers.yaml', 4);
    expect(init.status).toMatch(/^Init:\d\/2$/);
    expect(init.look).toBe('init');
    expect(init.containers.map((c) => c.kind)).toEqual(['init', 'init', 'regular']);
  });

  it('know sidecars, and a Deployment through its ReplicaSet', () => {
    const web = at('sidecar-log-shipper.yaml', 20).find((p) => p.name === 'web')!;
    expect(web.containers.map((c) => [c.name, c.kind])).toEqual([
      ['log-shipper', 'sidecar'],
      ['web', 'regular'],
    ]);
    expect(web.totalCount).toBe(2);
    const api = at('readiness-httpget-api.yaml', 30);
    expect(api.length).toBe(2);
    expect(api.every((p) => p.deployment === 'api')).toBe(true);
  });

  it('change their key when a probe result comes in, not when nothing drawn changed', () => {
    const sim = new Simulation(scenario('readiness-moves-traffic.yaml'));
    sim.advanceTo(31);
    const a = podVisuals(sim.snapshot()).find((p) => p.name === 'web-2')!;
    const b = podVisuals(sim.snapshot()).find((p) => p.name === 'web-2')!;
    expect(visualKey(a)).toBe(visualKey(b));
    // web-2's /ready fails from 30 s: each failed probe is a new result
    sim.advanceTo(39);
    const c = podVisuals(sim.snapshot()).find((p) => p.name === 'web-2')!;
    expect(c.containers[0].probes[0].last).toBe('Failure');
    expect(visualKey(c)).not.toBe(visualKey(a));
    expect(c.containers[0].probes[0].periodSeconds).toBe(5);
  });

  it('write probe runs against their thresholds, and countdowns that reach 0 at the deadline', () => {
    const base = { type: 'readiness' as const, result: 'Failure' as const, lastProbeAt: 1, periodSeconds: 5, forced: null, active: true, failureThreshold: 3, successThreshold: 1 };
    expect(probeRunText({ ...base, last: null, run: 0 })).toBe('–');
    expect(probeRunText({ ...base, last: 'Failure', run: 2 })).toBe('✗2/3');
    expect(probeRunText({ ...base, last: 'Failure', run: 7 })).toBe('✗3/3');
    expect(probeRunText({ ...base, last: 'Success', run: 4 })).toBe('✓1/1');
    expect(countdownText(16.2)).toBe('17s');
    expect(countdownText(0)).toBe('0s');
    expect(countdownText(-3)).toBe('0s');
    expect(countdownText(65)).toBe('1m05s');
  });
});

describe('steady probes', () => {
  it('show the successes the engine skipped after a lone failure, not a stale failure', () => {
    // liveness fails while the app starts (startup 60 s would kill it; here a 5 s start and threshold 3)
    const r = loadScenario(STEADY_PROBE_YAML, 'steady.yaml');
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    const sim = new Simulation(r.scenario);
    sim.advanceTo(60);
    const snap = sim.snapshot();
    const raw = snap.containers[0].probes[0];
    const [v] = podVisuals(snap);
    const p = v.containers[0].probes[0];
    expect(raw.result).toBe('Success');
    // the engine's worker still says Failure: its steady successes were skipped
    expect([raw.lastResult, raw.run, raw.nextProbeAt]).toEqual(['Failure', 1, null]);
    expect(p.last).toBe('Success');
    expect(probeRunText(p)).toBe('✓1/1');
    expect(v.restarts).toBe(0);
  });
});
