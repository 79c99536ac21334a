import { describe, it, expect } from 'vitest';
import { createActor } from 'xstate';
import { containerMachine } from '../../src/engine/kubelet/container-machine';

function container() {
  const a = createActor(containerMachine, { input: { initializing: false } });
  a.start();
  return a;
}

describe('container statechart', () => {
  it('counts restarts when a replacement instance starts, and keeps the previous termination as lastState', () => {
    const c = container();
    expect(c.getSnapshot().value).toEqual({ Waiting: 'ContainerCreating' });
    c.send({ type: 'START', at: 2, containerID: 'a' });
    expect(c.getSnapshot().context.restartCount).toBe(0);
    c.send({ type: 'EXIT', at: 4, exitCode: 1, reason: 'Error' });
    expect(c.getSnapshot().value).toBe('Terminated');
    expect(c.getSnapshot().context.restartCount).toBe(0);
    c.send({ type: 'BACK_OFF', message: 'back-off 10s restarting failed container=x pod=y' });
    expect(c.getSnapshot().value).toEqual({ Waiting: 'CrashLoopBackOff' });
    expect(c.getSnapshot().context.lastTerminated).toMatchObject({ exitCode: 1, reason: 'Error', startedAt: 2, finishedAt: 4 });
    c.send({ type: 'START', at: 14, containerID: 'b' });
    expect(c.getSnapshot().value).toBe('Running');
    expect(c.getSnapshot().context.restartCount).toBe(1);
    expect(c.getSnapshot().context.lastTerminated?.containerID).toBe('a');
    expect(c.getSnapshot().context.message).toBeUndefined();
  });

  it('image pull failures alternate ErrImagePull and ImagePullBackOff while waiting', () => {
    const c = container();
    c.send({ type: 'PULL_FAILED', message: 'not found' });
    expect(c.getSnapshot().value).toEqual({ Waiting: 'ErrImagePull' });
    c.send({ type: 'PULL_BACKOFF', message: 'Back-off pulling image' });
    expect(c.getSnapshot().value).toEqual({ Waiting: 'ImagePullBackOff' });
    c.send({ type: 'PULLING' });
    expect(c.getSnapshot().value).toEqual({ Waiting: 'ContainerCreating' });
  });

  it('a stop request keeps the container running until its process exits', () => {
    const c = container();
    c.send({ type: 'START', at: 0, containerID: 'a' });
    c.send({ type: 'STOP' });
    expect(c.getSnapshot().value).toBe('Running');
    expect(c.getSnapshot().context.stopping).toBe(true);
    c.send({ type: 'EXIT', at: 30, exitCode: 137, reason: 'Error' });
    expect(c.getSnapshot().context.terminated).toMatchObject({ exitCode: 137, finishedAt: 30 });
  });
});
