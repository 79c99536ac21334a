import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { fileURLToPath } from 'node:url';
import { embedDevRoute } from './src/embed/embed-dev-route.js';
import { bundledScenarioMeta } from './src/ui/bundled-scenarios-plugin.js';
import { isKubectlPrinterModule, kubectlOnDemand } from './src/ui/kubectl-on-demand-plugin.js';
import { processRuntimeOnDemand } from './src/ui/process-runtime-on-demand-plugin.js';
import { scenarioLoaderOnDemand } from './src/ui/scenario-loader-on-demand-plugin.js';
import { loadedAtStart } from './src/ui/loaded-at-start-plugin.js';

/**
 * pixi.js's main entry registers every optional part as a side effect (spritesheet and
 * asset loaders, masks, video textures) and keeps ~10 kB gzip of them in the canvas
 * chunk even though podsim never uses them. In builds, `import … from 'pixi.js'`
 * resolves to this list of the parts podsim draws with (src/render), each from the module
 * pixi's own index (lib/index.mjs) takes it from. Using a pixi export not listed here
 * fails the build with "not exported". Types still come from pixi.js itself.
 */
const PIXI_PARTS = [
  // the scene
  'Container', 'Graphics', 'Sprite', 'Texture', 'BitmapFont', 'BitmapText', 'isWebGLSupported',
  // podsim's renderers, with only the systems and pipes the scene uses (webgl-renderer.ts,
  // canvas-renderer.ts: not pixi's WebGLRenderer and CanvasRenderer, which install them all)
  'AbstractRenderer', 'RendererType', 'BackgroundSystem', 'ViewSystem', 'GCSystem', 'SchedulerSystem',
  'GlobalUniformSystem', 'RenderGroupSystem', 'GenerateTextureSystem', 'RendererInitHook',
  'BlendModePipe', 'BatcherPipe', 'SpritePipe', 'RenderGroupPipe',
  'GlBackBufferSystem', 'GraphicsContextSystem', 'GlUboSystem', 'GlContextSystem', 'GlLimitsSystem',
  'GlBufferSystem', 'GlTextureSystem', 'GlRenderTargetSystem', 'GlGeometrySystem', 'GlUniformGroupSystem',
  'GlShaderSystem', 'GlEncoderSystem', 'GlStateSystem', 'GlColorMaskSystem',
  'GraphicsPipe', 'BitmapTextPipe', 'ColorMaskPipe', 'GlBatchAdaptor', 'GlGraphicsAdaptor',
  'CanvasGraphicsContextSystem', 'CanvasContextSystem', 'CanvasLimitsSystem', 'CanvasTextureSystem',
  'CanvasRenderTargetSystem', 'CanvasGraphicsPipe', 'CanvasBitmapTextPipe', 'CanvasColorMaskPipe',
  'CanvasBatchAdaptor', 'CanvasGraphicsAdaptor',
  // what src/render/no-eval-pixi.ts patches
  'UboSystem',
];

/**
 * `pixi.js/unsafe-eval` in builds: the eval-free polyfills src/render/no-eval-pixi.ts installs
 * for podsim's renderers, not pixi's init module (which installs them all, the WebGPU and
 * particle-container ones too, and so bundles those systems).
 */
const PIXI_NO_EVAL_PARTS: Record<string, string> = {
  generateShaderSyncPolyfill: 'unsafe-eval/shader/generateShaderSyncPolyfill.mjs',
  generateUniformsSyncPolyfill: 'unsafe-eval/uniforms/generateUniformsSyncPolyfill.mjs',
  generateUboSyncPolyfillSTD40: 'unsafe-eval/ubo/generateUboSyncPolyfill.mjs',
};

function pixiParts(): Plugin {
  const ID = '\0podsim-pixi-parts';
  const NO_EVAL_ID = '\0podsim-pixi-no-eval';
  const lib = fileURLToPath(new URL('./node_modules/pixi.js/lib/', import.meta.url));
  const reexport = (name: string, path: string) => `export { ${name} } from ${JSON.stringify(lib + path)};`;
  return {
    name: 'podsim-pixi-parts',
    enforce: 'pre',
    // builds only: the dev server pre-bundles pixi.js whole, which loads faster than its modules one by one
    apply: 'build',
    resolveId(source) {
      if (source === 'pixi.js') return ID;
      return source === 'pixi.js/unsafe-eval' ? NO_EVAL_ID : null;
    },
    async load(id) {
      if (id === NO_EVAL_ID) return Object.entries(PIXI_NO_EVAL_PARTS).map(([name, path]) => reexport(name, path)).join('\n');
      if (id !== ID) return null;
      // where each export lives: pixi's index re-exports them all as `export { A, B } from './path.mjs';`
      const { readFile } = await import('node:fs/promises');
      const from = new Map<string, string>();
      for (const m of (await readFile(lib + 'index.mjs', 'utf8')).matchAll(/^export \{([^}]*)\} from '\.\/([^']+)';$/gm)) {
        for (const name of m[1].split(',')) from.set(name.trim(), m[2]);
      }
      return PIXI_PARTS.map((name) => {
        const path = from.get(name);
        if (!path) throw new Error(`pixi.js exports no ${name} (PIXI_PARTS in vite.config.ts)`);
        return reexport(name, path);
      }).join('\n');
    },
  };
}

/**
 * Chunks of the site. Two pages (index.html, embed.html) share most modules; left alone,
 * rolldown cuts the shared code into many small chunks by which page uses what, and each
 * compresses worse alone: ~30 kB gzip more on a first visit. Two groups instead: the app
 * (engine, UI and their libraries) and pixi (fetched with the canvas chunk). On demand:
 * kubectl's printers (the first time a read runs, kubectlOnDemand), the shell runtime and the
 * native programs (when a scenario first needs them, processRuntimeOnDemand), the scenario
 * loader with js-yaml (for a text other than a bundled file's, which comes loaded at build
 * time: scenarioLoaderOnDemand),
 * the Inspector, the YAML editor, the Markdown renderer (a bundled scenario's description comes
 * rendered at build time), the Japanese texts, the Share dialog's codec, pixi's 2D-canvas
 * fallback and each bundled scenario's YAML (fetched
 * when picked; the page has the picker's list from bundled-scenarios-plugin.ts).
 */
// not the Markdown renderer (markdown-it and its packages): a bundled scenario's description comes rendered (src/ui/markdown)
const APP_MODULES = /[\\/](src[\\/](engine[\\/]|scenario[\\/]|ui[\\/](?!markdown[\\/]render-markdown\.))|node_modules[\\/](xstate|solid-js|js-yaml)[\\/])/;
const PIXI_MODULES = /[\\/]node_modules[\\/](pixi\.js|@pixi|earcut|eventemitter3|tiny-lru|parse-svg-path|ismobilejs)[\\/]/;
/**
 * UI modules fetched on demand, so not in the app group: the YAML editor, the Inspector and its
 * statechart view, the Japanese texts (i18n/lang-loading.ts), the Share dialog's codec and
 * snippets (share/share-items.ts; a page opened with a share link fetches the codec then).
 */
const UI_ON_DEMAND = /yaml-editor|[\\/]src[\\/]ui[\\/](main\.tsx|Inspector\.tsx|Statechart\.tsx|statechart-model\.ts|i18n[\\/](ja|[\w-]+\.ja)\.ts|share[\\/](share-items|share-link|embed-snippets)\.ts)$/;
const atStart = loadedAtStart();
const chunkGroups = [
  // not main.tsx: it mounts the app when run, and embed.html imports this chunk too;
  // not what is fetched on demand (the Inspector and its statechart view: App.tsx)
  // and only what a page loads at start: what only a dynamic import reaches (the scenario loader's validators, js-yaml)
  // goes with the chunk fetched then
  { name: 'app', test: (id: string) => APP_MODULES.test(id) && atStart.has(id) && !isKubectlPrinterModule(id) && !UI_ON_DEMAND.test(id) },
  // after the app: a group takes its modules' dependencies too, and what the app shares with the printers stays in the app
  { name: 'kubectl', test: isKubectlPrinterModule },
  // not pixi's unsafe-eval polyfills (the renderer's, for a strict CSP: they go with create-renderer.ts) nor the 2D-canvas
  // renderer's parts (canvas folders, Canvas…Pipe/System/Adaptor: what a first visit needs of them comes along as a
  // dependency); but the helper both of podsim's renderers list their parts with (alone it would be a chunk of its own)
  { name: 'pixi', test: (id: string) => (PIXI_MODULES.test(id) && !/unsafe-eval|[\\/]canvas[\\/]|[\\/]Canvas\w*(Pipe|System|Adaptor)\.mjs$/.test(id)) || /[\\/]src[\\/]render[\\/]named-extensions\.ts$/.test(id) },
];

export default defineConfig({
  // embedDevRoute: /embed/pod-sim.js under `npm start`, as in the built site (public/examples/)
  plugins: [pixiParts(), bundledScenarioMeta(), kubectlOnDemand(), processRuntimeOnDemand(), scenarioLoaderOnDemand(), atStart.plugin, solid(), embedDevRoute()],
  resolve: {
    // markdown-it decodes character references with `entities` (a 25 kB gzip table);
    // the site uses a small decoder instead (src/ui/entities-lite.ts)
    alias: { entities: fileURLToPath(new URL('./src/ui/entities-lite.ts', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    outDir: 'dist/site',
    emptyOutDir: true,
    // the YAML editor (CodeMirror) is its own chunk, loaded when the editor is opened
    chunkSizeWarningLimit: 700,
    // every browser podsim supports (ES2022) preloads modules itself; older ones just fetch in turn
    modulePreload: { polyfill: false },
    // two pages: the app, and the iframe page for course sites (src/embed/iframe)
    rolldownOptions: {
      input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), embed: fileURLToPath(new URL('./embed.html', import.meta.url)) },
      output: { codeSplitting: { groups: chunkGroups } },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
