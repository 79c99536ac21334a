/**
 * A Service as its own shape (a hexagon) with its ok/failed request counters, and the
 * clients that send it traffic (a circle with their request rate). The lines from a
 * Service to its endpoints are drawn by endpoint-lines.ts.
 */
import { BitmapText, Container, Graphics } from 'pixi.js';
import { SERVICE_R } from './layout';
import { cross, hexagon } from './shapes';
import { theme } from './theme';
import { label, setText } from './fonts';
import { canvasWord, type CanvasLang } from './canvas-words';

export class ServiceView {
  readonly root = new Container();
  private shape = new Graphics();
  private name: BitmapText;
  private counts: BitmapText;
  private note: BitmapText;
  private key = '';
  /** wall time of the last failed request reaching it with nowhere to go (a flash) */

  constructor(
    readonly service: string,
    private lang: CanvasLang,
  ) {
    this.name = label(service, 13, theme.text, true);
    this.counts = label('', 11, theme.text);
    this.note = label('', 10, theme.bad);
    this.root.addChild(this.shape, this.name, this.counts, this.note);
  }

  update(x: number, y: number, ready: number, total: number, ok: number | null, failed: number | null, type: string, selected: boolean): void {
    this.root.position.set(x, y);
    const key = `${ready}/${total}|${type}|${selected}`;
    if (key !== this.key) {
      this.key = key;
      const g = this.shape.clear();
      hexagon(g, 0, 0, SERVICE_R).fill({ color: theme.card }).stroke({ width: 2.5, color: ready > 0 ? theme.info : theme.bad });
      if (selected) hexagon(g, 0, 0, SERVICE_R + 6).stroke({ width: 3, color: theme.selection });
      // no ready endpoint: a cross through the hexagon's centre
      if (ready === 0) cross(g, 0, 0, 9).stroke({ width: 3, color: theme.bad });
      else g.circle(0, 0, 6).fill({ color: theme.info });
      setText(this.note, ready === 0 ? canvasWord(this.lang, 'service.noReady') : '');
    }
    setText(this.name, this.service);
    // the name above the hexagon: long names do not fit inside
    this.name.position.set(-this.name.width / 2, -SERVICE_R - 20);
    const ep = canvasWord(this.lang, 'service.endpoints', { ready, total });
    setText(this.counts, ok === null ? ep : `${ep}\n${canvasWord(this.lang, 'service.traffic', { ok, failed: failed ?? 0 })}`);
    // beside the hexagon, clear of the endpoint lines below it
    this.counts.position.set(SERVICE_R + 8, -18);
    this.note.position.set(SERVICE_R + 8, ok === null ? -2 : 12);
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}

export class ClientView {
  readonly root = new Container();
  private shape = new Graphics();
  private text: BitmapText;
  private lastRps = -1;

  constructor(private lang: CanvasLang) {
    this.text = label('', 11, theme.muted);
    const g = this.shape;
    // a little crowd: three heads
    for (const [dx, dy] of [[-10, 4], [10, 4], [0, -6]] as const) g.circle(dx, dy, 8).fill({ color: theme.card }).stroke({ width: 2, color: theme.muted });
    this.root.addChild(this.shape, this.text);
  }

  update(x: number, y: number, rps: number, to: { x: number; y: number }): void {
    this.root.position.set(x, y);
    if (rps !== this.lastRps) {
      this.lastRps = rps;
      setText(this.text, rps > 0 ? canvasWord(this.lang, 'clients.rate', { rps }) : canvasWord(this.lang, 'clients.idle'));
      this.text.position.set(-this.text.width / 2, 18);
    }
    void to;
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}
