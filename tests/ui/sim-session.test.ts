import { describe, it, expect } from 'vitest';
import { SimSession, changesState } from '../../src/ui/sim-session';
import { simulationAt } from '../../src/engine/seek';
import { scenario, scenarioText } from './fixtures';

const DEFAULT = 'readiness-moves-traffic.yaml';

function readyOf(s: SimSession, pod: string): boolean {
  const p = s.snapshot()!.view.pods.find((x) => x.metadata.name === pod)!;
  return p.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

describe('SimSession', () => {
  it('jumps anywhere exactly: forwards and backwards give what a fresh run gives', () => {
    const s = new SimSession();
    expect(s.load(scenarioText(DEFAULT), DEFAULT).ok).toBe(true);
    s.seek(50);
    const forward = s.run('kubectl get pods').stdout;
    s.seek(100);
    s.seek(50);
    const back = s.run('kubectl get pods').stdout;
    expect(back).toBe(forward);
    expect(back).toBe(simulationAt(scenario(DEFAULT), [], 50).run('kubectl get pods').stdout);
    expect(back).toMatch(/web-2\s+0\/1\s+Running/);
  });

  it('replays typed commands at their times after seeking back, and forgets them on restart', () => {
    const s = new SimSession();
    s.load(scenarioText(DEFAULT), DEFAULT);
    s.seek(10);
    s.run('sim probe web-3 readiness fail');
    s.run('kubectl get pods'); // read-only: not kept
    expect(s.typed).toEqual([{ at: 10, run: 'sim probe web-3 readiness fail' }]);
    s.seek(40);
    expect(readyOf(s, 'web-3')).toBe(false);
    s.seek(5);
    expect(readyOf(s, 'web-3')).toBe(true);
    s.seek(40);
    expect(readyOf(s, 'web-3')).toBe(false);
    s.restart();
    expect(s.typed).toEqual([]);
    s.seek(40);
    expect(readyOf(s, 'web-3')).toBe(true);
  });

  it('steps to the next and previous instants where something observable happens', () => {
    const s = new SimSession();
    s.load(scenarioText(DEFAULT), DEFAULT);
    const times: number[] = [];
    for (let i = 0; i < 4; i++) times.push(s.stepNext()!);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    // the readiness verdict on web-2 comes after 30 s: stepping reaches it
    let t = times[times.length - 1];
    while (t < 43) t = s.stepNext()!;
    expect(t).toBe(43);
    expect(readyOf(s, 'web-2')).toBe(false);
    const back = s.stepPrev()!;
    expect(back).toBeLessThan(43);
    expect(s.time()).toBe(back);
  });

  it('keeps the running scenario when a new file has problems', () => {
    const s = new SimSession();
    s.load(scenarioText(DEFAULT), DEFAULT);
    s.seek(20);
    const r = s.load('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: c}]}\n', 'bad.yaml');
    expect(r.ok).toBe(false);
    expect(s.scenario!.name).toBe('readiness-moves-traffic');
    expect(s.time()).toBe(20);
  });

  it('notifies listeners with the observations of each advance, and a reset on seeking back', () => {
    const s = new SimSession();
    s.load(scenarioText(DEFAULT), DEFAULT);
    const changes: { reset: boolean; n: number }[] = [];
    s.onChange((c) => changes.push({ reset: c.reset, n: c.observations.length }));
    s.advanceTo(5);
    expect(changes.some((c) => !c.reset && c.n > 0)).toBe(true);
    s.seek(1);
    expect(changes[changes.length - 1]).toEqual({ reset: true, n: 0 });
  });
});

describe('changesState', () => {
  it('keeps sim commands and kubectl writes for replay, not reads', () => {
    expect(changesState('sim crash web')).toBe(true);
    expect(changesState('kubectl delete pod web')).toBe(true);
    expect(changesState('kubectl exec web -- rm /tmp/x')).toBe(true);
    expect(changesState('kubectl get pods -o wide')).toBe(false);
    expect(changesState('kubectl logs web --previous')).toBe(false);
    expect(changesState('kubectl -n default describe pod web')).toBe(false);
  });
});
