/**
 * Under `npm start` (vite's dev server), `/embed/pod-sim.js` — the path the built site
 * serves the element at — is the element's source, so the course pages in
 * public/examples/ work unchanged in development. Build-time code (vite.config.ts).
 */
import type { Plugin } from 'vite';

export const EMBED_SCRIPT_PATH = '/embed/pod-sim.js';

export function embedDevRoute(): Plugin {
  return {
    name: 'podsim-embed-dev-route',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [path, query] = (req.url ?? '').split('?');
        if (path === EMBED_SCRIPT_PATH) req.url = `/src/embed/pod-sim.ts${query ? `?${query}` : ''}`;
        next();
      });
    },
  };
}
