// node bench/embed-size.mjs [DIR]: gzip sizes of the <pod-sim> build (default dist/embed,
// made by `npm run build:embed`), and what a poster downloads before the reader clicks it:
// pod-sim.js and whatever it imports statically (dynamic imports wait for the click).
// The scenario YAML a poster fetches for its title is the author's, and not counted here.
// Exits 1 when that first load is 20 kB gzip or more. Writes bench/results/embed-size.json.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(root, 'dist', 'embed'));
const entry = join(dir, 'pod-sim.js');
const BUDGET = 20 * 1024;

if (!existsSync(entry)) {
  console.error(`${relative(root, entry)} not found: run \`npm run build:embed\` first`);
  process.exit(2);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** the files a module pulls in before it runs: its static imports, transitively */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  // `import x from "./a.js"`, `import"./a.js"`, `export * from "./a.js"`; not `import("./a.js")`
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) staticClosure(resolve(dirname(file), m[1]), seen);
  return seen;
}

const first = [...staticClosure(entry)];
const firstGzip = first.reduce((n, f) => n + gz(f), 0);
const chunks = readdirSync(join(dir, 'chunks'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({ file: `chunks/${f}`, bytes: readFileSync(join(dir, 'chunks', f)).length, gzip: gz(join(dir, 'chunks', f)) }))
  .sort((a, b) => b.gzip - a.gzip);

const result = {
  entry: { file: 'pod-sim.js', bytes: readFileSync(entry).length, gzip: gz(entry) },
  posterFirstLoad: { files: first.map((f) => relative(dir, f)), gzip: firstGzip, budget: BUDGET },
  chunks,
};
console.log(`pod-sim.js: ${result.entry.bytes} B, ${result.entry.gzip} B gzip`);
console.log(`a poster before its click: ${first.map((f) => relative(dir, f)).join(' + ')} = ${firstGzip} B gzip (budget ${BUDGET} B)`);
for (const c of chunks) console.log(`  later: ${c.file} ${c.gzip} B gzip`);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'embed-size.json'), JSON.stringify(result, null, 2) + '\n');
if (firstGzip >= BUDGET) {
  console.error(`over budget: a poster's first load is ${firstGzip} B gzip, the limit is ${BUDGET}`);
  process.exit(1);
}
