/**
 * The YAML editor (CodeMirror 6), loaded only when the learner opens the editor tab:
 * it is the biggest dependency after pixi and most visits never need it. Problems of
 * the scenario loader are shown inline at their line and column as lint diagnostics.
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

/** `label` names the editor for screen readers, in the UI language */
export function createYamlEditor(parent: HTMLElement, initial: string, file: string, onChange: (text: string, problems: ScenarioProblem[]) => void, label = 'Scenario YAML'): YamlEditor {
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
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial,
      extensions: [basicSetup, yaml(), lintGutter(), scenarioLinter, oneDarkish, EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' })],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
