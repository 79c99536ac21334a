/**
 * The simulator's layout: header with the scenario picker, the canvas with the
 * transport under it, side panels (About, Inspector, Events, YAML) and the console.
 */
import { For, Match, Show, Switch, createSignal, lazy, type JSX } from 'solid-js';
import type { BundledScenario, PodsimController } from './podsim-controller';
import { Transport } from './Transport';
import { ConsolePanel } from './ConsolePanel';
import { EventsPanel } from './EventsPanel';
import { Description } from './Description';
import { ScenarioPicker, ProblemsView } from './ScenarioPicker';
import { CanvasView } from './CanvasView';
import { EditorPanel } from './EditorPanel';
import { I18nContext, localized, makeI18n } from './i18n/i18n';
import { LangSwitch } from './LangSwitch';
import { ShareMenu } from './ShareMenu';
import './i18n/messages';
import type { ShownParts } from './mount';

/**
 * The Inspector (with its statechart view) is not shown at first: it is fetched when the
 * pointer or the focus first comes into the simulator's main area (before a pod can be
 * clicked or the tab chosen), or when it is shown.
 */
const Inspector = lazy(() => import('./Inspector').then((m) => ({ default: m.Inspector })));
const preloadInspector = () => void Inspector.preload().catch(() => undefined);

export type Tab = 'about' | 'inspector' | 'events' | 'yaml';
/** `label` is a catalogue key */
const TABS: { id: Tab; label: string }[] = [
  { id: 'about', label: 'tab.about' },
  { id: 'inspector', label: 'tab.inspector' },
  { id: 'events', label: 'tab.events' },
  { id: 'yaml', label: 'tab.yaml' },
];

export interface AppProps {
  ctl: PodsimController;
  bundled: BundledScenario[];
  onLoadUrl: (url: string) => void;
  foldAbove?: number;
  uid: string;
  tab: [() => Tab, (t: Tab) => void];
  /** which parts show (default all); the embed's `controls` */
  shown?: () => ShownParts;
}

export function App(props: AppProps): JSX.Element {
  const ctl = props.ctl;
  const [tab, setTab] = props.tab;
  const [live] = ctl.live;
  const [scenario] = ctl.scenario;
  const [yamlOpened, setYamlOpened] = createSignal(false);
  const id = (t: Tab) => `${props.uid}-${t}`;
  const shown = () => props.shown?.() ?? { header: true, panels: true, editor: true, console: true };
  const tabs = () => TABS.filter((t) => (t.id === 'yaml' ? shown().editor : shown().panels));
  const choose = (t: Tab) => {
    if (t === 'yaml') setYamlOpened(true);
    setTab(t);
  };
  const onTabKey = (e: KeyboardEvent) => {
    const list = tabs();
    const i = list.findIndex((t) => t.id === tab());
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % list.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + list.length) % list.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = list.length - 1;
    if (j < 0) return;
    e.preventDefault();
    e.stopPropagation();
    choose(list[j].id);
    // look inside this simulator, not the document: it may live in a shadow root
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#${id(list[j].id)}-tab`)?.focus();
  };
  const i18n = makeI18n(ctl.lang[0]);
  return (
    <I18nContext.Provider value={i18n}>
    <div class="ps-app" lang={ctl.lang[0]()} classList={{ 'ps-no-header': !shown().header, 'ps-no-side': !shown().panels && !shown().editor, 'ps-no-console': !shown().console }}>
      <Show when={shown().header}>
      <header class="ps-header">
        <h1 class="ps-logo">
          podsim <span class="ps-muted">{i18n.t('app.tagline')}</span>
        </h1>
        <ScenarioPicker ctl={ctl} bundled={props.bundled} onLoadUrl={props.onLoadUrl} />
        <LangSwitch ctl={ctl} />
        <ShareMenu ctl={ctl} bundled={props.bundled} uid={props.uid} />
      </header>
      </Show>
      <ProblemsView ctl={ctl} />
      <main class="ps-main" onPointerEnter={preloadInspector} onFocusIn={preloadInspector}>
        <section class="ps-stage" aria-label={i18n.t('app.cluster', { title: localized(scenario()?.title, ctl.lang[0]()) || scenario()?.name || i18n.t('app.noScenario') })}>
          <CanvasView ctl={ctl} foldAbove={props.foldAbove} onSelectPod={() => choose('inspector')} />
          <Transport ctl={ctl} />
        </section>
        <Show when={shown().panels || shown().editor}>
        <aside class="ps-side" aria-label={i18n.t('app.panels')}>
          <div class="ps-tabs" role="tablist" aria-label={i18n.t('app.panels')} onKeyDown={onTabKey}>
            <For each={tabs()}>
              {(t) => (
                <button
                  type="button"
                  role="tab"
                  id={`${id(t.id)}-tab`}
                  aria-selected={tab() === t.id}
                  aria-controls={`${id(t.id)}-panel`}
                  tabindex={tab() === t.id ? 0 : -1}
                  class="ps-tab"
                  onClick={() => choose(t.id)}
                >
                  {i18n.t(t.label)}
                </button>
              )}
            </For>
          </div>
          <div class="ps-panel" role="tabpanel" id={`${id(tab())}-panel`} aria-labelledby={`${id(tab())}-tab`} tabindex="0">
            <Switch>
              <Match when={tab() === 'about'}>
                <Description ctl={ctl} bundled={props.bundled} />
              </Match>
              <Match when={tab() === 'inspector'}>
                <Inspector ctl={ctl} />
              </Match>
              <Match when={tab() === 'events'}>
                <EventsPanel ctl={ctl} />
              </Match>
            </Switch>
            {/* the editor stays mounted once opened, so edits survive switching tabs */}
            <Show when={yamlOpened() || tab() === 'yaml'}>
              <div hidden={tab() !== 'yaml'} class="ps-editor-wrap">
                <EditorPanel ctl={ctl} />
              </div>
            </Show>
          </div>
        </aside>
        </Show>
      </main>
      <Show when={shown().console}>
        <ConsolePanel ctl={ctl} />
      </Show>
      <div class="ps-sr-only" role="status" aria-live="polite" aria-atomic="true" data-podsim-live>
        {live()}
      </div>
    </div>
    </I18nContext.Provider>
  );
}
