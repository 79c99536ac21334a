/**
 * "Share…" in the header: a dialog with the share link and the two embed snippets
 * (iframe, <pod-sim>), each with a Copy button. A native modal <dialog>: focus moves
 * into it and stays there, Escape closes it, focus returns to the button, and it is
 * labelled by its heading. Nothing leaves the browser: the link is made here.
 *
 * Styles are set through the CSSOM (Solid's style objects), which a strict CSP
 * (`style-src 'self'`) allows, and so that the dialog looks the same inside the
 * <pod-sim> element's shadow root without another stylesheet.
 */
import { For, Show, createSignal, type JSX } from 'solid-js';
import type { BundledScenario, PodsimController } from './podsim-controller';
import { useI18n } from './i18n/i18n';
import './i18n/share-messages';
import type { ShareItem } from './share/share-items';

const DIALOG_STYLE: JSX.CSSProperties = {
  width: 'min(720px, 94vw)',
  'max-height': '90vh',
  overflow: 'auto',
  padding: '16px 18px',
  color: 'var(--text)',
  background: 'var(--panel2)',
  border: '1px solid var(--border)',
  'border-radius': '8px',
  'box-shadow': '0 8px 30px #000a',
};
const HEAD_STYLE: JSX.CSSProperties = { display: 'flex', 'align-items': 'center', 'justify-content': 'space-between', gap: '12px' };
const TEXTAREA_STYLE: JSX.CSSProperties = { width: '100%', resize: 'vertical', 'font-family': 'var(--mono)', 'font-size': '12px' };

type Item = ShareItem;

/**
 * The podsim site's root, where index.html and embed.html are: found from where this
 * code was loaded, so that the links are right inside a <pod-sim> on a course page too.
 * Site build: ROOT/assets/*.js; the element's chunks: ROOT/embed/chunks/*.js; under
 * `npm start` (sources under /src/): the page's own directory.
 */
function siteBase(): string {
  const here = new URL('.', import.meta.url);
  if (here.pathname.endsWith('/embed/chunks/')) return new URL('../../', here).href;
  if (here.pathname.endsWith('/assets/')) return new URL('../', here).href;
  return new URL('.', location.href).href;
}

export function ShareMenu(props: { ctl: PodsimController; bundled: BundledScenario[]; uid: string }): JSX.Element {
  const { t } = useI18n();
  const ctl = props.ctl;
  const [items, setItems] = createSignal<Item[] | null>(null);
  const [status, setStatus] = createSignal('');
  let dialog!: HTMLDialogElement;
  let opener!: HTMLButtonElement;
  const titleId = `${props.uid}-share-title`;
  const areas = new Map<string, HTMLTextAreaElement>();

  // the codec and the snippets are fetched when the dialog first opens (not with the page)
  const build = async () => {
    const { shareItems } = await import('./share/share-items');
    setItems(await shareItems(ctl, props.bundled, siteBase(), t));
  };

  const open = () => {
    setItems(null);
    setStatus('');
    dialog.showModal();
    void build().then(() => areas.get('link')?.focus());
  };

  const close = () => dialog.close();

  const copy = async (item: Item) => {
    if (item.value === null) return;
    const area = areas.get(item.id);
    try {
      await navigator.clipboard.writeText(item.value);
      setStatus(t('share.copied'));
    } catch {
      // no clipboard permission (an insecure origin, an iframe without clipboard-write):
      // select the text so the reader copies it with the keyboard
      area?.focus();
      area?.select();
      let done = false;
      try {
        done = document.execCommand('copy');
      } catch {
        done = false;
      }
      setStatus(done ? t('share.copied') : t('share.copyManual'));
    }
  };

  return (
    <>
      <button
        ref={opener}
        type="button"
        class="ps-btn"
        aria-haspopup="dialog"
        aria-label={t('share.openLabel')}
        title={t('share.openLabel')}
        disabled={!ctl.scenario[0]()}
        onClick={open}
      >
        {t('share.open')}
      </button>
      <dialog
        ref={dialog}
        class="ps-share-dialog"
        aria-labelledby={titleId}
        style={DIALOG_STYLE}
        onClose={() => opener.focus()}
        onClick={(e) => {
          // a click on the backdrop (outside the box) closes, as a popover would
          const r = dialog.getBoundingClientRect();
          if (e.target === dialog && (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom)) close();
        }}
      >
        <div style={HEAD_STYLE}>
          <h2 class="ps-h2" id={titleId}>
            {t('share.title')}
          </h2>
          <button type="button" class="ps-btn ps-small" onClick={close}>
            {t('share.close')}
          </button>
        </div>
        <p class="ps-muted">{t('share.intro')}</p>
        <Show when={items()} fallback={<p>{t('share.making')}</p>}>
          <For each={items()!}>
            {(item) => (
              <div data-share={item.id}>
                <label class="ps-field" for={`${props.uid}-share-${item.id}`}>
                  <span>{item.label}</span>
                </label>
                <Show when={item.value !== null} fallback={<p role="alert">{item.problem}</p>}>
                  <textarea
                    ref={(el) => areas.set(item.id, el)}
                    id={`${props.uid}-share-${item.id}`}
                    readOnly
                    rows={item.id === 'element' ? 6 : item.id === 'iframe' ? 3 : 2}
                    spellcheck={false}
                    style={TEXTAREA_STYLE}
                    value={item.value ?? ''}
                    onFocus={(e) => e.currentTarget.select()}
                  />
                  <div class="ps-row">
                    <button type="button" class="ps-btn ps-small" aria-label={t('share.copyLabel', { what: item.label })} onClick={() => void copy(item)}>
                      {t('share.copy')}
                    </button>
                  </div>
                </Show>
              </div>
            )}
          </For>
        </Show>
        <p class="ps-muted" role="status" aria-live="polite">
          {status()}
        </p>
      </dialog>
    </>
  );
}
