import { defineConfig, type Plugin, type PluginOption } from 'vite';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import site from './vite.config.ts';

/**
 * The <pod-sim> element as a library: dist/embed/pod-sim.js (ES module, defines the
 * element, small) and dist/embed/chunks/*.js, imported relative to it when an element
 * starts (the simulator, then pixi and CodeMirror when the UI asks for them).
 * The same transforms and aliases as the site (its plugins and `resolve`).
 *
 * After a build into dist/embed it is copied to dist/site/embed/, so the built site
 * serves it next to the course pages (public/examples/ → dist/site/examples/).
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const DEFAULT_OUT = resolve(ROOT, 'dist/embed');
const SITE_COPY = resolve(ROOT, 'dist/site/embed');

function copyIntoSite(): Plugin {
  let outDir = DEFAULT_OUT;
  return {
    name: 'podsim-embed-into-site',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      // only the project's own build: a test building elsewhere places its copy itself
      if (outDir !== DEFAULT_OUT || !existsSync(resolve(ROOT, 'dist/site'))) return;
      rmSync(SITE_COPY, { recursive: true, force: true });
      cpSync(outDir, SITE_COPY, { recursive: true });
    },
  };
}

/** the site's plugins, minus anything that only makes sense for the site's dev server */
function sitePlugins(): PluginOption[] {
  return (site.plugins ?? []).filter((p) => !(p && typeof p === 'object' && 'name' in p && p.name === 'podsim-embed-dev-route'));
}

export default defineConfig({
  plugins: [...sitePlugins(), copyIntoSite()],
  resolve: site.resolve,
  // library mode leaves process.env alone (for a library's users to set); a page has no process
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: 'dist/embed',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    // library mode keeps ES output's whitespace (for bundlers that re-bundle it); this file
    // goes to browsers as is
    minify: true,
    lib: {
      entry: resolve(ROOT, 'src/embed/pod-sim.ts'),
      formats: ['es'],
      fileName: () => 'pod-sim.js',
    },
    rollupOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
});
