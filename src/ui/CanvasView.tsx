/**
 * The canvas area: loads the pixi renderer (a separate chunk, so the panels show
 * at once and a browser without WebGL or canvas still gets a working simulator),
 * hands it to the controller, and adds zoom buttons and a text summary.
 */
import { Show, createMemo, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import type { PodsimController } from './podsim-controller';
import { summarizePod } from '../engine/kubectl/pod-status-column';

export function CanvasView(props: { ctl: PodsimController; foldAbove?: number; onSelectPod?: () => void }): JSX.Element {
  const ctl = props.ctl;
  const [error, setError] = ctl.canvasError;
  const [ready, setReady] = createSignal(false);
  let host!: HTMLDivElement;
  let disposed = false;
  onMount(async () => {
    try {
      const { ClusterRenderer } = await import('../render/cluster-renderer');
      if (disposed) return;
      const r = await ClusterRenderer.create(host, {
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
      setReady(true);
    } catch (e) {
      setError(`The canvas could not start (${e instanceof Error ? e.message : String(e)}). The console, events and inspector still work.`);
    }
  });
  onCleanup(() => {
    disposed = true;
  });
  // a one-line summary of the picture, for screen readers and as the canvas's name
  const summary = createMemo(() => {
    const s = ctl.snapshot[0]();
    if (!s) return 'No scenario loaded.';
    let ready = 0;
    const odd: string[] = [];
    for (const p of s.view.pods) {
      const sum = summarizePod(p);
      if (sum.reason === 'Running' && sum.readyContainers === sum.totalContainers) ready++;
      else if (odd.length < 5) odd.push(`${p.metadata.name} ${sum.reason} ${sum.readyContainers}/${sum.totalContainers}`);
    }
    const svc = s.traffic.map((t) => `Service ${t.service}: ${t.ok} ok, ${t.failed} failed`).join('; ');
    return `${s.view.nodes.length} node${s.view.nodes.length === 1 ? '' : 's'}, ${s.view.pods.length} pods, ${ready} running and ready${odd.length ? `; ${odd.join('; ')}` : ''}${svc ? `. ${svc}` : ''}.`;
  });
  return (
    <div class="ps-canvas-wrap">
      <div class="ps-canvas" ref={host} role="img" aria-label={`Cluster picture: ${summary()}`} />
      <Show when={error()}>
        <p class="ps-canvas-error" role="status">
          {error()}
        </p>
      </Show>
      <div class="ps-zoom" role="group" aria-label="Zoom">
        <button type="button" class="ps-btn ps-small" aria-label="Zoom in" disabled={!ready()} onClick={() => ctl.renderer?.zoom(1.25)}>
          +
        </button>
        <button type="button" class="ps-btn ps-small" aria-label="Zoom out" disabled={!ready()} onClick={() => ctl.renderer?.zoom(0.8)}>
          −
        </button>
        <button type="button" class="ps-btn ps-small" aria-label="Fit the cluster in view" disabled={!ready()} onClick={() => ctl.renderer?.fit()}>
          Fit
        </button>
      </div>
    </div>
  );
}
