import { describe, it, expect } from 'vitest';
import { isActive, transitionsOf, type MachineLike } from '../../src/ui/statechart-model';
import { containerMachine } from '../../src/engine/kubelet/container-machine';
import { probeWorkerMachine } from '../../src/engine/kubelet/probe-worker-machine';

describe('statechart view helpers', () => {
  it('marks the active path of a nested state value', () => {
    expect(isActive(['Waiting'], 'Waiting.CrashLoopBackOff')).toBe(true);
    expect(isActive(['Waiting', 'CrashLoopBackOff'], 'Waiting.CrashLoopBackOff')).toBe(true);
    expect(isActive(['Waiting', 'ContainerCreating'], 'Waiting.CrashLoopBackOff')).toBe(false);
    expect(isActive(['Running'], 'Waiting.CrashLoopBackOff')).toBe(false);
  });

  it('lists the transitions of the engine machines with their targets', () => {
    const m = containerMachine as unknown as MachineLike;
    const running = transitionsOf(m.root.states.Running);
    expect(running).toContainEqual({ event: 'EXIT', targets: 'Terminated' });
    const waiting = transitionsOf(m.root.states.Waiting);
    expect(waiting).toContainEqual({ event: 'BACK_OFF', targets: 'Waiting.CrashLoopBackOff' });
    const probing = transitionsOf((probeWorkerMachine as unknown as MachineLike).root.states.Probing);
    expect(probing.find((r) => r.event === 'RESULT')!.targets).toContain('OnHold.Failure');
  });
});
