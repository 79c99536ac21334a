import { describe, it, expect } from 'vitest';
import { RedrawQueue } from '../../src/render/redraw-queue';
import { loadScenario } from '../../src/scenario/load-scenario';
import { Simulation } from '../../src/engine/simulation';
import { PodVisualCache } from '../../src/render/pod-visual-cache';
import type { PodVisual } from '../../src/render/pod-visual';

interface Item {
  uid: string;
  node: string;
  rev: number;
}

const queue = (perFrame: number) => new RedrawQueue<Item>(perFrame, (i) => i.uid, (i) => i.node);
const item = (uid: string, node = 'n1', rev = 0): Item => ({ uid, node, rev });

/** drain one frame; returns what it drew */
function frame(q: RedrawQueue<Item>): Item[] {
  const drawn: Item[] = [];
  q.drain((i) => drawn.push(i));
  q.nextFrame();
  return drawn;
}

describe('RedrawQueue', () => {
  it('draws a batch no larger than the budget in the frame it comes', () => {
    const q = queue(150);
    for (let i = 0; i < 150; i++) q.put(item(`p${i}`, `n${i % 3}`));
    const drawn = frame(q);
    expect(drawn).toHaveLength(150);
    expect(q.size).toBe(0);
    expect(new Set(drawn.map((d) => d.uid)).size).toBe(150);
  });

  it('draws at most the budget per frame, and everything after enough frames', () => {
    const q = queue(150);
    for (let i = 0; i < 1000; i++) q.put(item(`p${i}`, `n${i % 10}`));
    const perFrame: number[] = [];
    const all = new Set<string>();
    while (q.size) {
      const d = frame(q);
      perFrame.push(d.length);
      for (const x of d) {
        expect(all.has(x.uid)).toBe(false);
        all.add(x.uid);
      }
    }
    expect(perFrame).toEqual([150, 150, 150, 150, 150, 150, 100]);
    expect(all.size).toBe(1000);
  });

  it('shares one frame budget between draining calls until nextFrame', () => {
    const q = queue(10);
    for (let i = 0; i < 25; i++) q.put(item(`p${i}`));
    let n = 0;
    expect(q.drain(() => n++)).toBe(10);
    // a second snapshot in the same frame: the budget is spent
    q.put(item('late'));
    expect(q.drain(() => n++)).toBe(0);
    q.nextFrame();
    expect(q.drain(() => n++)).toBe(10);
    expect(n).toBe(20);
    expect(q.size).toBe(6);
  });

  it('draws a pod changed again while waiting once, with its latest item, in its first place', () => {
    const q = queue(2);
    q.put(item('a', 'n1', 1));
    q.put(item('b', 'n1', 1));
    q.put(item('c', 'n1', 1));
    q.put(item('a', 'n1', 2));
    q.put(item('a', 'n1', 3));
    expect(q.size).toBe(3);
    expect(q.get('a')?.rev).toBe(3);
    const first = frame(q);
    expect(first.map((i) => `${i.uid}${i.rev}`)).toEqual(['a3', 'b1']);
    expect(frame(q).map((i) => `${i.uid}${i.rev}`)).toEqual(['c1']);
    expect(frame(q)).toEqual([]);
  });

  it('forgets a pod removed while waiting', () => {
    const q = queue(5);
    for (const u of ['a', 'b', 'c']) q.put(item(u));
    expect(q.drop('b')).toBe(true);
    expect(q.drop('b')).toBe(false);
    expect(q.drop('never')).toBe(false);
    expect(q.get('b')).toBeUndefined();
    expect(frame(q).map((i) => i.uid)).toEqual(['a', 'c']);
  });

  it('leaves a group at a time, oldest group first, so a frame touches few render groups', () => {
    const q = queue(4);
    // changes arrive interleaved across nodes, as a Deployment's pods are spread
    for (let i = 0; i < 9; i++) q.put(item(`p${i}`, `n${i % 3}`));
    const f1 = frame(q);
    expect(f1.map((i) => i.node)).toEqual(['n0', 'n0', 'n0', 'n1']);
    const f2 = frame(q);
    expect(f2.map((i) => i.node)).toEqual(['n1', 'n1', 'n2', 'n2']);
    expect(frame(q).map((i) => i.node)).toEqual(['n2']);
  });

  it('moves an item to its new group when its pod is bound to another node', () => {
    const q = queue(10);
    q.put(item('a', 'unscheduled'));
    q.put(item('b', 'n1'));
    q.put(item('a', 'n1', 1));
    expect(q.size).toBe(2);
    const d = frame(q);
    expect(d.map((i) => `${i.uid}@${i.node}`)).toEqual(['b@n1', 'a@n1']);
  });

  it('flush draws everything at once, whatever is left of the budget', () => {
    const q = queue(3);
    for (let i = 0; i < 20; i++) q.put(item(`p${i}`, `n${i % 4}`));
    let n = 0;
    q.drain(() => n++);
    expect(q.flush(() => n++)).toBe(17);
    expect(n).toBe(20);
    expect(q.size).toBe(0);
  });

  it('lets draw queue a key again, for a later frame', () => {
    const q = queue(5);
    q.put(item('a'));
    const seen: number[] = [];
    q.drain((i) => {
      seen.push(i.rev);
      if (i.rev === 0) q.put(item('a', 'n1', 1));
    });
    expect(seen).toEqual([0]);
    expect(q.get('a')?.rev).toBe(1);
    q.nextFrame();
    q.drain((i) => seen.push(i.rev));
    expect(seen).toEqual([0, 1]);
  });

  it('refuses a budget below one redraw', () => {
    expect(() => queue(0)).toThrow(/at least 1/);
  });
});

/** a Deployment of identical pods whose readiness is forced to fail: every pod's probe ticks at once */
function manyPods(replicas: number, nodes: number): Simulation {
  const nodeList = Array.from({ length: nodes }, (_, i) => `  - {name: node-${i + 1}, cpu: "64", memory: 256Gi, maxPods: ${replicas}}`).join('\n');
  const yaml = `apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: many}
spec:
  duration: 5m
  nodes:
${nodeList}
  apps:
    web/web: {startup: 5s}
  timeline:
  - {at: 40s, run: "sim probe deploy/web readiness fail"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: sim/web:1
        resources: {requests: {cpu: 10m, memory: 16Mi}}
        readinessProbe: {httpGet: {path: /ready, port: 8080}, periodSeconds: 10}
`;
  const r = loadScenario(yaml, 'many.yaml');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return new Simulation(r.scenario);
}

describe('RedrawQueue with snapshots of many pods', () => {
  it('shows every pod its latest visual once the queue drains, drawing at most the budget per frame', () => {
    const BUDGET = 100;
    const sim = manyPods(300, 3);
    const cache = new PodVisualCache();
    const q = new RedrawQueue<PodVisual>(BUDGET, (v) => v.uid, (v) => v.node ?? '');
    // what each "card" shows, as the renderer would draw it
    const shown = new Map<string, PodVisual>();
    let list: PodVisual[] = [];
    let biggest = 0;
    let deferred = 0;
    let draws = 0;
    // snapshots every 0.5 virtual s, two frames each: the queue cannot always keep up
    for (let t = 0; t <= 90; t += 0.5) {
      sim.advanceTo(t);
      const d = cache.diff(sim.snapshot());
      list = d.list;
      const uids = new Set(list.map((v) => v.uid));
      for (const v of d.removed) q.drop(v.uid);
      for (const uid of [...shown.keys()]) if (!uids.has(uid)) shown.delete(uid);
      for (const { visual } of d.changed) q.put(visual);
      biggest = Math.max(biggest, d.changed.length);
      for (let f = 0; f < 2; f++) {
        let n = 0;
        q.drain((v) => {
          expect(uids.has(v.uid)).toBe(true);
          shown.set(v.uid, v);
          n++;
        });
        expect(n).toBeLessThanOrEqual(BUDGET);
        draws += n;
        q.nextFrame();
      }
      deferred = Math.max(deferred, q.size);
    }
    // the scene did what the test is about: snapshots changing more cards than one frame draws
    expect(biggest).toBeGreaterThan(BUDGET);
    expect(deferred).toBeGreaterThan(0);
    let frames = 0;
    while (q.size) {
      q.drain((v) => shown.set(v.uid, v));
      q.nextFrame();
      frames++;
    }
    expect(frames).toBeLessThanOrEqual(Math.ceil(300 / BUDGET));
    expect(list).toHaveLength(300);
    for (const v of list) expect(shown.get(v.uid)).toBe(v);
    expect(draws).toBeGreaterThanOrEqual(biggest);
  });
});
