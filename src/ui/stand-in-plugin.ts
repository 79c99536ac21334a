/**
 * Build-time code (vite.config.ts): code a page fetches when first wanted instead of with
 * the page. In the site and the <pod-sim> build, imports of a module resolve to a stand-in
 * of the same shape that fetches the real one (which only the stand-in imports); Node (CLI,
 * tests) is not built with these plugins and imports the real module. The build fails if no
 * import was redirected (the module was renamed) or if the real module ends up in a chunk a
 * page loads at start anyway.
 */
import type { Plugin } from 'vite';
import { chunkLoadedAtStart } from './chunk-loaded-at-start.js';

export interface StandIn {
  /** the plugin's name, in its errors */
  name: string;
  /** what is fetched, in words: "the shell runtime" */
  what: string;
  /** import specifiers worth resolving (a cheap filter before the resolved id is checked) */
  source: RegExp;
  /** the resolved id of the module stood in for */
  real: RegExp;
  /** absolute path of the stand-in */
  standIn: string;
  /** only imports from these modules are redirected (default: every module but the stand-in) */
  importer?: RegExp;
  /** the file defining this plugin, for the error saying what to update */
  definedIn: string;
}

export function standInPlugin(s: StandIn): Plugin {
  let redirected = false;
  let serving = false;
  return {
    name: s.name,
    enforce: 'pre',
    configResolved(c) {
      serving = c.command === 'serve';
    },
    async resolveId(source, importer) {
      if (!importer || importer === s.standIn || !s.source.test(source) || (s.importer && !s.importer.test(importer))) return null;
      const r = await this.resolve(source, importer, { skipSelf: true });
      if (!r || !s.real.test(r.id)) return null;
      redirected = true;
      return s.standIn;
    },
    generateBundle(_options, bundle) {
      if (serving) return;
      if (!redirected) this.error(`${s.name}: nothing imports ${s.real.source} any more; update ${s.definedIn}`);
      const chunk = chunkLoadedAtStart(bundle, (id) => s.real.test(id));
      if (chunk) this.error(`${s.name}: ${s.what} is in ${chunk.fileName}, which a page loads at start; check the chunk groups in vite.config.ts`);
    },
  };
}
