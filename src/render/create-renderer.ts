/**
 * The pixi renderer: WebGL, or pixi's 2D-canvas renderer where WebGL is missing.
 *
 * Not pixi's `autoDetectRenderer`: its dynamic imports of the WebGPU, WebGL and canvas
 * renderers all landed in the first-load chunk (~45 kB gzip of WebGPU and canvas
 * systems nobody used). WebGL is imported directly; the canvas fallback is its own
 * chunk, fetched only when WebGL is unavailable; WebGPU is not used at all (the scene
 * is quads and lines, WebGL draws it as fast).
 */
// pixi compiles its uniform, uniform-buffer and shader sync functions with `new Function`,
// and probes for eval when a renderer starts (which a CSP reports as a violation even
// though pixi catches it); this polyfill replaces all of that with plain functions, so
// the canvas (WebGL and 2D) runs under `script-src 'self'` with no 'unsafe-eval'.
// Imported before any renderer exists, by this module: every page and the embed draw
// through here.
import 'pixi.js/unsafe-eval';
import { WebGLRenderer, isWebGLSupported, type Renderer, type WebGLOptions } from 'pixi.js';

export type RendererInit = Partial<WebGLOptions>;

export async function createRenderer(options: RendererInit): Promise<Renderer> {
  // browser extras (events, accessibility, filters) are not loaded: podsim does its own
  // hit testing and keeps its text alternative in the DOM
  const opts = { ...options, manageImports: false };
  if (isWebGLSupported()) {
    const r = new WebGLRenderer();
    await r.init(opts);
    return r;
  }
  const { CanvasRenderer } = await import('./canvas-renderer');
  const r = new CanvasRenderer();
  await r.init(opts);
  return r;
}
