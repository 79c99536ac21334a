/**
 * The built site in Debian's chromium: every bundled scenario loads and plays without
 * console errors; forcing readiness to fail from the inspector turns a pod 0/1 and takes
 * it out of its Service within the probe's window; the console prints `kubectl get pods`
 * exactly as the engine does; a YAML error is shown at its line; the keyboard drives the
 * transport; axe finds no serious or critical violations. Screenshots go to test-results/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startSite, openPage, closePages, shot, ROOT, type Site } from './site-harness';
import { loadScenario } from '../../src/scenario/load-scenario';
import { simulationAt } from '../../src/engine/seek';
// @ts-expect-error the bench scenario generator is plain JavaScript
import { benchScenario } from '../../bench/make-scenario.mjs';

const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
const DEFAULT = 'readiness-moves-traffic.yaml';

let site: Site;

beforeAll(async () => {
  site = await startSite({
    '/remote/remote-scenario.yaml': readFileSync(join(ROOT, 'scenarios', 'crashloop-backoff.yaml'), 'utf8'),
  });
});

afterEach(async () => {
  await closePages();
});

afterAll(async () => {
  await site?.close();
});

/** the text the console printed for the last command */
async function lastOutput(page: Page): Promise<string> {
  return page.evaluate(() => {
    const outs = [...document.querySelectorAll('.ps-console-out > *')];
    const lastCmd = outs.map((e) => e.classList.contains('ps-cmd')).lastIndexOf(true);
    return outs
      .slice(lastCmd + 1)
      .filter((e) => e.classList.contains('ps-out-stdout'))
      .map((e) => e.textContent ?? '')
      .join('');
  });
}

describe('every bundled scenario', () => {
  it(
    'loads from the picker and plays to its end without console errors',
    async () => {
      const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`);
      expect(SCENARIOS.length).toBeGreaterThan(10);
      for (const file of SCENARIOS) {
        await page.getByLabel('Scenario', { exact: true }).selectOption(file);
        // its YAML is fetched when picked: wait until it has loaded (a load clears the console, then says so)
        await page.locator('.ps-out-info', { hasText: `Loaded ${file}:` }).waitFor({ timeout: 10_000 });
        const state = await page.evaluate(() => ({ problems: document.querySelector('.ps-problems')?.textContent ?? null, t: window.podsim.time(), d: window.podsim.duration() }));
        expect(state.problems, file).toBeNull();
        expect(state.t, file).toBe(0);
        // play a little in real time at top speed, then run to the end
        await page.evaluate(() => {
          window.podsim.setSpeed(64);
          window.podsim.play();
        });
        await page.waitForFunction(() => window.podsim.time() > 5, undefined, { timeout: 10_000 });
        await page.evaluate(() => window.podsim.seek(window.podsim.duration()));
        await page.waitForTimeout(150);
        const end = await page.evaluate(() => ({ t: window.podsim.time(), cards: window.podsim.stats().renderer?.cards ?? -1, pods: window.podsim.snapshot()?.view.pods.length ?? -1 }));
        expect(end.t, file).toBeCloseTo(state.d, 6);
        expect(end.cards, file).toBeGreaterThanOrEqual(0);
        if (file === 'rolling-update-held-back.yaml' || file === DEFAULT) await shot(page, `scenario-${file.replace('.yaml', '')}-end`);
      }
      expect(errors).toEqual([]);
    },
    240_000,
  );

  it('loads a scenario from ?scenario=URL', async () => {
    const { page, errors } = await openPage(site, `?scenario=${encodeURIComponent(`${site.url}/remote/remote-scenario.yaml`)}`);
    await page.waitForFunction(() => window.podsim.duration() > 0);
    expect(await page.evaluate(() => window.podsim.snapshot()?.view.pods.map((p) => p.metadata.name))).toEqual(['crasher']);
    await expect.poll(() => page.getByLabel('Scenario', { exact: true }).inputValue()).toBe('');
    expect(errors).toEqual([]);
  });
});

describe('the default scenario', () => {
  it('forcing readiness to fail from the inspector turns the pod 0/1 and drops it from its Service within failureThreshold × period', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`);
    await page.evaluate(() => window.podsim.seek(20));
    expect(await page.evaluate(() => window.podsim.kubectl('get pods web-3').stdout)).toMatch(/web-3\s+1\/1\s+Running/);
    await page.evaluate(() => window.podsim.select('web-3'));
    await page.getByRole('tab', { name: 'Inspector' }).click();
    const fail = page.locator('fieldset', { hasText: 'Force readiness' }).getByLabel('fail');
    await fail.check();
    await shot(page, 'inspector-forced-readiness');
    // the toggle ran the console's command and it is in the console
    await expect.poll(() => page.locator('.ps-cmd').last().textContent()).toContain('sim probe web-3/web readiness fail');
    const t0 = await page.evaluate(() => window.podsim.time());
    // period 5 s, failureThreshold 3: still ready before the third failed probe can have run ...
    await page.evaluate((t) => window.podsim.seek(t + 5 * 2 - 0.5), t0);
    expect(await page.evaluate(() => window.podsim.kubectl('get pods web-3').stdout)).toMatch(/web-3\s+1\/1/);
    // ... and out within failureThreshold periods (plus one period for the ticker's phase)
    await page.evaluate((t) => window.podsim.seek(t + 5 * 4), t0);
    expect(await page.evaluate(() => window.podsim.kubectl('get pods web-3').stdout)).toMatch(/web-3\s+0\/1\s+Running/);
    const eps = await page.evaluate(() => {
      const s = window.podsim.snapshot()!;
      return s.view.endpointSlices.flatMap((x) => x.endpoints.map((e) => ({ pod: e.targetRef.name, ready: e.conditions.ready })));
    });
    expect(eps).toContainEqual({ pod: 'web-3', ready: false });
    expect(eps.filter((e) => e.ready).map((e) => e.pod).sort()).not.toContain('web-3');
    const routes = await page.evaluate(() => window.podsim.snapshot()!.traffic[0].routes.map((r) => r.pod));
    expect(routes).not.toContain('web-3');
    // the inspector shows it as the run of failures against the threshold
    await expect.poll(() => page.locator('.ps-probe').first().textContent()).toMatch(/3\/3 failures in a row/);
    expect(await page.locator('.ps-canvas').getAttribute('aria-label')).toMatch(/web-3 Running 0\/1/);
    await shot(page, 'default-web-3-not-ready');
    expect(errors).toEqual([]);
  });

  it('announces what changed in the live region while playing', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`);
    await page.evaluate(() => window.podsim.seek(25));
    await page.evaluate(() => {
      window.podsim.setSpeed(16);
      window.podsim.play();
    });
    // web-2's /ready answers 503 from ~30 s: three failed probes take it out of the Service
    await page.waitForFunction(() => (document.querySelector('[data-podsim-live]')?.textContent ?? '').includes('removed from Service web'), undefined, { timeout: 20_000 });
    const said = await page.locator('[data-podsim-live]').textContent();
    expect(said).toMatch(/pod web-2: readiness failed 3\/3, not ready 0\/1/);
    await page.evaluate(() => window.podsim.pause());
    await shot(page, 'default-playing');
    expect(errors).toEqual([]);
  });
});

describe('the console', () => {
  it('prints kubectl get pods exactly as the engine does, with history and completion', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`);
    await page.evaluate(() => window.podsim.seek(47.5));
    const input = page.getByRole('textbox', { name: /Command/ });
    await input.fill('kubectl get pods');
    await input.press('Enter');
    const printed = await lastOutput(page);
    const r = loadScenario(readFileSync(join(ROOT, 'scenarios', DEFAULT), 'utf8'), DEFAULT);
    if (!r.ok) throw new Error('default scenario does not load');
    const expected = simulationAt(r.scenario, [], 47.5).run('kubectl get pods').stdout;
    expect(printed).toBe(expected);
    expect(printed).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
    // history: ↑ brings the command back
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('kubectl get pods');
    // completion of a pod name
    await input.fill('kubectl describe pod web-');
    await input.press('Tab');
    await expect.poll(() => page.locator('.ps-out-info').last().textContent()).toBe('web-1  web-2  web-3');
    await input.fill('kubectl logs web-3 -');
    await input.fill('sim probe web-');
    await input.press('Tab');
    expect(await input.inputValue()).toBe('sim probe web-');
    await input.fill('sim pro');
    await input.press('Tab');
    expect(await input.inputValue()).toBe('sim probe ');
    await shot(page, 'console');
    expect(errors).toEqual([]);
  });

  it('fetches kubectl on demand: a read run before it arrives prints, once it does, what it would have printed then', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`, undefined, { ready: false });
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/assets\/kubectl-[\w-]+\.js$/.test(e.name)));
    // not with the page
    expect(await fetched()).toBe(false);
    // run at 47.5 s, and time moved on before the printers can have arrived
    const first = await page.evaluate(() => {
      window.podsim.seek(47.5);
      const out = window.podsim.run('kubectl get pods');
      window.podsim.seek(120);
      return out;
    });
    expect(first).toMatchObject({ stdout: '', exitCode: 1 });
    expect(first.stderr).toMatch(/kubectl is still loading/);
    const r = loadScenario(readFileSync(join(ROOT, 'scenarios', DEFAULT), 'utf8'), DEFAULT);
    if (!r.ok) throw new Error('default scenario does not load');
    await expect.poll(() => lastOutput(page)).toBe(simulationAt(r.scenario, [], 47.5).run('kubectl get pods').stdout);
    expect(await fetched()).toBe(true);
    // the "loading" line was replaced by the output
    expect(await page.locator('.ps-console-out').textContent()).not.toMatch(/loading kubectl/);
    // from then on, at once
    await page.evaluate(() => window.podsim.ready());
    expect(await page.evaluate(() => window.podsim.run('kubectl get pods').stdout)).toBe(simulationAt(r.scenario, [], 120).run('kubectl get pods').stdout);
    expect(errors).toEqual([]);
  });
});

describe('the shell, fetched when a scenario first needs it', () => {
  it('is not loaded with the default scenario; kubectl exec, a script scenario and a scripted load fetch it first', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`, undefined, { ready: false });
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/assets\/process-runtime-[\w-]+\.js$/.test(e.name)));
    expect(await fetched()).toBe(false);
    // a script scenario loaded by a script before the shell (and the loader: this text is not the page's) is in: refused with a reason, nothing lost
    const exec = readFileSync(join(ROOT, 'scenarios', 'readiness-exec-file.yaml'), 'utf8');
    const early = await page.evaluate((t) => window.podsim.load(t, 'readiness-exec-file.yaml'), exec);
    expect(early.ok).toBe(false);
    expect(early.problems.join('\n')).toMatch(/still fetching the (shell|scenario loader) .* await podsim\.ready\(\)/);
    expect(await page.evaluate(() => window.podsim.duration())).toBe(120);
    // kubectl exec in the default scenario (its pods run no script) also needs it: the clock stops, then it runs where it was typed
    await page.evaluate(() => window.podsim.seek(20));
    await page.locator('.ps-console-input').fill('kubectl exec web-1 -- hostname');
    await page.locator('.ps-console-input').press('Enter');
    await expect.poll(() => lastOutput(page)).toBe('web-1\n');
    expect(await fetched()).toBe(true);
    expect(await page.evaluate(() => window.podsim.time())).toBe(20);
    // and now the scripted load goes through, the exec probe running in the shell
    await page.evaluate(() => window.podsim.ready());
    expect(await page.evaluate((t) => window.podsim.load(t, 'readiness-exec-file.yaml').ok, exec)).toBe(true);
    await page.evaluate(() => window.podsim.seek(60));
    expect(await page.evaluate(() => window.podsim.run('kubectl get pods').stdout)).toMatch(/^NAME\s+READY/);
    expect(errors).toEqual([]);
  });
});

describe('the scenario loader, fetched when a text other than a bundled file\'s is loaded', () => {
  it('is not loaded for the bundled scenarios; pasted YAML fetches it, and its problems show at their lines', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`, undefined, { ready: false });
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/assets\/(load-scenario|js-yaml)-[\w-]+\.js$/.test(e.name)));
    expect(await fetched()).toBe(false);
    // another bundled scenario, picked: its build-time model, still no loader
    await page.getByLabel('Scenario', { exact: true }).selectOption('liveness-restart.yaml');
    await expect.poll(() => page.evaluate(() => window.podsim.duration())).toBe(180);
    await expect.poll(() => page.evaluate(() => window.podsim.run('kubectl get pods').stdout)).toMatch(/^NAME\s+READY/);
    expect(await fetched()).toBe(false);
    // pasted YAML with a mistake: the loader is fetched, the problem shows with its line, the text stays
    await page.getByRole('button', { name: 'Paste YAML' }).click();
    const area = page.getByRole('textbox', { name: /plain Kubernetes manifests/ });
    const bad = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    readinessProbe:\n      periodSeconds: soon\n';
    await area.fill(bad);
    await area.locator('xpath=ancestor::*[@role="group"][1]').getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(fetched).toBe(true);
    await expect.poll(() => page.locator('.ps-problems').textContent()).toMatch(/pasted\.yaml:10:\d+/);
    expect(await area.inputValue()).toBe(bad);
    expect(errors).toEqual([]);
  });
});

describe('kubectl logs -f', () => {
  it('follows the log as virtual time runs, until Escape', async () => {
    const { page, errors } = await openPage(site, '?scenario=logs-previous.yaml');
    await page.evaluate(() => window.podsim.seek(12));
    const input = page.getByRole('textbox', { name: /Command/ });
    await input.fill('kubectl logs orders -c metrics -f');
    await input.press('Enter');
    const count = () => page.evaluate(() => (document.querySelector('.ps-console-out')?.textContent?.match(/scraped app/g) ?? []).length);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await page.evaluate(() => {
      window.podsim.setSpeed(16);
      window.podsim.play();
    });
    await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(before + 2);
    await page.evaluate(() => window.podsim.pause());
    await input.press('Escape');
    const stopped = await count();
    await page.evaluate(() => window.podsim.seek(window.podsim.time() + 30));
    await page.waitForTimeout(200);
    expect(await count()).toBe(stopped);
    expect(errors).toEqual([]);
  });
});

describe('the YAML editor', () => {
  it('shows a validation problem at its line, and Apply restarts with a fixed file', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`);
    await page.getByRole('tab', { name: 'YAML' }).click();
    const editor = page.locator('.cm-content');
    await editor.waitFor();
    const good = readFileSync(join(ROOT, 'scenarios', DEFAULT), 'utf8');
    const lines = good.split('\n');
    const at = lines.findIndex((l) => l.includes('periodSeconds: 5'));
    const bad = lines.map((l, i) => (i === at ? l.replace('periodSeconds: 5', 'periodSeconds: five') : l)).join('\n');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(bad);
    const problem = page.locator('.ps-editor-problems li').first();
    await problem.waitFor({ timeout: 10_000 });
    expect(await problem.textContent()).toMatch(new RegExp(`^${DEFAULT.replace('.', '\\.')}:${at + 1}:\\d+: `));
    // the lint mark sits on that line
    // (the editor lives in its own shadow root: playwright's locators pierce it, document.querySelector doesn't)
    const markedLine = await page.locator('.cm-lintRange-error').first().evaluate((m) => {
      const line = m.closest('.cm-line');
      return line ? [...line.parentElement!.children].indexOf(line) : -1;
    });
    expect(markedLine).toBeGreaterThanOrEqual(0);
    // CodeMirror renders only the visible lines: compare by text instead of index
    expect(await page.locator('.cm-lintRange-error').first().evaluate((e) => e.closest('.cm-line')?.textContent)).toContain('periodSeconds: five');
    await shot(page, 'yaml-error');
    // Apply refuses the broken file (the running one stays) ...
    await page.getByRole('button', { name: 'Apply and restart' }).click();
    await expect.poll(() => page.locator('.ps-problems[role="alert"]').count()).toBe(1);
    // ... and takes a fixed one, restarting from 0
    await page.evaluate(() => window.podsim.seek(30));
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(good.replace('rps: 4', 'rps: 9'));
    await page.getByRole('button', { name: 'Apply and restart' }).click();
    await expect.poll(() => page.evaluate(() => window.podsim.time())).toBe(0);
    await page.evaluate(() => window.podsim.seek(5));
    expect(await page.evaluate(() => window.podsim.snapshot()!.traffic[0].rps)).toBe(9);
    expect(errors).toEqual([]);
  });

  it('shows the problems of a pasted file with FILE:LINE:COLUMN instead of a blank page', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`);
    await page.getByRole('button', { name: 'Paste YAML…' }).click();
    await page.getByLabel('Scenario or plain Kubernetes manifests (YAML)').fill('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports: [{containerPort: "http"}]\n');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    const alert = page.locator('.ps-problems[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/pasted\.yaml:8:\d+: /);
    // the previous scenario keeps running
    expect(await page.evaluate(() => window.podsim.snapshot()!.view.pods.length)).toBe(3);
    await shot(page, 'paste-problems');
    expect(errors).toEqual([]);
  });
});

describe('keyboard', () => {
  it('Space plays and pauses, arrows step between events, and every control is reachable by Tab', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`);
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => window.podsim.playing())).toBe(true);
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => window.podsim.playing())).toBe(false);
    await page.evaluate(() => window.podsim.seek(0));
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('ArrowRight');
      times.push(await page.evaluate(() => window.podsim.time()));
    }
    // each step lands on a later instant where something observable happened
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => window.podsim.time())).toBe(times[2]);
    // Tab order reaches the transport, the tabs and the console with their names
    const names: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      names.push(await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        return e ? e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.tagName : '';
      }));
    }
    expect(names).toContain('Play (Space)');
    expect(names).toContain('Step to the next event (Right arrow)');
    expect(names).toContain('Timeline');
    expect(names).toContain('About');
    expect(names.some((n) => n.startsWith('Command'))).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('the canvas', () => {
  it('folds many pods of a Deployment into one glyph and unfolds them from the inspector', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`);
    const yaml = benchScenario({ replicas: 30, nodes: 1, duration: '10m', faults: true });
    expect((await page.evaluate((y) => window.podsim.load(y, 'thirty.yaml'), yaml)).ok).toBe(true);
    await page.evaluate(() => window.podsim.seek(30));
    await expect.poll(() => page.evaluate(() => window.podsim.stats().renderer)).toMatchObject({ groups: 1, cards: 0 });
    await shot(page, 'folded-deployment');
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByRole('button', { name: 'fold/unfold' }).click();
    await expect.poll(() => page.evaluate(() => window.podsim.stats().renderer)).toMatchObject({ groups: 0, cards: 30 });
    await shot(page, 'unfolded-deployment');
    expect(errors).toEqual([]);
  });

  it('replaces motion with discrete changes under prefers-reduced-motion', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`, undefined, { reducedMotion: 'reduce' });
    await page.evaluate(() => {
      window.podsim.seek(40);
      window.podsim.setSpeed(8);
      window.podsim.play();
    });
    await page.waitForTimeout(1200);
    const st = await page.evaluate(() => ({ r: window.podsim.stats().renderer!, t: window.podsim.time() }));
    expect(st.t).toBeGreaterThan(41);
    // no request particles in flight, nothing pulsing: the counters and line styles carry it
    expect(st.r.particles).toBe(0);
    expect(st.r.flows).toBe(0);
    expect(st.r.animating).toBe(0);
    await page.evaluate(() => window.podsim.pause());
    await shot(page, 'reduced-motion');
    expect(errors).toEqual([]);
  });
});

describe('accessibility', () => {
  it('axe finds no serious or critical violations in the main views', async () => {
    const { page, errors } = await openPage(site, `?scenario=${DEFAULT}`);
    await page.evaluate(() => window.podsim.seek(50));
    const serious = async (view: string) => {
      const r = await new AxeBuilder({ page }).analyze();
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${view}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    };
    const found: string[] = [];
    found.push(...(await serious('about')));
    await shot(page, 'main');
    await page.evaluate(() => window.podsim.select('web-2'));
    await page.getByRole('tab', { name: 'Inspector' }).click();
    found.push(...(await serious('inspector')));
    await shot(page, 'inspector');
    await page.getByRole('tab', { name: 'Events' }).click();
    found.push(...(await serious('events')));
    await shot(page, 'events');
    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.locator('.cm-content').waitFor();
    found.push(...(await serious('yaml')));
    await shot(page, 'yaml');
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
});
