import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from '../../src/scenario/yaml-documents';

const TEXT = [
  '# a comment', // 1
  'apiVersion: v1', // 2
  'kind: Pod', // 3
  'metadata: {name: web, labels: {app: web}}', // 4
  'spec:', // 5
  '  containers:', // 6
  '  - name: web', // 7
  '    image: nginx', // 8
  '    ports: [{containerPort: 8080}, {name: x, containerPort: 9090}]', // 9
  '    readinessProbe:', // 10
  '      periodSeconds:', // 11
  '        5', // 12
  '---', // 13
  'a: 1', // 14
  '---', // 15
].join('\n');

describe('parseYamlDocuments', () => {
  const r = parseYamlDocuments(TEXT);
  if (!r.ok) throw new Error(r.error.message);
  const [pod, second] = r.documents;

  it('parses every document', () => {
    expect(r.documents).toHaveLength(3);
    expect(second.value).toEqual({ a: 1 });
    expect(r.documents[2].value).toBeNull();
  });

  it('locates block and flow keys by field path (1-based line and column)', () => {
    expect(pod.keyPosition(['kind'])).toEqual({ line: 3, column: 1 });
    expect(pod.keyPosition(['metadata', 'name'])).toEqual({ line: 4, column: 12 });
    expect(pod.keyPosition(['metadata', 'labels', 'app'])).toEqual({ line: 4, column: 32 });
    expect(pod.keyPosition(['spec', 'containers', 0, 'image'])).toEqual({ line: 8, column: 5 });
    expect(pod.keyPosition(['spec', 'containers', 0, 'ports', 1, 'name'])).toEqual({ line: 9, column: 37 });
    expect(pod.keyPosition(['spec', 'containers', 0, 'readinessProbe', 'periodSeconds'])).toEqual({ line: 11, column: 7 });
  });

  it('locates sequence items at their content', () => {
    expect(pod.keyPosition(['spec', 'containers', 0])).toEqual({ line: 7, column: 5 });
    expect(pod.keyPosition(['spec', 'containers', 0, 'ports', 1])).toEqual({ line: 9, column: 36 });
  });

  it('gives the value node of a field, even on the next line', () => {
    expect(pod.valueSpan(['spec', 'containers', 0, 'readinessProbe', 'periodSeconds'])?.start).toEqual({ line: 12, column: 9 });
  });

  it('falls back to the nearest ancestor for an absent field', () => {
    expect(pod.locate(['spec', 'containers', 0, 'livenessProbe', 'exec'])).toEqual({ line: 7, column: 5 });
    expect(second.locate(['nothing'])).toEqual({ line: 14, column: 1 });
  });

  it('does not invent a key for the document separator', () => {
    expect(pod.keyPosition(['null'])).toBeUndefined();
  });

  it('reads scalars as kubectl does (YAML 1.1: octal, yes/no, underscores)', () => {
    const y = parseYamlDocuments('mode: 0644\nhex: 0x1F\na: yes\nb: off\nc: 1_000\nd: 2024-01-01\nf: 1e3\nz: ~\non: 1\n');
    if (!y.ok) throw new Error(y.error.message);
    expect(y.documents[0].value).toEqual({ mode: 420, hex: 31, a: true, b: false, c: 1000, d: '2024-01-01', f: 1000, z: null, true: 1 });
  });

  it('honours YAML anchors and merge keys', () => {
    const y = parseYamlDocuments('base: &b {x: 1}\nderived:\n  <<: *b\n  w: 2\n');
    if (!y.ok) throw new Error(y.error.message);
    expect(y.documents[0].value).toEqual({ base: { x: 1 }, derived: { x: 1, w: 2 } });
  });

  it('reports a syntax error with its line and column and no stack', () => {
    const y = parseYamlDocuments('a: 1\nb: [1,\nc: 2\n');
    expect(y).toEqual({ ok: false, error: { line: 4, column: 1, message: 'YAML syntax error: unexpected end of the stream within a flow collection' } });
    expect(parseYamlDocuments('a: 1\na: 2\n')).toEqual({ ok: false, error: { line: 2, column: 1, message: 'YAML syntax error: duplicated mapping key' } });
  });

  it('counts the same lines and columns with CRLF line ends', () => {
    const crlf = parseYamlDocuments(TEXT.replace(/\n/g, '\r\n'));
    if (!crlf.ok) throw new Error(crlf.error.message);
    expect(crlf.documents[0].keyPosition(['spec', 'containers', 0, 'ports', 1, 'name'])).toEqual({ line: 9, column: 37 });
    expect(crlf.documents[1].start).toEqual({ line: 14, column: 1 });
  });

  it('ignores a byte order mark when counting columns', () => {
    const y = parseYamlDocuments('\ufeffa: {b: 1}\n');
    if (!y.ok) throw new Error(y.error.message);
    expect(y.documents[0].keyPosition(['a', 'b'])).toEqual({ line: 1, column: 5 });
  });
});
