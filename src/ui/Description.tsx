/**
 * The scenario's title and description, rendered from Markdown (markdown/render-markdown.ts).
 * Raw HTML in the description is shown as text (markdown-it with html disabled), so a
 * scenario file cannot inject markup into the page.
 *
 * An unedited bundled scenario's description was rendered at build time and comes with
 * its file (bundledDescriptionHtml); any other text is rendered here, by markdown-it fetched
 * on demand (markdown-on-demand.ts). Until it arrives the description shows as plain text
 * (`data-pending` on .ps-md), never as HTML.
 */
import { For, Show, createEffect, createMemo, createSignal, type JSX } from 'solid-js';
import type { PodsimController } from './podsim-controller';
import { bundledDescriptionHtml, type BundledScenario } from './bundled-scenarios';
import { localized, useI18n } from './i18n/i18n';
import { loadRenderMarkdown, loadedRenderMarkdown } from './markdown/markdown-on-demand';
import { ChecksList } from './ChecksList';

/** Markdown shown as text while the renderer is on its way: one paragraph per blank-line-separated block */
function plainParagraphs(src: string): string[] {
  return src.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
}

export function Description(props: { ctl: PodsimController; bundled?: readonly BundledScenario[] }): JSX.Element {
  const [scenario] = props.ctl.scenario;
  const [source] = props.ctl.source;
  const { t, lang } = useI18n();
  const [render, setRender] = createSignal(loadedRenderMarkdown());
  const markdown = createMemo(() => localized(scenario()?.description, lang()));
  const prerendered = createMemo(() => (scenario() ? bundledDescriptionHtml(props.bundled ?? [], source().text, lang()) : undefined));
  // undefined: not renderable yet (shown as text meanwhile)
  const html = createMemo((): string | undefined => {
    const pre = prerendered();
    if (pre !== undefined) return pre;
    const r = render();
    return r ? r(markdown()) : undefined;
  });
  createEffect(() => {
    if (!scenario() || prerendered() !== undefined || render()) return;
    // a failed fetch leaves the text as it is shown; the next scenario loaded tries again
    loadRenderMarkdown().then(
      (r) => setRender(() => r),
      () => {},
    );
  });
  return (
    <div class="ps-description">
      <Show when={scenario()} fallback={<p class="ps-muted">{t('canvas.none')}</p>}>
        <h2 class="ps-h2">{localized(scenario()!.title, lang()) || scenario()!.name}</h2>
        <Show
          when={html() !== undefined}
          fallback={
            <div class="ps-md" data-pending="">
              <For each={plainParagraphs(markdown())}>{(p) => <p>{p}</p>}</For>
            </div>
          }
        >
          <div class="ps-md" innerHTML={html()} />
        </Show>
        <ChecksList ctl={props.ctl} />
        <Legend />
      </Show>
    </div>
  );
}

/** the legend's items, catalogue keys in src/ui/i18n/messages-panels.ts */
const LEGEND = [
  'about.legend.ready',
  'about.legend.notReady',
  'about.legend.backoff',
  'about.legend.terminating',
  'about.legend.pending',
  'about.legend.restarts',
  'about.legend.containers',
  'about.legend.probes',
  'about.legend.traffic',
] as const;

/** a catalogue text's **bold** and `code` as elements (the text is never parsed as HTML) */
export function richText(src: string): JSX.Element[] {
  return src
    .split(/(\*\*[^*]+\*\*|`[^`]+`)/)
    .filter(Boolean)
    .map((part): JSX.Element => {
      if (part.length > 4 && part.startsWith('**') && part.endsWith('**')) return <b>{part.slice(2, -2)}</b>;
      if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) return <code>{part.slice(1, -1)}</code>;
      return part;
    });
}

export function Legend(): JSX.Element {
  const { t } = useI18n();
  return (
    <details class="ps-legend">
      <summary>{t('about.legend')}</summary>
      <ul>
        <For each={LEGEND}>{(key) => <li>{richText(t(key))}</li>}</For>
      </ul>
    </details>
  );
}
