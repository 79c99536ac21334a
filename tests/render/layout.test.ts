import { describe, it, expect } from 'vitest';
import { layoutCluster, CARD_W, UNSCHEDULED } from '../../src/render/layout';
import type { PodVisual } from '../../src/render/pod-visual';

function pod(name: string, node: string | null, createdAt: number, deployment: string | null = null): PodVisual {
  return { uid: `uid-${name}`, name, node, status: 'Running', look: 'ready', readyCount: 1, totalCount: 1, restarts: 0, phase: 'Running', createdAt, deployment, labels: {}, backOffUntil: null, killAt: null, deletionAt: null, graceSeconds: null, containers: [] };
}
const opts = { foldAbove: 12, toggled: new Set<string>() };

describe('layout', () => {
  it('places pods inside their node in creation order, so older pods keep their places', () => {
    const a = [pod('a', 'n1', 0), pod('b', 'n1', 1), pod('c', 'n1', 2)];
    const l1 = layoutCluster([{ name: 'n1' }], a, [], [], opts);
    const l2 = layoutCluster([{ name: 'n1' }], [...a, pod('d', 'n1', 3)], [], [], opts);
    for (const p of a) expect(l2.pods.get(p.uid)).toEqual(l1.pods.get(p.uid));
    const node = l1.nodes.get('n1')!;
    for (const p of a) {
      const r = l1.pods.get(p.uid)!;
      expect(r.x).toBeGreaterThanOrEqual(node.x);
      expect(r.x + r.w).toBeLessThanOrEqual(node.x + node.w);
      expect(r.y + r.h).toBeLessThanOrEqual(node.y + node.h);
    }
  });

  it('puts pods no node fits in a region of their own, and Services with their clients above', () => {
    const l = layoutCluster([{ name: 'n1' }], [pod('a', 'n1', 0), pod('p', null, 1)], ['web', 'db'], ['web'], opts);
    expect(l.nodes.has(UNSCHEDULED)).toBe(true);
    expect(l.pods.get('uid-p')!.x).toBeGreaterThanOrEqual(l.nodes.get(UNSCHEDULED)!.x);
    const web = l.services.get('web')!;
    expect(web.y).toBeLessThan(l.nodes.get('n1')!.y);
    expect(l.clients.get('web')!.x).toBeLessThan(web.x);
    expect(l.clients.has('db')).toBe(false);
    expect(l.bounds.y).toBeLessThan(web.y);
  });

  it('folds many pods of one Deployment on a node into one glyph, and unfolds it when toggled', () => {
    const pods = Array.from({ length: 30 }, (_, i) => pod(`web-${i}`, 'n1', i, 'web'));
    pods.push(pod('solo', 'n1', 99));
    const folded = layoutCluster([{ name: 'n1' }], pods, [], [], opts);
    expect(folded.groups.get('web@n1')!.pods.length).toBe(30);
    expect(folded.pods.size).toBe(1);
    expect(folded.foldedInto.get('uid-web-3')).toBe('web@n1');
    const open = layoutCluster([{ name: 'n1' }], pods, [], [], { foldAbove: 12, toggled: new Set(['web@n1']) });
    expect(open.groups.size).toBe(0);
    expect(open.pods.size).toBe(31);
    // no two cards overlap
    const rects = [...open.pods.values()];
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i];
        const b = rects[j];
        expect(a.x + CARD_W <= b.x || b.x + CARD_W <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
      }
  });
});
