/**
 * The YAML scalars as kubectl reads them. kubectl turns YAML into JSON with
 * sigs.k8s.io/yaml, which resolves plain scalars like go-yaml v2, i.e. YAML 1.1:
 * `yes`/`no`/`on`/`off`/`y`/`n` are booleans and `0644` is octal (420). js-yaml's
 * core schema is YAML 1.2, where `defaultMode: 0644` would become 644 (invalid on a
 * real cluster) and `value: yes` a string (rejected by a real API server).
 * Timestamps stay strings, as they end up as strings in the JSON kubectl sends.
 * Source: gopkg.in/yaml.v2 resolve.go (resolveMapList, ParseInt(plain, 0, 64)).
 */
import { FAILSAFE_SCHEMA, Type } from 'js-yaml';

const TRUE_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE_WORDS = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

const yaml11Bool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (TRUE_WORDS.has(data) || FALSE_WORDS.has(data)),
  construct: (data: string) => TRUE_WORDS.has(data),
  predicate: (object: unknown) => typeof object === 'boolean',
  represent: (object: object) => ((object as unknown as boolean) ? 'true' : 'false'),
});

// Go's strconv.ParseInt(s, 0, 64) after go-yaml removed the underscores.
const INT_FORMS: { re: RegExp; base: number; prefix: number }[] = [
  { re: /^[-+]?0[bB][01]+$/, base: 2, prefix: 2 },
  { re: /^[-+]?0[oO][0-7]+$/, base: 8, prefix: 2 },
  { re: /^[-+]?0[xX][0-9a-fA-F]+$/, base: 16, prefix: 2 },
  { re: /^[-+]?0[0-7]+$/, base: 8, prefix: 1 },
  { re: /^[-+]?(0|[1-9][0-9]*)$/, base: 10, prefix: 0 },
];

function parseYaml11Int(data: string): number | null {
  const plain = data.replace(/_/g, '');
  for (const form of INT_FORMS) {
    if (!form.re.test(plain)) continue;
    const negative = plain.startsWith('-');
    const unsigned = plain.replace(/^[-+]/, '').slice(form.prefix);
    const value = parseInt(unsigned, form.base);
    return negative ? -value : value;
  }
  return null;
}

const yaml11Int = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && data.replace(/_/g, '') !== '' && parseYaml11Int(data) !== null,
  construct: (data: string) => parseYaml11Int(data),
  predicate: (object: unknown) => typeof object === 'number' && Number.isInteger(object),
  represent: (object: object) => String(object),
});

const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);

const yaml11Null = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || NULL_WORDS.has(data),
  construct: () => null,
  predicate: (object: unknown) => object === null,
  represent: () => 'null',
});

const FLOAT_RE = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOATS: Record<string, number> = {
  '.inf': Infinity,
  '.Inf': Infinity,
  '.INF': Infinity,
  '+.inf': Infinity,
  '+.Inf': Infinity,
  '+.INF': Infinity,
  '-.inf': -Infinity,
  '-.Inf': -Infinity,
  '-.INF': -Infinity,
  '.nan': NaN,
  '.NaN': NaN,
  '.NAN': NaN,
};

const yaml11Float = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (data in SPECIAL_FLOATS || FLOAT_RE.test(data.replace(/_/g, ''))),
  construct: (data: string) => (data in SPECIAL_FLOATS ? SPECIAL_FLOATS[data] : Number(data.replace(/_/g, ''))),
  predicate: (object: unknown) => typeof object === 'number',
  represent: (object: object) => String(object),
});

/** `<<` merge keys, which go-yaml v2 honours; js-yaml merges on this tag. */
const yaml11Merge = new Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data: string | null) => data === '<<' || data === null,
});

/** Schema for every document of a scenario file (manifests and the Scenario alike). */
export const KUBECTL_YAML_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [yaml11Null, yaml11Bool, yaml11Int, yaml11Float, yaml11Merge],
});
