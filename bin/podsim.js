#!/usr/bin/env node
// The headless runner. `npm ci` builds dist/cli (the package's `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'podsim.js');
if (!existsSync(built)) {
  process.stderr.write('podsim: the runner is not built yet; run `npm run build:cli` (npm ci does it for you)\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(built).href);
process.exitCode = await main(process.argv.slice(2));
