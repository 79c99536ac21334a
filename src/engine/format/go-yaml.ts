/**
 * `kubectl get -o yaml`: cli-runtime's YAMLPrinter calls sigs.k8s.io/yaml.Marshal, which
 * goes object → JSON → go-yaml v2. This reproduces go-yaml v2's emitter for JSON-shaped data:
 * - map keys sorted by yaml.v2's keyList order (natural order: digit runs compare as numbers,
 *   non-letters before letters);
 * - sequences inside mappings are not indented ("containers:\n- image: ...");
 * - a string that would read back as another type (true, 8080, 2024-01-01T00:00:00Z, "")
 *   is double-quoted; one that plain style cannot carry (": ", leading "*", ...) is
 *   single-quoted; one with line breaks is a literal block (|, |-, |+);
 * - plain and quoted scalars are folded at a space once the column passes 80
 *   (best_width), continuation lines indented two more than their key.
 * Sources: gopkg.in/yaml.v2 encode.go (stringv), resolve.go, emitterc.go, sorter.go.
 */

type Yaml = null | boolean | number | string | Yaml[] | { [k: string]: Yaml | undefined };

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

// ---------- key order (sorter.go keyList.Less) ----------

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}
function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

// ---------- resolve.go: would this plain text read back as something other than a string? ----------

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))|( [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?))?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

function resolvesToNonString(s: string): boolean {
  if (s === '') return true; // null
  const c = s[0];
  const hint = c === '+' || c === '-' ? 'S' : isDigit(c) ? 'D' : 'yYnNtTfFoO~'.includes(c) ? 'M' : c === '.' ? '.' : c === '<' ? 'M' : '';
  if (hint === '') return false;
  if (RESOLVE_MAP.has(s)) return true;
  if (hint === '.') return YAML_STYLE_FLOAT.test(s);
  if (hint === 'D' || hint === 'S') {
    if (TIMESTAMP.test(s)) return true;
    const plain = s.replace(/_/g, '');
    if (GO_INT.test(plain)) return true;
    if (YAML_STYLE_FLOAT.test(plain)) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
  }
  return false;
}

// ---------- emitterc.go yaml_emitter_analyze_scalar ----------

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function isBreak(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}
function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}
function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x85 ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    c >= 0x10000
  );
}

function analyze(value: string): Analysis {
  if (value.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const chars = [...value];
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) blockIndicators = true;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      else if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(ch)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(ch) || isBreak(ch);
  }
  const a: Analysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

// ---------- writer ----------

type Style = 'plain' | 'single' | 'double' | 'literal';

class Out {
  text = '';
  column = 0;

  put(s: string): void {
    for (const ch of s) {
      this.text += ch;
      this.column = ch === '\n' ? 0 : this.column + 1;
    }
  }
  /** write_indent: break the line unless already at the start of it, then pad to indent */
  indent(n: number): void {
    if (this.column > 0) this.put('\n');
    this.put(' '.repeat(n));
  }
}

function chooseStyle(s: string, simpleKey: boolean): Style {
  const a = analyze(s);
  let style: Style;
  if (s.includes('\n')) style = 'literal';
  else if (resolvesToNonString(s) || BASE60_FLOAT.test(s)) style = 'double';
  else style = 'plain';
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (s.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\f': 'f', '\r': 'r',
  '\x1b': 'e', '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P',
};

/** writes a scalar; `indent` is the continuation indent (the emitter's indent + 2 inside emit_scalar) */
function writeString(out: Out, s: string, indent: number, simpleKey: boolean): void {
  const style = chooseStyle(s, simpleKey);
  const allowBreaks = !simpleKey;
  const chars = [...s];
  if (style === 'plain') {
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (allowBreaks && !spaces && out.column > BEST_WIDTH && chars[i + 1] !== ' ') out.indent(indent);
        else out.put(ch);
        spaces = true;
      } else {
        out.put(ch);
        spaces = false;
      }
    });
    return;
  }
  if (style === 'single') {
    out.put("'");
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (allowBreaks && !spaces && out.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') out.indent(indent);
        else out.put(ch);
        spaces = true;
      } else {
        out.put(ch === "'" ? "''" : ch);
        spaces = false;
      }
    });
    out.put("'");
    return;
  }
  if (style === 'double') {
    out.put('"');
    let spaces = false;
    chars.forEach((ch, i) => {
      const c = ch.codePointAt(0)!;
      if (!isPrintable(ch) || c === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        const esc = DOUBLE_ESCAPES[ch];
        if (esc !== undefined) out.put('\\' + esc);
        else if (c <= 0xff) out.put('\\x' + c.toString(16).toUpperCase().padStart(2, '0'));
        else if (c <= 0xffff) out.put('\\u' + c.toString(16).toUpperCase().padStart(4, '0'));
        else out.put('\\U' + c.toString(16).toUpperCase().padStart(8, '0'));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && out.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          out.indent(indent);
          if (chars[i + 1] === ' ') out.put('\\');
        } else out.put(ch);
        spaces = true;
      } else {
        out.put(ch);
        spaces = false;
      }
    });
    out.put('"');
    return;
  }
  // literal block: chomping "-" without a final break, "+" with more than one, clip otherwise;
  // an indentation indicator when the text starts with a space or a break
  let hints = '';
  if (chars[0] === ' ' || isBreak(chars[0])) hints += String(BEST_INDENT);
  if (!isBreak(chars[chars.length - 1])) hints += '-';
  else if (chars.length === 1 || isBreak(chars[chars.length - 2])) hints += '+';
  out.put('|' + hints + '\n');
  let atLineStart = true;
  for (const ch of chars) {
    if (isBreak(ch)) {
      out.put('\n');
      atLineStart = true;
    } else {
      if (atLineStart) {
        out.put(' '.repeat(indent));
        atLineStart = false;
      }
      out.put(ch);
    }
  }
}

function scalarText(v: Yaml): string | null {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
    return String(v);
  }
  return null;
}

function isEmptyCollection(v: Yaml): boolean {
  if (Array.isArray(v)) return v.length === 0;
  return v !== null && typeof v === 'object' && Object.keys(v).filter((k) => v[k] !== undefined).length === 0;
}

function writeScalarOrEmpty(out: Out, v: Yaml, indent: number): void {
  if (Array.isArray(v)) return out.put('[]');
  if (v !== null && typeof v === 'object') return out.put('{}');
  const t = scalarText(v);
  if (t !== null) return out.put(t);
  writeString(out, v as string, indent, false);
}

function sortedKeys(obj: { [k: string]: Yaml | undefined }): string[] {
  return Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

/** a block mapping whose keys sit at column `indent`; `inline` when the first key follows "- " */
function writeMapping(out: Out, obj: { [k: string]: Yaml | undefined }, indent: number, inline: boolean): void {
  sortedKeys(obj).forEach((key, i) => {
    if (i > 0 || !inline) out.indent(indent);
    writeString(out, key, indent + BEST_INDENT, true);
    out.put(':');
    const v = obj[key] as Yaml;
    if (v !== null && typeof v === 'object' && !isEmptyCollection(v)) {
      // a sequence in a mapping is "indentless"; a nested mapping is two deeper
      if (Array.isArray(v)) writeSequence(out, v, indent, false);
      else writeMapping(out, v, indent + BEST_INDENT, false);
    } else {
      out.put(' ');
      writeScalarOrEmpty(out, v, indent + BEST_INDENT);
    }
  });
}

function writeSequence(out: Out, arr: Yaml[], indent: number, inline: boolean): void {
  arr.forEach((item, i) => {
    if (i > 0 || !inline) out.indent(indent);
    out.put('- ');
    if (item !== null && typeof item === 'object' && !isEmptyCollection(item)) {
      if (Array.isArray(item)) writeSequence(out, item, indent + BEST_INDENT, true);
      else writeMapping(out, item, indent + BEST_INDENT, true);
    } else {
      writeScalarOrEmpty(out, item, indent + BEST_INDENT);
    }
  });
}

/** The text `kubectl get -o yaml` writes for an object (sigs.k8s.io/yaml.Marshal). */
export function marshalYaml(value: unknown): string {
  const out = new Out();
  const v = value as Yaml;
  if (v !== null && typeof v === 'object' && !isEmptyCollection(v)) {
    if (Array.isArray(v)) writeSequence(out, v, 0, true);
    else writeMapping(out, v, 0, true);
  } else {
    writeScalarOrEmpty(out, v, BEST_INDENT);
  }
  if (out.column > 0) out.put('\n');
  return out.text;
}
