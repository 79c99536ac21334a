/**
 * The YAML editor (CodeMirror 6), loaded only when the learner opens the editor tab:
 * it is the biggest dependency after pixi and most visits never need it. Problems of
 * the scenario loader are shown inline at their line and column as lint diagnostics.
 *
 * The editor lives in a shadow root of its own. CodeMirror's styles (style-mod) go
 * where the editor is: into a document they are a `<style>` element in <head>, which a
 * page served with `style-src 'self'` refuses (the editor shows unstyled); into a shadow
 * root they are a constructed stylesheet adopted by that root, which CSP allows. The
 * page's theme colours still reach it: CSS custom properties inherit into shadow trees
 * (yaml-editor-theme.ts reads them).
 */
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter } from '@codemirror/lint';
import { problemToDiagnostic } from './problem-range';
import { oneDarkish } from './yaml-editor-theme';
import { loadScenario } from '../scenario/load-scenario';
import type { ScenarioProblem } from '../scenario/model';

export interface YamlEditor {
  text(): string;
  setText(text: string): void;
  focus(): void;
  destroy(): void;
}

/**
 * @codemirror/lint draws its wavy underlines and gutter markers as `data:` SVG images,
 * which `img-src 'self'` refuses (a CSP violation for each mark shown). The same marks
 * in CSS instead: a wavy text decoration, and a dot, triangle or square in the gutter.
 * A theme (not a base theme), so these rules come after lint's own and win.
 */
const lintMarksWithoutImages = EditorView.theme({
  '.cm-lintRange-error, .cm-lintRange-warning, .cm-lintRange-info, .cm-lintRange-hint': {
    backgroundImage: 'none',
    textDecorationLine: 'underline',
    textDecorationStyle: 'wavy',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: '3px',
  },
  '.cm-lintRange-error': { textDecorationColor: 'var(--bad)' },
  '.cm-lintRange-warning': { textDecorationColor: 'var(--warn)' },
  '.cm-lintRange-info, .cm-lintRange-hint': { textDecorationColor: 'var(--muted)' },
  '.cm-lint-marker': { content: 'normal', boxSizing: 'border-box', width: '0.8em', height: '0.8em', margin: '0.1em' },
  '.cm-lint-marker-error': { content: 'normal', borderRadius: '50%', backgroundColor: 'var(--bad)' },
  '.cm-lint-marker-warning': { content: 'normal', clipPath: 'polygon(50% 0, 100% 100%, 0 100%)', backgroundColor: 'var(--warn)' },
  '.cm-lint-marker-info': { content: 'normal', backgroundColor: 'var(--muted)' },
});

/** a shadow root on `host` for the editor (the one already there on a second mount), or `host` itself where shadow DOM is missing */
function editorRoot(host: HTMLElement): HTMLElement | ShadowRoot {
  if (typeof host.attachShadow !== 'function') return host;
  return host.shadowRoot ?? host.attachShadow({ mode: 'open' });
}

/** `label` names the editor for screen readers, in the UI language; `host` gets a shadow root holding the editor */
export function createYamlEditor(host: HTMLElement, initial: string, file: string, onChange: (text: string, problems: ScenarioProblem[]) => void, label = 'Scenario YAML'): YamlEditor {
  const scenarioLinter = linter(
    (view) => {
      const text = view.state.doc.toString();
      let problems: ScenarioProblem[] = [];
      try {
        const r = loadScenario(text, file);
        problems = r.ok ? [] : r.problems;
      } catch (e) {
        problems = [{ file, line: 1, column: 1, message: `podsim could not check this file: ${e instanceof Error ? e.message : String(e)}` }];
      }
      onChange(text, problems);
      return problems.map((p) => problemToDiagnostic(view.state.doc, p));
    },
    { delay: 400 },
  );
  const parent = editorRoot(host);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial,
      extensions: [basicSetup, yaml(), lintGutter(), scenarioLinter, oneDarkish, lintMarksWithoutImages, EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' })],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
