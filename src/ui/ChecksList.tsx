/**
 * The scenario's goals (spec.checks) in the About panel, each ticked off with the
 * virtual time it was reached. Scrubbing back before that time un-ticks it: the list
 * reads the simulation at the time shown.
 */
import { For, Show, createMemo, createUniqueId, type JSX } from 'solid-js';
import type { PodsimController } from './podsim-controller';
import { localized, useI18n } from './i18n/i18n';
import { formatClock } from './Transport';
import './i18n/messages-checks';

export function ChecksList(props: { ctl: PodsimController }): JSX.Element {
  const { t, lang } = useI18n();
  const results = createMemo(() => {
    props.ctl.snapshot[0](); // re-read whenever the simulation shows a new moment
    return props.ctl.session.sim?.checkResults() ?? [];
  });
  const headingId = `ps-checks-${createUniqueId()}`;
  const done = () => results().filter((r) => r.passedAt !== null).length;
  return (
    <Show when={results().length > 0}>
      <section class="ps-checks" aria-labelledby={headingId}>
        <h3 class="ps-h3" id={headingId}>
          {t('checks.heading')} <span class="ps-muted">({t('checks.progress', { done: done(), total: results().length })})</span>
        </h3>
        <ul class="ps-checks-list">
          <For each={results()}>
            {(r) => (
              <li class="ps-check" data-check={r.name} data-passed={r.passedAt !== null ? 'true' : 'false'}>
                <span class="ps-check-mark" aria-hidden="true">
                  {r.passedAt !== null ? '✓' : '○'}
                </span>
                <span class="ps-check-title">{localized(r.title, lang()) || r.name}</span>{' '}
                <span class="ps-muted">— {r.passedAt !== null ? t('checks.passed', { time: formatClock(r.passedAt) }) : t('checks.pending')}</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
