/**
 * A scenario description's Markdown as HTML: the one markdown-it setup used both at build
 * time (bundled-scenarios-plugin.ts pre-renders every bundled file's description) and in
 * the page (Description.tsx, for any other text, through a dynamic import so markdown-it
 * is not in the first-load chunk). One setup keeps the two outputs identical.
 *
 * Raw HTML in the Markdown is shown as text (html: false), so a scenario file cannot
 * inject markup into the page; markdown-it's link validation drops javascript:, vbscript:
 * and data: links.
 */
import MarkdownIt from 'markdown-it';
import type { LocalizedText } from '../../scenario/model';

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

/**
 * Each language of a description rendered, keyed as the description is, so that
 * `localized(renderDescription(d), lang)` is `renderMarkdown(localized(d, lang))` for every
 * lang (localized picks by the keys alone). No description renders as ''.
 */
export function renderDescription(d: LocalizedText | undefined): LocalizedText {
  if (d === undefined) return '';
  if (typeof d === 'string') return renderMarkdown(d);
  return Object.fromEntries(Object.entries(d).map(([lang, s]) => [lang, renderMarkdown(s)]));
}
