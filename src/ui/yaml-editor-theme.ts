/** Editor colours matching the page (dark, with contrast above 4.5:1 for text). */
import { EditorView } from 'codemirror';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

const theme = EditorView.theme(
  {
    '&': { color: '#e6edf3', backgroundColor: '#0d1117', fontSize: '13px', height: '100%' },
    '.cm-content': { caretColor: '#e6edf3', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
    '.cm-gutters': { backgroundColor: '#161b22', color: '#9da7b3', border: 'none' },
    '.cm-activeLine': { backgroundColor: '#161b2280' },
    '.cm-activeLineGutter': { backgroundColor: '#1f2630' },
    '&.cm-focused .cm-cursor': { borderLeftColor: '#e6edf3' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: '#264f78' },
    '.cm-tooltip': { backgroundColor: '#161b22', color: '#e6edf3', border: '1px solid #30363d' },
    '.cm-scroller': { overflow: 'auto' },
  },
  { dark: true },
);

const highlight = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: '#79c0ff' },
  { tag: [t.string, t.special(t.string)], color: '#a5d6ff' },
  { tag: [t.number, t.bool, t.null], color: '#ffa657' },
  { tag: t.comment, color: '#9da7b3', fontStyle: 'italic' },
  { tag: [t.keyword, t.meta], color: '#ff7b72' },
  { tag: t.punctuation, color: '#c9d1d9' },
]);

export const oneDarkish = [theme, syntaxHighlighting(highlight)];
