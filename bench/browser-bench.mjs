#!/usr/bin/env node
// Browser figures for `npm run bench`, measured in Debian's chromium (headless):
//  - JavaScript time per frame (engine advance + snapshot + canvas update + pixi's
//    render call) with 100 and 1,000 pods animating: median and 95th percentile;
//  - gzip size of the JavaScript a first visit loads (every script the page fetches
//    until the canvas is drawing), before the YAML editor is requested.
// Usage: node bench/browser-bench.mjs [--json] [--seconds N]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/browser/serve-static.mjs';
import { benchScenario } from './make-scenario.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.PODSIM_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const json = process.argv.includes('--json');
const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 5;

function quantile(sorted, q) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function log(...a) {
  if (!json) console.log(...a);
}

const out = mkdtempSync(join(tmpdir(), 'podsim-bench-site-'));
await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: out, emptyOutDir: true } });
const server = await serveStatic(out);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const results = { firstLoad: null, frames: [] };
try {
  // ---- first visit: every script fetched until the canvas draws
  {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await ctx.newPage();
    const scripts = new Map();
    page.on('response', async (r) => {
      const type = r.request().resourceType();
      if (type === 'script' || r.url().endsWith('.js')) {
        try {
          scripts.set(r.url(), await r.body());
        } catch {
          /* a redirect or an aborted fetch has no body */
        }
      }
    });
    await page.goto(server.url + '/');
    await page.waitForFunction(() => !!window.podsim, undefined, { timeout: 120_000 });
    await page.evaluate(() => window.podsim.canvasReady());
    await page.waitForTimeout(500);
    const files = [...scripts.entries()].map(([url, body]) => ({ file: url.replace(/^.*\//, ''), bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }));
    files.sort((a, b) => b.gzip - a.gzip);
    const editorLoaded = files.some((f) => f.file.startsWith('yaml-editor'));
    results.firstLoad = { gzipBytes: files.reduce((n, f) => n + f.gzip, 0), rawBytes: files.reduce((n, f) => n + f.bytes, 0), editorLoaded, files };
    await ctx.close();
  }
  log(`first visit: ${(results.firstLoad.gzipBytes / 1024).toFixed(1)} kB gzip of JavaScript (${(results.firstLoad.rawBytes / 1024).toFixed(0)} kB raw, ${results.firstLoad.files.length} files; editor ${results.firstLoad.editorLoaded ? 'LOADED' : 'not loaded'})`);
  for (const f of results.firstLoad.files) log(`  ${f.file.padEnd(44)} ${(f.gzip / 1024).toFixed(1).padStart(7)} kB gzip`);

  // ---- frame time with N pods animating: all pods' readiness forced to fail (10m in the
  // bench scenario), so every card pulses, probes pulse, failed requests fly
  for (const [replicas, nodes] of [
    [100, 2],
    [1000, 10],
  ]) {
    const yaml = benchScenario({ replicas, nodes, duration: '1h', faults: true });
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // ?fold=none: every pod drawn as its own card (the worst case)
    await page.goto(server.url + '/?fold=none');
    await page.waitForFunction(() => !!window.podsim, undefined, { timeout: 120_000 });
    await page.evaluate(() => window.podsim.canvasReady());
    // the scenario loader (a text other than a bundled file's) and the rest fetched on demand
    await page.evaluate(() => window.podsim.ready());
    const loaded = await page.evaluate((y) => window.podsim.load(y, 'bench.yaml'), yaml);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const seekStart = Date.now();
    await page.evaluate(() => window.podsim.seek(10 * 60 + 40));
    const seekMs = Date.now() - seekStart;
    await page.waitForTimeout(800);
    // 4×: probe ticks, endpoint changes and requests arrive within the measured frames.
    // Frames run back to back at a 60 Hz cadence (benchFrames): headless chromium rasterizes
    // WebGL in software and paces requestAnimationFrame by that, not by our JavaScript.
    await page.evaluate(() => {
      window.podsim.setSpeed(4);
      window.podsim.play();
    });
    await page.waitForTimeout(300);
    await page.evaluate(() => window.podsim.resetStats());
    const FRAMES = 60 * SECONDS;
    const r = await page.evaluate((n) => {
      const frames = window.podsim.benchFrames(n);
      return { frames, s: window.podsim.stats(), t: window.podsim.time() };
    }, FRAMES);
    // and a few seconds paced by the browser's own requestAnimationFrame, for comparison
    await page.evaluate(() => window.podsim.resetStats());
    await page.waitForTimeout(3000);
    const raf = await page.evaluate(() => window.podsim.stats().frames);
    await page.evaluate(() => window.podsim.pause());
    const frames = r.frames;
    const sorted = [...frames].sort((a, b) => a - b);
    const med = (a) => quantile([...a].sort((x, y) => x - y), 0.5);
    const mean = (a) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : NaN);
    const rafSorted = [...raf].sort((a, b) => a - b);
    const entry = {
      pods: replicas,
      nodes,
      frames: frames.length,
      medianMs: quantile(sorted, 0.5),
      p95Ms: quantile(sorted, 0.95),
      maxMs: sorted[sorted.length - 1],
      seekMs,
      canvasMedianMs: med(r.s.renderFrames),
      pixiRenderMedianMs: med(r.s.renderCalls),
      engineAdvanceMedianMs: med(r.s.advance),
      engineSnapshots: r.s.engineSnapshots.length,
      engineSnapshotMeanMs: mean(r.s.engineSnapshots),
      canvasSnapshotMeanMs: mean(r.s.canvasSnapshots),
      virtualSeconds: r.t - 640,
      rafFrames: raf.length,
      rafMedianMs: quantile(rafSorted, 0.5),
      rafP95Ms: quantile(rafSorted, 0.95),
      renderer: r.s.renderer,
      errors,
    };
    results.frames.push(entry);
    log(`${replicas} pods on ${nodes} nodes: JS per frame median ${entry.medianMs.toFixed(2)} ms, p95 ${entry.p95Ms.toFixed(2)} ms, max ${entry.maxMs.toFixed(1)} ms over ${entry.frames} frames at 60 Hz (renderer ${r.s.renderer?.renderer}, ${r.s.renderer?.cards} cards)`);
    log(`  canvas per frame median ${entry.canvasMedianMs.toFixed(2)} ms (pixi render ${entry.pixiRenderMedianMs.toFixed(2)} ms); engine advance median ${entry.engineAdvanceMedianMs.toFixed(2)} ms;`);
    log(`  ${entry.engineSnapshots} snapshots: engine ${entry.engineSnapshotMeanMs.toFixed(1)} ms each, canvas diff ${entry.canvasSnapshotMeanMs.toFixed(1)} ms each; ${entry.virtualSeconds.toFixed(1)} virtual s; seek to 10m40s ${seekMs} ms${errors.length ? `; errors: ${errors.join('; ')}` : ''}`);
    log(`  paced by headless rAF (software WebGL): ${entry.rafFrames} frames in 3 s, JS median ${entry.rafMedianMs.toFixed(2)} ms, p95 ${entry.rafP95Ms.toFixed(2)} ms`);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(out, { recursive: true, force: true });
}
if (json) console.log(JSON.stringify(results));
