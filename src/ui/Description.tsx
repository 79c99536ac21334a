/**
 * The scenario's title and description, rendered from Markdown. Raw HTML in the
 * description is shown as text (markdown-it with html disabled), so a scenario file
 * cannot inject markup into the page.
 */
import { For, Show, createMemo, type JSX } from 'solid-js';
import MarkdownIt from 'markdown-it';
import type { PodsimController } from './podsim-controller';
import { localized, useI18n } from './i18n/i18n';
import { ChecksList } from './ChecksList';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
// links in a description open beside the simulator, not instead of it
const defaultLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLink(tokens, idx, options, env, self);
};

export function renderMarkdown(src: string): string {
  return md.render(src);
}

export function Description(props: { ctl: PodsimController }): JSX.Element {
  const [scenario] = props.ctl.scenario;
  const { t, lang } = useI18n();
  const html = createMemo(() => renderMarkdown(localized(scenario()?.description, lang())));
  return (
    <div class="ps-description">
      <Show when={scenario()} fallback={<p class="ps-muted">{t('canvas.none')}</p>}>
        <h2 class="ps-h2">{localized(scenario()!.title, lang()) || scenario()!.name}</h2>
        <div class="ps-md" innerHTML={html()} />
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
