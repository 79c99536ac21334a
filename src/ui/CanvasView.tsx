/**
 * The canvas area: loads the pixi renderer (a separate chunk, so the panels show
 * at once and a browser without WebGL or canvas still gets a working simulator),
 * hands it to the controller, and adds zoom buttons and a text summary.
 */
import { Show, createEffect, createMemo, createSignal, on, onCleanup, onMount, type JSX } from 'solid-js';
import type { PodsimController } from './podsim-controller';
import type { ClusterRenderer } from '../render/cluster-renderer';
import { podSummary } from './pod-summary';
import { useI18n } from './i18n/i18n';
import { resolveTheme } from '../render/theme';

export function CanvasView(props: { ctl: PodsimController; foldAbove?: number; onSelectPod?: () => void }): JSX.Element {
  const ctl = props.ctl;
  const { t } = useI18n();
  const [error, setError] = ctl.canvasError;
  const [ready, setReady] = createSignal(false);
  let host!: HTMLDivElement;
  let renderer: ClusterRenderer | null = null;
  let disposed = false;
  let unwatchTheme = () => {};
  onMount(async () => {
    // the canvas follows the theme the page's CSS shows: `data-theme` on the mounted
    // element (light, dark, auto = the reader's prefers-color-scheme; none = dark)
    const root = host.closest<HTMLElement>('.podsim');
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: light)') : null;
    const theme = () => resolveTheme(root?.dataset.theme, !!media?.matches);
    try {
      const { ClusterRenderer } = await import('../render/cluster-renderer');
      if (disposed) return;
      const r = await ClusterRenderer.create(host, {
        theme: theme(),
        // the canvas's own words (canvas-words.ts) in the UI language; Kubernetes' stay English
        lang: ctl.lang[0](),
        reducedMotion: ctl.reducedMotion[0](),
        foldAbove: props.foldAbove,
        onNeedFrame: () => ctl.wake(),
        onSelect: (s) => {
          ctl.select(s);
          if (s) props.onSelectPod?.();
        },
      });
      if (disposed) {
        r.destroy();
        return;
      }
      ctl.attachRenderer(r);
      renderer = r;
      // the language may have changed while the renderer started
      r.setLang(ctl.lang[0]());
      const follow = () => r.setTheme(theme());
      const observer = new MutationObserver(follow);
      if (root) observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
      media?.addEventListener('change', follow);
      unwatchTheme = () => {
        observer.disconnect();
        media?.removeEventListener('change', follow);
      };
      setReady(true);
    } catch (e) {
      setError(t('canvas.error', { error: e instanceof Error ? e.message : String(e) }));
    }
  });
  // the header's language switch: the canvas redraws its words
  createEffect(on(ctl.lang[0], (lang) => renderer?.setLang(lang), { defer: true }));
  onCleanup(() => {
    disposed = true;
    renderer = null;
    unwatchTheme();
  });
  // a one-line summary of the picture, for screen readers and as the canvas's name
  const summary = createMemo(() => {
    const s = ctl.snapshot[0]();
    if (!s) return t('canvas.none');
    let ready = 0;
    const odd: string[] = [];
    for (const p of s.view.pods) {
      const sum = podSummary(p);
      if (sum.reason === 'Running' && sum.readyContainers === sum.totalContainers) ready++;
      else if (odd.length < 5) odd.push(`${p.metadata.name} ${sum.reason} ${sum.readyContainers}/${sum.totalContainers}`);
    }
    const list = t('sep.list');
    const svc = s.traffic.map((tr) => t('canvas.service', { service: tr.service, ok: tr.ok, failed: tr.failed })).join(list);
    const nodes = s.view.nodes.length;
    const head = t(nodes === 1 ? 'canvas.summary.one' : 'canvas.summary', { nodes, pods: s.view.pods.length, ready });
    // pod names and status words are Kubernetes', in every language
    return `${head}${odd.length ? list + odd.join(list) : ''}${svc ? t('sep.sentence') + svc : ''}${t('sep.end')}`;
  });
  return (
    <div class="ps-canvas-wrap">
      <div class="ps-canvas" ref={host} role="img" aria-label={t('canvas.label', { summary: summary() })} />
      <Show when={error()}>
        <p class="ps-canvas-error" role="status">
          {error()}
        </p>
      </Show>
      <div class="ps-zoom" role="group" aria-label={t('canvas.zoom')}>
        <button type="button" class="ps-btn ps-small" aria-label={t('canvas.zoomIn')} disabled={!ready()} onClick={() => ctl.renderer?.zoom(1.25)}>
          +
        </button>
        <button type="button" class="ps-btn ps-small" aria-label={t('canvas.zoomOut')} disabled={!ready()} onClick={() => ctl.renderer?.zoom(0.8)}>
          −
        </button>
        <button type="button" class="ps-btn ps-small" aria-label={t('canvas.fitLabel')} disabled={!ready()} onClick={() => ctl.renderer?.fit()}>
          {t('canvas.fit')}
        </button>
      </div>
    </div>
  );
}
