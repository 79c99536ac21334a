/**
 * pixi without `new Function`, for `script-src 'self'` (no 'unsafe-eval'): pixi compiles
 * its uniform, uniform-buffer and shader sync functions with `new Function`, and probes
 * for eval when a renderer starts (a CSP reports the probe as a violation even though
 * pixi catches it). Imported by create-renderer.ts before any renderer exists.
 *
 * pixi's own `pixi.js/unsafe-eval` (lib/unsafe-eval/init.mjs) also patches the WebGPU
 * uniform-buffer system and the particle container, which pulled both into the bundle.
 * This installs only what podsim's two renderers construct: the WebGL systems that
 * compile sync functions (webgl-renderer.ts) and the eval probes every renderer and
 * uniform-buffer system runs (the 2D-canvas renderer, canvas-renderer.ts, compiles
 * nothing: it needs only the probe silenced). Same polyfills as pixi's, patched the
 * same way.
 */
import { AbstractRenderer, GlShaderSystem, GlUboSystem, GlUniformGroupSystem, UboSystem } from 'pixi.js';
// In builds, pixiParts (vite.config.ts) makes this the polyfill functions alone. Under the
// dev server it is pixi's own module, prebundled with the rest of pixi: it installs every
// polyfill itself when imported and exports nothing, so there is nothing left to do here.
import * as polyfills from 'pixi.js/unsafe-eval';

const { generateShaderSyncPolyfill, generateUboSyncPolyfillSTD40, generateUniformsSyncPolyfill } = polyfills;

if (generateShaderSyncPolyfill && generateUboSyncPolyfillSTD40 && generateUniformsSyncPolyfill) {
  // pixi's hooks for exactly this (see lib/unsafe-eval/init.mjs); some are private in its
  // typings, hence the plain object merges
  Object.assign(AbstractRenderer.prototype, { _unsafeEvalCheck() {} });
  Object.assign(UboSystem.prototype, { _systemCheck() {} });
  Object.assign(GlUniformGroupSystem.prototype, { _generateUniformsSync: generateUniformsSyncPolyfill });
  Object.assign(GlUboSystem.prototype, { _generateUboSync: generateUboSyncPolyfillSTD40 });
  Object.assign(GlShaderSystem.prototype, { _generateShaderSync: generateShaderSyncPolyfill });
}
