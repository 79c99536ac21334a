/**
 * Loading a scenario from disk, for Node (the CLI and tests). Kept apart from
 * load-scenario.ts so that the browser bundle never pulls in node:fs.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { LoadResult } from './model';
import { loadScenario } from './load-scenario';

function unreadable(path: string, e: unknown): LoadResult {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message ?? e);
  return { ok: false, problems: [{ file: path, line: 1, column: 1, message: `cannot read the file: ${reason}` }] };
}

export async function loadScenarioFile(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return unreadable(path, e);
  }
  return loadScenario(text, path);
}

export function loadScenarioFileSync(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return unreadable(path, e);
  }
  return loadScenario(text, path);
}
