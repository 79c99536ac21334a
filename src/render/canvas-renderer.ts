/** pixi's 2D-canvas renderer, a chunk of its own: loaded only where WebGL is missing (see create-renderer.ts) */
export { CanvasRenderer } from 'pixi.js';
