import { describe, it, expect } from 'vitest';
import { Text } from '@codemirror/state';
import { problemToDiagnostic } from '../../src/ui/problem-range';
import { loadScenario } from '../../src/scenario/load-scenario';

describe('problemToDiagnostic', () => {
  it('marks the value a loader problem points at, on its line', () => {
    const src = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    readinessProbe:\n      periodSeconds: five\n      httpGet: {path: /, port: 80}\n';
    const r = loadScenario(src, 'x.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const doc = Text.of(src.split('\n'));
    const d = problemToDiagnostic(doc, r.problems[0]);
    expect(doc.lineAt(d.from).number).toBe(9);
    // the loader points at the field; the mark covers the word there, on that line
    expect(['periodSeconds', 'five']).toContain(doc.sliceString(d.from, d.to));
    expect(d.severity).toBe('error');
  });

  it('clamps a position past the end of the text to its last line', () => {
    const doc = Text.of(['a: 1', 'b: 2']);
    const d = problemToDiagnostic(doc, { file: 'f', line: 9, column: 40, message: 'm' });
    expect(doc.lineAt(d.from).number).toBe(2);
    expect(d.to).toBeLessThanOrEqual(doc.length);
  });
});
