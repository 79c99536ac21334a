/**
 * Flag parsing as kubectl's (spf13/pflag, interspersed): `--name=value`,
 * `--name value`, `-n value`, `-nvalue`, `-n=value`, grouped booleans `-it`,
 * `--` ends the flags. Error texts are pflag's, prefixed "error: " as kubectl prints them.
 */
import { CommandError, type Word } from './shell-words';

export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'int';
}

export interface FlagValue {
  value: string | number | boolean;
  word: Word;
}

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** positional arguments (before `--`) */
  args: Word[];
  /** the words after `--`, or undefined when there is no `--` */
  afterDash?: Word[];
}

/** Flags every kubectl command takes. */
export const GLOBAL_FLAGS: FlagSpec[] = [{ name: 'namespace', short: 'n', type: 'string' }];

function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function convert(spec: FlagSpec, raw: string, word: Word): string | number | boolean {
  if (spec.type === 'string') return raw;
  if (spec.type === 'int') {
    if (!/^[-+]?(0|[1-9][0-9]*|0[xX][0-9a-fA-F]+|0[0-7]+)$/.test(raw)) {
      throw new CommandError(
        `error: invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagLabel(spec))} flag: strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`,
        word.column,
      );
    }
    return Number(raw);
  }
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(raw)) return false;
  throw new CommandError(
    `error: invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagLabel(spec))} flag: strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`,
    word.column,
  );
}

/**
 * @param specs the command's own flags (GLOBAL_FLAGS are added)
 * @param unsupported real kubectl flags of this command that podsim does not simulate
 * @param command e.g. "kubectl get", for the unsupported-flag message
 */
export function parseFlags(words: Word[], specs: FlagSpec[], command: string, unsupported: string[] = []): ParsedFlags {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, FlagValue>();
  const args: Word[] = [];
  let i = 0;
  const unsupportedError = (flag: string, word: Word) =>
    new CommandError(`error: podsim does not support the flag ${flag} of "${command}"`, word.column);
  while (i < words.length) {
    const word = words[i++];
    const a = word.text;
    if (a === '--') return { values, args, afterDash: words.slice(i) };
    if (!a.startsWith('-') || a === '-') {
      args.push(word);
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) {
        if (unsupported.includes(`--${name}`)) throw unsupportedError(`--${name}`, word);
        throw new CommandError(`error: unknown flag: --${name}`, word.column);
      }
      let raw: string;
      if (eq >= 0) raw = a.slice(eq + 1);
      else if (spec.type === 'bool') raw = 'true';
      else if (i < words.length) raw = words[i++].text;
      else throw new CommandError(`error: flag needs an argument: --${name}`, word.column);
      values.set(spec.name, { value: convert(spec, raw, word), word });
      continue;
    }
    // shorthand group: -it, -owide, -o=wide, -c app
    let rest = a.slice(1);
    while (rest.length > 0) {
      const c = rest[0];
      const spec = byShort.get(c);
      if (!spec) {
        if (unsupported.includes(`-${c}`)) throw unsupportedError(`-${c}`, word);
        throw new CommandError(`error: unknown shorthand flag: '${c}' in ${a}`, word.column);
      }
      rest = rest.slice(1);
      let raw: string;
      if (rest.startsWith('=')) {
        raw = rest.slice(1);
        rest = '';
      } else if (spec.type === 'bool') raw = 'true';
      else if (rest.length > 0) {
        raw = rest;
        rest = '';
      } else if (i < words.length) raw = words[i++].text;
      else throw new CommandError(`error: flag needs an argument: '${c}' in -${c}`, word.column);
      values.set(spec.name, { value: convert(spec, raw, word), word });
    }
  }
  return { values, args };
}

export function flagString(f: ParsedFlags, name: string): string | undefined {
  const v = f.values.get(name);
  return v === undefined ? undefined : String(v.value);
}

export function flagBool(f: ParsedFlags, name: string, dflt = false): boolean {
  const v = f.values.get(name);
  return v === undefined ? dflt : v.value === true;
}

export function flagInt(f: ParsedFlags, name: string, dflt: number): number {
  const v = f.values.get(name);
  return v === undefined ? dflt : (v.value as number);
}

/** podsim has only the default namespace. */
export function checkNamespace(f: ParsedFlags): void {
  const ns = f.values.get('namespace');
  if (ns && ns.value !== 'default') {
    throw new CommandError(`error: podsim has only the "default" namespace, not ${JSON.stringify(ns.value)}`, ns.word.column);
  }
}
