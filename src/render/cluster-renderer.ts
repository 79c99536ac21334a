/**
 * The canvas: draws the SimSnapshots it is handed and animates between them. It keeps
 * no simulation state, only what animation needs (tweens, pulses, particles in flight,
 * which Deployments the learner unfolded, the camera).
 *
 * Work per frame is proportional to what moves: `setSnapshot` diffs each card against
 * its last picture and redraws only those that changed; `frame` touches only cards
 * that are animating, particles in flight and the lines while cards slide. A snapshot
 * that changes more cards than one frame should redraw leaves the rest to the frames
 * after (redraw-queue.ts); where cards are, which exist, and what hit testing, lines and
 * group glyphs read are the snapshot's at once.
 */
import { BitmapText, Container, Graphics, Sprite, Texture, type Renderer } from 'pixi.js';
import { createRenderer } from './create-renderer';
import type { SimSnapshot, ServiceTraffic } from '../engine/simulation-api';
import { installFonts, label } from './fonts';
import { PodCard, type AnimContext, type CardLayers } from './pod-card';
import { NodeRegion, nodeUsage, requestsByNode } from './node-region';
import { ServiceView, ClientView } from './service-view';
import { GroupGlyph } from './group-glyph';
import { layoutCluster, CARD_H, CARD_W, SERVICE_R, GLYPH_H, type Layout, UNSCHEDULED } from './layout';
import { visualKey, type PodVisual } from './pod-visual';
import { PodVisualCache, type VisualDiff } from './pod-visual-cache';
import { RedrawQueue } from './redraw-queue';
import { dashedLine, cross } from './shapes';
import { palettes, theme, usePalette, type Palette, type ThemeName } from './theme';
import { Camera } from './camera';
import { endpointsOf, type EndpointRow } from './endpoints-of';
import { FLOWS_ANNOTATION, parseFlows, type FlowStep } from './flows';
import { canvasWord, countKey, type CanvasLang } from './canvas-words';

export type Selection = { kind: 'pod'; pod: string; container?: string } | { kind: 'service'; service: string } | { kind: 'node'; node: string };

export interface RendererOptions {
  reducedMotion?: boolean;
  /** the palette to draw with (default dark); switch later with setTheme */
  theme?: ThemeName;
  /** the language of the canvas's own words (default English); switch later with setLang */
  lang?: CanvasLang;
  /** fold a Deployment's pods on a node into one glyph above this many (default 12) */
  foldAbove?: number;
  onSelect?: (s: Selection | null) => void;
  /** the picture changed outside a frame (pan, zoom, resize): ask for one */
  onNeedFrame?: () => void;
  /** changed cards drawn per frame while playing; more wait for the frames after (default REDRAWS_PER_FRAME) */
  redrawsPerFrame?: number;
}

interface Particle {
  sprite: Sprite;
  /** wall ms of launch */
  at: number;
  dur: number;
  ok: boolean;
  service: string;
  pod: string | null;
  /** the pod uid it flies to, for its current position */
  uid: string | null;
}

interface FlowParticle {
  sprite: Sprite;
  at: number;
  dur: number;
  /** the pod whose containers the chain starts in */
  uid: string;
  steps: FlowStep[];
}

const PARTICLES = 240;
/** above this many endpoints a Service's lines go to nodes, with counts, not to each pod */
const MANY_ENDPOINTS = 40;
const FLIGHT_MS = 1100;
/**
 * Cards given a new visual in one frame while playing (redraw-queue.ts). Most cost ~5 µs
 * (new probe times only: a key compared); a redraw ~80 µs, and pixi's re-upload of its node's
 * render group. 100: a scene of up to 100 pods draws every change in the frame it comes; with
 * 1,000 pods on 10 nodes, about one node's cards a frame.
 */
export const REDRAWS_PER_FRAME = 100;

export class ClusterRenderer {
  renderer!: Renderer;
  private stage = new Container();
  readonly camera: Camera;
  private world = new Container();
  private nodeLayer = new Container();
  private lineLayer = new Container();
  private lineGraphics = new Graphics();
  private cardLayer = new Container();
  private pulseLayer = new Container();
  private flashLayer = new Container();
  private liveLayer = new Container();
  private lineLabels = new Container();
  /**
   * One set of render groups per node (cards, live parts, pulsing and flashing outlines):
   * a card that changes costs pixi a rebuild and upload of its node's group only.
   */
  private nodeGroups = new Map<string, CardLayers>();
  private serviceLayer = new Container();
  private particleLayer = new Container();
  private nodes = new Map<string, NodeRegion>();
  private cards = new Map<string, PodCard>();
  private dying = new Set<PodCard>();
  private groups = new Map<string, GroupGlyph>();
  private services = new Map<string, ServiceView>();
  private clients = new Map<string, ClientView>();
  private animating = new Set<PodCard>();
  private particles: Particle[] = [];
  private flowParticles: FlowParticle[] = [];
  /** log lines already seen per pod uid and chain, to launch one particle per new line */
  private flowSeen = new Map<string, number>();
  private logTex!: Texture;
  private free: Sprite[] = [];
  private dotTex!: Texture;
  private crossTex!: Texture;
  private layout: Layout | null = null;
  private snap: SimSnapshot | null = null;
  /** every pod's visual as of the last snapshot (a card may still show an older one: `queue`) */
  private visuals = new Map<string, PodVisual>();
  /** cards whose new visual is not drawn yet, beyond one frame's budget; a card's drawn visual is `card.v` */
  private queue: RedrawQueue<PodVisual>;
  /** callers of whenDrawn, until the queue is empty */
  private drawnWaiters: (() => void)[] = [];
  /** unchanged pods keep their PodVisual object from one snapshot to the next */
  private visualCache = new PodVisualCache();
  private byName = new Map<string, string>();
  private toggled = new Set<string>();
  private selection: Selection | null = null;
  private linesDirty = true;
  private now = 0;
  private lastVirtual = 0;
  /** request index per client already launched as a particle */
  private launched: number[] = [];
  private reduced: boolean;
  private foldAbove: number;
  private palette: Readonly<Palette>;
  private lang: CanvasLang;
  private detailed = true;
  private needsRender = true;
  private destroyed = false;
  private resizeObserver: ResizeObserver | null = null;
  /** JS time of recent frames, ms, for the bench */
  readonly frameTimes: number[] = [];
  /** of which pixi's render call (scene traversal, batching and the WebGL calls) */
  readonly renderTimes: number[] = [];
  /** time of recent setSnapshot calls, ms */
  readonly snapshotTimes: number[] = [];

  private constructor(
    private host: HTMLElement,
    private opts: RendererOptions,
  ) {
    this.reduced = !!opts.reducedMotion;
    this.palette = palettes[opts.theme ?? 'dark'];
    this.lang = opts.lang === 'ja' ? 'ja' : 'en';
    this.foldAbove = opts.foldAbove ?? 12;
    this.queue = new RedrawQueue<PodVisual>(
      Math.max(1, Math.floor(opts.redrawsPerFrame ?? REDRAWS_PER_FRAME)),
      (v) => v.uid,
      (v) => v.node ?? UNSCHEDULED,
    );
    this.camera = new Camera(this.world, () => this.onCamera());
  }

  static async create(host: HTMLElement, opts: RendererOptions = {}): Promise<ClusterRenderer> {
    const r = new ClusterRenderer(host, opts);
    await r.init();
    return r;
  }

  private async init(): Promise<void> {
    installFonts();
    usePalette(this.palette);
    // A bare renderer, not pixi's Application: the UI loop renders on demand (no ticker).
    this.renderer = await createRenderer({
      background: theme.background,
      antialias: true,
      autoDensity: true,
      width: Math.max(1, this.host.clientWidth),
      height: Math.max(1, this.host.clientHeight),
      resolution: Math.min(2, globalThis.devicePixelRatio || 1),
    });
    const canvas = this.renderer.canvas as HTMLCanvasElement;
    canvas.setAttribute('aria-hidden', 'true');
    canvas.style.display = 'block';
    this.host.appendChild(canvas);
    this.stage.addChild(this.world);
    this.world.isRenderGroup = true;
    this.particleLayer.isRenderGroup = true;
    // layers that change every frame or every tick are render groups of their own: a change
    // inside one does not make pixi rebuild the others (per-frame work follows what changed)
    for (const l of [this.nodeLayer, this.lineLayer, this.serviceLayer]) l.isRenderGroup = true;
    this.lineLayer.addChild(this.lineGraphics, this.lineLabels);
    this.world.addChild(this.nodeLayer, this.lineLayer, this.cardLayer, this.pulseLayer, this.flashLayer, this.liveLayer, this.serviceLayer, this.particleLayer);
    const dot = new Graphics().circle(6, 6, 5).fill({ color: 0xffffff });
    this.dotTex = this.renderer.generateTexture({ target: dot, resolution: 2 });
    const x = cross(new Graphics(), 6, 6, 4.5).stroke({ width: 3, color: 0xffffff });
    this.crossTex = this.renderer.generateTexture({ target: x, resolution: 2 });
    const doc = new Graphics().rect(1, 2, 10, 8).fill({ color: 0xffffff }).rect(3, 4, 6, 1).fill({ color: 0x000000 }).rect(3, 7, 6, 1).fill({ color: 0x000000 });
    this.logTex = this.renderer.generateTexture({ target: doc, resolution: 2 });
    for (let i = 0; i < PARTICLES; i++) {
      const s = new Sprite(this.dotTex);
      s.anchor.set(0.5);
      s.alpha = 0;
      this.particleLayer.addChild(s);
      this.free.push(s);
    }
    this.camera.attach(canvas, (x, y, button) => this.click(x, y, button));
    // follow the host's size (window resizes, panels, fullscreen)
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => {
        const w = Math.max(1, this.host.clientWidth);
        const h = Math.max(1, this.host.clientHeight);
        if (w === this.renderer.screen.width && h === this.renderer.screen.height) return;
        this.renderer.resize(w, h);
        this.needsRender = true;
        this.opts.onNeedFrame?.();
      });
      this.resizeObserver.observe(this.host);
    }
  }

  get canvas(): HTMLCanvasElement {
    return this.renderer.canvas as HTMLCanvasElement;
  }

  get themeName(): ThemeName {
    return this.palette === palettes.light ? 'light' : 'dark';
  }

  /**
   * Draw with the other palette from now on: everything is drawn again at once (labels
   * and shapes take their colours when drawn), without animation.
   */
  setTheme(name: ThemeName): void {
    const p = palettes[name];
    if (p === this.palette || this.destroyed) return;
    this.palette = p;
    usePalette(p);
    this.renderer.background.color = p.background;
    this.redrawAll();
  }

  /**
   * Draw the canvas's own words (canvas-words.ts) in another language from now on: as
   * setTheme, everything is drawn again at once, without animation. Kubernetes' words
   * (names, statuses, reasons) are the same in both.
   */
  setLang(lang: CanvasLang): void {
    const l: CanvasLang = lang === 'ja' ? 'ja' : 'en';
    if (l === this.lang || this.destroyed) return;
    this.lang = l;
    usePalette(this.palette);
    this.redrawAll();
  }

  /** drop every drawn object and draw the current snapshot again (a new palette or language) */
  private redrawAll(): void {
    const snap = this.snap;
    for (const card of [...this.cards.values(), ...this.dying]) card.destroy();
    for (const x of [...this.nodes.values(), ...this.groups.values(), ...this.services.values(), ...this.clients.values()]) x.destroy();
    for (const m of [this.cards, this.nodes, this.groups, this.services, this.clients]) m.clear();
    this.dying.clear();
    this.animating.clear();
    this.visuals.clear();
    this.queue.clear();
    this.linesKey = '';
    this.linesDirty = true;
    if (snap) {
      // as a first snapshot (cards appear in place, no animation); the layout is kept, so the camera stays
      this.snap = null;
      this.setSnapshot(snap, true);
    }
    this.needsRender = true;
    this.opts.onNeedFrame?.();
  }

  setReducedMotion(on: boolean): void {
    this.reduced = on;
    this.needsRender = true;
  }

  private layersFor(node: string | null): CardLayers {
    const key = node ?? UNSCHEDULED;
    let l = this.nodeGroups.get(key);
    if (!l) {
      const group = (parent: Container) => {
        const c = new Container();
        c.isRenderGroup = true;
        parent.addChild(c);
        return c;
      };
      l = { cards: group(this.cardLayer), pulse: group(this.pulseLayer), flash: group(this.flashLayer), live: group(this.liveLayer) };
      this.nodeGroups.set(key, l);
    }
    return l;
  }

  private ctx(): AnimContext {
    return { now: this.now, wall: performance.now(), reducedMotion: this.reduced, detailed: this.detailed, lang: this.lang };
  }

  /** Draw a new snapshot: diff cards, move what moved, redraw lines if endpoints changed. */
  setSnapshot(snap: SimSnapshot, reset = false): void {
    if (this.destroyed) return;
    usePalette(this.palette);
    const s0 = performance.now();
    this.applySnapshot(snap, reset);
    this.snapshotTimes.push(performance.now() - s0);
    if (this.snapshotTimes.length > 200) this.snapshotTimes.splice(0, this.snapshotTimes.length - 200);
  }

  private applySnapshot(snap: SimSnapshot, reset: boolean): void {
    const first = this.snap === null;
    const prevSnap = this.snap;
    this.snap = snap;
    this.now = snap.view.now;
    if (reset) {
      this.launched = [];
      for (const p of this.particles) this.release(p);
      this.particles = [];
      for (const p of this.flowParticles) this.release(p);
      this.flowParticles = [];
      this.flowSeen.clear();
    }
    const ctx = this.ctx();
    // a new simulation (load, restart, seek back) numbers its objects afresh
    if (first || reset) this.visualCache.clear();
    const diff = this.visualCache.diff(snap);
    const visuals = diff.list;
    const prevLayout = this.layout;
    // the engine hands out the same lists while their members stay (src/engine/snapshot)
    const clients = [...new Set(snap.traffic.map((t) => t.service))];
    const clientsKey = clients.join('\u0000');
    const sameStructure =
      !first && !reset && !this.relayout && prevLayout !== null && prevSnap !== null && !diff.layoutChanged && prevSnap.view.nodes === snap.view.nodes && prevSnap.view.services === snap.view.services && clientsKey === this.clientsKey;
    this.relayout = false;
    this.clientsKey = clientsKey;
    const layout = sameStructure
      ? prevLayout
      : layoutCluster(
          snap.view.nodes.map((n) => ({ name: n.metadata.name })),
          visuals,
          snap.view.services.map((s) => s.metadata.name),
          clients,
          { foldAbove: this.foldAbove, toggled: this.toggled },
        );
    this.layout = layout;
    const slicesChanged = prevSnap?.view.endpointSlices !== snap.view.endpointSlices;
    // nodes: requests move only when a pod comes, goes, is bound or ends; usage when metrics-server answers anew
    const requestsMoved = !sameStructure || diff.changed.some((c) => c.old?.phase !== c.visual.phase);
    if (requestsMoved) this.requests = requestsByNode(snap.view.pods);
    if (requestsMoved || prevSnap?.view.metrics !== snap.view.metrics) this.updateNodes(snap, layout);
    // pods: with the same layout only the cards whose visual changed are touched
    if (sameStructure) this.updateChangedCards(diff, layout);
    else this.updateAllCards(visuals, layout, prevLayout, first, reset, ctx);
    // this frame's share of the redraws; all of them on a jump in time or a new scenario
    if (reset || first) this.queue.flush((q) => this.drawQueued(q, ctx));
    else this.queue.drain((q) => this.drawQueued(q, ctx));
    this.settleDrawn();
    // services and clients
    if (!sameStructure || slicesChanged || prevSnap?.traffic !== snap.traffic) this.updateServices(snap, layout);
    this.launchFlows(snap, this.visuals, reset || first, ctx.wall);
    if (!sameStructure || slicesChanged) this.linesDirty = true;
    // frame the cluster when it is new, and whenever it outgrows the view, until the learner moves the camera
    const b = layout.bounds;
    const grew = !prevLayout || b.w !== prevLayout.bounds.w || b.h !== prevLayout.bounds.h || b.x !== prevLayout.bounds.x || b.y !== prevLayout.bounds.y;
    if ((first && !prevLayout) || this.fitOnNext || (grew && !this.camera.userMoved)) {
      if (this.fitOnNext) this.camera.userMoved = false;
      this.fitOnNext = false;
      this.fit();
    }
    this.needsRender = true;
  }

  /** pods per node and their requests (requestsByNode), as of the last snapshot that moved them */
  private requests = new Map<string, { cpuReq: number; memReq: number; pods: number }>();
  /** the Services that have clients, as the last layout placed them */
  private clientsKey = '';
  /** the layout must be made again (folds toggled, selection drawn) even if the pods did not move */
  private relayout = false;

  private updateNodes(snap: SimSnapshot, layout: Layout): void {
    const seenNodes = new Set<string>();
    for (const [name, rect] of layout.nodes) {
      seenNodes.add(name);
      let r = this.nodes.get(name);
      if (!r) {
        r = new NodeRegion(name, this.lang);
        this.nodes.set(name, r);
        this.nodeLayer.addChild(r.root);
      }
      const node = snap.view.nodes.find((n) => n.metadata.name === name);
      r.update(rect, node, node ? nodeUsage(this.requests.get(name), snap.view.metrics.nodes.get(name)) : null);
    }
    for (const [name, r] of this.nodes) if (!seenNodes.has(name)) {
      r.destroy();
      this.nodes.delete(name);
    }
  }

  /** queue what a changed visual shows on its card, redraw its group; nothing moves (the layout is the same) */
  private updateChangedCards(diff: VisualDiff, layout: Layout): void {
    const groups = new Set<string>();
    for (const { visual: v } of diff.changed) {
      const old = this.visuals.get(v.uid);
      this.visuals.set(v.uid, v);
      const gk = layout.foldedInto.get(v.uid);
      if (gk) groups.add(gk);
      const card = this.cards.get(v.uid);
      if (!card || old === v) continue;
      this.cardChanged(card, v);
    }
    for (const key of groups) {
      const gl = layout.groups.get(key);
      const g = this.groups.get(key);
      if (gl && g) g.update(gl.x, gl.y, gl.pods.map((u) => this.visuals.get(u)!), false);
    }
  }

  /** every card against the new layout: cards come, go, move and change */
  private updateAllCards(visuals: PodVisual[], layout: Layout, prevLayout: Layout | null, first: boolean, reset: boolean, ctx: AnimContext): void {
    const seen = new Set<string>();
    this.byName.clear();
    const newVisuals = new Map<string, PodVisual>();
    for (const v of visuals) {
      newVisuals.set(v.uid, v);
      this.byName.set(v.name, v.uid);
      const rect = layout.pods.get(v.uid);
      if (!rect) continue;
      seen.add(v.uid);
      let card = this.cards.get(v.uid);
      if (!card) {
        // a pod unfolding from a group starts at the group's place
        const g = prevLayout?.foldedInto.get(v.uid);
        const from = g ? prevLayout!.groups.get(g) : undefined;
        card = new PodCard(v, from?.x ?? rect.x, from?.y ?? rect.y, first ? { ...ctx, reducedMotion: true } : ctx, this.layersFor(v.node));
        if (from) card.moveTo(rect.x, rect.y, ctx);
        this.cards.set(v.uid, card);
        card.detailed = this.detailed;
        if (this.selection?.kind === 'pod' && this.selection.pod === v.name) card.setSelected(true);
        this.animating.add(card);
        this.linesDirty = true;
        continue;
      }
      const old = this.visuals.get(v.uid);
      // the same object: the pod did not change (pod-visual-cache.ts)
      if (old !== v) {
        if (old && old.node !== v.node) card.moveToGroup(this.layersFor(v.node));
        this.cardChanged(card, v);
      }
      if (!card.headingTo(rect.x, rect.y)) {
        card.moveTo(rect.x, rect.y, ctx);
        this.animating.add(card);
        this.linesDirty = true;
      }
    }
    for (const [uid, card] of this.cards) if (!seen.has(uid)) {
      this.cards.delete(uid);
      this.queue.drop(uid);
      this.animating.delete(card);
      this.linesDirty = true;
      // a jump in time or a new scenario: gone at once; a deletion while playing fades out
      if (reset) card.destroy();
      else {
        card.removingAt = ctx.wall;
        this.dying.add(card);
      }
    }
    if (reset) {
      for (const card of this.dying) card.destroy();
      this.dying.clear();
    }
    this.visuals = newVisuals;
    // groups
    const seenGroups = new Set<string>();
    for (const [key, gl] of layout.groups) {
      seenGroups.add(key);
      let g = this.groups.get(key);
      if (!g) {
        g = new GroupGlyph(key, gl.deployment, this.lang);
        this.groups.set(key, g);
        this.cardLayer.addChild(g.root);
        this.linesDirty = true;
      }
      g.update(gl.x, gl.y, gl.pods.map((u) => newVisuals.get(u)!), false);
    }
    for (const [key, g] of this.groups) if (!seenGroups.has(key)) {
      g.destroy();
      this.groups.delete(key);
    }
  }

  /**
   * A card's pod has a new visual: it waits its turn in the queue, in place of one already
   * waiting. Even telling a redraw from new probe times only (visualKey) costs: with 1,000
   * pods whose probes tick together, more than the redraws (~3 ms of keys, every 10 s).
   */
  private cardChanged(card: PodCard, v: PodVisual): void {
    if (card.v === v) this.queue.drop(v.uid);
    else this.queue.put(v);
  }

  /** draw a queued visual on its card (a countdown that starts then counts from this frame's time) */
  private drawQueued(v: PodVisual, ctx: AnimContext): void {
    const card = this.cards.get(v.uid);
    if (!card || card.v === v) return;
    if (card.v && visualKey(card.v) === visualKey(v)) {
      // probe times and counters that change nothing drawn: kept for the pulses
      card.refreshProbes(v);
      return;
    }
    card.update(v, ctx);
    this.animating.add(card);
    this.needsRender = true;
  }

  /** the queue is empty: whoever waits for the canvas to show the last snapshot may go on */
  private settleDrawn(): void {
    if (this.queue.size || !this.drawnWaiters.length) return;
    const w = this.drawnWaiters;
    this.drawnWaiters = [];
    for (const f of w) f();
  }

  /** true when every card shows its pod's visual as of the last snapshot (no redraw waits for a frame) */
  get drawn(): boolean {
    return this.queue.size === 0;
  }

  /** resolves once every card shows the last snapshot's visual (at once when none waits; also on destroy) */
  whenDrawn(): Promise<void> {
    if (this.queue.size === 0 || this.destroyed) return Promise.resolve();
    return new Promise((resolve) => this.drawnWaiters.push(resolve));
  }

  private updateServices(snap: SimSnapshot, layout: Layout): void {
    const counts = trafficByService(snap.traffic);
    const seenSvc = new Set<string>();
    for (const [name, pos] of layout.services) {
      seenSvc.add(name);
      let s = this.services.get(name);
      if (!s) {
        s = new ServiceView(name, this.lang);
        this.services.set(name, s);
        this.serviceLayer.addChild(s.root);
      }
      const eps = this.endpointsOf(snap, name);
      const c = counts.get(name);
      s.update(pos.x, pos.y, eps.ready, eps.rows.length, c?.ok ?? null, c?.failed ?? null, '', this.selection?.kind === 'service' && this.selection.service === name);
      const cpos = layout.clients.get(name);
      let cl = this.clients.get(name);
      if (cpos) {
        if (!cl) {
          cl = new ClientView(this.lang);
          this.clients.set(name, cl);
          this.serviceLayer.addChild(cl.root);
        }
        cl.update(cpos.x, cpos.y, c?.rps ?? 0, pos);
      } else if (cl) {
        cl.destroy();
        this.clients.delete(name);
      }
    }
    for (const [name, s] of this.services) if (!seenSvc.has(name)) {
      s.destroy();
      this.services.delete(name);
      this.clients.get(name)?.destroy();
      this.clients.delete(name);
    }
  }

  /** the EndpointSlices the endpoint rows were read from, and the rows per Service */
  private endpointRows: { slices: SimSnapshot['view']['endpointSlices']; byService: Map<string, { rows: EndpointRow[]; ready: number }> } | null = null;

  /** a Service's endpoints (endpoints-of.ts), read once per list of EndpointSlices */
  private endpointsOf(snap: SimSnapshot, service: string): { rows: EndpointRow[]; ready: number } {
    const slices = snap.view.endpointSlices;
    if (this.endpointRows?.slices !== slices) this.endpointRows = { slices, byService: new Map() };
    let e = this.endpointRows.byService.get(service);
    if (!e) {
      const rows = endpointsOf(snap, service);
      e = { rows, ready: rows.filter((r) => r.ready).length };
      this.endpointRows.byService.set(service, e);
    }
    return e;
  }

  /** Advance animations to virtual time `now` and render. Returns true while anything moves. */
  frame(now: number, playing: boolean): boolean {
    if (this.destroyed || !this.snap) return false;
    const t0 = performance.now();
    usePalette(this.palette);
    const prevNow = this.now;
    this.now = now;
    const ctx = this.ctx();
    let busy = false;
    // cards a snapshot changed beyond the last frames' budgets; paused, the picture is
    // studied still (a seek, a step): all of it now
    if (this.queue.size) {
      if (playing) this.queue.drain((q) => this.drawQueued(q, ctx));
      else this.queue.flush((q) => this.drawQueued(q, ctx));
      this.settleDrawn();
      busy = this.queue.size > 0;
    }
    // every not-ready outline pulses together, every back-off outline flashes together:
    // one alpha per node group, whatever the number of pods
    const pulse = this.reduced ? 1 : 0.4 + 0.6 * (0.5 + 0.5 * Math.sin(ctx.wall / 260));
    const flash = this.reduced ? 1 : Math.floor(ctx.wall / 330) % 2 === 0 ? 1 : 0.2;
    for (const l of this.nodeGroups.values()) {
      if (l.pulse.children.length) {
        if (l.pulse.alpha !== pulse) l.pulse.alpha = pulse;
        busy ||= !this.reduced;
      }
      if (l.flash.children.length) {
        if (l.flash.alpha !== flash) l.flash.alpha = flash;
        busy ||= !this.reduced;
      }
    }
    // steady probes tick without a new snapshot: pulse the visible chips on their period
    if (this.detailed && !this.reduced && now !== prevNow) {
      for (const card of this.cards.values()) if (card.hasActiveProbes && card.tickPulses(ctx)) this.animating.add(card);
    }
    for (const card of this.animating) {
      if (!card.animate(ctx)) this.animating.delete(card);
      else busy = true;
      if (card.tweening) this.linesDirty = true;
    }
    for (const card of this.dying) {
      if (!card.animate(ctx)) {
        this.dying.delete(card);
        card.destroy();
      } else busy = true;
    }
    if (this.linesDirty) {
      this.linesDirty = false;
      this.drawLines();
    }
    if (playing && now > prevNow && !this.reduced) this.launchParticles(prevNow, now, ctx.wall);
    else if (!playing) this.launched = [];
    if (this.particles.length) {
      this.moveParticles(ctx.wall);
      busy = true;
    }
    if (this.flowParticles.length) {
      this.moveFlows(ctx.wall);
      busy = true;
    }
    let rt = 0;
    if (busy || this.needsRender || playing) {
      const r0 = performance.now();
      this.renderer.render(this.stage);
      rt = performance.now() - r0;
      this.needsRender = false;
    }
    this.renderTimes.push(rt);
    if (this.renderTimes.length > 600) this.renderTimes.splice(0, this.renderTimes.length - 600);
    const dt = performance.now() - t0;
    this.frameTimes.push(dt);
    if (this.frameTimes.length > 600) this.frameTimes.splice(0, this.frameTimes.length - 600);
    this.queue.nextFrame();
    return busy;
  }

  /** wait until the GPU has drawn what was submitted (bench only) */
  drainGpu(): void {
    const gl = (this.renderer as unknown as { gl?: WebGLRenderingContext }).gl;
    // readPixels waits for every command before it (finish() may return early)
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  }

  requestRender(): void {
    this.needsRender = true;
  }

  private linesKey = '';
  private fitOnNext = false;

  /** a new scenario: frame the whole cluster on the next snapshot */
  refit(): void {
    this.fitOnNext = true;
  }

  private drawLines(): void {
    const snap = this.snap;
    const layout = this.layout;
    if (!snap || !layout) return;
    // redraw only when an endpoint or a card moved or changed: a thousand dashed lines are costly to rebuild
    let key = '';
    for (const [name, s] of layout.services) {
      key += `${name}@${s.x},${s.y}:`;
      for (const ep of this.endpointsOf(snap, name).rows) {
        const uid = this.byName.get(ep.pod);
        const card = uid ? this.cards.get(uid) : undefined;
        key += `${ep.pod}${ep.ready ? 'r' : ''}${ep.terminating ? 't' : ''}${card ? `${card.x},${card.y}` : uid ? layout.foldedInto.get(uid) ?? '' : ''};`;
      }
    }
    for (const [name, c] of layout.clients) key += `${name}<${c.x},${c.y}`;
    if (key === this.linesKey) return;
    this.linesKey = key;
    const g = this.lineGraphics.clear();
    // clients to their Service
    for (const [name, c] of layout.clients) {
      const s = layout.services.get(name)!;
      g.moveTo(c.x + 24, c.y).lineTo(s.x - SERVICE_R, s.y);
    }
    g.stroke({ width: 2, color: theme.muted });
    const solid: [number, number, number, number][] = [];
    const dashed: [number, number, number, number][] = [];
    const dotted: [number, number, number, number][] = [];
    const marks: [number, number][] = [];
    const terminatingMarks: [number, number][] = [];
    const groupsDone = new Set<string>();
    const labels: { x: number; y: number; text: string; color: number }[] = [];
    const addLine = (sx: number, sy: number, tx: number, ty: number, ep: { ready: boolean; terminating: boolean }) => {
      if (ep.terminating) {
        dotted.push([sx, sy, tx, ty]);
        terminatingMarks.push([tx, ty - 10]);
      } else if (ep.ready) solid.push([sx, sy, tx, ty]);
      else {
        // not ready: dashed, and cut off short of the Service — it gets no traffic
        const len = Math.hypot(tx - sx, ty - sy);
        const k = Math.min(0.5, 36 / Math.max(1, len));
        dashed.push([sx + (tx - sx) * k, sy + (ty - sy) * k, tx, ty]);
        marks.push([sx + (tx - sx) * (k - 6 / Math.max(1, len)), sy + (ty - sy) * (k - 6 / Math.max(1, len))]);
      }
    };
    for (const [name, s] of layout.services) {
      const sx = s.x;
      const sy = s.y + SERVICE_R * 0.87;
      const eps = this.endpointsOf(snap, name).rows;
      if (eps.length > MANY_ENDPOINTS) {
        // many endpoints: one line per node and kind, labelled with the count
        const byNode = new Map<string, { ready: number; notReady: number; terminating: number }>();
        for (const ep of eps) {
          const uid = this.byName.get(ep.pod);
          const node = (uid && this.visuals.get(uid)?.node) || UNSCHEDULED;
          const c = byNode.get(node) ?? { ready: 0, notReady: 0, terminating: 0 };
          if (ep.terminating) c.terminating++;
          else if (ep.ready) c.ready++;
          else c.notReady++;
          byNode.set(node, c);
        }
        for (const [node, c] of byNode) {
          const r = layout.nodes.get(node);
          if (!r) continue;
          const kinds: [number, { ready: boolean; terminating: boolean }, 'ready' | 'notready' | 'terminating', number][] = [
            [c.ready, { ready: true, terminating: false }, 'ready', theme.info],
            [c.notReady, { ready: false, terminating: false }, 'notready', theme.warn],
            [c.terminating, { ready: false, terminating: true }, 'terminating', theme.purple],
          ];
          kinds.forEach(([n, ep, look, color], i) => {
            if (!n) return;
            const tx = r.x + r.w * (0.3 + 0.2 * i);
            addLine(sx, sy, tx, r.y, ep);
            labels.push({ x: tx + 4, y: r.y - 16, text: canvasWord(this.lang, countKey(look), { n }), color });
          });
        }
        continue;
      }
      for (const ep of eps) {
        const uid = this.byName.get(ep.pod);
        if (!uid) continue;
        let tx: number, ty: number;
        const card = this.cards.get(uid);
        const gk = layout.foldedInto.get(uid);
        if (card) {
          tx = card.x + CARD_W / 2;
          ty = card.y;
        } else if (gk) {
          const key = `${name}|${gk}|${ep.ready}|${ep.terminating}`;
          if (groupsDone.has(key)) continue;
          groupsDone.add(key);
          const gl = layout.groups.get(gk)!;
          tx = gl.x + CARD_W / 2 + (ep.ready ? 0 : 14);
          ty = gl.y - 8;
        } else continue;
        addLine(sx, sy, tx, ty, ep);
      }
    }
    for (const [a, b, c, d] of solid) g.moveTo(a, b).lineTo(c, d);
    if (solid.length) g.stroke({ width: 2, color: theme.info, alpha: 0.9 });
    for (const [a, b, c, d] of dashed) dashedLine(g, a, b, c, d, 8, 6);
    if (dashed.length) g.stroke({ width: 1.5, color: theme.warn, alpha: 0.8 });
    for (const [x, y] of marks) cross(g, x, y, 4);
    if (marks.length) g.stroke({ width: 2, color: theme.warn });
    for (const [a, b, c, d] of dotted) dashedLine(g, a, b, c, d, 2, 5);
    if (dotted.length) g.stroke({ width: 2, color: theme.purple, alpha: 0.9 });
    for (const [x, y] of terminatingMarks) g.rect(x - 4, y - 4, 8, 8);
    if (terminatingMarks.length) g.stroke({ width: 2, color: theme.purple });
    for (const t of this.lineLabels.removeChildren()) t.destroy();
    for (const l of labels) {
      const t = label(l.text, 12, l.color, true);
      t.position.set(l.x, l.y);
      this.lineLabels.addChild(t);
    }
    this.needsRender = true;
  }

  /** Requests as particles: request k of a client leaves at k/rps and goes to route k mod n, as the engine counts them. */
  private launchParticles(from: number, to: number, wall: number): void {
    const snap = this.snap!;
    const layout = this.layout!;
    snap.traffic.forEach((tr, i) => {
      if (tr.rps <= 0 || !layout.services.has(tr.service)) return;
      const first = Math.ceil(from * tr.rps - 1e-9);
      const last = Math.ceil(to * tr.rps - 1e-9);
      let k = Math.max(first, this.launched[i] ?? 0);
      // at high speed, show at most a handful per frame: the counters carry the numbers
      const budget = 4;
      if (last - k > budget) k = last - budget;
      for (; k < last; k++) {
        const sprite = this.free.pop();
        if (!sprite) break;
        const route = tr.routes.length ? tr.routes[k % tr.routes.length] : null;
        const ok = !!route && route.ok;
        sprite.texture = ok ? this.dotTex : this.crossTex;
        sprite.tint = ok ? theme.ok : theme.bad;
        sprite.alpha = 1;
        const uid = route ? this.byName.get(route.pod) ?? null : null;
        this.particles.push({ sprite, at: wall, dur: FLIGHT_MS, ok, service: tr.service, pod: route?.pod ?? null, uid });
      }
      this.launched[i] = last;
    });
  }

  private moveParticles(wall: number): void {
    const layout = this.layout!;
    const keep: Particle[] = [];
    for (const p of this.particles) {
      const t = (wall - p.at) / p.dur;
      const s = layout.services.get(p.service);
      const c = layout.clients.get(p.service);
      if (t >= 1 || !s || !c) {
        this.release(p);
        continue;
      }
      let x: number, y: number;
      // first 40%: client to Service; then Service to the pod (or a failure bursting at the Service)
      if (t < 0.4) {
        const u = t / 0.4;
        x = c.x + 24 + (s.x - SERVICE_R - c.x - 24) * u;
        y = c.y + (s.y - c.y) * u;
      } else {
        const u = (t - 0.4) / 0.6;
        const target = this.targetOf(p);
        if (!target) {
          x = s.x;
          y = s.y;
          p.sprite.scale.set(1 + u * 1.5);
          p.sprite.alpha = 1 - u;
        } else {
          const sy = s.y + SERVICE_R * 0.87;
          x = s.x + (target.x - s.x) * u;
          y = sy + (target.y - sy) * u;
        }
      }
      p.sprite.position.set(x, y);
      keep.push(p);
    }
    this.particles = keep;
  }

  /** one particle per new log line of the first container of each declared flow */
  /** the pods that declare flows, per list of pods (the engine keeps the list while no pod comes or goes) */
  private flowPods: { pods: SimSnapshot['view']['pods']; withFlows: SimSnapshot['view']['pods'] } | null = null;

  private launchFlows(snap: SimSnapshot, visuals: Map<string, PodVisual>, silent: boolean, wall: number): void {
    if (this.flowPods?.pods !== snap.view.pods) this.flowPods = { pods: snap.view.pods, withFlows: snap.view.pods.filter((p) => p.metadata.annotations?.[FLOWS_ANNOTATION]) };
    for (const pod of this.flowPods.withFlows) {
      const chains = parseFlows(pod.metadata.annotations?.[FLOWS_ANNOTATION]);
      if (!chains.length) continue;
      const uid = pod.metadata.uid;
      if (!visuals.has(uid)) continue;
      chains.forEach((steps, i) => {
        const key = `${uid}#${i}`;
        const n = snap.view.logs.current(pod.metadata.name, steps[0].name)?.length ?? 0;
        const prev = this.flowSeen.get(key);
        this.flowSeen.set(key, n);
        if (silent || this.reduced || prev === undefined) return;
        const fresh = n >= prev ? n - prev : n;
        for (let k = 0; k < Math.min(3, fresh); k++) {
          const sprite = this.free.pop();
          if (!sprite) return;
          sprite.texture = this.logTex;
          sprite.tint = theme.info;
          sprite.alpha = 1;
          sprite.scale.set(1.6);
          this.flowParticles.push({ sprite, at: wall + k * 180, dur: 1500, uid, steps });
        }
      });
    }
  }

  private stepPoint(uid: string, s: FlowStep): { x: number; y: number } | null {
    if (s.kind === 'service') {
      const p = this.layout?.services.get(s.name);
      return p ? { x: p.x, y: p.y } : null;
    }
    const card = s.kind === 'pod' ? this.cardOf(s.name) : this.cards.get(uid);
    if (!card) return null;
    if (s.kind === 'pod') return { x: card.x + CARD_W / 2, y: card.y + CARD_H / 2 };
    const c = card.containerCenter(s.name);
    return c ? { x: card.x + c.x, y: card.y + c.y } : null;
  }

  private moveFlows(wall: number): void {
    const keep: FlowParticle[] = [];
    for (const p of this.flowParticles) {
      const t = (wall - p.at) / p.dur;
      if (t < 0) {
        keep.push(p);
        p.sprite.alpha = 0;
        continue;
      }
      const pts = p.steps.map((s) => this.stepPoint(p.uid, s));
      if (t >= 1 || pts.some((x) => x === null)) {
        this.release(p);
        continue;
      }
      // equal time per hop
      const hops = pts.length - 1;
      const h = Math.min(hops - 1, Math.floor(t * hops));
      const u = t * hops - h;
      const a = pts[h]!;
      const b = pts[h + 1]!;
      p.sprite.alpha = 1;
      p.sprite.position.set(a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u);
      keep.push(p);
    }
    this.flowParticles = keep;
  }

  private targetOf(p: Particle): { x: number; y: number } | null {
    if (!p.uid) return null;
    const card = this.cards.get(p.uid);
    if (card) return { x: card.x + CARD_W / 2, y: card.y + 4 };
    const gk = this.layout!.foldedInto.get(p.uid);
    const g = gk ? this.layout!.groups.get(gk) : undefined;
    return g ? { x: g.x + CARD_W / 2, y: g.y } : null;
  }

  private release(p: { sprite: Sprite }): void {
    p.sprite.alpha = 0;
    p.sprite.scale.set(1);
    this.free.push(p.sprite);
  }

  // ---- selection, camera

  select(sel: Selection | null): void {
    usePalette(this.palette);
    const prev = this.selection;
    this.selection = sel;
    if (prev?.kind === 'pod') this.cardOf(prev.pod)?.setSelected(false);
    if (sel?.kind === 'pod') {
      const card = this.cardOf(sel.pod);
      card?.setSelected(true);
    }
    if (this.snap && (prev?.kind === 'service' || sel?.kind === 'service')) {
      this.relayout = true;
      this.setSnapshot(this.snap);
    }
    this.needsRender = true;
  }

  /** bring a pod into view (keyboard selection) */
  reveal(pod: string): void {
    const card = this.cardOf(pod);
    if (!card) return;
    this.camera.ensureVisible(card.x, card.y, CARD_W, CARD_H, this.renderer.screen.width, this.renderer.screen.height);
  }

  private cardOf(pod: string): PodCard | undefined {
    const uid = this.byName.get(pod);
    return uid ? this.cards.get(uid) : undefined;
  }

  /** frame the whole cluster (and follow it again as it grows) */
  fit(): void {
    const b = this.layout?.bounds;
    if (!b) return;
    this.camera.userMoved = false;
    this.camera.fit(b, this.renderer.screen.width, this.renderer.screen.height);
  }

  zoom(factor: number): void {
    this.camera.userMoved = true;
    this.camera.zoomAt(factor, this.renderer.screen.width / 2, this.renderer.screen.height / 2);
  }

  private onCamera(): void {
    const detailed = this.camera.scale >= 0.45;
    if (detailed !== this.detailed) {
      this.detailed = detailed;
      for (const c of this.cards.values()) c.detailed = detailed;
    }
    this.needsRender = true;
    this.opts.onNeedFrame?.();
  }

  private click(sx: number, sy: number, _button: number): void {
    const { x, y } = this.camera.toWorld(sx, sy);
    const layout = this.layout;
    if (!layout) return;
    for (const [key, g] of layout.groups) {
      if (x >= g.x && x <= g.x + g.w && y >= g.y - 8 && y <= g.y + g.h) {
        if (this.toggled.has(key)) this.toggled.delete(key);
        else this.toggled.add(key);
        this.relayout = true;
        if (this.snap) this.setSnapshot(this.snap);
        return;
      }
    }
    for (const [uid, card] of this.cards) {
      const r = layout.pods.get(uid);
      if (!r || x < r.x || x > r.x + r.w || y < r.y || y > r.y + r.h) continue;
      const v = this.visuals.get(uid)!;
      const container = card.containerAt(x - r.x, y - r.y) ?? undefined;
      this.opts.onSelect?.({ kind: 'pod', pod: v.name, ...(container ? { container } : {}) });
      return;
    }
    for (const [name, s] of layout.services) {
      if (Math.hypot(x - s.x, y - s.y) <= SERVICE_R) {
        this.opts.onSelect?.({ kind: 'service', service: name });
        return;
      }
    }
    for (const [name, r] of layout.nodes) {
      if (name !== UNSCHEDULED && x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + 58) {
        this.opts.onSelect?.({ kind: 'node', node: name });
        return;
      }
    }
    this.opts.onSelect?.(null);
  }

  /** fold or unfold a Deployment's pods on every node (keyboard alternative to clicking the glyph) */
  toggleFold(deployment: string): void {
    const layout = this.layout;
    if (!layout) return;
    for (const n of layout.nodes.keys()) {
      const key = `${deployment}@${n}`;
      if (this.toggled.has(key)) this.toggled.delete(key);
      else this.toggled.add(key);
    }
    this.relayout = true;
    if (this.snap) this.setSnapshot(this.snap);
  }

  /**
   * `texts`: every distinct label text drawn now, in scene order (node titles and bars,
   * endpoint-line counts, cards, Services): what the canvas says, for tests. A getter,
   * so the walk over the scene happens only when a caller reads it. `pending`: cards whose
   * new visual waits for a frame (0 when the canvas shows the last snapshot: `drawn`).
   */
  stats(): { cards: number; animating: number; pending: number; particles: number; flows: number; groups: number; renderer: string; theme: ThemeName; lang: CanvasLang; readonly texts: string[] } {
    const stage = this.stage;
    return {
      cards: this.cards.size,
      animating: this.animating.size,
      pending: this.queue.size,
      particles: this.particles.length,
      flows: this.flowParticles.length,
      groups: this.groups.size,
      renderer: this.renderer.name,
      theme: this.themeName,
      lang: this.lang,
      get texts() {
        return drawnTexts(stage);
      },
    };
  }

  destroy(): void {
    this.destroyed = true;
    this.queue.clear();
    this.settleDrawn();
    this.resizeObserver?.disconnect();
    this.camera.detach();
    this.stage.destroy({ children: true });
    this.renderer.destroy({ removeView: true });
  }
}

function drawnTexts(root: Container): string[] {
  const seen = new Set<string>();
  const walk = (c: Container) => {
    if (!c.visible) return;
    if (c instanceof BitmapText) {
      if (c.text) seen.add(c.text);
      return;
    }
    for (const child of c.children) walk(child);
  };
  walk(root);
  return [...seen];
}

function trafficByService(traffic: ServiceTraffic[]): Map<string, { ok: number; failed: number; rps: number }> {
  const m = new Map<string, { ok: number; failed: number; rps: number }>();
  for (const t of traffic) {
    const c = m.get(t.service) ?? { ok: 0, failed: 0, rps: 0 };
    c.ok += t.ok;
    c.failed += t.failed;
    c.rps += t.rps;
    m.set(t.service, c);
  }
  return m;
}
