/**
 * Where everything goes on the canvas, computed from the snapshot alone (so the same
 * snapshot always gives the same picture): Services and their clients in a column on
 * the left, Nodes as regions to the right with their pods in a grid, ordered by
 * creation time so older pods keep their places. Pods of one Deployment on one node
 * can be folded into a single glyph.
 */
import type { PodVisual } from './pod-visual';

export const CARD_W = 184;
export const CARD_H = 128;
export const GAP = 12;
export const NODE_PAD = 14;
export const NODE_HEADER = 58;
export const GLYPH_W = CARD_W;
export const GLYPH_H = CARD_H;
export const SERVICE_R = 34;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface NodeInput {
  name: string;
}

export interface GroupLayout extends Rect {
  /** `deployment@node` */
  key: string;
  deployment: string;
  node: string;
  pods: string[];
}

export interface Layout {
  nodes: Map<string, Rect>;
  /** pod card rectangles by uid; a pod folded into a group has none */
  pods: Map<string, Rect>;
  /** pod uid → the group it is folded into */
  foldedInto: Map<string, string>;
  groups: Map<string, GroupLayout>;
  services: Map<string, { x: number; y: number }>;
  clients: Map<string, { x: number; y: number }>;
  bounds: Rect;
}

export interface LayoutOptions {
  /** fold a Deployment's pods on a node into a glyph when there are more than this many */
  foldAbove: number;
  /** Deployments the learner expanded (or folded, if below the threshold) by clicking: `deployment@node` keys */
  toggled: ReadonlySet<string>;
}

export const UNSCHEDULED = '(no node)';

function columnsFor(n: number): number {
  if (n <= 6) return Math.max(2, Math.min(3, n));
  return Math.min(40, Math.ceil(Math.sqrt(n * 1.6)));
}

export function groupKey(deployment: string, node: string): string {
  return `${deployment}@${node}`;
}

export function layoutCluster(nodes: NodeInput[], pods: PodVisual[], services: string[], clients: string[], opts: LayoutOptions): Layout {
  const byNode = new Map<string, PodVisual[]>();
  for (const n of nodes) byNode.set(n.name, []);
  for (const p of pods) {
    const key = p.node && byNode.has(p.node) ? p.node : UNSCHEDULED;
    let l = byNode.get(key);
    if (!l) byNode.set(key, (l = []));
    l.push(p);
  }
  const out: Layout = { nodes: new Map(), pods: new Map(), foldedInto: new Map(), groups: new Map(), services: new Map(), clients: new Map(), bounds: { x: 0, y: 0, w: 0, h: 0 } };

  // Services in a row above the nodes, each with its clients to its left
  const svcY = -SERVICE_R - 96;
  let sx = SERVICE_R + 150;
  for (const s of services) {
    if (clients.includes(s)) out.clients.set(s, { x: sx - 130, y: svcY });
    out.services.set(s, { x: sx, y: svcY });
    sx += 330;
  }
  const sy = 0;

  // Node regions, left to right, wrapping
  const maxRowWidth = 2600;
  let x = 0;
  let y = 0;
  let rowH = 0;
  for (const [node, list] of byNode) {
    if (node === UNSCHEDULED && list.length === 0) continue;
    list.sort((a, b) => a.createdAt - b.createdAt || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // items: single pods or groups, in the order of their first pod
    const items: ({ pod: PodVisual } | { group: GroupLayout })[] = [];
    const counts = new Map<string, number>();
    for (const p of list) if (p.deployment) counts.set(p.deployment, (counts.get(p.deployment) ?? 0) + 1);
    const groups = new Map<string, GroupLayout>();
    for (const p of list) {
      const d = p.deployment;
      const gk = d ? groupKey(d, node) : '';
      const folded = d !== null && ((counts.get(d) ?? 0) > opts.foldAbove) !== opts.toggled.has(gk);
      if (!folded) {
        items.push({ pod: p });
        continue;
      }
      let g = groups.get(gk);
      if (!g) {
        g = { key: gk, deployment: d!, node, pods: [], x: 0, y: 0, w: GLYPH_W, h: GLYPH_H };
        groups.set(gk, g);
        items.push({ group: g });
      }
      g.pods.push(p.uid);
      out.foldedInto.set(p.uid, gk);
    }
    const cols = columnsFor(items.length);
    const rows = Math.max(1, Math.ceil(items.length / cols));
    const w = NODE_PAD * 2 + cols * CARD_W + (cols - 1) * GAP;
    const h = NODE_HEADER + NODE_PAD + rows * CARD_H + (rows - 1) * GAP;
    if (x > 0 && x + w > maxRowWidth) {
      x = 0;
      y += rowH + 40;
      rowH = 0;
    }
    out.nodes.set(node, { x, y, w, h });
    items.forEach((it, i) => {
      const r: Rect = { x: x + NODE_PAD + (i % cols) * (CARD_W + GAP), y: y + NODE_HEADER + Math.floor(i / cols) * (CARD_H + GAP), w: CARD_W, h: CARD_H };
      if ('pod' in it) out.pods.set(it.pod.uid, r);
      else {
        Object.assign(it.group, { x: r.x, y: r.y });
        out.groups.set(it.group.key, it.group);
      }
    });
    x += w + 40;
    rowH = Math.max(rowH, h);
  }
  const minX = Math.min(0, ...[...out.clients.values()].map((c) => c.x - 40));
  const maxX = Math.max(x - 40, 200, sx - 330 + SERVICE_R + 60);
  const maxY = Math.max(y + rowH, sy);
  const minY = services.length ? svcY - SERVICE_R - 44 : -10;
  out.bounds = { x: minX, y: minY, w: maxX - minX, h: maxY + 10 - minY };
  return out;
}
