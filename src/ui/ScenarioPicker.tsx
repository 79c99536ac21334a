/**
 * Choosing a scenario: every bundled file, a local file, pasted YAML, or a URL
 * (also given as ?scenario=URL to the page). Problems are shown by ProblemsView.
 */
import { For, Show, createSignal, type JSX } from 'solid-js';
import type { BundledScenario, PodsimController } from './podsim-controller';

export function ScenarioPicker(props: { ctl: PodsimController; bundled: BundledScenario[]; onLoadUrl: (url: string) => void }): JSX.Element {
  const ctl = props.ctl;
  const [source] = ctl.source;
  const [pasting, setPasting] = createSignal(false);
  const [paste, setPaste] = createSignal('');
  const [url, setUrl] = createSignal('');
  const [urlOpen, setUrlOpen] = createSignal(false);
  let fileInput!: HTMLInputElement;
  const current = () => props.bundled.find((b) => b.file === source().file && b.text === source().text)?.file ?? '';
  const openFile = async (f: File | undefined) => {
    if (!f) return;
    const text = await f.text();
    ctl.load(text, f.name);
  };
  return (
    <div class="ps-picker">
      <label class="ps-field ps-field-inline">
        <span>Scenario</span>
        <select
          aria-label="Scenario"
          value={current()}
          onChange={(e) => {
            const b = props.bundled.find((x) => x.file === e.currentTarget.value);
            if (b) ctl.load(b.text, b.file);
          }}
        >
          <Show when={!current()}>
            <option value="">{source().file ? `${source().file} (your file)` : 'Choose a scenario'}</option>
          </Show>
          <For each={props.bundled}>{(b) => <option value={b.file}>{b.title}</option>}</For>
        </select>
      </label>
      <button type="button" class="ps-btn" onClick={() => fileInput.click()}>
        Open file…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".yaml,.yml,text/yaml,application/yaml,text/plain"
        class="ps-sr-only"
        tabindex="-1"
        aria-label="Open a scenario file"
        onChange={(e) => {
          void openFile(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      <button type="button" class="ps-btn" aria-expanded={pasting()} onClick={() => setPasting(!pasting())}>
        Paste YAML…
      </button>
      <button type="button" class="ps-btn" aria-expanded={urlOpen()} onClick={() => setUrlOpen(!urlOpen())}>
        From URL…
      </button>
      <Show when={pasting()}>
        <div class="ps-popover" role="group" aria-label="Paste a scenario">
          <label class="ps-field">
            <span>Scenario or plain Kubernetes manifests (YAML)</span>
            <textarea rows="10" value={paste()} onInput={(e) => setPaste(e.currentTarget.value)} spellcheck={false} />
          </label>
          <div class="ps-row">
            <button
              type="button"
              class="ps-btn ps-primary"
              onClick={() => {
                if (ctl.load(paste(), 'pasted.yaml').ok) setPasting(false);
              }}
            >
              Load
            </button>
            <button type="button" class="ps-btn" onClick={() => setPasting(false)}>
              Cancel
            </button>
          </div>
        </div>
      </Show>
      <Show when={urlOpen()}>
        <form
          class="ps-popover"
          aria-label="Load a scenario from a URL"
          onSubmit={(e) => {
            e.preventDefault();
            if (url().trim()) {
              props.onLoadUrl(url().trim());
              setUrlOpen(false);
            }
          }}
        >
          <label class="ps-field">
            <span>URL of a scenario YAML file</span>
            <input type="url" value={url()} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://example.com/scenario.yaml" />
          </label>
          <div class="ps-row">
            <button type="submit" class="ps-btn ps-primary">
              Load
            </button>
            <button type="button" class="ps-btn" onClick={() => setUrlOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}

export function ProblemsView(props: { ctl: PodsimController }): JSX.Element {
  const [problems] = props.ctl.problems;
  const [scenario] = props.ctl.scenario;
  // the wrapper is always there: it is a row of the page grid
  return (
    <div class="ps-problems-slot">
    <Show when={problems()}>
      <div class="ps-problems" role="alert">
        <p>
          <b>{problems()!.file} has {problems()!.lines.length} problem{problems()!.lines.length === 1 ? '' : 's'}</b>
          {scenario() ? '; the previous scenario keeps running.' : '.'}
        </p>
        <ul>
          <For each={problems()!.lines}>{(l) => <li class="ps-mono">{l}</li>}</For>
        </ul>
        <button type="button" class="ps-btn ps-small" onClick={() => props.ctl.problems[1](null)}>
          Dismiss
        </button>
      </div>
    </Show>
    </div>
  );
}
