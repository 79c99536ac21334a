/**
 * Vitest global setup: an empty folder for the one site build that every browser test
 * file shares (site-harness.ts builtSite()). The first file to need it builds into it;
 * the others wait for that build instead of making their own. Removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    podsimSiteCache: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'podsim-site-cache-'));
  project.provide('podsimSiteCache', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
