/**
 * The simulator's layout: header with the scenario picker, the canvas with the
 * transport under it, side panels (About, Inspector, Events, YAML) and the console.
 */
import { For, Match, Show, Switch, createSignal, type JSX } from 'solid-js';
import { text, type BundledScenario, type PodsimController } from './podsim-controller';
import { Transport } from './Transport';
import { ConsolePanel } from './ConsolePanel';
import { EventsPanel } from './EventsPanel';
import { Description } from './Description';
import { Inspector } from './Inspector';
import { ScenarioPicker, ProblemsView } from './ScenarioPicker';
import { CanvasView } from './CanvasView';
import { EditorPanel } from './EditorPanel';
import { I18nContext, makeI18n } from './i18n/i18n';

export type Tab = 'about' | 'inspector' | 'events' | 'yaml';
const TABS: { id: Tab; label: string }[] = [
  { id: 'about', label: 'About' },
  { id: 'inspector', label: 'Inspector' },
  { id: 'events', label: 'Events' },
  { id: 'yaml', label: 'YAML' },
];

export interface AppProps {
  ctl: PodsimController;
  bundled: BundledScenario[];
  onLoadUrl: (url: string) => void;
  foldAbove?: number;
  uid: string;
  tab: [() => Tab, (t: Tab) => void];
}

export function App(props: AppProps): JSX.Element {
  const ctl = props.ctl;
  const [tab, setTab] = props.tab;
  const [live] = ctl.live;
  const [scenario] = ctl.scenario;
  const [yamlOpened, setYamlOpened] = createSignal(false);
  const id = (t: Tab) => `${props.uid}-${t}`;
  const choose = (t: Tab) => {
    if (t === 'yaml') setYamlOpened(true);
    setTab(t);
  };
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab());
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = TABS.length - 1;
    if (j < 0) return;
    e.preventDefault();
    e.stopPropagation();
    choose(TABS[j].id);
    document.getElementById(`${id(TABS[j].id)}-tab`)?.focus();
  };
  const i18n = makeI18n(ctl.lang[0]);
  return (
    <I18nContext.Provider value={i18n}>
    <div class="ps-app" lang={ctl.lang[0]()}>
      <header class="ps-header">
        <h1 class="ps-logo">
          podsim <span class="ps-muted">pod lifecycle simulator</span>
        </h1>
        <ScenarioPicker ctl={ctl} bundled={props.bundled} onLoadUrl={props.onLoadUrl} />
      </header>
      <ProblemsView ctl={ctl} />
      <main class="ps-main">
        <section class="ps-stage" aria-label={`Cluster: ${text(scenario()?.title) || scenario()?.name || 'no scenario'}`}>
          <CanvasView ctl={ctl} foldAbove={props.foldAbove} onSelectPod={() => choose('inspector')} />
          <Transport ctl={ctl} />
        </section>
        <aside class="ps-side" aria-label="Panels">
          <div class="ps-tabs" role="tablist" aria-label="Panels" onKeyDown={onTabKey}>
            <For each={TABS}>
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
                  {t.label}
                </button>
              )}
            </For>
          </div>
          <div class="ps-panel" role="tabpanel" id={`${id(tab())}-panel`} aria-labelledby={`${id(tab())}-tab`} tabindex="0">
            <Switch>
              <Match when={tab() === 'about'}>
                <Description ctl={ctl} />
              </Match>
              <Match when={tab() === 'inspector'}>
                <Inspector ctl={ctl} />
              </Match>
              <Match when={tab() === 'events'}>
                <EventsPanel ctl={ctl} />
              </Match>
            </Switch>
            {/* the editor stays mounted once opened, so edits survive switching tabs */}
            <Show when={yamlOpened()}>
              <div hidden={tab() !== 'yaml'} class="ps-editor-wrap">
                <EditorPanel ctl={ctl} />
              </div>
            </Show>
          </div>
        </aside>
      </main>
      <ConsolePanel ctl={ctl} />
      <div class="ps-sr-only" role="status" aria-live="polite" aria-atomic="true" data-podsim-live>
        {live()}
      </div>
    </div>
    </I18nContext.Provider>
  );
}
