/**
 * Build-time code (the on-demand plugins): the chunk holding a module, if a page loads it
 * before running — an entry chunk or one an entry imports statically, transitively.
 */
import type { Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

export function chunkLoadedAtStart(bundle: OutputBundle, holds: (moduleId: string) => boolean): OutputChunk | null {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const target = chunks.find((c) => c.moduleIds.some(holds));
  if (!target) return null;
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const walk = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const i of byName.get(name)?.imports ?? []) walk(i);
  };
  for (const c of chunks) if (c.isEntry) walk(c.fileName);
  return seen.has(target.fileName) ? target : null;
}
