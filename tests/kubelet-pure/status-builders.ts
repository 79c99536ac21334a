/** Terse builders for container statuses in table-driven kubelet tests. */
import type { ContainerStatus } from '../../src/engine/model/objects';

const base = (name: string) => ({ name, image: 'busybox:1.36', imageID: '', restartCount: 0, ready: false, started: false, lastState: {} });

export function waiting(name: string, reason = 'ContainerCreating', lastExit?: number): ContainerStatus {
  return {
    ...base(name),
    state: { waiting: { reason } },
    lastState: lastExit === undefined ? {} : { terminated: { exitCode: lastExit, reason: lastExit === 0 ? 'Completed' : 'Error', startedAt: 0, finishedAt: 1 } },
    restartCount: lastExit === undefined ? 0 : 1,
  };
}

export function running(name: string, opts: { ready?: boolean; started?: boolean } = {}): ContainerStatus {
  return { ...base(name), state: { running: { startedAt: 0 } }, ready: opts.ready ?? true, started: opts.started ?? true };
}

export function terminated(name: string, exitCode: number, opts: { ready?: boolean } = {}): ContainerStatus {
  return {
    ...base(name),
    state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: 0, finishedAt: 5 } },
    ready: opts.ready ?? false,
  };
}
