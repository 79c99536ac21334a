/**
 * Build-time code (vite.config.ts): which modules a page loads before it runs — the entries
 * and what they import statically, transitively — read from the module graph once it is
 * built (buildEnd), before chunks are made. The `app` chunk group takes only those, so code
 * reached only through a dynamic import (a stand-in's fetch, the Inspector, the editor) falls
 * into the chunks fetched on demand without each such module being listed by hand.
 */
import type { Plugin } from 'vite';

export interface LoadedAtStart {
  plugin: Plugin;
  /** whether a page loads this module at start; true for every module until the graph is read */
  has(id: string): boolean;
}

export function loadedAtStart(): LoadedAtStart {
  let atStart: Set<string> | null = null;
  return {
    has: (id) => atStart === null || atStart.has(id),
    plugin: {
      name: 'podsim-loaded-at-start',
      apply: 'build',
      buildStart() {
        atStart = null;
      },
      buildEnd(error) {
        if (error) return;
        const seen = new Set<string>();
        const stack = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
        if (!stack.length) this.error('podsim-loaded-at-start: the module graph has no entry');
        while (stack.length) {
          const id = stack.pop()!;
          if (seen.has(id)) continue;
          seen.add(id);
          stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
        atStart = seen;
      },
    },
  };
}
