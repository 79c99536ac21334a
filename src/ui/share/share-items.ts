/**
 * What the Share dialog (../ShareMenu.tsx) offers for the running simulator: the share
 * link and the two embed snippets, or why one cannot be made. Fetched when the dialog
 * first opens, with the share link's codec and the snippets.
 */
import type { BundledScenario, PodsimController } from '../podsim-controller';
import { localized } from '../i18n/i18n';
import { encodeShare, shareUrl } from './share-link';
import { capturePayload } from './replay-share';
import { elementSnippet, iframeSnippet, type SnippetInput } from './embed-snippets';
import { bundledMatching } from '../bundled-scenarios';

export interface ShareItem {
  id: 'link' | 'iframe' | 'element';
  label: string;
  /** the text to copy, or why there is none */
  value: string | null;
  problem?: string;
}

/** the dialog's items for what `ctl` shows now; `siteBase` is where index.html and embed.html are */
export async function shareItems(ctl: PodsimController, bundledList: BundledScenario[], siteBase: string, t: (key: string) => string): Promise<ShareItem[]> {
  const payload = capturePayload(ctl);
  const encoded = await encodeShare(payload);
  const fragment = encoded.ok ? encoded.fragment : null;
  const bundled = payload.commands.length === 0 && bundledMatching(bundledList, payload.file, payload.text) !== undefined;
  const scenario = ctl.scenario[0]();
  const input: SnippetInput = {
    siteBase,
    file: payload.file,
    text: payload.text,
    bundled,
    fragment,
    t: payload.t,
    speed: payload.speed,
    lang: ctl.lang[0](),
    title: localized(scenario?.title, ctl.lang[0]()) || scenario?.name || 'podsim',
  };
  const tooLarge = encoded.ok ? undefined : encoded.message;
  const iframe = iframeSnippet(input);
  return [
    { id: 'link', label: t('share.link'), value: fragment === null ? null : shareUrl(siteBase, fragment), ...(tooLarge ? { problem: tooLarge } : {}) },
    { id: 'iframe', label: t('share.iframe'), value: iframe, ...(iframe === null && tooLarge ? { problem: tooLarge } : {}) },
    { id: 'element', label: t('share.element'), value: elementSnippet(input) },
  ];
}
