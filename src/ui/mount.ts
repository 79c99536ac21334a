/**
 * The simulator as a component: `mount(element, options)` renders it into any element
 * and returns a handle for scripting it. The page `npm start` opens is one user of it
 * (main.tsx); tests and embedding pages are others.
 */
import { createComponent, createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { App, type Tab } from './App';
import { PodsimController, type BundledScenario } from './podsim-controller';
import type { CommandOutput, SimSnapshot } from '../engine/simulation-api';
import type { Selection } from '../render/cluster-renderer';
import { loadScenario } from '../scenario/load-scenario';
import { text as localized } from './podsim-controller';
import { pickLang } from './i18n/i18n';
import './styles.css';

export interface MountOptions {
  /** scenarios offered in the picker */
  scenarios?: { file: string; text: string }[];
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
}

export interface LoadOutcome {
  ok: boolean;
  /** FILE:LINE:COLUMN: message for each problem */
  problems: string[];
}

export interface PodsimHandle {
  load(yamlText: string, file?: string): LoadOutcome;
  loadUrl(url: string): Promise<LoadOutcome>;
  /** run a console command (kubectl ... or sim ...); it appears in the console and its history */
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
  /** resolves once the canvas is drawing (or failed to start: the string says why) */
  canvasReady(): Promise<string | null>;
  destroy(): void;
}

let instances = 0;

function bundledList(list: { file: string; text: string }[]): BundledScenario[] {
  return list
    .map((s) => {
      const file = s.file.replace(/^.*\//, '');
      const r = loadScenario(s.text, file);
      const title = r.ok ? localized(r.scenario.title) || r.scenario.name : `${file} (has problems)`;
      return { file, text: s.text, name: r.ok ? r.scenario.name : file, title };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}

export function mount(element: HTMLElement, options: MountOptions = {}): PodsimHandle {
  const ctl = new PodsimController();
  const uid = `podsim-${++instances}`;
  const bundled = bundledList(options.scenarios ?? []);
  const reduce = options.reducedMotion ?? (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches);
  ctl.reducedMotion[1](reduce);
  ctl.lang[1](pickLang(options.lang));
  if (options.speed) ctl.setSpeed(options.speed);
  const tab = createSignal<Tab>('about');
  element.classList.add('podsim');

  const loadUrl = async (url: string): Promise<LoadOutcome> => {
    const file = decodeURIComponent(url.replace(/[?#].*$/, '').replace(/^.*\//, '')) || 'scenario.yaml';
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
      return ctl.load(await res.text(), file);
    } catch (e) {
      const line = `${file}:1:1: could not fetch ${url}: ${e instanceof Error ? e.message : String(e)}`;
      ctl.problems[1]({ file, lines: [line], problems: [{ file, line: 1, column: 1, message: line }] });
      return { ok: false, problems: [line] };
    }
  };

  const dispose = render(() => createComponent(App, { ctl, bundled, onLoadUrl: (u: string) => void loadUrl(u), foldAbove: options.foldAbove, uid, tab }), element);

  // keyboard: Space plays/pauses, arrows step between events, unless a control wants the key
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target as HTMLElement | null;
    const inside = t ? element.contains(t) : false;
    const onBody = !t || t === document.body || t === document.documentElement;
    if (!inside && !(onBody && options.globalKeys !== false)) return;
    if (t && t.closest('input, textarea, select, button, a, [contenteditable], .cm-editor, [role="tab"], [role="slider"], summary')) return;
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

  const initial = options.initial;
  const finish = (r: LoadOutcome) => {
    if (r.ok && options.autoplay) ctl.play();
  };
  if (initial && 'url' in initial) void loadUrl(initial.url).then(finish);
  else if (initial && 'text' in initial) finish(ctl.load(initial.text, initial.file ?? 'scenario.yaml'));
  else if (initial && 'bundled' in initial) {
    const b = bundled.find((x) => x.file === initial.bundled) ?? bundled[0];
    if (b) finish(ctl.load(b.text, b.file));
  } else if (bundled[0]) finish(ctl.load(bundled[0].text, bundled[0].file));

  const canvasReady = () =>
    new Promise<string | null>((resolve) => {
      const check = () => {
        if (ctl.renderer) resolve(null);
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
    benchFrames: (n, dtMs) => ctl.benchFrames(n, dtMs),
    resetStats: () => {
      for (const a of [ctl.frameTimes, ctl.advanceTimes, ctl.engineSnapshotTimes]) a.length = 0;
      if (ctl.renderer) for (const a of [ctl.renderer.frameTimes, ctl.renderer.renderTimes, ctl.renderer.snapshotTimes]) a.length = 0;
    },
    destroy: () => {
      window.removeEventListener('keydown', onKey);
      ctl.destroy();
      dispose();
      element.classList.remove('podsim');
    },
  };
}
