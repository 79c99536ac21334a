/// <reference types="vite/client" />
/**
 * The heavy half of <pod-sim>, loaded when the element starts: the simulator mounted in
 * the element's shadow root with its styles adopted there (constructed stylesheets: they
 * neither leak into the page nor need `style-src 'unsafe-inline'`). The canvas (pixi)
 * and the YAML editor (CodeMirror) are further chunks the UI loads when it needs them.
 */
import { mount, type PodsimHandle, type ShownParts, type Theme } from '../ui/mount-unstyled';
import appCss from '../ui/styles.css?inline';
import embedCss from './embed.css?inline';

export type { PodsimHandle };

export interface EmbedSetup {
  speed: number | null;
  lang: string | null;
  theme: Theme | null;
  show: ShownParts;
}

let sheets: CSSStyleSheet[] | null = null;

/** one pair of sheets for every element on the page (a constructed sheet can be adopted by many roots) */
function adoptStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheets ??= [appCss, embedCss].map((css) => {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      return s;
    });
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets.filter((s) => !sheets!.includes(s)), ...sheets];
    return;
  }
  // browsers without constructed stylesheets (before Safari 16.4): a <style> element
  const style = document.createElement('style');
  style.textContent = appCss + '\n' + embedCss;
  shadow.appendChild(style);
}

/** Mount the simulator into `shadow` (nothing loaded yet: the element loads its scenario through the handle). */
export function mountInShadow(shadow: ShadowRoot, setup: EmbedSetup): { handle: PodsimHandle; root: HTMLElement } {
  adoptStyles(shadow);
  const root = document.createElement('div');
  root.className = 'ps-embed-root';
  shadow.appendChild(root);
  const handle = mount(root, {
    speed: setup.speed ?? undefined,
    lang: setup.lang ?? undefined,
    theme: setup.theme ?? undefined,
    show: setup.show,
    // keys reach this simulator only when focus is inside it: a page may hold several
    globalKeys: false,
    pauseOffscreen: true,
  });
  return { handle, root };
}
