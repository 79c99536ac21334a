// npm run bench: speed and memory of the engine (and of the browser app when Chromium is there).
// Medians of several runs; nothing here is asserted by tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchScenario } from './make-scenario.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli', 'podsim.js');
if (!existsSync(cli)) execFileSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'inherit' });
const dir = join(tmpdir(), 'podsim-bench');
mkdirSync(dir, { recursive: true });
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};

function timeCommand(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

// 1. 1,000 pods (a Deployment on 10 nodes), readiness + liveness every 10 s, 50 rps, faults; one virtual hour
const f1000 = join(dir, 'bench-1000.yaml');
writeFileSync(f1000, benchScenario({ replicas: 1000, nodes: 10 }));
const t1000 = [];
for (let i = 0; i < runs; i++) t1000.push(timeCommand([join(root, 'bin', 'podsim.js'), 'run', f1000, '--json']));
results.run1000 = { medianMs: median(t1000), minMs: Math.min(...t1000), maxMs: Math.max(...t1000), runs: t1000.length, targetMs: 2000, ratioToTarget: median(t1000) / 2000 };
console.log(`1,000 pods, 1 h, whole \`podsim run --json\`: median ${results.run1000.medianMs.toFixed(0)} ms (min ${results.run1000.minMs.toFixed(0)}, max ${results.run1000.maxMs.toFixed(0)}; target 2000 ms, ratio ${results.run1000.ratioToTarget.toFixed(2)})`);

// 2. 10,000 pods for one virtual hour: completes, peak memory
const f10k = join(dir, 'bench-10000.yaml');
writeFileSync(f10k, benchScenario({ replicas: 10000, nodes: 100 }));
const memScript = `const m = await import(${JSON.stringify(cli)}); const code = await m.main(['run', ${JSON.stringify(f10k)}, '--json'], { out() {}, err(s) { process.stderr.write(s); } }); process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + ' CODE ' + code + '\\n');`;
const t0 = Date.now();
const mem = spawnSync(process.execPath, ['--input-type=module', '-e', memScript], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
const m = /MAXRSS (\d+) CODE (\d+)/.exec(mem.stderr ?? '');
results.run10000 = { wallMs: Date.now() - t0, maxRssMB: m ? Number(m[1]) / 1024 : null, exitCode: m ? Number(m[2]) : mem.status, targetMB: 500 };
console.log(`10,000 pods, 1 h: ${results.run10000.exitCode === 0 ? 'completed' : 'FAILED'} in ${results.run10000.wallMs} ms, peak RSS ${results.run10000.maxRssMB?.toFixed(0)} MB (target < 500 MB)`);

// 3. seeking in a one-hour, 100-pod scenario from checkpoints
const f100 = join(dir, 'bench-100.yaml');
writeFileSync(f100, benchScenario({ replicas: 100, nodes: 2 }));
const seekScript = `
const m = await import(${JSON.stringify(cli)});
const { readFileSync } = await import('node:fs');
const r = m.loadScenario(readFileSync(${JSON.stringify(f100)}, 'utf8'), 'bench-100.yaml');
const { Timeline } = m;
let t0 = performance.now();
const tl = new Timeline(r.scenario, [], 15);
tl.extendTo(3600);
const buildMs = performance.now() - t0;
const times = [];
let x = 12345;
for (let i = 0; i < 30; i++) {
  x = (x * 1103515245 + 12345) % 2147483648;
  const t = Math.round((x / 2147483648) * 3600 * 10) / 10;
  t0 = performance.now();
  const sim = tl.at(t);
  sim.view();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ buildMs, medianMs: times[15], p95Ms: times[28], maxMs: times[29] }));
`;
const seek = spawnSync(process.execPath, ['--input-type=module', '-e', seekScript], { cwd: root, encoding: 'utf8' });
if (seek.status !== 0) throw new Error(seek.stderr);
results.seek100 = { ...JSON.parse(seek.stdout.trim().split('\n').pop()), targetMs: 50 };
console.log(`seek in a 1 h, 100-pod run (checkpoints every 15 s): median ${results.seek100.medianMs.toFixed(1)} ms, p95 ${results.seek100.p95Ms.toFixed(1)} ms, max ${results.seek100.maxMs.toFixed(1)} ms (target < 50 ms); building the checkpoints took ${results.seek100.buildMs.toFixed(0)} ms`);

// 4. the browser app (per-frame time, first-load size), when its bench and Chromium are there
const browserBench = join(root, 'bench', 'browser-bench.mjs');
if (existsSync(browserBench) && existsSync('/usr/bin/chromium') && process.env.BENCH_BROWSER !== '0') {
  const b = spawnSync(process.execPath, [browserBench, '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    results.browser = JSON.parse((b.stdout ?? '').trim().split('\n').pop());
    const fl = results.browser.firstLoad;
    if (fl) {
      console.log(`first visit: ${(fl.gzipBytes / 1024).toFixed(1)} kB gzip of JavaScript (${(fl.rawBytes / 1024).toFixed(0)} kB raw; editor ${fl.editorLoaded ? "loaded" : "not loaded"}; target < 250 kB)`);
      // per chunk; `node bench/chunk-sources.mjs DIR` breaks a chunk down by package
      for (const f of fl.files ?? []) console.log(`  ${f.file.replace(/-[\w-]{8}\.js$/, '.js').padEnd(28)} ${(f.gzip / 1024).toFixed(1).padStart(6)} kB gzip ${(f.bytes / 1024).toFixed(0).padStart(5)} kB raw`);
    }
    for (const f of results.browser.frames ?? []) {
      console.log(`${f.pods ?? f.replicas ?? '?'} pods: JS per frame median ${f.medianMs?.toFixed(2)} ms, p95 ${f.p95Ms?.toFixed(2)} ms (target < 4 ms at 1,000 pods)`);
      // the frames that take a new snapshot are the slow ones: the engine builds it, the canvas applies it
      console.log(`  slowest frame ${f.maxMs?.toFixed(1)} ms; ${f.engineSnapshots} snapshots: engine ${f.engineSnapshotMeanMs?.toFixed(1)} ms, canvas ${f.canvasSnapshotMeanMs?.toFixed(1)} ms each (mean)`);
    }
  } catch {
    results.browser = { status: b.status };
    console.log(`browser bench failed (exit ${b.status})`);
  }
}

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'engine.json'), JSON.stringify(results, null, 2) + '\n');
