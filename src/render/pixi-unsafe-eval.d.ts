/**
 * `pixi.js/unsafe-eval` as podsim's builds see it (pixiParts in vite.config.ts): the eval-free
 * polyfills from pixi's lib/unsafe-eval/, signatures copied from its .d.ts files (the package
 * publishes no types for this entry). Under the dev server the entry is pixi's own, which
 * exports nothing: hence optional.
 */
declare module 'pixi.js/unsafe-eval' {
  import type { GlUniformData, ShaderSyncFunction, UboElement, UniformGroup, UniformsSyncCallback } from 'pixi.js';

  export const generateShaderSyncPolyfill: (() => ShaderSyncFunction) | undefined;
  export const generateUniformsSyncPolyfill: ((group: UniformGroup, uniformData: Record<string, GlUniformData>) => UniformsSyncCallback) | undefined;
  export const generateUboSyncPolyfillSTD40: ((uboElements: UboElement[]) => UniformsSyncCallback) | undefined;
}
