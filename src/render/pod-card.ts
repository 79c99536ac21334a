/**
 * One pod on the canvas. Each state has its own shape and motion, with the kubectl
 * STATUS text always written out, so colour is never the only signal:
 *   Running+Ready   solid border, filled dot with a check
 *   not ready       dashed border that pulses, hollow dot
 *   back-off        zig-zag border that flashes, a clock hand running down to the restart
 *   Terminating     a cross over the card, the clock hand running down the grace period
 *   Completed       check mark;  Error/OOMKilled: a warning triangle
 *   Pending/creating hollow card, spinning arc
 * Containers are boxes inside: init containers arrow-shaped steps, sidecars pills
 * with a double left edge, regular containers rectangles. Each probe is a chip that
 * pulses on every tick (✓/✗ written in it) and shows its run against the threshold.
 */
import { BitmapText, Container, Graphics } from 'pixi.js';
import { CARD_H, CARD_W } from './layout';
import type { ContainerVisual, PodLook, PodVisual, ProbeVisual } from './pod-visual';
import { countdownText, probeRunText } from './pod-visual';
import { check, cross, dashedRect, jaggedRect, stepBox } from './shapes';
import { lookColour, probeColour, theme } from './theme';
import { fit, label, setText } from './fonts';
import { canvasWord, type CanvasLang } from './canvas-words';

const PULSE_MS = 700;
const CONTAINERS_TOP = 76;
const TWEEN_MS = 350;

interface Chip {
  probe: ProbeVisual;
  /** container and probe index in the visual */
  ci: number;
  pi: number;
  text: BitmapText;
  room: number;
  x: number;
  y: number;
  ring: Graphics;
  /** wall time the pulse started, or -1 */
  pulseAt: number;
  lastProbeAt: number | null;
  /** periods since lastProbeAt at the last frame (ticks whose result changed nothing are not run by the engine) */
  lastK: number;
}

/**
 * Where a card's parts live. Parts that change often sit in their own render groups,
 * so a change there does not make pixi rebuild the whole scene: `live` holds the probe
 * chips and countdowns; `pulse` and `flash` hold the outlines of not-ready and
 * back-off cards, and pulse or flash as a whole (one alpha per frame for all cards).
 */
export interface CardLayers {
  cards: Container;
  live: Container;
  pulse: Container;
  flash: Container;
}

export interface AnimContext {
  /** virtual now */
  now: number;
  /** wall clock, ms */
  wall: number;
  reducedMotion: boolean;
  /** world scale: small text is hidden when zoomed far out */
  detailed: boolean;
  /** the language of the canvas's own words (canvas-words.ts) */
  lang: CanvasLang;
}

export class PodCard {
  readonly root = new Container();
  /** the parts that change on every probe tick and countdown second */
  readonly live = new Container();
  private body = new Graphics();
  private outline = new Graphics();
  private cross = new Graphics();
  private glyph = new Graphics();
  private hand = new Graphics();
  private boxes = new Graphics();
  private name: BitmapText;
  private status: BitmapText;
  private info: BitmapText;
  private countdown: BitmapText;
  private dots = new Graphics();
  private boxRects = new Map<string, { x: number; y: number; w: number; h: number }>();
  private dotKey = '';
  private chips: Chip[] = [];
  private chipLayer = new Container();
  /** container names and states: change only when the containers do */
  private names = new Container();
  v: PodVisual | null = null;
  private key = '';
  private boxKey = '';
  // tween state (animation only)
  private from = { x: 0, y: 0 };
  private to = { x: 0, y: 0 };
  private tweenAt = -1;
  private bornAt = -1;
  removingAt = -1;
  /** the countdown's start, to draw the fraction left (first time the deadline was seen) */
  private countdownSince: { until: number; since: number } | null = null;
  selected = false;

  constructor(
    v: PodVisual,
    x: number,
    y: number,
    ctx: AnimContext,
    private layers: CardLayers,
  ) {
    this.name = label('', 13, theme.text, true);
    this.status = label('', 12, theme.text);
    this.info = label('', 11, theme.muted);
    this.countdown = label('', 11, theme.muted);
    this.name.position.set(10, 6);
    this.status.position.set(10, 24);
    this.info.position.set(10, 41);
    this.countdown.position.set(10, 57);
    this.hand.position.set(CARD_W - 18, 16);
    this.glyph.position.set(CARD_W - 18, 16);
    this.root.addChild(this.body, this.outline, this.glyph, this.name, this.status, this.info, this.boxes, this.names, this.cross);
    this.live.addChild(this.hand, this.countdown, this.chipLayer);
    layers.cards.addChild(this.root);
    layers.live.addChild(this.live);
    this.place(x, y);
    this.from = { x, y };
    this.to = { x, y };
    this.bornAt = ctx.reducedMotion ? -1 : ctx.wall;
    if (this.bornAt >= 0) this.setAlpha(0);
    this.update(v, ctx);
  }

  /** a pending pod got its node: its card joins that node's group */
  moveToGroup(layers: CardLayers): void {
    const outlineIn = this.outline.parent === this.layers.pulse ? layers.pulse : this.outline.parent === this.layers.flash ? layers.flash : null;
    this.layers = layers;
    layers.cards.addChild(this.root);
    layers.live.addChild(this.live);
    outlineIn?.addChild(this.outline);
  }

  get x(): number {
    return this.root.x;
  }

  /** at (x, y) or sliding there */
  headingTo(x: number, y: number): boolean {
    return this.to.x === x && this.to.y === y;
  }

  get y(): number {
    return this.root.y;
  }

  private place(x: number, y: number): void {
    this.root.position.set(x, y);
    this.live.position.set(x, y);
    if (this.outline.parent !== this.root) this.outline.position.set(x, y);
  }

  private setAlpha(a: number): void {
    this.root.alpha = a;
    this.live.alpha = a;
    if (this.outline.parent !== this.root) this.outline.alpha = a;
  }

  /** the outline goes where its motion is: the pulsing layer, the flashing layer, or the card */
  private parentOutline(look: PodLook): void {
    const want = look === 'notready' ? this.layers.pulse : look === 'crashloop' ? this.layers.flash : this.root;
    if (this.outline.parent === want) return;
    want.addChild(this.outline);
    if (want === this.root) {
      this.outline.position.set(0, 0);
      this.outline.alpha = 1;
    } else {
      this.outline.position.set(this.root.x, this.root.y);
      this.outline.alpha = this.root.alpha;
    }
    // behind the text in the card; in a layer of its own otherwise
    if (want === this.root) this.root.setChildIndex(this.outline, 1);
  }

  moveTo(x: number, y: number, ctx: AnimContext): void {
    if (x === this.to.x && y === this.to.y) return;
    if (ctx.reducedMotion) {
      this.place(x, y);
      this.from = this.to = { x, y };
      this.tweenAt = -1;
      return;
    }
    this.from = { x: this.root.x, y: this.root.y };
    this.to = { x, y };
    this.tweenAt = ctx.wall;
  }

  /** redraw what changed; returns true when the card now needs per-frame animation */
  update(v: PodVisual, ctx: AnimContext): void {
    const old = this.v;
    this.v = v;
    const key = `${v.look}|${v.readyCount}/${v.totalCount}|${v.restarts}|${this.selected}`;
    if (key !== this.key) {
      this.key = key;
      this.drawBody(v);
    }
    if (this.name.text !== v.name) {
      // generated names are long: shrink the label to leave room for the state glyph
      this.name.scale.set(1);
      setText(this.name, fit(v.name, 32));
      const room = CARD_W - 40;
      if (this.name.width > room) this.name.scale.set(room / this.name.width);
    }
    setText(this.status, fit(v.status, 22));
    setText(this.info, `READY ${v.readyCount}/${v.totalCount}  RESTARTS ${v.restarts}`);
    this.drawContainers(v, old, ctx);
    if (v.look === 'crashloop' || v.look === 'terminating') {
      const until = v.look === 'terminating' ? v.killAt : v.backOffUntil;
      if (until !== null && this.countdownSince?.until !== until) this.countdownSince = { until, since: v.look === 'terminating' && v.deletionAt !== null ? v.deletionAt : ctx.now };
      if (until === null) this.countdownSince = null;
    } else this.countdownSince = null;
    this.animate(ctx);
  }

  private drawBody(v: PodVisual): void {
    const c = lookColour[v.look];
    const b = this.body.clear();
    const hollow = v.look === 'pending' || v.look === 'creating';
    b.roundRect(0, 0, CARD_W, CARD_H, 8).fill({ color: hollow ? theme.node : theme.card });
    // a band on the left edge in the state colour, plus the shape-coded outline
    b.roundRect(0, 0, 5, CARD_H, 2).fill({ color: c });
    this.parentOutline(v.look);
    const o = this.outline.clear();
    switch (v.look) {
      case 'notready':
        dashedRect(o, 1, 1, CARD_W - 2, CARD_H - 2).stroke({ width: 2.5, color: c });
        break;
      case 'crashloop':
        jaggedRect(o, 2, 2, CARD_W - 4, CARD_H - 4).stroke({ width: 2, color: c });
        break;
      case 'pending':
        dashedRect(o, 1, 1, CARD_W - 2, CARD_H - 2, 3, 4).stroke({ width: 1.5, color: c });
        break;
      default:
        o.roundRect(1, 1, CARD_W - 2, CARD_H - 2, 8).stroke({ width: v.look === 'ready' ? 2.5 : 1.5, color: c });
    }
    if (this.selected) b.roundRect(-5, -5, CARD_W + 10, CARD_H + 10, 11).stroke({ width: 3, color: theme.selection });
    // restart ticks: one per restart, up to 12, under the top-right glyph
    for (let i = 0; i < Math.min(12, v.restarts); i++) b.rect(CARD_W - 12 - i * 5, 46, 2, 8).fill({ color: theme.bad });
    const g = this.glyph.clear();
    switch (v.look) {
      case 'ready':
        g.circle(0, 0, 8).fill({ color: c });
        check(g, 0, 0, 4.5).stroke({ width: 2, color: theme.background });
        break;
      case 'notready':
        g.circle(0, 0, 7).stroke({ width: 2, color: c });
        break;
      case 'pending':
      case 'creating':
      case 'init':
        g.arc(0, 0, 7, 0, Math.PI * 1.4).stroke({ width: 2.5, color: c });
        break;
      case 'crashloop':
      case 'terminating':
        g.circle(0, 0, 8).stroke({ width: 2, color: c });
        break;
      case 'completed':
        check(g, 0, 0, 7).stroke({ width: 3, color: c });
        break;
      case 'failed':
        g.poly([0, -9, 9, 7, -9, 7], true).stroke({ width: 2, color: c });
        g.rect(-1, -4, 2, 6).fill({ color: c }).rect(-1, 3.5, 2, 2).fill({ color: c });
        break;
    }
    g.rotation = 0;
    const h = this.hand.clear();
    if (v.look === 'crashloop' || v.look === 'terminating') h.moveTo(0, 0).lineTo(0, -7).stroke({ width: 2, color: c });
    const x = this.cross.clear();
    if (v.look === 'terminating') cross(x, CARD_W / 2, CARD_H / 2, CARD_H / 2 - 8).stroke({ width: 3, color: c, alpha: 0.55 });
    this.status.tint = v.look === 'ready' || v.look === 'completed' ? theme.text : c;
  }

  private drawContainers(v: PodVisual, old: PodVisual | null, ctx: AnimContext): void {
    // structure: which boxes and chips exist; rebuilt rarely (container states change)
    let sk = '';
    for (const c of v.containers) sk += `${c.name}:${c.kind}:${c.state}:${c.reason}:${c.ready}:${c.exitCode}:${c.probes.length};`;
    if (sk !== this.boxKey) {
      this.boxKey = sk;
      this.layoutContainers(v);
    }
    // chips: dots and run texts follow every probe result
    let dk = '';
    for (const ch of this.chips) {
      const p = v.containers[ch.ci].probes[ch.pi];
      ch.probe = p;
      // what the chip shows, not the raw counter: a run past the threshold draws the same
      dk += `${p.last}${probeRunText(p)}${p.forced}${p.active};`;
    }
    if (dk !== this.dotKey) {
      this.dotKey = dk;
      const g = this.dots.clear();
      for (const ch of this.chips) {
        const p = ch.probe;
        const col = p.last !== null ? probeColour(p.last) : theme.grey;
        if (p.last === null) g.circle(ch.x, ch.y, 4.5).stroke({ width: 1.5, color: col });
        else g.circle(ch.x, ch.y, 4.5).fill({ color: col });
        // forced by `sim probe`: underlined
        if (p.forced) g.rect(ch.x - 6, ch.y + 6, 12, 1.5).fill({ color: theme.text });
        const letter = p.type === 'readiness' ? 'R' : p.type === 'liveness' ? 'L' : 'S';
        setText(ch.text, ch.room >= 30 ? letter + probeRunText(p) : letter);
        ch.text.tint = p.last === 'Failure' ? theme.bad : theme.text;
      }
    }
    void old;
  }

  /** new probe times and counters that change nothing drawn: keep them for the pulses */
  refreshProbes(v: PodVisual): void {
    this.v = v;
    for (const ch of this.chips) ch.probe = v.containers[ch.ci]?.probes[ch.pi] ?? ch.probe;
  }

  get hasActiveProbes(): boolean {
    return this.chips.some((c) => c.probe.active);
  }

  /**
   * The kubelet probes every period, but the engine only runs the ticks whose result can
   * change something; a steady probe still ticks at lastProbeAt + k·period. Pulse on those.
   * Returns true when a pulse started.
   */
  tickPulses(ctx: AnimContext): boolean {
    let started = false;
    for (const ch of this.chips) {
      const p = ch.probe;
      // a probe the engine ran since the last frame
      if (p.lastProbeAt !== ch.lastProbeAt) {
        const fresh = p.lastProbeAt !== null && ctx.now - p.lastProbeAt < 3 && ch.lastK >= 0;
        ch.lastProbeAt = p.lastProbeAt;
        ch.lastK = 0;
        if (fresh && !ctx.reducedMotion && ctx.detailed) {
          ch.pulseAt = ctx.wall;
          ch.ring.tint = probeColour(p.last);
          started = true;
        }
        continue;
      }
      if (!p.active || p.lastProbeAt === null || p.periodSeconds <= 0) continue;
      const k = Math.floor((ctx.now - p.lastProbeAt) / p.periodSeconds + 1e-9);
      if (k > ch.lastK && ch.lastK >= 0 && k - ch.lastK <= 2 && !ctx.reducedMotion && ctx.detailed) {
        ch.pulseAt = ctx.wall;
        ch.ring.tint = probeColour(p.last);
        started = true;
      }
      ch.lastK = k;
    }
    return started;
  }

  /** centre of a container's box, in card coordinates */
  containerCenter(name: string): { x: number; y: number } | null {
    const b = this.boxRects.get(name);
    return b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : null;
  }

  private layoutContainers(v: PodVisual): void {
    this.boxRects.clear();
    const oldChips = new Map(this.chips.map((c) => [`${c.ci}:${c.pi}`, c]));
    for (const c of this.chipLayer.removeChildren()) if (c !== this.dots) c.destroy();
    for (const c of this.names.removeChildren()) c.destroy();
    this.chips = [];
    this.dotKey = '';
    this.chipLayer.addChild(this.dots);
    const g = this.boxes.clear();
    const n = v.containers.length;
    if (!n) return;
    const top = CONTAINERS_TOP;
    const avail = CARD_W - 16;
    const perRow = Math.min(n, 3);
    const rows = Math.ceil(n / perRow);
    const gap = 4;
    const bw = (avail - gap * (perRow - 1)) / perRow;
    const bh = rows === 1 ? 44 : (46 - gap) / rows;
    v.containers.forEach((c, i) => {
      const x = 8 + (i % perRow) * (bw + gap);
      const y = top + Math.floor(i / perRow) * (bh + gap);
      this.drawBox(g, c, x, y, bw, bh);
      this.boxRects.set(c.name, { x, y, w: bw, h: bh });
      const inset = c.kind === 'sidecar' ? 9 : 5;
      const maxChars = Math.floor((bw - inset - (c.kind === 'init' ? 8 : 3)) / 6.3);
      const nameT = label(fit(c.name, maxChars), 10, theme.text, true);
      nameT.position.set(x + inset, y + 3);
      this.names.addChild(nameT);
      if (bh < 30) return;
      const line2 = y + bh - 16;
      if (c.probes.length === 0 || c.state !== 'running') {
        const text = c.state === 'terminated' ? `${c.reason} (${c.exitCode})` : c.state === 'waiting' ? c.reason : 'running';
        const t = label(fit(text, maxChars - 1), 10, c.state === 'running' || c.reason === 'Completed' ? theme.muted : theme.warn);
        t.position.set(x + inset + 11, line2);
        this.names.addChild(t);
        return;
      }
      const chipW = Math.max(30, Math.min(52, (bw - inset - 18) / c.probes.length));
      c.probes.forEach((p, j) => {
        const cx = x + inset + 20 + j * chipW;
        const cy = line2 + 7;
        if (cx + 8 > x + bw) return;
        const text = label('', 10, theme.text);
        text.position.set(cx + 7, cy - 6);
        // drawn once in white, tinted per pulse: a tint is cheaper than new geometry
        const ring = new Graphics().circle(0, 0, 5).stroke({ width: 2, color: 0xffffff });
        ring.position.set(cx, cy);
        ring.alpha = 0;
        this.chipLayer.addChild(text, ring);
        const prev = oldChips.get(`${i}:${j}`);
        const chip: Chip = { probe: p, ci: i, pi: j, x: cx, y: cy, ring, text, room: chipW - 12, pulseAt: prev?.pulseAt ?? -1, lastProbeAt: prev ? prev.lastProbeAt : p.lastProbeAt, lastK: prev?.lastK ?? -1 };
        if (chip.pulseAt >= 0) ring.tint = probeColour(prev!.probe.last);
        this.chips.push(chip);
      });
    });
  }

  private drawBox(g: Graphics, c: ContainerVisual, x: number, y: number, w: number, h: number): void {
    const running = c.state === 'running';
    const col = c.state === 'running' ? (c.ready || c.kind === 'init' ? theme.ok : theme.warn) : c.state === 'terminated' ? (c.exitCode === 0 ? theme.grey : theme.bad) : theme.info;
    const fill = { color: theme.node };
    if (c.kind === 'init') stepBox(g, x, y, w, h).fill(fill).stroke({ width: 1.5, color: col });
    else if (c.kind === 'sidecar') {
      g.roundRect(x, y, w, h, Math.min(10, h / 2)).fill(fill).stroke({ width: 1.5, color: col });
      g.moveTo(x + 4, y + 4).lineTo(x + 4, y + h - 4).stroke({ width: 1.5, color: col });
    } else g.rect(x, y, w, h).fill(fill).stroke({ width: 1.5, color: col });
    // state dot (second line, left): filled running, hollow waiting, crossed square terminated
    const dx = x + 9 + (c.kind === 'sidecar' ? 4 : 0);
    const dy = y + h - 9;
    if (running) g.circle(dx, dy, 4).fill({ color: col });
    else if (c.state === 'waiting') g.circle(dx, dy, 4).stroke({ width: 1.5, color: col });
    else {
      g.rect(dx - 4, dy - 4, 8, 8).stroke({ width: 1.5, color: col });
      if (c.exitCode !== 0) cross(g, dx, dy, 3).stroke({ width: 1.5, color: col });
    }
  }

  get tweening(): boolean {
    return this.tweenAt >= 0;
  }

  set detailed(on: boolean) {
    if (this.chipLayer.visible !== on) this.chipLayer.visible = on;
    if (this.names.visible !== on) this.names.visible = on;
  }

  /** per-frame motion; returns true while the card still moves */
  animate(ctx: AnimContext): boolean {
    const v = this.v!;
    let busy = false;
    const w = ctx.wall;
    if (this.tweenAt >= 0) {
      const t = Math.min(1, (w - this.tweenAt) / TWEEN_MS);
      const e = t * (2 - t);
      this.place(this.from.x + (this.to.x - this.from.x) * e, this.from.y + (this.to.y - this.from.y) * e);
      if (t >= 1) this.tweenAt = -1;
      else busy = true;
    }
    if (this.removingAt >= 0) {
      const t = ctx.reducedMotion ? 1 : Math.min(1, (w - this.removingAt) / 450);
      this.setAlpha(1 - t);
      return t < 1;
    }
    if (this.bornAt >= 0) {
      const t = Math.min(1, (w - this.bornAt) / 400);
      this.setAlpha(t);
      if (t >= 1) this.bornAt = -1;
      else busy = true;
    }
    if (!ctx.reducedMotion) {
      // pulsing and flashing are the layers' (ClusterRenderer.frame), one alpha for all cards
      if (v.look === 'creating' || v.look === 'pending' || v.look === 'init') {
        this.glyph.rotation = (w / 300) % (Math.PI * 2);
        busy = true;
      }
      for (const ch of this.chips) {
        if (ch.pulseAt < 0) continue;
        const t = (w - ch.pulseAt) / PULSE_MS;
        if (t >= 1) {
          ch.pulseAt = -1;
          ch.ring.alpha = 0;
          continue;
        }
        ch.ring.scale.set(1 + t * 2.2);
        ch.ring.alpha = 1 - t;
        busy = true;
      }
    }
    // countdowns: the clock hand turns towards the deadline, the seconds are written beside it
    const until = v.look === 'terminating' ? v.killAt : v.look === 'crashloop' ? v.backOffUntil : null;
    if (until !== null && this.countdownSince) {
      const left = until - ctx.now;
      const total = Math.max(1e-6, until - this.countdownSince.since);
      this.hand.rotation = Math.PI * 2 * (1 - Math.max(0, Math.min(1, left / total)));
      setText(this.countdown, canvasWord(ctx.lang, v.look === 'terminating' ? 'pod.killIn' : 'pod.restartIn', { time: countdownText(left) }));
      this.countdown.tint = lookColour[v.look];
      busy = true;
    } else {
      setText(this.countdown, canvasWord(ctx.lang, 'pod.phase', { phase: v.phase }));
      this.countdown.tint = theme.muted;
    }
    return busy;
  }

  /** which container box a point (card-local) falls on */
  containerAt(lx: number, ly: number): string | null {
    const v = this.v;
    if (!v || ly < CONTAINERS_TOP) return null;
    const n = v.containers.length;
    if (!n) return null;
    const perRow = Math.min(n, 3);
    const rows = Math.ceil(n / perRow);
    const bw = (CARD_W - 16 - 4 * (perRow - 1)) / perRow;
    const bh = rows === 1 ? 44 : (46 - 4) / rows;
    const col = Math.floor((lx - 8) / (bw + 4));
    const row = Math.floor((ly - CONTAINERS_TOP) / (bh + 4));
    const i = row * perRow + col;
    return col >= 0 && col < perRow && i >= 0 && i < n ? v.containers[i].name : null;
  }

  setSelected(on: boolean): void {
    if (this.selected === on) return;
    this.selected = on;
    this.key = '';
    if (this.v) {
      this.key = `${this.v.look}|${this.v.readyCount}/${this.v.totalCount}|${this.v.restarts}|${this.selected}`;
      this.drawBody(this.v);
    }
  }

  destroy(): void {
    if (this.outline.parent !== this.root) this.outline.destroy();
    this.live.destroy({ children: true });
    this.root.destroy({ children: true });
  }
}
