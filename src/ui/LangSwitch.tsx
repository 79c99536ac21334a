/**
 * The UI language switch in the header: English / 日本語. Switching re-renders every
 * label at once (components read `useI18n().t` reactively); kubectl output stays English.
 */
import { For, type JSX } from 'solid-js';
import type { PodsimController } from './podsim-controller';
import { LANGS, useI18n, type Lang } from './i18n/i18n';

/** each language named in itself, whatever the UI language */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ja: '日本語' };

export function LangSwitch(props: { ctl: PodsimController }): JSX.Element {
  const { t } = useI18n();
  const [lang] = props.ctl.lang;
  return (
    <select class="ps-lang" aria-label={t('lang.label')} title={t('lang.label')} value={lang()} onChange={(e) => {
        const select = e.currentTarget;
        // the language shows once its texts are in; if they cannot be fetched, the switch says what is shown
        void props.ctl.switchLang(select.value as Lang).then(() => (select.value = lang()));
      }}>
      <For each={LANGS}>
        {(l) => (
          <option value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        )}
      </For>
    </select>
  );
}
