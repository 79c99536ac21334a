/**
 * Pan and zoom of the world container: drag to pan, wheel (or pinch-zoom trackpad) to
 * zoom around the pointer. A press that does not move is a click, handed back in
 * screen coordinates.
 */
import type { Container } from 'pixi.js';
import type { Rect } from './layout';

const MIN = 0.08;
const MAX = 3;

export class Camera {
  private el: HTMLElement | null = null;
  private down: { x: number; y: number; wx: number; wy: number; moved: boolean; id: number } | null = null;
  private off: (() => void)[] = [];
  /** the learner panned or zoomed: stop fitting the view automatically */
  userMoved = false;

  constructor(
    private world: Container,
    private changed: () => void,
  ) {}

  get scale(): number {
    return this.world.scale.x;
  }

  attach(el: HTMLElement, click: (x: number, y: number, button: number) => void): void {
    this.el = el;
    el.style.touchAction = 'none';
    const local = (e: PointerEvent | WheelEvent) => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const onDown = (e: PointerEvent) => {
      const p = local(e);
      this.down = { x: p.x, y: p.y, wx: this.world.x, wy: this.world.y, moved: false, id: e.pointerId };
      el.setPointerCapture?.(e.pointerId);
    };
    const onMove = (e: PointerEvent) => {
      const d = this.down;
      if (!d || d.id !== e.pointerId) return;
      const p = local(e);
      if (!d.moved && Math.hypot(p.x - d.x, p.y - d.y) < 4) return;
      d.moved = true;
      this.userMoved = true;
      el.style.cursor = 'grabbing';
      this.world.position.set(d.wx + p.x - d.x, d.wy + p.y - d.y);
      this.changed();
    };
    const onUp = (e: PointerEvent) => {
      const d = this.down;
      if (!d || d.id !== e.pointerId) return;
      this.down = null;
      el.style.cursor = '';
      if (!d.moved) click(d.x, d.y, e.button);
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      this.userMoved = true;
      const p = local(e);
      this.zoomAt(Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015)), p.x, p.y);
    };
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    el.addEventListener('wheel', onWheel, { passive: false });
    this.off = [
      () => el.removeEventListener('pointerdown', onDown),
      () => el.removeEventListener('pointermove', onMove),
      () => el.removeEventListener('pointerup', onUp),
      () => el.removeEventListener('pointercancel', onUp),
      () => el.removeEventListener('wheel', onWheel),
    ];
  }

  detach(): void {
    for (const f of this.off) f();
    this.off = [];
  }

  toWorld(sx: number, sy: number): { x: number; y: number } {
    const s = this.world.scale.x;
    return { x: (sx - this.world.x) / s, y: (sy - this.world.y) / s };
  }

  zoomAt(factor: number, sx: number, sy: number): void {
    const s0 = this.world.scale.x;
    const s1 = Math.max(MIN, Math.min(MAX, s0 * factor));
    const w = this.toWorld(sx, sy);
    this.world.scale.set(s1);
    this.world.position.set(sx - w.x * s1, sy - w.y * s1);
    this.changed();
  }

  fit(b: Rect, width: number, height: number): void {
    if (width <= 0 || height <= 0) return;
    const pad = 24;
    const s = Math.max(MIN, Math.min(1.6, (width - pad * 2) / b.w, (height - pad * 2) / b.h));
    this.world.scale.set(s);
    this.world.position.set((width - b.w * s) / 2 - b.x * s, pad - b.y * s);
    this.changed();
  }

  ensureVisible(x: number, y: number, w: number, h: number, width: number, height: number): void {
    const s = this.world.scale.x;
    const sx = x * s + this.world.x;
    const sy = y * s + this.world.y;
    let dx = 0;
    let dy = 0;
    if (sx < 10) dx = 10 - sx;
    else if (sx + w * s > width - 10) dx = width - 10 - (sx + w * s);
    if (sy < 10) dy = 10 - sy;
    else if (sy + h * s > height - 10) dy = height - 10 - (sy + h * s);
    if (dx || dy) {
      this.world.position.set(this.world.x + dx, this.world.y + dy);
      this.changed();
    }
  }
}
