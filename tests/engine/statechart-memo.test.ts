// Memoized statecharts (kubelet/statechart.ts): the probe and pod workers compute each
// distinct transition once and share snapshots, and must still end where xstate would.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { Statechart } from '../../src/engine/kubelet/statechart';
import { probeWorkerMachine, type ProbeWorkerEvent, type ProbeType } from '../../src/engine/kubelet/probe-worker-machine';
import '../../src/engine/kubelet/pod-runtime'; // marks the probe and pod workers as memoized

const event = fc.oneof(
  fc.constant<ProbeWorkerEvent>({ type: 'CONTAINER_STARTED' }),
  fc.constant<ProbeWorkerEvent>({ type: 'CONTAINER_STOPPED' }),
  fc.constant<ProbeWorkerEvent>({ type: 'POD_TERMINATING' }),
  fc.constant<ProbeWorkerEvent>({ type: 'POD_TERMINAL' }),
  fc.constantFrom<'Success' | 'Failure'>('Success', 'Failure').map((result): ProbeWorkerEvent => ({ type: 'RESULT', result })),
);
const input = fc.record({
  type: fc.constantFrom<ProbeType>('readiness', 'liveness', 'startup'),
  successThreshold: fc.integer({ min: 1, max: 3 }),
  failureThreshold: fc.integer({ min: 1, max: 4 }),
});

describe('memoized probe worker statecharts', () => {
  it('end in the state and context an xstate actor reaches with the same events', () => {
    fc.assert(
      fc.property(input, fc.array(event, { maxLength: 40 }), (inp, events) => {
        const chart = Statechart.start(probeWorkerMachine, inp);
        const actor = createActor(probeWorkerMachine, { input: inp });
        actor.start();
        for (const e of events) {
          chart.send(e);
          actor.send(e);
          expect(chart.getSnapshot().value).toEqual(actor.getSnapshot().value);
          expect(chart.getSnapshot().context).toEqual(actor.getSnapshot().context);
        }
      }),
    );
  });

  it('share one snapshot between workers in the same state', () => {
    const inp = { type: 'readiness' as const, successThreshold: 1, failureThreshold: 3 };
    const a = Statechart.start(probeWorkerMachine, inp);
    const b = Statechart.start(probeWorkerMachine, inp);
    for (const c of [a, b]) {
      c.send({ type: 'CONTAINER_STARTED' });
      c.send({ type: 'RESULT', result: 'Success' });
      c.send({ type: 'RESULT', result: 'Failure' });
    }
    expect(a.getSnapshot()).toBe(b.getSnapshot());
    // a different history to the same state and context gives the same snapshot too
    const c = Statechart.start(probeWorkerMachine, inp);
    c.send({ type: 'CONTAINER_STARTED' });
    c.send({ type: 'RESULT', result: 'Success' });
    c.send({ type: 'CONTAINER_STOPPED' });
    c.send({ type: 'CONTAINER_STARTED' });
    c.send({ type: 'RESULT', result: 'Success' });
    c.send({ type: 'RESULT', result: 'Failure' });
    expect(c.getSnapshot()).toBe(a.getSnapshot());
    // and a copy goes on independently
    const d = a.copy();
    d.send({ type: 'RESULT', result: 'Failure' });
    expect(d.getSnapshot().context.run).toBe(2);
    expect(a.getSnapshot().context.run).toBe(1);
  });
});
