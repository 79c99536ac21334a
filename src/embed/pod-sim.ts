/// <reference types="vite/client" />
/**
 * <pod-sim>: podsim in a course page with one script tag.
 *
 *   <script type="module" src="embed/pod-sim.js"></script>
 *   <pod-sim src="scenarios/readiness.yaml" autoplay speed="4" controls="canvas console"></pod-sim>
 *
 * This module is the whole first download: it defines the element and shows a small
 * placeholder (the scenario's title, read without a YAML parser). The simulator itself
 * (Solid, the engine, js-yaml; then pixi for the canvas) is a chunk imported when the
 * element starts: at once, or with `poster` when the reader scrolls it into view or clicks.
 *
 * Attributes, the JS API and the events are documented in the README ("Embedding in a
 * course page").
 */
import { defaultHeight, inlineYaml, parseControls, parseHeight, parsePoster, parseSpeed, parseTheme, parseTime } from './embed-attributes';
import { scenarioTitle } from './scenario-title';
import type { PodsimHandle } from './embedded-simulator';
import type { CommandOutput } from '../engine/simulation-api';
import type { PodsimUiEvent } from '../ui/ui-events';

const ATTRIBUTES = ['src', 'autoplay', 'speed', 'start', 'loop', 'controls', 'height', 'theme', 'lang', 'poster'] as const;

/** the placeholder's words (the simulator's own come from its catalogue once loaded) */
const WORDS = {
  en: {
    load: 'Load the simulator',
    loading: 'Loading the simulator…',
    sub: 'podsim · Kubernetes pod lifecycle simulator',
    hint: 'Click to load and play',
    untitled: 'Kubernetes pod simulator',
    failed: 'The simulator could not load',
  },
  ja: {
    load: 'シミュレーターを読み込む',
    loading: 'シミュレーターを読み込み中…',
    sub: 'podsim · Kubernetes Pod ライフサイクル シミュレーター',
    hint: 'クリックして読み込み、再生します',
    untitled: 'Kubernetes Pod シミュレーター',
    failed: 'シミュレーターを読み込めませんでした',
  },
};

const PLACEHOLDER_CSS = `
:host{display:block;position:relative;height:600px;min-height:120px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Hiragino Sans","Noto Sans CJK JP","DejaVu Sans",sans-serif;contain:content}
:host([hidden]){display:none}
.ph{box-sizing:border-box;height:100%;display:flex;align-items:center;justify-content:center;gap:16px;padding:16px;border:1px solid #30363d;border-radius:8px;background:#0d1117;color:#e6edf3}
.ph-play{flex:none;width:64px;height:64px;border-radius:50%;border:0;background:#1f6feb;color:#fff;cursor:pointer;display:grid;place-items:center}
.ph-play:hover{background:#388bfd}
.ph-play:focus-visible{outline:3px solid #58a6ff;outline-offset:3px}
.ph-play[disabled]{cursor:progress;opacity:.7}
.ph-title{font-weight:700;font-size:16px}
.ph-sub{color:#9da7b3;font-size:13px}
.ph-error{color:#ff7b72}
:host([theme=light]) .ph{background:#f6f8fa;color:#1f2328;border-color:#d0d7de}
:host([theme=light]) .ph-sub{color:#59636e}
@media (prefers-color-scheme:light){:host([theme=auto]) .ph{background:#f6f8fa;color:#1f2328;border-color:#d0d7de}:host([theme=auto]) .ph-sub{color:#59636e}}
`;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** a constructed stylesheet (CSP-safe), or a <style> where those are missing */
function adopt(shadow: ShadowRoot, css: string): CSSStyleSheet | HTMLStyleElement {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return sheet;
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
  return style;
}

function langOf(el: HTMLElement): 'en' | 'ja' {
  const wanted = [el.getAttribute('lang') ?? '', ...(typeof navigator === 'object' ? navigator.languages ?? [navigator.language] : [])];
  for (const w of wanted) {
    const l = w.trim().toLowerCase().split(/[-_]/)[0];
    if (l === 'ja' || l === 'en') return l;
  }
  return 'en';
}

const NOT_LOADED = 'the simulator has not loaded yet (await the element\'s `ready` promise first)';

export class PodSimElement extends HTMLElement {
  static get observedAttributes(): readonly string[] {
    return ATTRIBUTES;
  }

  /** resolves once the simulator is up and its first scenario loaded (or failed to: see podsim-error) */
  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private readonly root: ShadowRoot;
  private readonly sizeSheet: CSSStyleSheet | HTMLStyleElement;
  private handle: PodsimHandle | null = null;
  private simRoot: HTMLElement | null = null;
  private starting = false;
  private placeholder: HTMLElement | null = null;
  /** the src text fetched for the poster's title, reused when the simulator starts */
  private fetched: { url: string; text: Promise<string | null> } | null = null;
  private wantPlay = false;
  private wantSeek: number | null = null;
  private viewObserver: IntersectionObserver | null = null;
  private textObserver: MutationObserver | null = null;
  private unsubscribe: (() => void) | null = null;
  private teardownTimer = 0;

  constructor() {
    super();
    this.ready = new Promise((ok) => (this.resolveReady = ok));
    this.root = this.attachShadow({ mode: 'open' });
    adopt(this.root, PLACEHOLDER_CSS);
    this.sizeSheet = adopt(this.root, '');
  }

  // ---- the page's API

  /** start playing (loading the simulator first if it has not) */
  play(): void {
    this.wantPlay = true;
    if (this.handle) this.handle.play();
    else void this.start();
  }

  pause(): void {
    this.wantPlay = false;
    this.handle?.pause();
  }

  /** jump to a time: seconds, or a duration such as "1m30s" */
  seek(t: number | string): void {
    const s = parseTime(t);
    if (s === null) throw new RangeError(`pod-sim: cannot read the time ${JSON.stringify(t)} (write seconds, 30s, 1m30s or 1:30)`);
    if (this.handle) this.handle.seek(s);
    else this.wantSeek = s;
  }

  /** run a console command (kubectl ... or sim ...); it shows in the console too */
  run(command: string): CommandOutput {
    if (!this.handle) return { stdout: '', stderr: `pod-sim: ${NOT_LOADED}\n`, exitCode: 1 };
    return this.handle.run(command);
  }

  /** load scenario YAML; on problems the running scenario stays */
  load(yaml: string): { ok: boolean; problems: string[] } {
    if (!this.handle) return { ok: false, problems: [`pod-sim: ${NOT_LOADED}`] };
    return this.handle.load(yaml, this.fileName());
  }

  /** virtual seconds since the manifests were applied */
  get time(): number {
    return this.handle?.time() ?? this.wantSeek ?? 0;
  }

  get duration(): number {
    return this.handle?.duration() ?? 0;
  }

  get playing(): boolean {
    return this.handle?.playing() ?? false;
  }

  // ---- lifecycle

  connectedCallback(): void {
    clearTimeout(this.teardownTimer);
    this.applySize();
    if (this.handle || this.starting) return;
    if (document.readyState === 'loading') {
      // the inline YAML may not be parsed yet
      document.addEventListener('DOMContentLoaded', () => this.isConnected && this.connectedCallback(), { once: true });
      return;
    }
    const poster = parsePoster(this.getAttribute('poster'));
    this.showPlaceholder(poster !== 'none');
    if (poster === 'none') void this.start();
    else if (poster === 'visible' && typeof IntersectionObserver === 'function') {
      this.viewObserver = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) void this.start();
        },
        { rootMargin: '100px' },
      );
      this.viewObserver.observe(this);
    }
  }

  disconnectedCallback(): void {
    // moved within the page: keep everything; removed: free the simulator
    this.teardownTimer = window.setTimeout(() => {
      if (!this.isConnected) this.teardown();
    }, 0);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if (name === 'height' || name === 'controls') this.applySize();
    const h = this.handle;
    if (!h) {
      if (name === 'poster' && value === null && this.placeholder && this.isConnected) void this.start();
      else if ((name === 'src' || name === 'lang') && this.placeholder) {
        this.fetched = null;
        this.showPlaceholder(parsePoster(this.getAttribute('poster')) !== 'none');
      }
      return;
    }
    if (name === 'src') void this.loadSource();
    else if (name === 'speed') h.setSpeed(parseSpeed(value) ?? 1);
    else if (name === 'lang') h.setLang(value ?? '');
    else if (name === 'theme') h.setTheme(parseTheme(value));
    else if (name === 'controls') h.setShow(parseControls(value).controls);
  }

  // ---- inside

  /**
   * The YAML written inside the element. Inside a <pre> (readable where scripts do not
   * run) it is that element's text: the HTML parser drops the newline right after <pre>,
   * so the element's own text would start with the page's indentation on the first line.
   */
  private inlineText(): string {
    const pre = this.querySelector(':scope > pre');
    return inlineYaml((pre ?? this).textContent ?? '');
  }

  private fileName(): string {
    return `${this.id || 'pod-sim'}.yaml`;
  }

  private srcUrl(): string | null {
    const src = this.getAttribute('src');
    return src ? new URL(src, this.baseURI).href : null;
  }

  private applySize(): void {
    const { controls, unknown } = parseControls(this.getAttribute('controls'));
    if (unknown.length) console.warn(`pod-sim: controls takes canvas, console, panels, editor, header or all; ignored: ${unknown.join(' ')}`);
    const h = parseHeight(this.getAttribute('height')) ?? defaultHeight(controls);
    const css = `:host{height:${h}}`;
    if (this.sizeSheet instanceof HTMLStyleElement) this.sizeSheet.textContent = css;
    else this.sizeSheet.replaceSync(css);
  }

  /** the src text, fetched once (the poster's title and the simulator share it) */
  private fetchSrc(url: string): Promise<string | null> {
    if (this.fetched?.url !== url) {
      this.fetched = {
        url,
        text: fetch(url)
          .then((r) => (r.ok ? r.text() : null))
          .catch(() => null),
      };
    }
    return this.fetched.text;
  }

  private showPlaceholder(poster: boolean): void {
    const words = WORDS[langOf(this)];
    const ph = document.createElement('div');
    ph.className = 'ph';
    ph.setAttribute('part', 'placeholder');
    const title = document.createElement('div');
    title.className = 'ph-title';
    const sub = document.createElement('div');
    sub.className = 'ph-sub';
    sub.textContent = poster ? `${words.sub} — ${words.hint}` : words.loading;
    const text = document.createElement('div');
    text.append(title, sub);
    const setTitle = (t: string | null) => {
      title.textContent = t || words.untitled;
      button.setAttribute('aria-label', `${words.load}: ${title.textContent}`);
    };
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ph-play';
    button.addEventListener('click', () => this.play());
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('width', '28');
    svg.setAttribute('height', '28');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', 'M5 2.5v11l9-5.5z');
    path.setAttribute('fill', 'currentColor');
    svg.append(path);
    button.append(svg);
    if (!poster) button.hidden = true;
    ph.append(button, text);
    const url = this.srcUrl();
    const lang = langOf(this);
    if (url) {
      setTitle(null);
      // only a poster needs the title before the simulator is there
      if (poster) void this.fetchSrc(url).then((t) => t !== null && ph.isConnected && setTitle(scenarioTitle(t, lang)));
    } else setTitle(scenarioTitle(this.inlineText(), lang));
    this.placeholder?.remove();
    this.placeholder = ph;
    this.root.append(ph);
  }

  private setPlaceholderState(state: 'loading' | 'failed', detail = ''): void {
    const ph = this.placeholder;
    if (!ph) return;
    const words = WORDS[langOf(this)];
    const button = ph.querySelector('button');
    const sub = ph.querySelector('.ph-sub');
    if (button) button.disabled = state === 'loading';
    ph.setAttribute('aria-busy', String(state === 'loading'));
    if (sub) {
      sub.textContent = state === 'loading' ? words.loading : `${words.failed}: ${detail}`;
      sub.classList.toggle('ph-error', state === 'failed');
    }
  }

  /** load the simulator chunk, mount it in the shadow root, load the scenario */
  private async start(): Promise<void> {
    if (this.starting || this.handle) return;
    this.starting = true;
    this.viewObserver?.disconnect();
    this.viewObserver = null;
    this.setPlaceholderState('loading');
    let mod: typeof import('./embedded-simulator');
    try {
      mod = await import('./embedded-simulator');
    } catch (e) {
      this.starting = false;
      const msg = e instanceof Error ? e.message : String(e);
      this.setPlaceholderState('failed', msg);
      this.dispatch({ type: 'error', detail: { file: '', problems: [`pod-sim: the simulator could not load: ${msg}`] } });
      return;
    }
    if (!this.isConnected) {
      this.starting = false;
      return;
    }
    const { handle, root } = mod.mountInShadow(this.root, {
      speed: parseSpeed(this.getAttribute('speed')),
      lang: this.getAttribute('lang'),
      theme: parseTheme(this.getAttribute('theme')),
      show: parseControls(this.getAttribute('controls')).controls,
    });
    this.handle = handle;
    this.simRoot = root;
    this.starting = false;
    this.unsubscribe = handle.on((e) => this.onSimulatorEvent(e));
    this.placeholder?.remove();
    this.placeholder = null;
    // inline YAML edited by the page's script: load it again
    this.textObserver = new MutationObserver(() => {
      if (!this.hasAttribute('src')) void this.loadSource();
    });
    this.textObserver.observe(this, { childList: true, characterData: true, subtree: true });
    // kubectl's printers are fetched on demand; `ready` promises run() works, so it waits for them too
    const printers = handle.ready();
    // and the shell, when the scenario runs scripts (a load before it is in would be refused)
    await printers;
    const outcome = await this.loadSource();
    if (outcome.ok) {
      const start = this.wantSeek ?? parseTime(this.getAttribute('start'));
      this.wantSeek = null;
      if (start) handle.seek(start);
      if (this.wantPlay || this.hasAttribute('autoplay')) handle.play();
    }
    await printers;
    this.resolveReady();
  }

  private async loadSource(): Promise<{ ok: boolean; problems: string[] }> {
    const h = this.handle;
    if (!h) return { ok: false, problems: [NOT_LOADED] };
    const url = this.srcUrl();
    if (!url) return h.load(this.inlineText(), this.fileName());
    // a poster already fetched it for its title
    const cached = this.fetched?.url === url ? await this.fetched.text : null;
    if (cached !== null) return h.load(cached, decodeURIComponent(new URL(url).pathname.replace(/^.*\//, '')) || this.fileName());
    return h.loadUrl(url);
  }

  private onSimulatorEvent(e: PodsimUiEvent): void {
    this.dispatch(e);
    // loop: at the end, from the start again
    if (e.type === 'pause' && this.hasAttribute('loop')) {
      const h = this.handle;
      if (h && h.duration() > 0 && h.time() >= h.duration()) {
        queueMicrotask(() => {
          if (this.handle !== h) return;
          h.seek(0);
          h.play();
        });
      }
    }
  }

  private dispatch(e: PodsimUiEvent): void {
    this.dispatchEvent(new CustomEvent(`podsim-${e.type}`, { detail: e.detail, bubbles: true, composed: true }));
  }

  private teardown(): void {
    this.viewObserver?.disconnect();
    this.viewObserver = null;
    this.textObserver?.disconnect();
    this.textObserver = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.handle?.destroy();
    this.handle = null;
    this.simRoot?.remove();
    this.simRoot = null;
    this.placeholder?.remove();
    this.placeholder = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pod-sim': PodSimElement;
  }
}

if (typeof customElements === 'object' && !customElements.get('pod-sim')) customElements.define('pod-sim', PodSimElement);
