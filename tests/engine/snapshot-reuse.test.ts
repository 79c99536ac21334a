// Snapshots are built incrementally (src/engine/snapshot): whatever did not change is the
// previous snapshot's object. An incremental snapshot must hold exactly what one built
// from scratch holds, at any moment of any run: probes failing, restarts, deletions,
// scaling, checkpoint copies and seeks.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';
import { Timeline, simulationAt } from '../../src/engine/seek';
import { SnapshotReuse } from '../../src/engine/snapshot/snapshot-reuse';
import type { SimSnapshot } from '../../src/engine/simulation-api';
import type { Scenario } from '../../src/scenario/model';
// @ts-expect-error the bench scenario generator is plain JavaScript
import { benchScenario } from '../../bench/make-scenario.mjs';

function load(text: string, file: string): Scenario {
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(`invalid ${file}`);
  return r.scenario;
}

const scenarioFile = (file: string) => load(readFileSync(file, 'utf8'), file);

/** a snapshot of the same state built with empty caches (the simulation's own are put back after) */
function fromScratch(sim: Simulation): SimSnapshot {
  const s = sim as unknown as { reuse: SnapshotReuse };
  const kept = s.reuse;
  s.reuse = new SnapshotReuse();
  try {
    return sim.snapshot();
  } finally {
    s.reuse = kept;
  }
}

/** everything but the log reader (functions), which is compared by what it reads */
function data(snap: SimSnapshot) {
  const { logs: _logs, ...view } = snap.view;
  return { ...snap, view };
}

function expectSame(sim: Simulation, incremental: SimSnapshot): void {
  const fresh = fromScratch(sim);
  expect(data(incremental)).toEqual(data(fresh));
  // the shared event objects are what a fresh build of every stored event gives
  expect(incremental.view.events).toEqual(sim.eng.recorder.copies());
  for (const c of fresh.containers) {
    expect(incremental.view.logs.current(c.pod, c.name)).toEqual(fresh.view.logs.current(c.pod, c.name));
    expect(incremental.view.logs.previous(c.pod, c.name)).toEqual(fresh.view.logs.previous(c.pod, c.name));
  }
}

const files = [
  'scenarios/crashloop-backoff.yaml',
  'scenarios/liveness-restart.yaml',
  'scenarios/liveness-hung-app.yaml',
  'scenarios/readiness-recovers.yaml',
  'scenarios/readiness-moves-traffic.yaml',
  'scenarios/rolling-update-held-back.yaml',
  'scenarios/sidecar-log-shipper.yaml',
  'scenarios/startup-probe.yaml',
  'scenarios/init-containers.yaml',
  'scenarios/top-metrics-server.yaml',
  'scenarios/logs-and-top.yaml',
  'scenarios/job-like-completes.yaml',
];

describe('incremental snapshots', () => {
  for (const file of files) {
    it(`hold what a snapshot from scratch holds, all through ${file}`, () => {
      const s = scenarioFile(file);
      const sim = new Simulation(s);
      let steps = 0;
      const dt = Math.min(3.7, s.duration / 40);
      for (let t = 0; t <= s.duration; t += dt) {
        sim.advanceTo(t);
        expectSame(sim, sim.snapshot());
        steps++;
      }
      expect(steps).toBeGreaterThan(20);
    });
  }

  it('reuse every part that did not change, and nothing that did', () => {
    const s = load(benchScenario({ replicas: 12, nodes: 2, duration: '1h', faults: true }), 'bench.yaml');
    const sim = new Simulation(s);
    sim.advanceTo(300);
    const a = sim.snapshot();
    const b = sim.snapshot();
    // nothing happened in between: every list and view is the same object
    expect(b.containers).toBe(a.containers);
    expect(b.view.pods).toBe(a.view.pods);
    expect(b.view.events).toBe(a.view.events);
    expect(b.view.endpointSlices).toBe(a.view.endpointSlices);
    expect(b.view.metrics).toBe(a.view.metrics);
    expect(b.podWorkers).toBe(a.podWorkers);
    expect(b.traffic).toBe(a.traffic);
    expect(b.view.logs).toBe(a.view.logs);
    // one pod's readiness forced to fail: its container view changes, the others' stay
    const pod = a.view.pods[3].metadata.name;
    sim.run(`sim probe ${pod} readiness fail`);
    sim.advanceTo(340);
    const c = sim.snapshot();
    expectSame(sim, c);
    const before = new Map(a.containers.map((v) => [v.pod, v]));
    const changed = c.containers.filter((v) => before.get(v.pod) !== v).map((v) => v.pod);
    expect(changed).toContain(pod);
    // the other pods' probes ticked too (a new run length), but far from all changed in a way that shows
    expect(c.containers.find((v) => v.pod === pod)!.probes.find((p) => p.type === 'readiness')!.forced).toBe('fail');
    expect(c.view.events).not.toBe(a.view.events);
    // events recorded before are the same objects
    expect(c.view.events.slice(0, a.view.events.length).filter((e, i) => e === a.view.events[i]).length).toBeGreaterThan(a.view.events.length / 2);
  });

  it('hold what a snapshot from scratch holds under any sequence of commands (property)', () => {
    const s = load(benchScenario({ replicas: 8, nodes: 2, duration: '30m', faults: true }), 'bench.yaml');
    const command = fc.oneof(
      fc.constantFrom(
        'sim probe deploy/web readiness fail',
        'sim probe deploy/web readiness pass',
        'sim probe deploy/web readiness auto',
        'sim probe deploy/web liveness fail',
        'sim probe deploy/web liveness auto',
        'sim http deploy/web /healthz 500',
        'sim http deploy/web /healthz 200',
        'sim hang deploy/web on',
        'sim hang deploy/web off',
        'kubectl scale deploy web --replicas=3',
        'kubectl scale deploy web --replicas=10',
        'kubectl get pods',
      ),
      fc.nat(20).map((i) => ({ pod: i, run: 'kubectl delete pod' })),
      fc.nat(20).map((i) => ({ pod: i, run: 'sim crash' })),
      fc.nat(20).map((i) => ({ pod: i, run: 'sim cpu', arg: '300m' })),
    );
    const step = fc.record({ dt: fc.double({ min: 0.05, max: 90, noNaN: true }), command: fc.option(command, { nil: undefined }), snapshot: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 30 }), (steps) => {
        const sim = new Simulation(s);
        let t = 0;
        for (const st of steps) {
          t = Math.min(s.duration, t + st.dt);
          sim.advanceTo(t);
          const c = st.command;
          if (typeof c === 'string') sim.run(c);
          else if (c) {
            const pods = sim.view().pods;
            if (pods.length) sim.run(`${c.run} ${pods[c.pod % pods.length].metadata.name}${'arg' in c ? ` ${c.arg}` : ''}`);
          }
          // snapshots taken now and then (as the UI does), so caches skip moments
          if (st.snapshot) expectSame(sim, sim.snapshot());
        }
        expectSame(sim, sim.snapshot());
      }),
      { numRuns: 12, seed: 20240611 },
    );
  });

  it('a checkpoint copy and a seek back start from their own state, not the caches of a later moment', () => {
    const s = scenarioFile('scenarios/crashloop-backoff.yaml');
    const sim = new Simulation(s);
    sim.advanceTo(100);
    sim.snapshot();
    const copy = sim.clone();
    sim.advanceTo(400);
    const late = sim.snapshot();
    expectSame(sim, late);
    // the copy stands at 100, whatever its original has seen since
    const early = copy.snapshot();
    expectSame(copy, early);
    expect(early.view.now).toBe(100);
    expect(early.view.pods[0].status.containerStatuses[0].restartCount).toBeLessThan(late.view.pods[0].status.containerStatuses[0].restartCount);
    copy.advanceTo(250);
    expectSame(copy, copy.snapshot());

    const typed = [{ at: 120, run: 'kubectl delete pod crasher' }];
    const tl = new Timeline(s, typed, 60);
    for (const t of [500, 37, 130, 119, 300]) {
      const sought = tl.at(t);
      const straight = simulationAt(s, typed, t);
      const a = sought.snapshot();
      expectSame(sought, a);
      expect(data(a)).toEqual(data(straight.snapshot()));
    }
  });

  it("a view's pod metrics, read later, are those of its own moment", () => {
    const s = scenarioFile('scenarios/top-metrics-server.yaml');
    const sim = new Simulation(s);
    sim.advanceTo(95);
    const early = sim.view();
    expect(early.metrics.nodes.size).toBeGreaterThan(0);
    // leaky's memory grows at 100 s and 140 s (until it is OOM-killed); the early view is read only afterwards
    sim.advanceTo(170);
    const late = sim.view();
    const straight = new Simulation(s);
    straight.advanceTo(95);
    expect([...early.metrics.pods]).toEqual([...straight.view().metrics.pods]);
    expect(early.metrics.pods.get('leaky')!.containers[0].memoryBytes).not.toBe(late.metrics.pods.get('leaky')!.containers[0].memoryBytes);
    // within one scrape interval, with nothing started or changed, the same view comes back
    sim.advanceTo(171);
    expect(sim.view().metrics).toBe(late.metrics);
  });

  it('the recorder hands out one list of event objects while nothing is recorded', () => {
    const s = scenarioFile('scenarios/crashloop-backoff.yaml');
    const sim = new Simulation(s);
    sim.advanceTo(200);
    const rec = sim.eng.recorder;
    const a = rec.objects();
    expect(rec.objects()).toBe(a);
    expect(a).toEqual(rec.copies());
    sim.advanceTo(900);
    const b = rec.objects();
    expect(b).not.toBe(a);
    expect(b).toEqual(rec.copies());
    // an event patched since (a count went up) is a new object; untouched ones are kept
    const patched = b.filter((e, i) => i < a.length && e !== a[i]);
    expect(patched.length).toBeGreaterThan(0);
    for (const e of patched) expect(e.count).toBeGreaterThan(a[b.indexOf(e)].count);
    expect(b.filter((e, i) => i < a.length && e === a[i]).length).toBeGreaterThan(0);
    // a checkpoint copy shares the stored events, and so their objects
    const copy = sim.clone();
    expect(copy.eng.recorder.objects()).toEqual(b);
    expect(copy.eng.recorder.objects()[0]).toBe(b[0]);
  });
});
