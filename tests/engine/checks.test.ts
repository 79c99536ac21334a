// Scenario checks in a running simulation: each passes once, at the first moment its condition holds from `after` on,
// printed as a `check` line, and the same after a checkpoint copy or a seek.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load-scenario';
import type { CheckSpec, Scenario } from '../../src/scenario/model';
import { Simulation } from '../../src/engine/simulation';
import { simulationAt, Timeline, type TypedCommand } from '../../src/engine/seek';
import type { CheckLine, EndpointsLine, EventLine, Observation, PodLine } from '../../src/engine/observations';
import { CheckTracker, deploymentByPodName } from '../../src/engine/checks/check-tracker';
import { main } from '../../src/cli/main';

function load(fileOrText: string): Scenario {
  const isFile = !fileOrText.includes('\n');
  const r = loadScenario(isFile ? readFileSync(fileOrText, 'utf8') : fileOrText, isFile ? fileOrText : 'inline.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return r.scenario;
}

const READINESS = 'scenarios/readiness-moves-traffic.yaml';
const LIVENESS = 'scenarios/liveness-restart.yaml';
const CRASHLOOP = 'scenarios/crashloop-backoff.yaml';

type CheckInput = Omit<CheckSpec, 'after'> & { after?: number };

/** the scenario with these checks instead of its own */
function withChecks(file: string, checks: CheckInput[]): Scenario {
  return { ...load(file), checks: checks.map((c) => ({ after: 0, ...c })) };
}

const checkLines = (obs: readonly Observation[]) => obs.filter((o): o is CheckLine => o.type === 'check');
const passedAt = (obs: readonly Observation[]) => Object.fromEntries(checkLines(obs).map((c) => [c.name, c.t]));
const podLines = (obs: readonly Observation[], name: string) => obs.filter((o): o is PodLine => o.type === 'pod' && o.name === name && !('deleted' in o));
const firstPodLine = (obs: readonly Observation[], name: string, pred: (l: PodLine) => boolean, from = 0) => podLines(obs, name).find((l) => l.t >= from && pred(l))?.t;

describe('checks of the bundled scenarios', () => {
  it('readiness-moves-traffic: two endpoints when web-2 drops out, web-2 Ready again after 60 s; the learner’s goal stays open', () => {
    const sim = new Simulation(load(READINESS));
    const obs = sim.runToEnd();
    const eps = obs.filter((o): o is EndpointsLine => o.type === 'endpoints' && o.service === 'web');
    const twoReady = eps.find((e) => e.endpoints.filter((x) => x.ready).length === 2)!.t;
    expect(checkLines(obs)).toEqual([
      { t: twoReady, type: 'check', name: 'web-2-taken-out', passed: true },
      { t: firstPodLine(obs, 'web-2', (l) => l.ready, 60), type: 'check', name: 'web-2-ready-again', passed: true },
    ]);
    // web-2 was ready from 3 s to 43 s too: `after` is what makes the check wait for the recovery
    expect(firstPodLine(obs, 'web-2', (l) => l.ready)).toBe(3);
    expect(passedAt(obs)).toEqual({ 'web-2-taken-out': 43, 'web-2-ready-again': 73 });
    expect(sim.checkResults()).toEqual([
      { name: 'web-2-taken-out', title: expect.objectContaining({ en: expect.any(String), ja: expect.any(String) }), passedAt: 43 },
      { name: 'web-2-ready-again', title: expect.objectContaining({ en: 'web-2 is Ready again and back in the Service' }), passedAt: 73 },
      { name: 'no-ready-endpoints', title: expect.any(Object), passedAt: null },
    ]);
  });

  it('readiness-moves-traffic: the learner takes every pod out with sim probe and the open goal passes then', () => {
    const sim = new Simulation(load(READINESS));
    sim.advanceTo(10);
    for (const p of ['web-1', 'web-2', 'web-3']) sim.run(`sim probe ${p} readiness fail`);
    sim.advanceTo(60);
    const eps = sim.observations().filter((o): o is EndpointsLine => o.type === 'endpoints');
    const none = eps.find((e) => e.t > 10 && e.endpoints.every((x) => !x.ready))!.t;
    expect(none).toBeGreaterThan(10);
    expect(passedAt(sim.observations())['no-ready-endpoints']).toBe(none);
    expect(sim.checkResults().find((c) => c.name === 'no-ready-endpoints')!.passedAt).toBe(none);
  });

  it('liveness-restart: the Killing event, then Running with a restart', () => {
    const obs = new Simulation(load(LIVENESS)).runToEnd();
    const killing = obs.find((o): o is EventLine => o.type === 'event' && o.reason === 'Killing' && o.object === 'pod/api')!;
    expect(passedAt(obs)).toEqual({
      'killed-by-liveness': killing.t,
      'running-again': firstPodLine(obs, 'api', (l) => l.status === 'Running' && l.restarts >= 1),
    });
    expect(killing.t).toBe(47);
  });

  it('crashloop-backoff: each check passes once although its condition comes back on every crash', () => {
    const obs = new Simulation(load(CRASHLOOP)).runToEnd();
    expect(podLines(obs, 'crasher').filter((l) => l.status === 'Error').length).toBeGreaterThan(3);
    expect(checkLines(obs).map((c) => c.name)).toEqual(['first-crash', 'backing-off', 'five-restarts']);
    expect(passedAt(obs)).toEqual({
      'first-crash': firstPodLine(obs, 'crasher', (l) => l.status === 'Error'),
      'backing-off': firstPodLine(obs, 'crasher', (l) => l.status === 'CrashLoopBackOff'),
      'five-restarts': firstPodLine(obs, 'crasher', (l) => l.restarts >= 5),
    });
  });
});

describe('when a check passes', () => {
  it('pod and service checks: at the line that makes them hold, or at `after` when they already hold then', () => {
    const s = withChecks(READINESS, [
      { name: 'w1-ready', expect: { kind: 'pod', pod: 'web-1', ready: true } },
      { name: 'w1-ready-at-30', after: 30, expect: { kind: 'pod', pod: 'web-1', ready: true } },
      { name: 'w1-ready-at-30-5', after: 30.5, expect: { kind: 'pod', pod: 'web-1', ready: true } },
      { name: 'w2-ready-after-50', after: 50, expect: { kind: 'pod', pod: 'web-2', ready: true } },
      { name: 'w2-not-ready', expect: { kind: 'pod', pod: 'web-2', ready: false, status: 'Running' } },
      { name: 'w1-exists', expect: { kind: 'pod', pod: 'web-1' } },
      { name: 'pending', expect: { kind: 'pod', pod: 'web-3', phase: 'Pending' } },
      { name: 'three', expect: { kind: 'service', service: 'web', readyEndpoints: 3 } },
      { name: 'three-after-50', after: 50, expect: { kind: 'service', service: 'web', readyEndpoints: 3 } },
      { name: 'one', expect: { kind: 'service', service: 'web', readyEndpoints: 1 } },
      { name: 'past-the-end', after: 500, expect: { kind: 'pod', pod: 'web-1', ready: true } },
    ]);
    const obs = new Simulation(s).runToEnd();
    expect(passedAt(obs)).toEqual({
      'w1-ready': 3,
      'w1-ready-at-30': 30,
      'w1-ready-at-30-5': 30.5,
      'w2-ready-after-50': 73,
      'w2-not-ready': 43,
      'w1-exists': 0,
      pending: 0,
      three: 3,
      'three-after-50': 73,
    });
    // the stream stays in time order: the check at 30 s sits between the lines of 3 s and 43 s
    const times = obs.map((o) => o.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const i = obs.findIndex((o) => o.type === 'check' && o.name === 'w1-ready-at-30');
    expect(obs[i - 1].t).toBeLessThan(30);
    expect(obs[i + 2].t).toBeGreaterThan(30.5);
  });

  it('restarts: at the first line with at least that many', () => {
    const s = withChecks(CRASHLOOP, [
      { name: 'r1', expect: { kind: 'pod', pod: 'crasher', restarts: 1 } },
      { name: 'r3', expect: { kind: 'pod', pod: 'crasher', restarts: 3 } },
      { name: 'r3-running', expect: { kind: 'pod', pod: 'crasher', restarts: 3, status: 'Running' } },
      { name: 'r3-later', after: 100, expect: { kind: 'pod', pod: 'crasher', restarts: 3 } },
      { name: 'r50', expect: { kind: 'pod', pod: 'crasher', restarts: 50 } },
    ]);
    const obs = new Simulation(s).runToEnd();
    const r3 = firstPodLine(obs, 'crasher', (l) => l.restarts >= 3)!;
    expect(passedAt(obs)).toEqual({ r1: firstPodLine(obs, 'crasher', (l) => l.restarts >= 1), r3, 'r3-running': r3, 'r3-later': 100 });
    expect(r3).toBe(39);
  });

  it('events: reason and object, from `after` on', () => {
    const s = withChecks(LIVENESS, [
      { name: 'unhealthy', expect: { kind: 'event', reason: 'Unhealthy', object: 'pod/api' } },
      { name: 'unhealthy-after-40', after: 40, expect: { kind: 'event', reason: 'Unhealthy' } },
      { name: 'started-twice-after-5', after: 5, expect: { kind: 'event', reason: 'Started' } },
      { name: 'scheduled', expect: { kind: 'event', reason: 'Scheduled', object: 'pod/api' } },
      { name: 'other-node', expect: { kind: 'event', reason: 'Killing', object: 'node/node-1' } },
      { name: 'never', expect: { kind: 'event', reason: 'FailedScheduling' } },
    ]);
    const obs = new Simulation(s).runToEnd();
    const ev = (reason: string, from = 0) => obs.find((o): o is EventLine => o.type === 'event' && o.reason === reason && o.t >= from)?.t;
    expect(passedAt(obs)).toEqual({
      unhealthy: ev('Unhealthy'),
      'unhealthy-after-40': ev('Unhealthy', 40),
      'started-twice-after-5': ev('Started', 5),
      scheduled: ev('Scheduled'),
    });
    expect(passedAt(obs)).toMatchObject({ unhealthy: 27, 'unhealthy-after-40': 47, 'started-twice-after-5': 48 });
  });

  it('deploy/NAME: any pod the Deployment owns, not a pod merely named like one', () => {
    const s = load(`apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: deploy-checks}
spec:
  duration: 1m
  images:
    sim/web:1: {pull: 10s}
    sim/fast:1: {pull: 1s}
  checks:
  - {name: a-web-pod-ready, pod: deploy/web, ready: true}
  - {name: a-web-pod-started, event: {reason: Started, object: deploy/web}}
  - {name: scaled, event: {reason: ScalingReplicaSet, object: deployment/web}}
---
apiVersion: v1
kind: Pod
metadata: {name: web-abc12-xyz99}
spec:
  containers:
  - {name: app, image: sim/fast:1}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: app, image: sim/web:1}
`);
    const obs = new Simulation(s).runToEnd();
    const impostor = firstPodLine(obs, 'web-abc12-xyz99', (l) => l.ready)!;
    const owned = obs.filter((o): o is PodLine => o.type === 'pod' && !('deleted' in o) && o.name.startsWith('web-') && o.name !== 'web-abc12-xyz99');
    const firstOwnedReady = owned.find((l) => l.ready)!.t;
    expect(impostor).toBeLessThan(firstOwnedReady);
    // the name alone would have counted the impostor
    expect(deploymentByPodName('web-abc12-xyz99')).toBe('web');
    const started = obs.find((o): o is EventLine => o.type === 'event' && o.reason === 'Started' && o.object !== 'pod/web-abc12-xyz99')!;
    const scaled = obs.find((o): o is EventLine => o.type === 'event' && o.reason === 'ScalingReplicaSet')!;
    expect(scaled.object).toBe('deployment/web');
    expect(passedAt(obs)).toEqual({ 'a-web-pod-ready': firstOwnedReady, 'a-web-pod-started': started.t, scaled: scaled.t });
  });
});

describe('podsim run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podsim-checks-'));
  async function run(...args: string[]) {
    let out = '';
    const code = await main(['run', ...args], { out: (s) => (out += s), err: () => {} });
    return { code, out };
  }

  it('prints one check line per passed check, and nothing for one that never holds', async () => {
    const f = join(dir, 'r.yaml');
    writeFileSync(f, readFileSync(READINESS, 'utf8'));
    const json = await run(f, '--json');
    expect(json.code).toBe(0);
    const lines = json.out.split('\n').filter((l) => l.includes('"type":"check"'));
    expect(lines).toEqual(['{"t":43,"type":"check","name":"web-2-taken-out","passed":true}', '{"t":73,"type":"check","name":"web-2-ready-again","passed":true}']);
    expect(json.out).not.toContain('no-ready-endpoints');
    const text = await run(f);
    expect(text.out.split('\n').filter((l) => l.includes(' check '))).toEqual(['     43s  check     web-2-taken-out  passed', '     73s  check     web-2-ready-again  passed']);
  });

  it('stops at --until: a check due later is not printed', async () => {
    const f = join(dir, 'r2.yaml');
    writeFileSync(f, readFileSync(READINESS, 'utf8'));
    const { out } = await run(f, '--json', '--until', '60s');
    expect(out.split('\n').filter((l) => l.includes('"type":"check"'))).toEqual(['{"t":43,"type":"check","name":"web-2-taken-out","passed":true}']);
  });
});

describe('checks across checkpoints and seeking', () => {
  const checksOf = (sim: Simulation) => JSON.stringify(checkLines(sim.observations()));

  for (const file of [READINESS, LIVENESS, CRASHLOOP]) {
    it(`a copy taken at any moment prints the same check lines as a straight run (${file})`, () => {
      const s = load(file);
      const straight = new Simulation(s);
      straight.runToEnd();
      expect(checkLines(straight.observations()).length).toBeGreaterThan(1);
      for (const t of [0, 3, 30, 43, 47, 60, 73.5, 100]) {
        const a = new Simulation(s);
        a.advanceTo(t);
        const b = a.clone();
        b.runToEnd();
        a.runToEnd();
        expect(checksOf(b), `copy at ${t}`).toBe(checksOf(straight));
        expect(checksOf(a), `original after copying at ${t}`).toBe(checksOf(straight));
        expect(b.checkResults()).toEqual(straight.checkResults());
      }
    });
  }

  it('a copy does not share check state with its original', () => {
    const a = new Simulation(load(READINESS));
    a.advanceTo(50);
    const b = a.clone();
    b.advanceTo(100);
    expect(b.checkResults().find((c) => c.name === 'web-2-ready-again')!.passedAt).toBe(73);
    expect(a.checkResults().find((c) => c.name === 'web-2-ready-again')!.passedAt).toBeNull();
    a.advanceTo(100);
    expect(checksOf(a)).toBe(checksOf(b));
  });

  it('simulationAt and Timeline.at agree, typed commands included, seeking back and forth', () => {
    const s = load(READINESS);
    const typed: TypedCommand[] = [
      { at: 12, run: 'sim probe web-1 readiness fail' },
      { at: 12, run: 'sim probe web-3 readiness fail' },
      { at: 20, run: 'sim probe web-2 readiness fail' },
    ];
    const tl = new Timeline(s, typed, 15);
    for (const t of [110, 20, 44, 45, 31, 90, 40]) {
      const fresh = simulationAt(s, typed, t);
      const sought = tl.at(t);
      expect(checksOf(sought), `at ${t}`).toBe(checksOf(fresh));
      expect(sought.checkResults()).toEqual(fresh.checkResults());
    }
    const end = simulationAt(s, typed, 110);
    const none = end.checkResults().find((c) => c.name === 'no-ready-endpoints')!.passedAt;
    expect(none).not.toBeNull();
    expect(none!).toBeGreaterThan(20);
  });
});

describe('CheckTracker on its own', () => {
  const pod = (t: number, name: string, ready: boolean, restarts = 0): PodLine => ({
    t,
    type: 'pod',
    name,
    phase: 'Running',
    status: 'Running',
    ready,
    restarts,
    conditions: { PodScheduled: true, Initialized: true, ContainersReady: ready, Ready: ready },
    containers: [],
  });

  it('a deleted pod no longer satisfies a check; the next one of the Deployment does', () => {
    const tr = new CheckTracker([{ name: 'any', after: 10, expect: { kind: 'pod', pod: 'deploy/web', ready: true } }]);
    tr.observe(pod(1, 'web-5d8f9c7b6d-abcde', true));
    tr.observe({ t: 5, type: 'pod', name: 'web-5d8f9c7b6d-abcde', deleted: true });
    expect(tr.nextTickAt()).toBe(10);
    tr.tick(10);
    expect(tr.takePassed()).toEqual([]);
    expect(tr.nextTickAt()).toBeNull();
    tr.observe(pod(12, 'web-5d8f9c7b6d-fghij', false));
    tr.observe(pod(14, 'other', true));
    expect(tr.takePassed()).toEqual([]);
    tr.observe(pod(15, 'web-5d8f9c7b6d-fghij', true));
    expect(tr.takePassed()).toEqual([{ t: 15, type: 'check', name: 'any', passed: true }]);
    tr.observe(pod(16, 'web-5d8f9c7b6d-fghij', true));
    expect(tr.takePassed()).toEqual([]);
    expect(tr.results()).toEqual([{ name: 'any', passedAt: 15 }]);
  });

  it('a copy goes on by itself', () => {
    const tr = new CheckTracker([{ name: 'r2', after: 0, expect: { kind: 'pod', pod: 'p', restarts: 2 } }]);
    tr.observe(pod(1, 'p', true, 1));
    const copy = tr.copy();
    copy.observe(pod(2, 'p', true, 2));
    expect(copy.results()[0].passedAt).toBe(2);
    expect(tr.results()[0].passedAt).toBeNull();
  });
});
