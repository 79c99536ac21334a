import { describe, it, expect } from 'vitest';
import { pickLang, translate, localized, registerMessages } from '../../src/ui/i18n/i18n';
import '../../src/ui/i18n/messages';
import { langLoaded, langSwitcher, loadLang } from '../../src/ui/i18n/lang-loading';
import type { Lang } from '../../src/ui/i18n/i18n';
import { PodsimController } from '../../src/ui/podsim-controller';
import { Announcer } from '../../src/ui/announcer';
import { Simulation } from '../../src/engine/simulation';
import { loadScenario } from '../../src/scenario/load-scenario';
import { bundledTitle, describeBundled } from '../../src/ui/bundled-scenarios';
import { scenario, scenarioText } from './fixtures';

const DEFAULT = 'readiness-moves-traffic.yaml';

describe('pickLang', () => {
  it('takes the language asked for, by its primary subtag, in any case', () => {
    expect(pickLang('ja', ['en-US'])).toBe('ja');
    expect(pickLang('ja-JP', ['en-US'])).toBe('ja');
    expect(pickLang(' JA_jp ', [])).toBe('ja');
    expect(pickLang('en', ['ja-JP'])).toBe('en');
  });

  it("falls back to the browser's first supported language, then English", () => {
    expect(pickLang(undefined, ['ja-JP', 'en'])).toBe('ja');
    expect(pickLang(null, ['fr-FR', 'ja', 'en'])).toBe('ja');
    expect(pickLang('fr', ['de', 'en-GB', 'ja'])).toBe('en');
    expect(pickLang('', ['zh-CN'])).toBe('en');
    expect(pickLang(undefined, [])).toBe('en');
  });
});

describe('languages fetched when wanted (lang-loading.ts)', () => {
  // one test, in order: before loadLang('ja') no Japanese is registered (the page ships English only)
  it('has English only until Japanese is loaded; a switcher switches once the texts are in, the last asked winning', async () => {
    expect(langLoaded('en')).toBe(true);
    expect(langLoaded('ja')).toBe(false);
    expect(translate('ja', 'tab.inspector')).toBe(translate('en', 'tab.inspector'));
    const shown: Lang[] = [];
    const switchTo = langSwitcher((l) => shown.push(l));
    // ja asked, then en asked before ja arrived: en shows at once, ja never
    const toJa = switchTo('ja');
    await switchTo('en');
    await toJa;
    expect(shown).toEqual(['en']);
    expect(langLoaded('ja')).toBe(true);
    expect(translate('ja', 'tab.inspector')).not.toBe(translate('en', 'tab.inspector'));
    expect(translate('ja', 'tab.inspector')).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    // loaded now: a switch is immediate
    const p = switchTo('ja');
    expect(shown).toEqual(['en', 'ja']);
    await p;
    await loadLang('ja');
  });
});

describe('translate', () => {
  it('fills {params}, and falls back to English, then to the key', async () => {
    await loadLang('ja');
    registerMessages({ en: { 'test.only-en': 'only {what}' }, ja: {} });
    expect(translate('ja', 'test.only-en', { what: 'English' })).toBe('only English');
    expect(translate('ja', 'test.missing')).toBe('test.missing');
    expect(translate('en', 'canvas.service', { service: 'web', ok: 3, failed: 0 })).toBe('Service web: 3 ok, 0 failed');
    expect(translate('ja', 'canvas.service', { service: 'web', ok: 3, failed: 0 })).toBe('Service web: 成功 3、失敗 0');
    // an unknown placeholder is left as written rather than dropped
    expect(translate('en', 'canvas.service', { service: 'web' })).toBe('Service web: {ok} ok, {failed} failed');
  });
});

describe('scenario titles and descriptions in both languages', () => {
  it('the default scenario and three others load with {en, ja} title and description', () => {
    for (const file of [DEFAULT, 'crashloop-backoff.yaml', 'liveness-restart.yaml', 'startup-probe.yaml']) {
      const r = loadScenario(scenarioText(file), file);
      expect(r.ok, file).toBe(true);
      if (!r.ok) continue;
      expect(localized(r.scenario.title, 'en'), file).toMatch(/^[\x20-\x7e]+$/);
      expect(localized(r.scenario.title, 'ja'), file).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(localized(r.scenario.description, 'ja'), file).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(localized(r.scenario.description, 'en'), file).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    const s = scenario(DEFAULT);
    expect(localized(s.title, 'en')).toBe('Start here: a readiness probe moves traffic away from a sick pod');
    expect(localized(s.title, 'ja')).toBe('はじめに: Readiness プローブが不調な Pod からトラフィックを外す');
  });

  it('a plain-string or English-only title shows in every language', () => {
    expect(localized('Plain', 'ja')).toBe('Plain');
    expect(localized({ en: 'English' }, 'ja')).toBe('English');
    expect(localized({ de: 'Deutsch' }, 'ja')).toBe('Deutsch');
    expect(localized(undefined, 'ja')).toBe('');
  });

  it("the picker shows a bundled scenario's Japanese title, read from its file", () => {
    const b = describeBundled(DEFAULT, scenarioText(DEFAULT));
    expect(b).toMatchObject({ file: DEFAULT, name: 'readiness-moves-traffic', title: 'Start here: a readiness probe moves traffic away from a sick pod' });
    expect(bundledTitle(b, 'en')).toBe(b.title);
    expect(bundledTitle(b, 'ja')).toBe('はじめに: Readiness プローブが不調な Pod からトラフィックを外す');
    const plain = describeBundled('x.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n');
    expect(bundledTitle(plain, 'en')).toBe(plain.title);
    expect(bundledTitle(plain, 'ja')).toBe(plain.title);
    const broken = describeBundled('y.yaml', 'kind: [');
    expect(broken).toMatchObject({ name: 'y.yaml', title: 'y.yaml (has problems)' });
    expect(bundledTitle(broken, 'ja')).toBe('y.yaml (has problems)');
  });
});

describe('the console in Japanese', () => {
  function japaneseController(): PodsimController {
    const ctl = new PodsimController();
    ctl.lang[1]('ja');
    expect(ctl.load(scenarioText(DEFAULT), DEFAULT).ok).toBe(true);
    return ctl;
  }

  it("says what it loaded with the scenario's Japanese title; kubectl output stays English", () => {
    const ctl = japaneseController();
    const info = ctl.consoleEntries[0]().filter((e) => e.kind === 'info').map((e) => e.text);
    expect(info[0]).toBe(`${DEFAULT} を読み込みました: はじめに: Readiness プローブが不調な Pod からトラフィックを外す。kubectl または sim のコマンドを入力してください（Tab で補完、↑/↓ で履歴）。`);
    const out = ctl.exec('kubectl get pods');
    expect(out.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
    expect(out.stdout).toMatch(/web-1\s+0\/1\s+(ContainerCreating|Pending)/);
    ctl.destroy();
  });

  it('help: Japanese headings around the English command synopsis', () => {
    const ctl = japaneseController();
    const help = ctl.exec('help').stdout;
    expect(help.split('\n')[0]).toBe('コマンド:');
    expect(help).toContain('  kubectl describe pod NAME');
    expect(help).toContain('sim probe POD[/C] readiness|liveness|startup fail|pass|auto');
    expect(help).toMatch(/キー: Space で再生\/一時停止/);
    ctl.lang[1]('en');
    const en = ctl.exec('help').stdout;
    expect(en.split('\n')[0]).toBe('Commands:');
    expect(en).toMatch(/\nKeys: Space play\/pause, .*\n$/);
    // the synopsis is the same text in both
    expect(en.split('\n').slice(1, -2)).toEqual(help.split('\n').slice(1, -2));
    ctl.destroy();
  });

  it('an unknown command and a restart are explained in the UI language', () => {
    const ctl = japaneseController();
    const r = ctl.exec('ls -l');
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toBe('ls: コマンドが見つかりません（このコンソールで使えるのは kubectl ... と sim ... のコマンドです。help で一覧を表示します）\n');
    ctl.restart();
    expect(ctl.consoleEntries[0]().at(-1)!.text).toBe('0:00 からやり直しました。それまでに入力したコマンドは取り消されています。');
    ctl.lang[1]('en');
    expect(ctl.exec('ls').stderr).toBe('ls: command not found (this console takes kubectl ... and sim ... commands; try help)\n');
    ctl.destroy();
  });
});

describe('the live region in Japanese', () => {
  it('says which pod failed readiness and left its Service, with Kubernetes words kept', () => {
    const sim = new Simulation(scenario(DEFAULT));
    const a = new Announcer((key, params) => translate('ja', key, params));
    sim.advanceTo(20);
    a.prime(sim.snapshot());
    const from = sim.observations().length;
    sim.advanceTo(45);
    expect(a.describe(sim.observations().slice(from), sim.snapshot())).toContain(
      'Pod web-2: readinessプローブが 3/3 回失敗、Ready でなくなりました 0/1、Service web から外されました',
    );
    const from2 = sim.observations().length;
    sim.advanceTo(80);
    expect(a.describe(sim.observations().slice(from2), sim.snapshot())).toContain('Pod web-2: Ready になりました 1/1、Service web に戻りました');
  });

  it("follows the controller's language from one sentence to the next", () => {
    const ctl = new PodsimController();
    ctl.load(scenarioText('liveness-hung-app.yaml'), 'liveness-hung-app.yaml');
    const sim = new Simulation(scenario('liveness-hung-app.yaml'));
    sim.advanceTo(30);
    ctl.announcer.prime(sim.snapshot());
    const from = sim.observations().length;
    sim.advanceTo(75);
    ctl.lang[1]('ja');
    const said = ctl.announcer.describe(sim.observations().slice(from), sim.snapshot()).join('。');
    expect(said).toContain('Service shop: Ready なエンドポイントがなく、リクエストは失敗します');
    expect(said).toMatch(/Pod shop: .*再起動しました \(再起動 1 回、前回の終了 Error 143\)/);
    ctl.destroy();
  });
});
