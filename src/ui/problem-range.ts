/**
 * Where a loader problem (FILE:LINE:COLUMN) sits in the editor's text: from its column
 * to the end of the word it points at, as a CodeMirror lint diagnostic.
 */
import type { Text } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';
import type { ScenarioProblem } from '../scenario/model';

export function problemToDiagnostic(doc: Text, p: ScenarioProblem): Diagnostic {
  const lineNo = Math.max(1, Math.min(doc.lines, p.line));
  const line = doc.line(lineNo);
  const from = Math.min(line.to, line.from + Math.max(0, p.column - 1));
  // underline to the end of the word (or the line) the problem points at
  const rest = doc.sliceString(from, line.to);
  const m = /^[^\s:,\]}]+/.exec(rest);
  const to = Math.max(from + 1, Math.min(line.to, from + (m ? m[0].length : rest.length)));
  return { from, to: Math.min(to, doc.length), severity: 'error', message: (p.path ? `${p.path}: ` : '') + p.message };
}
