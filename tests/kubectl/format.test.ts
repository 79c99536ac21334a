import { describe, it, expect } from 'vitest';
import { KUBECTL_DESCRIBE_TABWRITER, KUBECTL_GET_TABWRITER, TabWriter, tabwrite } from '../../src/engine/format/tab-writer';
import { canonicalQuantity, milliValue, parseQuantity, value } from '../../src/engine/format/quantity';
import { marshalJson } from '../../src/engine/format/go-json';
import { marshalYaml, yamlKeyLess } from '../../src/engine/format/go-yaml';
import { rfc1123z, rfc3339, rfc3339Nano } from '../../src/engine/format/go-time';
import { EPOCH_MS } from './fixtures';

describe('tabwriter (Go text/tabwriter as kubectl configures it)', () => {
  it('kubectl get: column = max(minwidth 6, widest cell + padding 3); the last cell is not padded', () => {
    const out = tabwrite('NAME\tREADY\tAGE\nweb\t1/1\t5m\n', KUBECTL_GET_TABWRITER);
    expect(out).toBe('NAME   READY   AGE\nweb    1/1     5m\n');
  });

  it('applies minwidth 6 to narrow columns', () => {
    expect(tabwrite('A\tB\nx\ty\n', KUBECTL_GET_TABWRITER)).toBe('A     B\nx     y\n');
  });

  it('pads a tab-terminated last cell (as kubectl top does), giving trailing spaces', () => {
    expect(tabwrite('NAME\tCPU\t\nweb\t3m\t\n', KUBECTL_GET_TABWRITER)).toBe('NAME   CPU   \nweb    3m    \n');
  });

  it('sizes a column per block: a line with fewer cells ends the block', () => {
    const text = 'Name:\tweb\nContainers:\n  web:\n    Container ID:\tx\n    Image:\tnginx\nLabels:\t<none>\n';
    expect(tabwrite(text, KUBECTL_DESCRIBE_TABWRITER)).toBe(
      ['Name:  web', 'Containers:', '  web:', '    Container ID:  x', '    Image:         nginx', 'Labels:            <none>', ''].join('\n'),
    );
  });

  it('counts runes, not UTF-16 units or bytes', () => {
    expect(tabwrite('µs\tx\nab\ty\n', { minwidth: 0, tabwidth: 8, padding: 1 })).toBe('µs x\nab y\n');
  });

  it('writes an unterminated last line without a newline', () => {
    expect(tabwrite('a\tb\ncc\td', { minwidth: 0, tabwidth: 8, padding: 1 })).toBe('a  b\ncc d');
  });

  it('aligns empty cells too (the double tab in describe node)', () => {
    expect(tabwrite('Namespace\tName\t\tAge\nd\tweb\t\t5m\n', { minwidth: 0, tabwidth: 8, padding: 2 })).toBe('Namespace  Name    Age\nd          web     5m\n');
  });

  it('TabWriter.flush aligns what came before independently of what follows', () => {
    const w = new TabWriter(KUBECTL_DESCRIBE_TABWRITER);
    w.write('a:\tx\n');
    w.flush();
    w.write('longer key:\ty\n');
    expect(w.finish()).toBe('a:  x\nlonger key:  y\n');
  });
});

describe('resource.Quantity canonical form', () => {
  const cases: [string, string][] = [
    ['250m', '250m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1.5', '1500m'],
    ['2', '2'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['1000000', '1M'],
    ['64Mi', '64Mi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['512', '512'],
    ['1Ki', '1Ki'],
    ['100Ki', '100Ki'],
    ['0.5Ki', '512'],
    ['129e6', '129e6'],
    ['1e3', '1e3'],
    ['0.1m', '100u'],
    ['0', '0'],
    ['0Mi', '0'],
  ];
  it.each(cases)('%s → %s', (input, want) => expect(canonicalQuantity(input)).toBe(want));

  it('rounds MilliValue and Value up', () => {
    expect(milliValue(parseQuantity('2500u')!)).toBe(3n);
    expect(value(parseQuantity('1500m')!)).toBe(2n);
    expect(value(parseQuantity('100Mi')!)).toBe(104857600n);
  });

  it('rejects what is not a quantity', () => {
    expect(parseQuantity('abc')).toBeNull();
    expect(parseQuantity('5 Mi')).toBeNull();
  });
});

describe('timestamps', () => {
  it('RFC 3339 with whole seconds, RFC3339Nano trimmed, RFC1123Z', () => {
    expect(rfc3339(EPOCH_MS, 162.7)).toBe('2025-01-15T10:02:42Z');
    expect(rfc3339Nano(EPOCH_MS, 162.25)).toBe('2025-01-15T10:02:42.25Z');
    expect(rfc3339Nano(EPOCH_MS, 162)).toBe('2025-01-15T10:02:42Z');
    expect(rfc1123z(EPOCH_MS, 3600)).toBe('Wed, 15 Jan 2025 11:00:00 +0000');
  });
});

describe('JSON as kubectl -o json prints it', () => {
  it('sorts keys, indents by four spaces, keeps {} and [] compact, escapes HTML characters', () => {
    expect(marshalJson({ b: 1, a: { z: [], y: {} }, c: 'echo dying >&2 <x>', d: undefined, e: null })).toBe(
      ['{', '    "a": {', '        "y": {},', '        "z": []', '    },', '    "b": 1,', '    "c": "echo dying \\u003e\\u00262 \\u003cx\\u003e",', '    "e": null', '}', ''].join('\n'),
    );
  });

  it('escapes control characters as encoding/json does', () => {
    expect(marshalJson('a\tb\nc\u0008"\\')).toBe('"a\\tb\\nc\\u0008\\"\\\\"\n');
  });
});

describe('YAML as kubectl -o yaml prints it (go-yaml v2)', () => {
  it('does not indent sequences under a key and puts the first key of an item after "- "', () => {
    expect(marshalYaml({ spec: { containers: [{ name: 'web', image: 'nginx' }], dnsPolicy: 'ClusterFirst' } })).toBe(
      ['spec:', '  containers:', '  - image: nginx', '    name: web', '  dnsPolicy: ClusterFirst', ''].join('\n'),
    );
  });

  it('double-quotes strings that would read back as another type', () => {
    expect(
      marshalYaml({ a: 'true', b: '8080', c: '2025-01-15T10:00:00Z', d: '', e: 'yes', f: '1.5', g: 'null', h: '10.244.1.5', i: '0x1F', j: '1:20' }),
    ).toBe(['a: "true"', 'b: "8080"', 'c: "2025-01-15T10:00:00Z"', 'd: ""', 'e: "yes"', 'f: "1.5"', 'g: "null"', 'h: 10.244.1.5', 'i: "0x1F"', 'j: "1:20"', ''].join('\n'));
  });

  it('single-quotes strings plain style cannot carry', () => {
    expect(marshalYaml({ m: 'containers with unready status: [web]', s: '*', t: "it's: x", u: '- a', v: 'a #b' })).toBe(
      ["m: 'containers with unready status: [web]'", "s: '*'", "t: 'it''s: x'", "u: '- a'", "v: 'a #b'", ''].join('\n'),
    );
  });

  it('keeps plain what is safe: dashes inside, colons without space, a trailing slash path', () => {
    expect(marshalYaml({ a: 'sh -c', b: 'docker.io/library/nginx@sha256:abc', c: '/dev/termination-log', d: '-c' })).toBe(
      ['a: sh -c', 'b: docker.io/library/nginx@sha256:abc', 'c: /dev/termination-log', 'd: -c', ''].join('\n'),
    );
  });

  it('writes multi-line strings as literal blocks with the right chomping', () => {
    expect(marshalYaml({ a: 'x\ny\n', b: 'x\ny', c: 'x\n\n' })).toBe(['a: |', '  x', '  y', 'b: |-', '  x', '  y', 'c: |+', '  x', '', ''].join('\n'));
  });

  it('folds long plain and quoted scalars past column 80, continuing two deeper than the key', () => {
    const msg = 'back-off 5m0s restarting failed container=crasher pod=crasher_default(6b1f2c3d-0000-4000-8000-6b1f2c3d0000)';
    expect(marshalYaml({ state: { waiting: { message: msg } } })).toBe(
      [
        'state:',
        '  waiting:',
        '    message: back-off 5m0s restarting failed container=crasher pod=crasher_default(6b1f2c3d-0000-4000-8000-6b1f2c3d0000)',
        '',
      ].join('\n'),
    );
    const long = 'Back-off pulling image "nginx:nope": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image';
    expect(marshalYaml({ m: long })).toBe(
      ["m: 'Back-off pulling image \"nginx:nope\": ErrImagePull: rpc error: code = NotFound", "  desc = failed to pull and unpack image'", ''].join('\n'),
    );
  });

  it('orders keys like yaml.v2 (digit runs by value, so a9 < a10; "_" counts as the number 0)', () => {
    const keys = ['b', 'a10', 'a9', 'A', 'a_b', 'ab'];
    expect([...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual(['A', 'a_b', 'a9', 'a10', 'ab', 'b']);
  });

  it('prints null, empty collections and numbers', () => {
    expect(marshalYaml({ lastProbeTime: null, items: [], lastState: {}, restartCount: 5 })).toBe(
      ['items: []', 'lastProbeTime: null', 'lastState: {}', 'restartCount: 5', ''].join('\n'),
    );
  });
});
