import { describe, it, expect } from 'vitest';
import { createActor } from 'xstate';
import { probeWorkerMachine, type ProbeType } from '../../src/engine/kubelet/probe-worker-machine';

function worker(type: ProbeType, successThreshold = 1, failureThreshold = 3) {
  const a = createActor(probeWorkerMachine, { input: { type, successThreshold, failureThreshold } });
  a.start();
  return a;
}
const state = (a: ReturnType<typeof worker>) => JSON.stringify(a.getSnapshot().value);

describe('probe worker statechart (pkg/kubelet/prober/worker.go)', () => {
  it('starts each container with the initial result of its type', () => {
    const r = worker('readiness');
    const l = worker('liveness');
    const s = worker('startup');
    for (const a of [r, l, s]) a.send({ type: 'CONTAINER_STARTED' });
    expect(state(r)).toBe('{"Probing":"Failure"}');
    expect(state(l)).toBe('{"Probing":"Success"}');
    expect(state(s)).toBe('{"Probing":"Unknown"}');
  });

  it('flips only after failureThreshold consecutive failures, and a success in between resets the run', () => {
    const r = worker('readiness');
    r.send({ type: 'CONTAINER_STARTED' });
    r.send({ type: 'RESULT', result: 'Success' });
    expect(state(r)).toBe('{"Probing":"Success"}');
    r.send({ type: 'RESULT', result: 'Failure' });
    r.send({ type: 'RESULT', result: 'Failure' });
    r.send({ type: 'RESULT', result: 'Success' });
    r.send({ type: 'RESULT', result: 'Failure' });
    r.send({ type: 'RESULT', result: 'Failure' });
    expect(state(r)).toBe('{"Probing":"Success"}');
    r.send({ type: 'RESULT', result: 'Failure' });
    expect(state(r)).toBe('{"Probing":"Failure"}');
    expect(r.getSnapshot().context.run).toBe(3);
  });

  it('needs successThreshold successes to become ready again', () => {
    const r = worker('readiness', 2);
    r.send({ type: 'CONTAINER_STARTED' });
    r.send({ type: 'RESULT', result: 'Success' });
    expect(state(r)).toBe('{"Probing":"Failure"}');
    r.send({ type: 'RESULT', result: 'Success' });
    expect(state(r)).toBe('{"Probing":"Success"}');
  });

  it('liveness goes on hold after its verdict until the container is replaced', () => {
    const l = worker('liveness');
    l.send({ type: 'CONTAINER_STARTED' });
    for (let i = 0; i < 3; i++) l.send({ type: 'RESULT', result: 'Failure' });
    expect(state(l)).toBe('{"OnHold":"Failure"}');
    expect(l.getSnapshot().context.run).toBe(0);
    l.send({ type: 'RESULT', result: 'Failure' });
    expect(state(l)).toBe('{"OnHold":"Failure"}');
    l.send({ type: 'CONTAINER_STARTED' });
    expect(state(l)).toBe('{"Probing":"Success"}');
  });

  it('startup holds Success after one success; liveness and startup stop when the pod terminates, readiness keeps going', () => {
    const s = worker('startup', 1, 30);
    s.send({ type: 'CONTAINER_STARTED' });
    s.send({ type: 'RESULT', result: 'Failure' });
    expect(state(s)).toBe('{"Probing":"Unknown"}');
    s.send({ type: 'RESULT', result: 'Success' });
    expect(state(s)).toBe('{"OnHold":"Success"}');
    const l = worker('liveness');
    const r = worker('readiness');
    l.send({ type: 'CONTAINER_STARTED' });
    r.send({ type: 'CONTAINER_STARTED' });
    l.send({ type: 'POD_TERMINATING' });
    r.send({ type: 'POD_TERMINATING' });
    expect(state(l)).toBe('"Stopped"');
    expect(state(r)).toBe('{"Probing":"Failure"}');
  });

  it('readiness keeps its run counter across a container restart; liveness does not', () => {
    const r = worker('readiness', 3);
    r.send({ type: 'CONTAINER_STARTED' });
    r.send({ type: 'RESULT', result: 'Success' });
    r.send({ type: 'RESULT', result: 'Success' });
    r.send({ type: 'CONTAINER_STOPPED' });
    r.send({ type: 'CONTAINER_STARTED' });
    r.send({ type: 'RESULT', result: 'Success' });
    // 2 successes from the previous instance + 1 = successThreshold 3 (worker.go edge case)
    expect(state(r)).toBe('{"Probing":"Success"}');
    const l = worker('liveness');
    l.send({ type: 'CONTAINER_STARTED' });
    l.send({ type: 'RESULT', result: 'Failure' });
    l.send({ type: 'RESULT', result: 'Failure' });
    l.send({ type: 'CONTAINER_STOPPED' });
    l.send({ type: 'CONTAINER_STARTED' });
    l.send({ type: 'RESULT', result: 'Failure' });
    expect(state(l)).toBe('{"Probing":"Success"}');
  });
});
