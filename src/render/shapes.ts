/**
 * Path helpers for pixi Graphics: dashed lines and outlines (pixi strokes are solid),
 * and the glyphs that carry state by shape (cross, check, exclamation, hexagon).
 * Each adds sub-paths; the caller strokes or fills once.
 */
import type { Graphics } from 'pixi.js';

/** dashes along a straight segment */
export function dashedLine(g: Graphics, x1: number, y1: number, x2: number, y2: number, dash = 7, gap = 5): Graphics {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len === 0) return g;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  for (let d = 0; d < len; d += dash + gap) {
    const e = Math.min(len, d + dash);
    g.moveTo(x1 + ux * d, y1 + uy * d).lineTo(x1 + ux * e, y1 + uy * e);
  }
  return g;
}

export function dashedRect(g: Graphics, x: number, y: number, w: number, h: number, dash = 8, gap = 5): Graphics {
  dashedLine(g, x, y, x + w, y, dash, gap);
  dashedLine(g, x + w, y, x + w, y + h, dash, gap);
  dashedLine(g, x + w, y + h, x, y + h, dash, gap);
  dashedLine(g, x, y + h, x, y, dash, gap);
  return g;
}

/** a zig-zag outline: the "something keeps breaking" border of a crash-looping pod */
export function jaggedRect(g: Graphics, x: number, y: number, w: number, h: number, tooth = 6): Graphics {
  const pts: [number, number][] = [];
  const edge = (x1: number, y1: number, x2: number, y2: number, nx: number, ny: number) => {
    const len = Math.hypot(x2 - x1, y2 - y1);
    const n = Math.max(2, Math.round(len / (tooth * 2)));
    for (let i = 0; i < n; i++) {
      const t = i / n;
      const t2 = (i + 0.5) / n;
      pts.push([x1 + (x2 - x1) * t, y1 + (y2 - y1) * t]);
      pts.push([x1 + (x2 - x1) * t2 + nx * 3, y1 + (y2 - y1) * t2 + ny * 3]);
    }
  };
  edge(x, y, x + w, y, 0, -1);
  edge(x + w, y, x + w, y + h, 1, 0);
  edge(x + w, y + h, x, y + h, 0, 1);
  edge(x, y + h, x, y, -1, 0);
  g.moveTo(pts[0][0], pts[0][1]);
  for (let i = 1; i < pts.length; i++) g.lineTo(pts[i][0], pts[i][1]);
  g.closePath();
  return g;
}

export function cross(g: Graphics, cx: number, cy: number, r: number): Graphics {
  return g.moveTo(cx - r, cy - r).lineTo(cx + r, cy + r).moveTo(cx + r, cy - r).lineTo(cx - r, cy + r);
}

export function check(g: Graphics, cx: number, cy: number, r: number): Graphics {
  return g.moveTo(cx - r, cy).lineTo(cx - r * 0.3, cy + r * 0.7).lineTo(cx + r, cy - r * 0.7);
}

export function hexagon(g: Graphics, cx: number, cy: number, r: number): Graphics {
  const pts: number[] = [];
  for (let i = 0; i < 6; i++) {
    const a = (Math.PI / 3) * i;
    pts.push(cx + r * Math.cos(a), cy + r * Math.sin(a));
  }
  return g.poly(pts, true);
}

/** a box with an arrow-notched right edge: an init container is a step to get through */
export function stepBox(g: Graphics, x: number, y: number, w: number, h: number, notch = 7): Graphics {
  return g.poly([x, y, x + w - notch, y, x + w, y + h / 2, x + w - notch, y + h, x, y + h, x + notch * 0.6, y + h / 2], true);
}
