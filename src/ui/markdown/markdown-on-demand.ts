/**
 * The Markdown renderer (render-markdown.ts with markdown-it, ~19 kB gzip) as a chunk of
 * its own, fetched the first time the page must render a description itself: a file
 * opened, pasted, fetched by URL, edited or shared. A bundled scenario's description comes
 * rendered at build time (bundled-scenarios-plugin.ts), so the first visit never fetches it.
 * vite.config.ts keeps render-markdown.ts out of the app chunk.
 */
export type RenderMarkdown = (src: string) => string;

let loaded: RenderMarkdown | undefined;
let loading: Promise<RenderMarkdown> | undefined;

/** the renderer, if it has arrived */
export function loadedRenderMarkdown(): RenderMarkdown | undefined {
  return loaded;
}

/** fetch the renderer once; a failed fetch is tried again on the next call */
export function loadRenderMarkdown(): Promise<RenderMarkdown> {
  loading ??= import('./render-markdown').then(
    (m) => (loaded = m.renderMarkdown),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}
