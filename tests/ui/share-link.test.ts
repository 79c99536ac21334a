/**
 * The share link: base64url and deflate-raw round-trip exactly; a damaged, foreign,
 * too-long or zip-bomb link gives a message, not an exception; replaying a payload in a
 * fresh controller gives the same time, the same `kubectl get pods`, the same typed
 * commands, console and ↑/↓ history as the one it was taken from.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { decodeShare, encodeShare, fromBase64Url, shareFragment, shareUrl, toBase64Url, type SharePayload } from '../../src/ui/share/share-link';
import { capturePayload, replayShare } from '../../src/ui/share/replay-share';
import { PodsimController } from '../../src/ui/podsim-controller';
import { SCENARIO_LIMITS } from '../../src/scenario/limits';
import { elementSnippet, escapeHtml, goDuration, iframeSnippet, type SnippetInput } from '../../src/ui/share/embed-snippets';
import { scenarioText } from './fixtures';

const DEFAULT = 'readiness-moves-traffic.yaml';

function handleOf(ctl: PodsimController) {
  return {
    load: (text: string, file?: string) => ctl.load(text, file),
    seek: (t: number) => ctl.seek(t),
    run: (c: string, stdin?: string) => ctl.exec(c, stdin),
    setSpeed: (s: number) => ctl.setSpeed(s),
  };
}

async function roundTrip(p: SharePayload): Promise<SharePayload> {
  const e = await encodeShare(p);
  if (!e.ok) throw new Error(e.message);
  const d = await decodeShare(e.fragment);
  if (!d.ok) throw new Error(d.message);
  return d.payload;
}

describe('base64url', () => {
  it('round-trips any bytes and uses only the URL-safe alphabet without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const s = toBase64Url(bytes);
        expect(s).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(s).toBe(Buffer.from(bytes).toString('base64url'));
        expect([...fromBase64Url(s)!]).toEqual([...bytes]);
      }),
    );
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('ab c')).toBeNull();
  });
});

describe('share payload codec', () => {
  it('round-trips text in any language, commands with stdin, time and speed', async () => {
    const p: SharePayload = {
      file: 'probes.yaml',
      text: scenarioText(DEFAULT) + '\n# 日本語のコメント <b>&amp;</b>\n',
      commands: [
        { at: 0, run: 'kubectl get pods' },
        { at: 12.5, run: 'kubectl apply -f -', stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' },
        { at: 3, run: 'sim probe web-3 readiness fail' },
      ],
      t: 61.25,
      speed: 4,
    };
    expect(await roundTrip(p)).toEqual(p);
  });

  it('a bundled scenario makes a link of a few kilobytes', async () => {
    const e = await encodeShare({ file: DEFAULT, text: scenarioText(DEFAULT), commands: [], t: 0, speed: 1 });
    expect(e.ok).toBe(true);
    if (e.ok) {
      expect(e.fragment.length).toBeLessThan(scenarioText(DEFAULT).length);
      expect(e.fragment.length).toBeGreaterThan(100);
    }
  });

  it('refuses to make a link longer than the limit, saying what to do instead', async () => {
    // random text does not compress
    const text = randomBytes(45_000).toString('base64');
    const e = await encodeShare({ file: 'big.yaml', text, commands: [], t: 0, speed: 1 });
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.message).toMatch(/^This scenario is too large for a share link \([0-9,]+ characters; the limit is 32,000\)\. Put the YAML file on a web server/);
  });

  it('refuses more commands than a link holds', async () => {
    const commands = Array.from({ length: SCENARIO_LIMITS.shareCommands + 1 }, (_, i) => ({ at: i, run: 'kubectl get pods' }));
    const e = await encodeShare({ file: 'a.yaml', text: 'x', commands, t: 0, speed: 1 });
    expect(e.ok).toBe(false);
  });

  it('damaged, cut, foreign and oversized links give a message', async () => {
    const good = await encodeShare({ file: DEFAULT, text: scenarioText(DEFAULT), commands: [], t: 5, speed: 1 });
    if (!good.ok) throw new Error(good.message);
    const cases: [string, RegExp][] = [
      ['', /cut short or not a podsim share link/],
      ['%%%', /cut short or not a podsim share link/],
      [good.fragment.slice(0, good.fragment.length >> 1), /cut short/],
      [toBase64Url(new TextEncoder().encode('hello')), /cut short or damaged|contents are damaged/],
      [toBase64Url(deflateRawSync(Buffer.from('{"not":"an array"}'))), /not a podsim share link/],
      [toBase64Url(deflateRawSync(Buffer.from('[2,"a","b",[],0,1]'))), /newer podsim \(format 2\)/],
      [toBase64Url(deflateRawSync(Buffer.from('[1,"a","b",[[-1,"x"]],0,1]'))), /command list is damaged/],
      [toBase64Url(deflateRawSync(Buffer.from('[1,"a","b",[],"soon",1]'))), /contents are damaged/],
      ['A'.repeat(SCENARIO_LIMITS.shareChars + 1), /32,001 characters long; a share link has at most 32,000/],
    ];
    for (const [fragment, message] of cases) {
      const d = await decodeShare(fragment);
      expect(d.ok, fragment.slice(0, 40)).toBe(false);
      if (!d.ok) {
        expect(d.message).toMatch(/^This share link cannot be opened: /);
        expect(d.message, fragment.slice(0, 40)).toMatch(message);
      }
    }
  });

  it('a small link that inflates to gigabytes is stopped early', async () => {
    const bomb = toBase64Url(deflateRawSync(Buffer.alloc(8 * 1024 * 1024, 32)));
    expect(bomb.length).toBeLessThan(SCENARIO_LIMITS.shareChars);
    const d = await decodeShare(bomb);
    expect(d).toEqual({ ok: false, message: 'This share link cannot be opened: it unpacks to more than a scenario may hold.' });
  });

  it('finds the share parameter in a location hash and builds the link from a page URL', () => {
    expect(shareFragment('#share=abc_-')).toBe('abc_-');
    expect(shareFragment('#x=1&share=zz')).toBe('zz');
    expect(shareFragment('#sharex=1')).toBeNull();
    expect(shareFragment('')).toBeNull();
    expect(shareUrl('https://x.test/podsim/?scenario=a.yaml#old', 'Q1')).toBe('https://x.test/podsim/?scenario=a.yaml#share=Q1');
  });
});

describe('replaying a share link', () => {
  it('a fresh controller reaches the same time, pods, typed commands, console and history', async () => {
    const a = new PodsimController();
    expect(a.load(scenarioText(DEFAULT), DEFAULT).ok).toBe(true);
    a.exec('kubectl get pods'); // at 0
    a.seek(10);
    a.exec('sim probe web-3 readiness fail');
    a.seek(90);
    a.exec('kubectl get endpoints');
    a.seek(20); // back: the learner typed something earlier in the run
    a.exec('kubectl delete pod web-1 --grace-period=5');
    a.exec('kubectl get pods');
    a.seek(75);
    a.setSpeed(8);
    const expected = a.session.run('kubectl get pods').stdout;

    const payload = await roundTrip(capturePayload(a));
    expect(payload.commands.map((c) => c.run)).toEqual(['kubectl get pods', 'sim probe web-3 readiness fail', 'kubectl get endpoints', 'kubectl delete pod web-1 --grace-period=5', 'kubectl get pods']);

    const b = new PodsimController();
    expect(replayShare(handleOf(b), payload)).toEqual({ ok: true, problems: [] });
    expect(b.session.time()).toBe(a.session.time());
    expect(b.speed[0]()).toBe(8);
    expect(b.session.typed).toEqual(a.session.typed);
    expect(b.session.run('kubectl get pods').stdout).toBe(expected);
    // the pod deleted at 20 s is gone and web-3 was made unready: the state is not just the scenario's
    expect(expected).not.toMatch(/^web-1 /m);
    expect(expected).toMatch(/^web-3\s+0\/1/m);
    expect(b.commandHistory).toEqual(a.commandHistory);
    const shown = (c: PodsimController) => c.consoleEntries[0]().map((e) => [e.kind, e.text, e.at]);
    expect(shown(b)).toEqual(shown(a));
    a.destroy();
    b.destroy();
  });

  it('a payload whose text has problems reports them and replays nothing', () => {
    const b = new PodsimController();
    const r = replayShare(handleOf(b), { file: 'bad.yaml', text: 'kind: [', commands: [{ at: 1, run: 'sim crash web' }], t: 9, speed: 1 });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/^bad\.yaml:\d+:\d+: YAML syntax error/);
    expect(b.session.time()).toBe(0);
    b.destroy();
  });
});

describe('embed snippets', () => {
  const base: SnippetInput = { siteBase: 'https://podsim.example/', file: DEFAULT, text: 'kind: Pod\n', bundled: true, fragment: 'Q1', t: 0, speed: 1, lang: 'en', title: 'Readiness' };

  it('a bundled scenario goes by name, with start, speed and lang when they differ from the defaults', () => {
    expect(iframeSnippet(base)).toBe(`<iframe src="https://podsim.example/embed.html?scenario=${DEFAULT}" title="Readiness (podsim)" width="100%" height="480" loading="lazy"></iframe>`);
    expect(iframeSnippet({ ...base, t: 90.4, speed: 4, lang: 'ja' })).toBe(
      `<iframe src="https://podsim.example/embed.html?scenario=${DEFAULT}&amp;start=1m30s&amp;speed=4&amp;lang=ja" title="Readiness (podsim)" width="100%" height="480" loading="lazy"></iframe>`,
    );
  });

  it('anything else goes as a share fragment, and not at all when too large', () => {
    expect(iframeSnippet({ ...base, bundled: false })).toContain('src="https://podsim.example/embed.html#share=Q1"');
    expect(iframeSnippet({ ...base, bundled: false, fragment: null })).toBeNull();
  });

  it('the element carries the text inside a <pre>, escaped, and titles are escaped in attributes', () => {
    const s = elementSnippet({ ...base, text: 'a: "<script>x</script> & more"\n\n', t: 3600, lang: 'ja' });
    expect(s).toBe('<script type="module" src="https://podsim.example/embed/pod-sim.js"></script>\n<pod-sim controls="canvas console" start="1h" lang="ja"><pre>\na: &quot;&lt;script&gt;x&lt;/script&gt; &amp; more&quot;\n</pre></pod-sim>');
    expect(iframeSnippet({ ...base, title: '"><script>alert(1)</script>' })).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; (podsim)"');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('writes times as start= reads them', () => {
    expect([0, 59.6, 90, 3600, 3725].map(goDuration)).toEqual(['0s', '1m', '1m30s', '1h', '1h2m5s']);
  });
});
