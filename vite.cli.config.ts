import { defineConfig } from 'vite';

// The headless runner, bundled for Node so `npx podsim` starts fast.
export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'podsim.js', format: 'es' } },
  },
  ssr: { noExternal: true },
  publicDir: false,
  logLevel: 'warn',
});
