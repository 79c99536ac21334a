/**
 * Events as `kubectl get events` shows them (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE),
 * newest first, filterable by object name; clicking an object selects its pod.
 */
import { Index, Show, createMemo, createSignal, type JSX } from 'solid-js';
import type { PodsimController } from './podsim-controller';
import { humanDuration } from '../engine/format/human-duration';
import type { EventObject } from '../engine/model/objects';
import { useI18n } from './i18n/i18n';

const MAX_ROWS = 200;

export function EventsPanel(props: { ctl: PodsimController }): JSX.Element {
  const ctl = props.ctl;
  const { t } = useI18n();
  const [snap] = ctl.snapshot;
  const [selection] = ctl.selection;
  const [filter, setFilter] = createSignal('');
  const [onlySelected, setOnlySelected] = createSignal(false);
  // the newest events that pass the filter: sorted again only when the engine hands out a
  // new list of events (it keeps the list while none is recorded) or the filter changes
  let sorted: { events: readonly EventObject[]; f: string; selName: string | null; top: EventObject[] } | null = null;
  const rows = createMemo(() => {
    const s = snap();
    if (!s) return [];
    const f = filter().trim().toLowerCase();
    const sel = selection();
    const selName = onlySelected() && sel?.kind === 'pod' ? sel.pod : null;
    if (!sorted || sorted.events !== s.view.events || sorted.f !== f || sorted.selName !== selName) {
      const list = s.view.events.filter((e) => {
        const obj = `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
        if (selName && e.involvedObject.name !== selName) return false;
        return !f || obj.toLowerCase().includes(f) || e.reason.toLowerCase().includes(f);
      });
      // resourceVersions are decimal integers: compared as numbers (as localeCompare with numeric would)
      list.sort((a, b) => b.lastTimestamp - a.lastTimestamp || Number(b.metadata.resourceVersion) - Number(a.metadata.resourceVersion));
      sorted = { events: s.view.events, f, selName, top: list.slice(0, MAX_ROWS) };
    }
    return sorted.top.map((e) => ({
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
            {/* rows by position: a new snapshot updates the cells in place (LAST SEEN moves on every one) */}
            <Index each={rows()}>
              {(r) => (
                <tr class={r().type === 'Warning' ? 'ps-warning' : ''}>
                  <td>{r().lastSeen}</td>
                  <td>{r().type === 'Warning' ? '⚠ Warning' : 'Normal'}</td>
                  <td>{r().reason}</td>
                  <td>
                    <Show when={r().pod} fallback={r().object}>
                      <button type="button" class="ps-link" onClick={() => ctl.select({ kind: 'pod', pod: r().pod! })}>
                        {r().object}
                      </button>
                    </Show>
                  </td>
                  <td>{r().message}</td>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
      </Show>
    </div>
  );
}
