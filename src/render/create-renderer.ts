/**
 * The pixi renderer: WebGL, or the 2D-canvas renderer where WebGL is missing.
 *
 * Not pixi's `autoDetectRenderer`: its dynamic imports of the WebGPU, WebGL and canvas
 * renderers all landed in the first-load chunk (~45 kB gzip of WebGPU and canvas
 * systems nobody used). WebGL is imported directly; the canvas fallback is its own
 * chunk, fetched only when WebGL is unavailable; WebGPU is not used at all (the scene
 * is quads and lines, WebGL draws it as fast). Both are podsim's trimmed versions of
 * pixi's renderers, with only the systems and pipes the scene uses (webgl-renderer.ts).
 */
// before any renderer exists: every page and the embed draw through here
import './no-eval-pixi';
import { isWebGLSupported, type Renderer, type WebGLOptions } from 'pixi.js';
import { WebGLRenderer } from './webgl-renderer';

export type RendererInit = Partial<WebGLOptions>;

/**
 * Typed as pixi's Renderer for the scene code; the trimmed renderers lack what podsim never
 * calls (`extract`, the stencil system, the mask pipes: see webgl-renderer.ts).
 */
export async function createRenderer(options: RendererInit): Promise<Renderer> {
  // browser extras (events, accessibility, filters) are not loaded: podsim does its own
  // hit testing and keeps its text alternative in the DOM
  const opts = { ...options, manageImports: false };
  if (isWebGLSupported()) {
    const r = new WebGLRenderer();
    await r.init(opts);
    return r as unknown as Renderer;
  }
  const { CanvasRenderer } = await import('./canvas-renderer');
  const r = new CanvasRenderer();
  await r.init(opts);
  return r as unknown as Renderer;
}
