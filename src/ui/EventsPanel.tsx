/**
 * Events as `kubectl get events` shows them (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE),
 * newest first, filterable by object name; clicking an object selects its pod.
 */
import { For, Show, createMemo, createSignal, type JSX } from 'solid-js';
import type { PodsimController } from './podsim-controller';
import { humanDuration } from '../engine/format/human-duration';
import { useI18n } from './i18n/i18n';

const MAX_ROWS = 200;

export function EventsPanel(props: { ctl: PodsimController }): JSX.Element {
  const ctl = props.ctl;
  const { t } = useI18n();
  const [snap] = ctl.snapshot;
  const [selection] = ctl.selection;
  const [filter, setFilter] = createSignal('');
  const [onlySelected, setOnlySelected] = createSignal(false);
  const rows = createMemo(() => {
    const s = snap();
    if (!s) return [];
    const f = filter().trim().toLowerCase();
    const sel = selection();
    const selName = onlySelected() && sel?.kind === 'pod' ? sel.pod : null;
    const list = s.view.events.filter((e) => {
      const obj = `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
      if (selName && e.involvedObject.name !== selName) return false;
      return !f || obj.toLowerCase().includes(f) || e.reason.toLowerCase().includes(f);
    });
    list.sort((a, b) => b.lastTimestamp - a.lastTimestamp || b.metadata.resourceVersion.localeCompare(a.metadata.resourceVersion, undefined, { numeric: true }));
    return list.slice(0, MAX_ROWS).map((e) => ({
      id: e.metadata.uid,
      lastSeen: humanDuration(s.view.now - e.lastTimestamp),
      type: e.type,
      reason: e.reason,
      object: `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`,
      pod: e.involvedObject.kind === 'Pod' ? e.involvedObject.name : null,
      message: e.message + (e.count > 1 ? ` (x${e.count})` : ''),
    }));
  });
  return (
    <div class="ps-events">
      <div class="ps-row">
        <label class="ps-field">
          <span>{t('events.filter')}</span>
          <input type="search" value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} placeholder="pod/web" />
        </label>
        <label class="ps-check">
          <input type="checkbox" checked={onlySelected()} onChange={(e) => setOnlySelected(e.currentTarget.checked)} /> {t('events.selectedOnly')}
        </label>
      </div>
      <Show when={rows().length} fallback={<p class="ps-muted">{t('events.none')}</p>}>
        <table class="ps-table ps-events-table">
          <caption class="ps-sr-only">{t('events.caption')}</caption>
          {/* kubectl get events' columns and event types, as kubectl prints them in every language */}
          <thead>
            <tr>
              <th scope="col">LAST SEEN</th>
              <th scope="col">TYPE</th>
              <th scope="col">REASON</th>
              <th scope="col">OBJECT</th>
              <th scope="col">MESSAGE</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr class={r.type === 'Warning' ? 'ps-warning' : ''}>
                  <td>{r.lastSeen}</td>
                  <td>{r.type === 'Warning' ? '⚠ Warning' : 'Normal'}</td>
                  <td>{r.reason}</td>
                  <td>
                    <Show when={r.pod} fallback={r.object}>
                      <button type="button" class="ps-link" onClick={() => ctl.select({ kind: 'pod', pod: r.pod! })}>
                        {r.object}
                      </button>
                    </Show>
                  </td>
                  <td>{r.message}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
}
