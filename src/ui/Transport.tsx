/**
 * Play/pause, speed, step to the next/previous event, restart, and the timeline
 * scrubber with the run's events marked on it.
 */
import { For, createMemo, type JSX } from 'solid-js';
import { SPEEDS, type PodsimController } from './podsim-controller';
import { useI18n } from './i18n/i18n';

export function formatClock(t: number): string {
  const neg = t < 0;
  t = Math.abs(t);
  const m = Math.floor(t / 60);
  const s = t - m * 60;
  return `${neg ? '-' : ''}${m}:${s.toFixed(1).padStart(4, '0')}`;
}

/** icons as inline SVG: the glyphs ⏮ ⏭ are missing from many system fonts */
function Icon(props: { d: string }): JSX.Element {
  return (
    <svg class="ps-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d={props.d} fill="currentColor" />
    </svg>
  );
}
const PLAY = 'M4 2.5v11l9-5.5z';
const PAUSE = 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z';
const PREV = 'M2.5 2.5h2v11h-2zM14 2.5v11L5.5 8z';
const NEXT = 'M11.5 2.5h2v11h-2zM2 2.5v11L10.5 8z';
const RESTART = 'M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.9.6A3.5 3.5 0 1 0 8 4.5v2.2L4.5 3.5 8 .3z';

export function Transport(props: { ctl: PodsimController }): JSX.Element {
  const ctl = props.ctl;
  const { t } = useI18n();
  const [time] = ctl.time;
  const [playing] = ctl.playing;
  const [speed] = ctl.speed;
  const [scenario] = ctl.scenario;
  const [marks] = ctl.marks;
  const duration = () => scenario()?.duration ?? 0;
  const visibleMarks = createMemo(() => {
    const d = duration();
    if (!d) return [];
    // one mark per pixel-ish bucket is enough; warnings win over normal events
    const buckets = new Map<number, { t: number; kind: string; labels: string[] }>();
    for (const m of marks()) {
      const b = Math.round((m.t / d) * 400);
      const cur = buckets.get(b);
      if (!cur) buckets.set(b, { t: m.t, kind: m.kind, labels: [m.label] });
      else {
        if (m.kind === 'warning' || (m.kind === 'command' && cur.kind === 'normal')) cur.kind = m.kind;
        if (cur.labels.length < 4) cur.labels.push(m.label);
      }
    }
    return [...buckets.values()];
  });
  return (
    <div class="ps-transport" role="group" aria-label={t('transport.group')}>
      <button type="button" class="ps-btn ps-play" onClick={() => ctl.toggle()} aria-label={playing() ? t('transport.pauseKey') : t('transport.playKey')} title={playing() ? t('transport.pauseKey') : t('transport.playKey')} disabled={!scenario()}>
        <Icon d={playing() ? PAUSE : PLAY} />
        <span class="ps-btn-text">{playing() ? t('transport.pause') : t('transport.play')}</span>
      </button>
      <button type="button" class="ps-btn" onClick={() => ctl.stepPrev()} aria-label={t('transport.prev')} title={t('transport.prevTitle')} disabled={!scenario()}>
        <Icon d={PREV} />
      </button>
      <button type="button" class="ps-btn" onClick={() => ctl.stepNext()} aria-label={t('transport.next')} title={t('transport.nextTitle')} disabled={!scenario()}>
        <Icon d={NEXT} />
      </button>
      <button type="button" class="ps-btn" onClick={() => ctl.restart()} aria-label={t('transport.restart')} title={t('transport.restartTitle')} disabled={!scenario()}>
        <Icon d={RESTART} />
      </button>
      <label class="ps-speed">
        <span>{t('transport.speed')}</span>
        <select aria-label={t('transport.speedLabel')} value={String(speed())} onChange={(e) => ctl.setSpeed(Number(e.currentTarget.value))}>
          <For each={SPEEDS}>{(s) => <option value={String(s)}>{s}×</option>}</For>
        </select>
      </label>
      <div class="ps-scrub">
        <div class="ps-marks" aria-hidden="true">
          <For each={visibleMarks()}>
            {(m) => <span class={`ps-mark ps-mark-${m.kind}`} style={{ left: `${(m.t / Math.max(1e-9, duration())) * 100}%` }} title={`${formatClock(m.t)} ${m.labels.join(', ')}`} />}
          </For>
        </div>
        <input
          type="range"
          class="ps-range"
          min="0"
          max={String(duration())}
          step="0.1"
          value={String(time())}
          aria-label={t('transport.timeline')}
          aria-valuetext={t('transport.timeOf', { now: formatClock(time()), total: formatClock(duration()) })}
          disabled={!scenario()}
          onInput={(e) => ctl.seek(Number(e.currentTarget.value))}
        />
      </div>
      <output class="ps-clock" aria-label={t('transport.clock')}>
        {formatClock(time())} / {formatClock(duration())}
      </output>
    </div>
  );
}
