/**
 * Choosing a scenario: every bundled file, a local file, pasted YAML, or a URL
 * (also given as ?scenario=URL to the page). Problems are shown by ProblemsView.
 */
import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import type { BundledScenario, PodsimController } from './podsim-controller';
import { useI18n } from './i18n/i18n';
import { bundledMatching, bundledTitle, loadBundled } from './bundled-scenarios';

export function ScenarioPicker(props: { ctl: PodsimController; bundled: BundledScenario[]; onLoadUrl: (url: string) => void }): JSX.Element {
  const ctl = props.ctl;
  const { t, lang } = useI18n();
  const [source] = ctl.source;
  const [pasting, setPasting] = createSignal(false);
  const [paste, setPaste] = createSignal('');
  const [url, setUrl] = createSignal('');
  const [urlOpen, setUrlOpen] = createSignal(false);
  let fileInput!: HTMLInputElement;
  const current = createMemo(() => bundledMatching(props.bundled, source().file, source().text)?.file ?? '');
  const openFile = async (f: File | undefined) => {
    if (!f) return;
    const text = await f.text();
    await ctl.loadPrepared(text, f.name);
  };
  return (
    <div class="ps-picker">
      <label class="ps-field ps-field-inline">
        <span>{t('picker.scenario')}</span>
        <select
          aria-label={t('picker.scenario')}
          value={current()}
          onChange={(e) => {
            const b = props.bundled.find((x) => x.file === e.currentTarget.value);
            if (b) void loadBundled(ctl, b);
          }}
        >
          <Show when={!current()}>
            <option value="">{source().file ? t('picker.yourFile', { file: source().file }) : t('picker.choose')}</option>
          </Show>
          <For each={props.bundled}>{(b) => <option value={b.file}>{bundledTitle(b, lang())}</option>}</For>
        </select>
      </label>
      <button type="button" class="ps-btn" onClick={() => fileInput.click()}>
        {t('picker.openFile')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".yaml,.yml,text/yaml,application/yaml,text/plain"
        class="ps-sr-only"
        tabindex="-1"
        aria-label={t('picker.openFileLabel')}
        onChange={(e) => {
          void openFile(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      <button type="button" class="ps-btn" aria-expanded={pasting()} onClick={() => setPasting(!pasting())}>
        {t('picker.paste')}
      </button>
      <button type="button" class="ps-btn" aria-expanded={urlOpen()} onClick={() => setUrlOpen(!urlOpen())}>
        {t('picker.url')}
      </button>
      <Show when={pasting()}>
        <div class="ps-popover" role="group" aria-label={t('picker.pasteGroup')}>
          <label class="ps-field">
            <span>{t('picker.pasteLabel')}</span>
            <textarea rows="10" value={paste()} onInput={(e) => setPaste(e.currentTarget.value)} spellcheck={false} />
          </label>
          <div class="ps-row">
            <button
              type="button"
              class="ps-btn ps-primary"
              onClick={() => {
                void Promise.resolve(ctl.loadPrepared(paste(), 'pasted.yaml')).then((r) => r.ok && setPasting(false));
              }}
            >
              {t('picker.load')}
            </button>
            <button type="button" class="ps-btn" onClick={() => setPasting(false)}>
              {t('picker.cancel')}
            </button>
          </div>
        </div>
      </Show>
      <Show when={urlOpen()}>
        <form
          class="ps-popover"
          aria-label={t('picker.urlForm')}
          onSubmit={(e) => {
            e.preventDefault();
            if (url().trim()) {
              props.onLoadUrl(url().trim());
              setUrlOpen(false);
            }
          }}
        >
          <label class="ps-field">
            <span>{t('picker.urlLabel')}</span>
            <input type="url" value={url()} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://example.com/scenario.yaml" />
          </label>
          <div class="ps-row">
            <button type="submit" class="ps-btn ps-primary">
              {t('picker.load')}
            </button>
            <button type="button" class="ps-btn" onClick={() => setUrlOpen(false)}>
              {t('picker.cancel')}
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}

export function ProblemsView(props: { ctl: PodsimController }): JSX.Element {
  const { t } = useI18n();
  const [problems] = props.ctl.problems;
  const [scenario] = props.ctl.scenario;
  // the wrapper is always there: it is a row of the page grid
  return (
    <div class="ps-problems-slot">
    <Show when={problems()}>
      <div class="ps-problems" role="alert">
        <p>
          <b>{problems()!.lines.length === 1 ? t('problems.title.one', { file: problems()!.file }) : t('problems.title', { file: problems()!.file, n: problems()!.lines.length })}</b>
          {scenario() ? t('problems.keepsRunning') : t('problems.end')}
        </p>
        <ul>
          <For each={problems()!.lines}>{(l) => <li class="ps-mono">{l}</li>}</For>
        </ul>
        <button type="button" class="ps-btn ps-small" onClick={() => props.ctl.problems[1](null)}>
          {t('problems.dismiss')}
        </button>
      </div>
    </Show>
    </div>
  );
}
