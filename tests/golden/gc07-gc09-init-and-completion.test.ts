// GC-07 init containers one at a time; GC-09 OnFailure + exit 0 → Succeeded.
import { describe, it, expect } from 'vitest';
import { run, firstStart, events, podAt, podLines } from './harness';

describe('GC-07 init container ordering', () => {
  const { obs } = run('scenarios/init-containers.yaml', 60);
  const I0 = firstStart(obs, 'boot', 'init-db');
  const runningNames = (t: number) => {
    const l = podAt(obs, 'boot', t);
    return [...(l.initContainers ?? []), ...l.containers].filter((c) => c.state === 'running').map((c) => c.name);
  };

  it('runs init-db, then init-cfg, then app, never two at once', () => {
    const cfg = firstStart(obs, 'boot', 'init-cfg');
    const app = firstStart(obs, 'boot', 'app');
    expect(cfg - I0).toBeGreaterThanOrEqual(5);
    expect(cfg - I0).toBeLessThanOrEqual(7);
    expect(app - I0).toBeGreaterThanOrEqual(8);
    expect(app - I0).toBeLessThanOrEqual(12);
    for (const l of podLines(obs, 'boot')) expect(runningNames(l.t).length).toBeLessThanOrEqual(1);
  });

  it('shows Init:0/2, Init:1/2, PodInitializing, Running with the matching conditions', () => {
    const statuses = podLines(obs, 'boot').map((l) => l.status).filter((s, i, a) => i === 0 || a[i - 1] !== s);
    expect(statuses).toEqual(['Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']);
    const mid = podAt(obs, 'boot', I0 + 1);
    expect(mid).toMatchObject({ phase: 'Pending', ready: false, conditions: { Initialized: false } });
    expect(mid.containers[0]).toMatchObject({ state: 'waiting', reason: 'PodInitializing' });
    const end = podAt(obs, 'boot', 60);
    expect(end.initContainers!.map((c) => [c.state, c.reason, c.exitCode, c.ready])).toEqual([
      ['terminated', 'Completed', 0, true],
      ['terminated', 'Completed', 0, true],
    ]);
    expect(end).toMatchObject({ phase: 'Running', status: 'Running', ready: true, conditions: { Initialized: true } });
  });

  it('orders the events init-db, init-cfg, app', () => {
    const started = events(obs, 'Started').map((e) => e.container);
    expect(started).toEqual(['init-db', 'init-cfg', 'app']);
    expect(events(obs)[0].reason).toBe('Scheduled');
  });
});

describe('GC-09 restartPolicy OnFailure and exit 0', () => {
  const { obs, sim } = run('scenarios/job-like-completes.yaml', 60);
  const S = firstStart(obs, 'job-like', 'task');
  it('ends Succeeded / Completed at S+5 (+ε) with no restart', () => {
    const done = podLines(obs, 'job-like').find((l) => l.phase === 'Succeeded')!;
    expect(done.t - S).toBeGreaterThanOrEqual(5);
    expect(done.t - S).toBeLessThanOrEqual(7);
    expect(done).toMatchObject({ status: 'Completed', restarts: 0, ready: false });
    expect(done.containers[0]).toMatchObject({ state: 'terminated', reason: 'Completed', exitCode: 0 });
    const pod = sim.view().pods.find((p) => p.metadata.name === 'job-like')!;
    const cond = (type: string) => pod.status.conditions.find((c) => c.type === type);
    expect(cond('Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(cond('Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' });
    expect(sim.run('kubectl get pods').stdout).toMatch(/\njob-like\s+0\/1\s+Completed\s+0\s+/);
  });
});
