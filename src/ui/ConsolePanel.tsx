/**
 * The terminal: kubectl ... and sim ... commands with kubectl's exact output,
 * history (↑/↓), Tab completion of verbs and object names, `kubectl logs -f` and
 * `kubectl get -w` following as time runs, and `kubectl apply -f -` reading the
 * manifest from the lines that follow (end with a line `EOF`).
 */
import { createEffect, createSignal, createUniqueId, For, on, Show, type JSX } from 'solid-js';
import type { PodsimController } from './podsim-controller';
import { formatClock } from './Transport';
import { complete } from './console-completion';
import { useI18n } from './i18n/i18n';
import { loadKubectlPrinters } from './kubectl-on-demand';

export function ConsolePanel(props: { ctl: PodsimController }): JSX.Element {
  const ctl = props.ctl;
  // unique per mounted simulator: two on one page must not share the label's target
  const inputId = `ps-console-input-${createUniqueId()}`;
  const { t } = useI18n();
  const [entries] = ctl.consoleEntries;
  const [following] = ctl.following;
  const [value, setValue] = createSignal('');
  const [stdin, setStdin] = createSignal<{ command: string; lines: string[] } | null>(null);
  let historyIndex = -1;
  let out!: HTMLDivElement;
  let input!: HTMLInputElement;

  createEffect(
    on(entries, () => {
      // stay at the bottom unless the learner scrolled up to read
      if (out && out.scrollHeight - out.scrollTop - out.clientHeight < 80) queueMicrotask(() => (out.scrollTop = out.scrollHeight));
    }),
  );

  const submit = () => {
    const line = value();
    setValue('');
    historyIndex = -1;
    const pending = stdin();
    if (pending) {
      if (line.trim() === 'EOF') {
        setStdin(null);
        ctl.exec(pending.command, pending.lines.join('\n') + '\n');
      } else setStdin({ command: pending.command, lines: [...pending.lines, line] });
      return;
    }
    if (/^kubectl\s+apply\s+-f\s+-\s*$/.test(line.trim())) {
      setStdin({ command: line.trim(), lines: [] });
      ctl.info(t('console.stdin'));
      return;
    }
    ctl.exec(line);
  };

  const onKey = (e: KeyboardEvent) => {
    const hist = ctl.commandHistory;
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    } else if (e.key === 'ArrowUp') {
      if (!hist.length) return;
      e.preventDefault();
      historyIndex = historyIndex < 0 ? hist.length - 1 : Math.max(0, historyIndex - 1);
      setValue(hist[historyIndex]);
    } else if (e.key === 'ArrowDown') {
      if (historyIndex < 0) return;
      e.preventDefault();
      historyIndex++;
      if (historyIndex >= hist.length) {
        historyIndex = -1;
        setValue('');
      } else setValue(hist[historyIndex]);
    } else if (e.key === 'Tab' && !e.shiftKey && value().trim() !== '') {
      e.preventDefault();
      const c = complete(value(), ctl.snapshot[0]()?.view ?? null);
      setValue(c.line);
      if (c.candidates.length) ctl.info(c.candidates.join('  '));
    } else if ((e.key === 'c' && e.ctrlKey) || e.key === 'Escape') {
      if (following() || stdin()) {
        e.preventDefault();
        ctl.closeFollow();
        setStdin(null);
        ctl.info('^C');
      }
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      ctl.exec('clear');
    }
  };

  return (
    <section class="ps-console" aria-label={t('console.label')}>
      <div class="ps-console-out" ref={out} role="log" aria-label={t('console.output')} tabindex="0">
        <For each={entries()}>
          {(e) => (
            <Show when={e.kind === 'command'} fallback={<pre class={`ps-out ps-out-${e.kind}`}>{e.text}</pre>}>
              <div class="ps-cmd">
                <span class="ps-cmd-time">[{formatClock(e.at ?? 0)}]</span> <span class="ps-prompt">$</span> {e.text}
              </div>
            </Show>
          )}
        </For>
      </div>
      <form
        class="ps-console-in"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label for={inputId} class="ps-prompt-label">
          <Show when={stdin()} fallback={following() ? t('console.following') : '$'}>
            {'>'}
          </Show>
        </label>
        <input
          id={inputId}
          ref={input}
          class="ps-console-input"
          type="text"
          autocomplete="off"
          spellcheck={false}
          aria-label={t('console.input')}
          placeholder="kubectl get pods"
          value={value()}
          onInput={(e) => setValue(e.currentTarget.value)}
          onKeyDown={onKey}
          // kubectl's printers come on demand: ask for them as the learner starts to type
          onFocus={() => void loadKubectlPrinters().catch(() => undefined)}
        />
        <button type="submit" class="ps-btn">
          {t('console.run')}
        </button>
      </form>
    </section>
  );
}
