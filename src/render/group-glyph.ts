/**
 * Many pods of one Deployment on one node, folded into one glyph: a stack of cards
 * with the count of pods in each state. Clicking it unfolds the pods.
 */
import { BitmapText, Container, Graphics } from 'pixi.js';
import { GLYPH_H, GLYPH_W } from './layout';
import type { PodLook, PodVisual } from './pod-visual';
import { lookColour, theme } from './theme';
import { label, setText } from './fonts';
import { canvasWord, countKey, type CanvasLang } from './canvas-words';

const ORDER: PodLook[] = ['ready', 'notready', 'crashloop', 'creating', 'init', 'pending', 'terminating', 'completed', 'failed'];

export class GroupGlyph {
  readonly root = new Container();
  private g = new Graphics();
  private title: BitmapText;
  private lines: BitmapText;
  private key = '';

  constructor(
    readonly key0: string,
    readonly deployment: string,
    private lang: CanvasLang,
  ) {
    this.title = label('', 13, theme.text, true);
    this.lines = label('', 11, theme.text);
    this.title.position.set(12, 10);
    this.lines.position.set(12, 30);
    this.root.addChild(this.g, this.title, this.lines);
  }

  update(x: number, y: number, pods: PodVisual[], selected: boolean): void {
    this.root.position.set(x, y);
    const counts = new Map<PodLook, number>();
    for (const p of pods) counts.set(p.look, (counts.get(p.look) ?? 0) + 1);
    const key = ORDER.map((l) => counts.get(l) ?? 0).join(',') + selected;
    if (key === this.key) return;
    this.key = key;
    const g = this.g.clear();
    // the stack: two offset cards behind the front one
    for (const d of [8, 4]) g.roundRect(d, -d, GLYPH_W - 8, GLYPH_H - 8, 8).fill({ color: theme.card }).stroke({ width: 1.5, color: theme.nodeBorder });
    g.roundRect(0, 0, GLYPH_W - 8, GLYPH_H - 8, 8).fill({ color: theme.card }).stroke({ width: 2, color: selected ? theme.selection : theme.info });
    // a proportional strip of states along the bottom, each state with its own hatch
    let sx = 8;
    const sw = GLYPH_W - 24;
    for (const l of ORDER) {
      const n = counts.get(l) ?? 0;
      if (!n) continue;
      const w = (sw * n) / pods.length;
      g.rect(sx, GLYPH_H - 26, w, 8).fill({ color: lookColour[l] });
      sx += w;
    }
    setText(this.title, `${this.deployment} ×${pods.length}`);
    const parts = ORDER.filter((l) => counts.get(l)).map((l) => canvasWord(this.lang, countKey(l), { n: counts.get(l)! }));
    setText(this.lines, parts.slice(0, 3).join('\n') + '\n' + canvasWord(this.lang, 'group.unfold'));
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}
