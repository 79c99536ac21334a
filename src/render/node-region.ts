/**
 * A Node as a region of the canvas: its name, and bars for CPU and memory — requested
 * by the pods bound to it (what the scheduler counts) against allocatable, with
 * metrics-server's usage as a tick on the bar when it has a sample.
 */
import { BitmapText, Container, Graphics } from 'pixi.js';
import type { NodeObject, PodObject } from '../engine/model/objects';
import type { Rect } from './layout';
import { UNSCHEDULED } from './layout';
import { podRequests } from '../engine/scheduler/scheduler';
import { theme } from './theme';
import { label, setText } from './fonts';
import { canvasWord, type CanvasLang } from './canvas-words';

export interface NodeUsage {
  cpuReq: number;
  memReq: number;
  cpuUse: number | null;
  memUse: number | null;
  pods: number;
}

/** a pod's spec cannot change, so neither can its requests: computed once per pod */
const requestsByUid = new Map<string, { cpuMilli: number; memoryBytes: number }>();

/** requests summed per node, in one pass over the pods */
export function requestsByNode(pods: PodObject[]): Map<string, { cpuReq: number; memReq: number; pods: number }> {
  const out = new Map<string, { cpuReq: number; memReq: number; pods: number }>();
  for (const p of pods) {
    const node = p.spec.nodeName;
    if (!node || p.status.phase === 'Succeeded' || p.status.phase === 'Failed') continue;
    let r = requestsByUid.get(p.metadata.uid);
    if (!r) {
      r = podRequests(p);
      if (requestsByUid.size > 50_000) requestsByUid.clear();
      requestsByUid.set(p.metadata.uid, r);
    }
    const c = out.get(node) ?? { cpuReq: 0, memReq: 0, pods: 0 };
    c.cpuReq += r.cpuMilli;
    c.memReq += r.memoryBytes;
    c.pods++;
    out.set(node, c);
  }
  return out;
}

export function nodeUsage(req: { cpuReq: number; memReq: number; pods: number } | undefined, usage: { cpuMilli: number; memoryBytes: number } | undefined): NodeUsage {
  return { cpuReq: req?.cpuReq ?? 0, memReq: req?.memReq ?? 0, cpuUse: usage?.cpuMilli ?? null, memUse: usage?.memoryBytes ?? null, pods: req?.pods ?? 0 };
}

function mi(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3}Gi`;
  return `${Math.round(bytes / 1024 ** 2)}Mi`;
}

export class NodeRegion {
  readonly root = new Container();
  private bg = new Graphics();
  private bars = new Graphics();
  private title: BitmapText;
  private cpu: BitmapText;
  private mem: BitmapText;
  private key = '';

  constructor(
    readonly name: string,
    private lang: CanvasLang,
  ) {
    this.title = label(name === UNSCHEDULED ? canvasWord(lang, 'node.unscheduled') : name, 15, theme.text, true);
    this.cpu = label('', 10, theme.muted);
    this.mem = label('', 10, theme.muted);
    this.title.position.set(14, 6);
    this.root.addChild(this.bg, this.bars, this.title, this.cpu, this.mem);
  }

  update(r: Rect, node: NodeObject | undefined, u: NodeUsage | null): void {
    const key = `${r.x},${r.y},${r.w},${r.h}|${u ? `${u.cpuReq},${u.memReq},${u.cpuUse},${u.memUse},${u.pods}` : ''}`;
    if (key === this.key) return;
    this.key = key;
    this.root.position.set(r.x, r.y);
    const g = this.bg.clear();
    if (this.name === UNSCHEDULED) {
      g.roundRect(0, 0, r.w, r.h, 12).fill({ color: theme.background }).stroke({ width: 2, color: theme.grey });
      return;
    }
    g.roundRect(0, 0, r.w, r.h, 12).fill({ color: theme.node }).stroke({ width: 2, color: theme.nodeBorder });
    // a server glyph beside the name
    g.rect(r.w - 34, 10, 20, 6).stroke({ width: 1.5, color: theme.muted }).rect(r.w - 34, 19, 20, 6).stroke({ width: 1.5, color: theme.muted });
    if (!node || !u) return;
    const b = this.bars.clear();
    const bw = Math.min(220, (r.w - 52) / 2);
    const alloc = node.status.allocatable;
    const bar = (x: number, frac: number, use: number | null) => {
      b.rect(x, 44, bw, 7).fill({ color: theme.bar });
      b.rect(x, 44, bw * Math.min(1, frac), 7).fill({ color: frac > 1 ? theme.bad : theme.info });
      b.rect(x, 44, bw, 7).stroke({ width: 1, color: theme.nodeBorder });
      // usage: a tall tick on the bar
      if (use !== null) b.rect(x + bw * Math.min(1, use) - 1, 41, 2, 13).fill({ color: theme.text });
    };
    const cpuX = 14;
    const memX = 14 + bw + 24;
    bar(cpuX, u.cpuReq / alloc.cpuMilli, u.cpuUse === null ? null : u.cpuUse / alloc.cpuMilli);
    bar(memX, u.memReq / alloc.memoryBytes, u.memUse === null ? null : u.memUse / alloc.memoryBytes);
    const l = this.lang;
    setText(this.cpu, canvasWord(l, 'node.cpu', { req: `${u.cpuReq}m`, alloc: alloc.cpuMilli / 1000 }) + (u.cpuUse !== null ? canvasWord(l, 'node.use', { use: `${u.cpuUse}m` }) : ''));
    setText(this.mem, canvasWord(l, 'node.mem', { req: mi(u.memReq), alloc: mi(alloc.memoryBytes) }) + (u.memUse !== null ? canvasWord(l, 'node.use', { use: mi(u.memUse) }) : ''));
    this.cpu.position.set(cpuX, 29);
    this.mem.position.set(memX, 29);
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}
