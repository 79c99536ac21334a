/**
 * Edit the running scenario: CodeMirror is imported on first use, problems appear
 * inline at their line as you type, and Apply restarts the simulation with the file.
 */
import { For, Show, createEffect, createSignal, on, onCleanup, onMount, type JSX } from 'solid-js';
import type { PodsimController } from './podsim-controller';
import type { YamlEditor } from './yaml-editor';
import { formatProblem, type ScenarioProblem } from '../scenario/model';
import { useI18n } from './i18n/i18n';

export function EditorPanel(props: { ctl: PodsimController }): JSX.Element {
  const ctl = props.ctl;
  const { t } = useI18n();
  const [source] = ctl.source;
  const [status, setStatus] = createSignal<'loading' | 'ready' | 'failed'>('loading');
  const [problems, setProblems] = createSignal<ScenarioProblem[]>([]);
  const [dirty, setDirty] = createSignal(false);
  let host!: HTMLDivElement;
  let editor: YamlEditor | null = null;
  let loadedText = '';
  onMount(async () => {
    try {
      const mod = await import('./yaml-editor');
      const src = source();
      loadedText = src.text;
      editor = mod.createYamlEditor(
        host,
        src.text,
        src.file || 'scenario.yaml',
        (text, p) => {
          setProblems(p);
          setDirty(text !== loadedText);
        },
        t('editor.label'),
      );
      setStatus('ready');
    } catch {
      setStatus('failed');
    }
  });
  onCleanup(() => editor?.destroy());
  // another scenario was loaded (picker, paste, URL): show it
  createEffect(
    on(
      source,
      (s) => {
        if (editor && s.text !== editor.text()) {
          loadedText = s.text;
          editor.setText(s.text);
        }
      },
      { defer: true },
    ),
  );
  const apply = () => {
    if (!editor) return;
    const text = editor.text();
    void Promise.resolve(ctl.loadPrepared(text, source().file || 'scenario.yaml')).then((r) => {
      if (!r.ok) return;
      loadedText = text;
      setDirty(false);
      ctl.info(t('editor.applied'));
    });
  };
  const revert = () => {
    if (!editor) return;
    editor.setText(source().text);
    loadedText = source().text;
  };
  return (
    <div class="ps-editor">
      <div class="ps-row">
        <button type="button" class="ps-btn ps-primary" onClick={apply} disabled={status() !== 'ready'}>
          {t('editor.apply')}
        </button>
        <button type="button" class="ps-btn" onClick={revert} disabled={status() !== 'ready'}>
          {t('editor.revert')}
        </button>
        <span class="ps-muted" aria-live="polite">
          {status() === 'loading' ? t('editor.loading') : status() === 'failed' ? t('editor.failed') : dirty() ? t('editor.dirty') : ''}
        </span>
      </div>
      <div class="ps-editor-host" ref={host} />
      <Show when={problems().length}>
        <div class="ps-problems ps-problems-inline">
          <p>
            <b>{problems().length === 1 ? t('editor.problems.one') : t('editor.problems', { n: problems().length })}</b>
            {t('editor.problemsNote')}
          </p>
          <ul class="ps-editor-problems">
            <For each={problems()}>{(p) => <li class="ps-mono">{formatProblem(p)}</li>}</For>
          </ul>
        </div>
      </Show>
    </div>
  );
}
