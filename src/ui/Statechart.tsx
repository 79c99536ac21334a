/**
 * An xstate machine definition drawn as nested state boxes with the transitions out
 * of each, the active state path marked by a ▶, a thick outline and aria-current
 * (not by colour alone). The definitions are the engine's exported machines.
 */
import { For, Show, type JSX } from 'solid-js';
import { isActive, transitionsOf, type MachineLike, type StateNodeLike } from './statechart-model';
import { useI18n } from './i18n/i18n';

export type { MachineLike };

function StateBox(props: { node: StateNodeLike; active: string }): JSX.Element {
  const { t } = useI18n();
  const on = () => isActive(props.node.path, props.active);
  const children = () => Object.values(props.node.states);
  const rows = () => transitionsOf(props.node);
  return (
    <li class={`ps-state${on() ? ' ps-state-active' : ''}`} aria-current={on() ? 'true' : undefined}>
      <span class="ps-state-name">
        {on() ? '▶ ' : ''}
        {props.node.key}
        {on() ? <span class="ps-sr-only"> {t('chart.active')}</span> : ''}
      </span>
      <Show when={rows().length}>
        <span class="ps-state-on">
          <For each={rows()}>{(r) => <span class="ps-tr">{r.event} → {r.targets}</span>}</For>
        </span>
      </Show>
      <Show when={children().length}>
        <ul class="ps-states">
          <For each={children()}>{(c) => <StateBox node={c} active={props.active} />}</For>
        </ul>
      </Show>
    </li>
  );
}

export function Statechart(props: { title: string; machine: MachineLike; active: string }): JSX.Element {
  const { t } = useI18n();
  const rootRows = () => transitionsOf(props.machine.root);
  return (
    <figure class="ps-chart">
      <figcaption>
        {props.title}: <b>{props.active || t('chart.none')}</b>
      </figcaption>
      <ul class="ps-states ps-states-top">
        <For each={Object.values(props.machine.root.states)}>{(s) => <StateBox node={s} active={props.active} />}</For>
      </ul>
      <Show when={rootRows().length}>
        <p class="ps-chart-any">
          {t('chart.anyState')}{' '}
          <For each={rootRows()}>{(r) => <span class="ps-tr">{r.event} → {r.targets}</span>}</For>
        </p>
      </Show>
    </figure>
  );
}
