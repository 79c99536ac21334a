/**
 * The simulator as a component: `mount(element, options)` renders it into any element
 * and returns a handle for scripting it. The page `npm start` opens is one user of it
 * (main.tsx); tests and embedding pages are others.
 *
 * This module adds no stylesheet: mount.ts does (for pages), the <pod-sim> element
 * adopts the same styles into its shadow root instead of the page's head.
 */
import { createComponent, createEffect, createRoot, createSignal, on } from 'solid-js';
import { render } from 'solid-js/web';
import { App, type Tab } from './App';
import { PodsimController, type BundledScenario } from './podsim-controller';
import type { CommandOutput, SimSnapshot } from '../engine/simulation-api';
import type { Observation } from '../engine/observations';
import type { Selection } from '../render/cluster-renderer';
import { pickLang, localized as inLang } from './i18n/i18n';
import { describeBundled, loadBundled } from './bundled-scenarios';
import { loadKubectlPrinters } from './kubectl-on-demand';
import { loadProcessRuntime } from '../engine/kubelet/process-runtime';
import { loadScenarioLoader, scenarioLoaderReady } from '../scenario/scenario-loader';
import { rememberPrepared } from './prepared-scenarios';
import { UiEventHub, type PodsimUiListener } from './ui-events';

export type { PodsimUiEvent, PodsimUiEventType, PodsimUiListener, PodsimUiDetails } from './ui-events';

/** which parts of the simulator show; the canvas with its transport always does */
export interface ShownParts {
  /** the title bar with the scenario picker */
  header: boolean;
  /** the side panels About, Inspector and Events */
  panels: boolean;
  /** the YAML editor tab (shown in the side panel area, alone when `panels` is off) */
  editor: boolean;
  /** the kubectl console */
  console: boolean;
}

export const ALL_PARTS: ShownParts = { header: true, panels: true, editor: true, console: true };

export type Theme = 'light' | 'dark' | 'auto';

export interface MountOptions {
  /** scenarios offered in the picker, with their YAML (read with the scenario loader: in a
   * page, the simulator shows once that is fetched) */
  scenarios?: { file: string; text: string }[];
  /** scenarios offered in the picker, described beforehand, their YAML fetched when picked
   * (the site's: each file a chunk of its own; bundled-scenarios-plugin.ts describes them) */
  bundled?: BundledScenario[];
  /** what to load first: YAML text (with a file name), a URL, or the file name of a bundled scenario */
  initial?: { text: string; file?: string } | { url: string } | { bundled: string };
  /** start playing once loaded */
  autoplay?: boolean;
  speed?: number;
  /** fold a Deployment's pods on a node into one glyph above this many (default 12) */
  foldAbove?: number;
  /** override prefers-reduced-motion */
  reducedMotion?: boolean;
  /** UI language: 'en' or 'ja'; default from the browser's languages */
  lang?: string;
  /** handle Space and the arrow keys when focus is on the page body too (default true) */
  globalKeys?: boolean;
  /** which parts show (default all) */
  show?: Partial<ShownParts>;
  /** sets `data-theme` on the element (the styles and canvas follow it) */
  theme?: Theme;
  /** stop the animation loop while the element is off-screen or the page hidden (default true) */
  pauseOffscreen?: boolean;
}

export interface LoadOutcome {
  ok: boolean;
  /** FILE:LINE:COLUMN: message for each problem */
  problems: string[];
}

export interface PodsimHandle {
  /** load a scenario now. A text other than a bundled file's needs the scenario loader, and one whose containers run scripts or programs the shell, fetched first (`await ready()`); before they are in it answers that it is still loading and fetches them */
  load(yamlText: string, file?: string): LoadOutcome;
  loadUrl(url: string): Promise<LoadOutcome>;
  /**
   * run a console command (kubectl ... or sim ...); it appears in the console and its history.
   * kubectl's printers (get, describe, logs, top) are fetched the first time they are needed:
   * before they are in, such a command answers with an error saying so (the console prints
   * its output once they arrive), so a script awaits `ready()` first.
   */
  run(command: string, stdin?: string): CommandOutput;
  /** `kubectl ARGS` (args without the leading "kubectl"), also through the console */
  kubectl(args: string): CommandOutput;
  play(): void;
  pause(): void;
  playing(): boolean;
  seek(seconds: number): void;
  /** virtual seconds since the manifests were applied */
  time(): number;
  duration(): number;
  setSpeed(speed: number): void;
  stepNext(): number | null;
  stepPrev(): number | null;
  restart(): void;
  select(pod: string | null, container?: string): void;
  /** the engine's current snapshot (read-only) */
  snapshot(): SimSnapshot | null;
  /** JS ms per frame of recent frames (engine + canvas), and renderer stats */
  stats(): {
    frames: number[];
    /** the canvas's share of each frame, and of that pixi's render call */
    renderFrames: number[];
    renderCalls: number[];
    /** engine: advancing time per frame, producing a snapshot; canvas: applying a snapshot */
    advance: number[];
    engineSnapshots: number[];
    canvasSnapshots: number[];
    renderer: ReturnType<NonNullable<PodsimController['renderer']>['stats']> | null;
  };
  /** for the bench: `n` frames back to back at a `dtMs` cadence; each frame's JS time */
  benchFrames(n: number, dtMs?: number): number[];
  /** forget the frame times recorded so far (to measure from now) */
  resetStats(): void;
  /** resolves once the canvas is drawing and shows the last snapshot (or failed to start: the string says why) */
  canvasReady(): Promise<string | null>;
  /** fetches what scripting needs that the page does not load at first (kubectl's printers, the scenario loader, the shell that runs scripts in containers, the UI language's texts); resolves once it is in (or failed to load) */
  ready(): Promise<void>;
  /** hear what happens (scenario loaded, problems, Kubernetes events, pod and endpoint changes,
   * checks passed, play/pause, time); returns the unsubscribe function. See ui-events.ts. */
  on(listener: PodsimUiListener): () => void;
  /** switch the UI language (`en`, `ja`); a language other than English shows once its texts are fetched (`ready()` resolves then) */
  setLang(lang: string): void;
  setTheme(theme: Theme | null): void;
  setShow(show: Partial<ShownParts>): void;
  /** true while the loop stands still because the element is off-screen or the page hidden */
  suspended(): boolean;
  destroy(): void;
}

/** unique ids across every simulator on a page (labels and tabs refer to them) */
let instances = 0;

function bundledList(texts: { file: string; text: string }[], described: BundledScenario[]): BundledScenario[] {
  const withText = texts.map((s): BundledScenario => {
    const file = s.file.replace(/^.*\//, '');
    // without the loader (its fetch failed) the entry is the file; picking it says why it does not load
    return { ...(scenarioLoaderReady() ? describeBundled(file, s.text) : { file, name: file, title: file, fingerprint: '' }), text: s.text };
  });
  // a bundled file at hand with its build-time model loads without the loader
  for (const b of described) if (b.text !== undefined && b.scenario) rememberPrepared(b.text, b.scenario);
  return [...withText, ...described].sort((a, b) => a.title.localeCompare(b.title));
}

export function mount(element: HTMLElement, options: MountOptions = {}): PodsimHandle {
  const ctl = new PodsimController();
  const uid = `podsim-${++instances}`;
  let bundled: BundledScenario[] = [];
  const reduce = options.reducedMotion ?? (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches);
  ctl.reducedMotion[1](reduce);
  // a language other than English shows once its texts are in (main.tsx fetches them before mounting)
  let langPending = ctl.switchLang(pickLang(options.lang));
  if (options.speed) ctl.setSpeed(options.speed);
  const shown = createSignal<ShownParts>({ ...ALL_PARTS, ...options.show });
  const tab = createSignal<Tab>(shown[0]().panels ? 'about' : 'yaml');
  element.classList.add('podsim');
  const setTheme = (theme: Theme | null | undefined) => {
    if (theme) element.dataset.theme = theme;
    else delete element.dataset.theme;
  };
  setTheme(options.theme);
  const setShow = (show: Partial<ShownParts>) => {
    const next = { ...ALL_PARTS, ...show };
    shown[1](next);
    if (!next.panels && next.editor) tab[1]('yaml');
    else if (!next.editor && tab[0]() === 'yaml') tab[1]('about');
  };

  const loadUrl = async (url: string): Promise<LoadOutcome> => {
    const file = decodeURIComponent(url.replace(/[?#].*$/, '').replace(/^.*\//, '')) || 'scenario.yaml';
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
      return await ctl.loadPrepared(await res.text(), file);
    } catch (e) {
      const line = `${file}:1:1: could not fetch ${url}: ${e instanceof Error ? e.message : String(e)}`;
      ctl.problems[1]({ file, lines: [line], problems: [{ file, line: 1, column: 1, message: line }] });
      return { ok: false, problems: [line] };
    }
  };

  // what the page hears: set up before the first load so it hears that too
  const hub = new UiEventHub();
  const disposeEvents = createRoot((disposeRoot) => {
    watchForPage(ctl, hub);
    return disposeRoot;
  });

  let dispose = () => {};

  // keyboard: Space plays/pauses, arrows step between events, unless a control wants the key.
  // composedPath: inside a shadow root the window sees the host as the target
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const path = e.composedPath();
    const t = (path[0] ?? e.target) as HTMLElement | null;
    const inside = path.includes(element);
    const onBody = !t || t === document.body || t === document.documentElement;
    if (!inside && !(onBody && options.globalKeys !== false)) return;
    if (t && typeof t.closest === 'function' && t.closest('input, textarea, select, button, a, [contenteditable], .cm-editor, [role="tab"], [role="slider"], summary')) return;
    if (e.key === ' ' || e.code === 'Space') {
      e.preventDefault();
      ctl.toggle();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      ctl.stepNext();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      ctl.stepPrev();
    } else if (e.key === '+' || e.key === '=') ctl.renderer?.zoom(1.25);
    else if (e.key === '-') ctl.renderer?.zoom(0.8);
    else if (e.key === '0') ctl.renderer?.fit();
  };
  window.addEventListener('keydown', onKey);
  // without page-wide keys, a click on the canvas focuses the simulator so the keys reach it
  if (options.globalKeys === false && !element.hasAttribute('tabindex')) element.tabIndex = -1;

  // off-screen or in a hidden tab: no frames, no drawing, time stands still
  let offscreen = false;
  const applyVisibility = () => ctl.setSuspended(offscreen || document.visibilityState === 'hidden');
  let io: IntersectionObserver | null = null;
  if (options.pauseOffscreen !== false && typeof IntersectionObserver === 'function') {
    io = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      offscreen = !last.isIntersecting;
      applyVisibility();
    });
    io.observe(element);
    document.addEventListener('visibilitychange', applyVisibility);
  }

  const initial = options.initial;
  const finish = (r: LoadOutcome | Promise<LoadOutcome>) => {
    // a scenario that needs code fetched on demand loads once it is in (code-for-load.ts)
    if (r instanceof Promise) void r.then(finish);
    else if (r.ok && options.autoplay) ctl.play();
  };
  let destroyed = false;
  const start = () => {
    if (destroyed) return;
    bundled = bundledList(options.scenarios ?? [], options.bundled ?? []);
    dispose = render(() => createComponent(App, { ctl, bundled, onLoadUrl: (u: string) => void loadUrl(u), foldAbove: options.foldAbove, uid, tab, shown: shown[0] }), element);
    if (initial && 'url' in initial) void loadUrl(initial.url).then(finish);
    else if (initial && 'text' in initial) finish(ctl.loadPrepared(initial.text, initial.file ?? 'scenario.yaml'));
    else {
      const b = (initial && 'bundled' in initial ? bundled.find((x) => x.file === initial.bundled) : undefined) ?? bundled[0];
      // at hand (the default scenario, texts passed in): loaded before mount returns, as a text is
      if (b?.text !== undefined) finish(ctl.loadPrepared(b.text, b.file));
      else if (b) void loadBundled(ctl, b).then(finish);
    }
  };
  // texts passed in are described (titles, names) by the loader: fetched first if need be
  if (options.scenarios?.length && !scenarioLoaderReady()) void loadScenarioLoader().then(start, start);
  else start();

  const canvasReady = () =>
    new Promise<string | null>((resolve) => {
      const check = () => {
        // drawing: and every card shows the last snapshot (a big change is drawn over a few frames, redraw-queue.ts)
        if (ctl.renderer) void ctl.renderer.whenDrawn().then(() => resolve(null));
        else if (ctl.canvasError[0]()) resolve(ctl.canvasError[0]());
        else setTimeout(check, 30);
      };
      check();
    });

  return {
    load: (t, file) => ctl.load(t, file ?? 'scenario.yaml'),
    loadUrl,
    run: (command, stdin) => ctl.exec(command, stdin),
    kubectl: (args) => ctl.exec(`kubectl ${args}`),
    play: () => ctl.play(),
    pause: () => ctl.pause(),
    playing: () => ctl.playing[0](),
    seek: (s) => ctl.seek(s),
    time: () => ctl.session.time(),
    duration: () => ctl.session.duration,
    setSpeed: (s) => ctl.setSpeed(s),
    stepNext: () => ctl.stepNext(),
    stepPrev: () => ctl.stepPrev(),
    restart: () => ctl.restart(),
    select: (pod, container) => ctl.select(pod ? ({ kind: 'pod', pod, ...(container ? { container } : {}) } as Selection) : null),
    snapshot: () => ctl.session.snapshot(),
    stats: () => ({
      frames: [...ctl.frameTimes],
      renderFrames: ctl.renderer ? [...ctl.renderer.frameTimes] : [],
      renderCalls: ctl.renderer ? [...ctl.renderer.renderTimes] : [],
      advance: [...ctl.advanceTimes],
      engineSnapshots: [...ctl.engineSnapshotTimes],
      canvasSnapshots: ctl.renderer ? [...ctl.renderer.snapshotTimes] : [],
      renderer: ctl.renderer?.stats() ?? null,
    }),
    canvasReady,
    ready: () =>
      Promise.all([loadKubectlPrinters().catch(() => undefined), loadProcessRuntime().catch(() => undefined), loadScenarioLoader().catch(() => undefined), langPending]).then(() => undefined),
    on: (listener) => hub.on(listener),
    setLang: (lang) => {
      langPending = ctl.switchLang(pickLang(lang));
    },
    setTheme,
    setShow,
    suspended: () => ctl.isSuspended(),
    benchFrames: (n, dtMs) => ctl.benchFrames(n, dtMs),
    resetStats: () => {
      for (const a of [ctl.frameTimes, ctl.advanceTimes, ctl.engineSnapshotTimes]) a.length = 0;
      if (ctl.renderer) for (const a of [ctl.renderer.frameTimes, ctl.renderer.renderTimes, ctl.renderer.snapshotTimes]) a.length = 0;
    },
    destroy: () => {
      window.removeEventListener('keydown', onKey);
      io?.disconnect();
      document.removeEventListener('visibilitychange', applyVisibility);
      hub.clear();
      disposeEvents();
      ctl.destroy();
      destroyed = true;
      dispose();
      element.classList.remove('podsim');
    },
  };
}

/** the observation kinds the page hears as themselves */
const TOLD = new Set(['event', 'pod', 'endpoints']);

/**
 * Tell the hub's listeners what happens: loads and problems, each observation once per
 * history (a seek back replays a history already told), each check once per load or
 * restart, play/pause, and time. Runs inside a reactive root.
 */
function watchForPage(ctl: PodsimController, hub: UiEventHub): void {
  let told = new Set<string>();
  let checked = new Set<string>();
  let lastScenario: unknown = null;
  const tell = (o: Observation) => {
    if (o.type === 'check') {
      if (checked.has(o.name)) return;
      checked.add(o.name);
      const spec = ctl.session.scenario?.checks?.find((c) => c.name === o.name);
      hub.emit('check', { name: o.name, title: inLang(spec?.title, ctl.lang[0]()) || o.name, t: o.t });
      return;
    }
    if (!TOLD.has(o.type)) return;
    // the same line in the same history serializes the same (the engine is deterministic)
    const key = JSON.stringify(o);
    if (told.has(key)) return;
    told.add(key);
    hub.emit(o.type as 'event' | 'pod' | 'endpoints', JSON.parse(key));
  };
  ctl.session.onChange((c) => {
    // a reset is a load, a restart (handled below) or a seek back (a replay: nothing new)
    if (c.reset || !hub.size) return;
    for (const o of c.observations) tell(o);
  });
  // a load or restart: a new history; what happened at 0:00 is told from the simulation's record
  createEffect(
    on(
      ctl.generation[0],
      () => {
        told = new Set();
        checked = new Set();
        const scenario = ctl.session.scenario;
        if (scenario && scenario !== lastScenario) {
          lastScenario = scenario;
          hub.emit('ready', { file: ctl.source[0]().file, name: scenario.name, title: inLang(scenario.title, ctl.lang[0]()) || scenario.name, duration: scenario.duration });
        }
        if (hub.size) for (const o of ctl.session.sim?.observations() ?? []) tell(o);
      },
      { defer: true },
    ),
  );
  createEffect(
    on(
      ctl.problems[0],
      (p) => {
        if (p) hub.emit('error', { file: p.file, problems: [...p.lines] });
      },
      { defer: true },
    ),
  );
  createEffect(
    on(
      ctl.playing[0],
      (playing) => hub.emit(playing ? 'play' : 'pause', { t: ctl.session.time() }),
      { defer: true },
    ),
  );
  // time: at once when it jumps (seek, step), at most 4 times a second while playing
  let lastTold = -Infinity;
  createEffect(
    on(
      ctl.time[0],
      (t) => {
        const wall = performance.now();
        if (ctl.playing[0]() && wall - lastTold < 250) return;
        lastTold = wall;
        hub.emit('time', { t });
      },
      { defer: true },
    ),
  );
}
