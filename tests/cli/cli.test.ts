// The headless runner as course authors and CI use it: exit codes, messages, output formats.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'podsim-cli-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx:1.27
`;

describe('podsim run', () => {
  it('prints JSON Lines in time order, ending with the summary', async () => {
    const r = await cli('run', file('ok.yaml', POD), '--json', '--until', '30s');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ t: 0, type: 'event', object: 'pod/web', reason: 'Scheduled', message: 'Successfully assigned default/web to node-1', count: 1 });
    expect(lines.at(-1)).toEqual({ t: 30, type: 'summary', requests: {} });
    const ts = lines.map((l) => l.t);
    expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    expect(lines.some((l) => l.type === 'pod' && l.status === 'Running' && l.ready)).toBe(true);
  });

  it('prints one readable line per change without --json', async () => {
    const r = await cli('run', file('ok2.yaml', POD), '--until', '10s');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\s+0s\s+event\s+pod\/web\s+Normal Scheduled: Successfully assigned default\/web to node-1$/m);
    expect(r.out).toMatch(/pod\s+web\s+Running/);
  });

  it('is deterministic', async () => {
    const f = file('det.yaml', POD);
    expect((await cli('run', f, '--json')).out).toBe((await cli('run', f, '--json')).out);
  });

  it('rejects wrong usage with exit code 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('run')).code).toBe(2);
    const bad = await cli('run', file('u.yaml', POD), '--until', 'soon');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--until soon');
    expect((await cli('run', file('u2.yaml', POD), '--bogus')).err).toContain('unknown flag --bogus');
    expect((await cli('kubectl', file('u3.yaml', POD), 'get', 'pods')).code).toBe(2);
  });
});

describe('bad input gives located messages and exit code 1, never a stack trace', () => {
  const cases: [string, string, RegExp][] = [
    ['malformed YAML', 'apiVersion: v1\nkind: Pod\nmetadata: {name: web\nspec: {}\n', /^\S+malformed\.yaml:\d+:\d+: /],
    ['unknown field', POD.replace('image: nginx:1.27', 'image: nginx:1.27\n    imagePullPolcy: Always'), /unknown\.yaml:8:5: .*unknown field "spec\.containers\[0\]\.imagePullPolcy"/],
    ['wrong type', POD.replace('image: nginx:1.27', 'image: nginx:1.27\n    ports: [{containerPort: "eighty"}]'), /wrongtype\.yaml:8:\d+: /],
    [
      'out-of-range probe value',
      POD.replace('image: nginx:1.27', 'image: nginx:1.27\n    livenessProbe:\n      httpGet: {path: /, port: 80}\n      successThreshold: 2'),
      /range\.yaml:10:7: spec\.containers\[0\]\.livenessProbe\.successThreshold: Invalid value: 2: must be 1/,
    ],
    [
      'unknown command in the timeline',
      `apiVersion: podsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  timeline:\n  - {at: 5s, run: "kubectl frob web"}\n---\n${POD}`,
      /badcmd\.yaml:6:\d+: .*unknown command "frob"/,
    ],
    [
      'unknown pod in the timeline',
      `apiVersion: podsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  timeline:\n  - {at: 5s, run: "sim crash nothere"}\n---\n${POD}`,
      /badpod\.yaml:6:\d+: .*nothere/,
    ],
    [
      'unknown container in the timeline',
      `apiVersion: podsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  timeline:\n  - {at: 5s, run: "sim crash web/nope"}\n---\n${POD}`,
      /badctr\.yaml:6:\d+: .*nope/,
    ],
    ['bad duration', `apiVersion: podsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  duration: ten minutes\n---\n${POD}`, /baddur\.yaml:5:\d+: .*duration/],
  ];
  const names = ['malformed', 'unknown', 'wrongtype', 'range', 'badcmd', 'badpod', 'badctr', 'baddur'];
  cases.forEach(([what, text, re], i) => {
    it(what, async () => {
      const f = file(`${names[i]}.yaml`, text);
      for (const argv of [['validate', f], ['run', f], ['kubectl', f, '--at', '10s', '--', 'get', 'pods']]) {
        const r = await cli(...argv);
        expect(r.code, argv.join(' ')).toBe(1);
        expect(r.out).toBe('');
        expect(r.err).toMatch(re);
        expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      }
    });
  });

  it('a missing file is named', async () => {
    const r = await cli('validate', join(dir, 'missing.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`podsim: cannot read ${join(dir, 'missing.yaml')}: no such file\n`);
  });
});

describe('podsim kubectl', () => {
  it('prints what kubectl prints at that moment, and exits 1 on kubectl errors', async () => {
    const f = file('k.yaml', POD);
    const r = await cli('kubectl', f, '--at', '1m', '--', 'get', 'pods');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+1\/1\s+Running\s+0\s+60s\n$/);
    const nf = await cli('kubectl', f, '--at', '1m', '--', 'get', 'pod', 'nope');
    expect(nf.code).toBe(1);
    expect(nf.err).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
