import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledMatching, bundledText, describeBundled, loadBundled, type BundledScenario } from '../../src/ui/bundled-scenarios';
import { bundledScenarioMeta, describeBundledFile } from '../../src/ui/bundled-scenarios-plugin';
import { textFingerprint } from '../../src/ui/text-fingerprint';
import { PodsimController } from '../../src/ui/podsim-controller';

const DIR = join(__dirname, '..', '..', 'scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');

describe("the picker's list made at build time", () => {
  it('gives for every bundled file what the full loader gives (and every bundled file loads)', () => {
    expect(FILES.length).toBeGreaterThan(10);
    for (const f of FILES) {
      const full = describeBundled(f, text(f));
      expect(full.title, f).not.toMatch(/has problems/);
      expect(describeBundledFile(f, text(f)), f).toEqual(full);
    }
  });

  it('refuses a bundled file without a named Scenario document', () => {
    expect(() => describeBundledFile('plain.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n')).toThrow(/plain\.yaml: a bundled scenario needs a Scenario document/);
  });

  it('answers ?podsim-meta ids with the entry as a module, and leaves other ids alone', async () => {
    const plugin = bundledScenarioMeta();
    const watched: string[] = [];
    const load = plugin.load as (this: { addWatchFile(f: string): void }, id: string) => Promise<string | null>;
    const ctx = { addWatchFile: (f: string) => void watched.push(f) };
    const file = join(DIR, 'readiness-moves-traffic.yaml');
    const code = await load.call(ctx, `${file}?podsim-meta`);
    expect(code).toMatch(/^export default \{/);
    expect(JSON.parse(code!.replace(/^export default /, '').replace(/;\s*$/, ''))).toEqual(describeBundled('readiness-moves-traffic.yaml', text('readiness-moves-traffic.yaml')));
    expect(watched).toEqual([file]);
    expect(await load.call(ctx, `${file}?raw`)).toBeNull();
    expect(await load.call(ctx, file)).toBeNull();
  });
});

describe('telling an unedited bundled scenario without its text', () => {
  const list = FILES.map((f) => describeBundled(f, text(f)));

  it('matches the same file name and text, not an edit or another name', () => {
    const f = 'crashloop-backoff.yaml';
    expect(bundledMatching(list, f, text(f))?.file).toBe(f);
    expect(bundledMatching(list, f, text(f) + ' ')).toBeUndefined();
    expect(bundledMatching(list, f, text(f).replace('crash', 'Crash'))).toBeUndefined();
    expect(bundledMatching(list, 'copy.yaml', text(f))).toBeUndefined();
  });

  it('fingerprints differ for texts that differ by one character, and not for equal texts', () => {
    expect(textFingerprint('abc')).toBe(textFingerprint('abc'));
    expect(textFingerprint('abc')).not.toBe(textFingerprint('abd'));
    expect(textFingerprint('')).not.toBe(textFingerprint(' '));
  });
});

describe('fetching a bundled scenario when picked', () => {
  const entry = (file: string, fetchText: () => Promise<string>): BundledScenario => ({ ...describeBundled(file, text(file)), fetchText });

  it('fetches once and keeps the text', async () => {
    let fetched = 0;
    const b = entry('liveness-restart.yaml', async () => {
      fetched++;
      return text('liveness-restart.yaml');
    });
    expect(await bundledText(b)).toBe(text('liveness-restart.yaml'));
    expect(await bundledText(b)).toBe(text('liveness-restart.yaml'));
    expect(fetched).toBe(1);
  });

  it('loads what was picked last, even when an earlier pick arrives later', async () => {
    const ctl = new PodsimController();
    let release!: () => void;
    const slow = entry('crashloop-backoff.yaml', () => new Promise<string>((ok) => (release = () => ok(text('crashloop-backoff.yaml')))));
    const fast = entry('startup-probe.yaml', async () => text('startup-probe.yaml'));
    const first = loadBundled(ctl, slow);
    expect((await loadBundled(ctl, fast)).ok).toBe(true);
    release();
    expect((await first).ok).toBe(false);
    expect(ctl.source[0]().file).toBe('startup-probe.yaml');
    ctl.destroy();
  });

  it('shows a failed fetch as a problem at the file', async () => {
    const ctl = new PodsimController();
    const r = await loadBundled(ctl, entry('startup-probe.yaml', () => Promise.reject(new Error('network down'))));
    expect(r.ok).toBe(false);
    expect(ctl.problems[0]()?.lines).toEqual(['startup-probe.yaml:1:1: could not fetch startup-probe.yaml: network down']);
    ctl.destroy();
  });
});
