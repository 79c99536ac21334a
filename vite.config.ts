import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [solid()],
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
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
