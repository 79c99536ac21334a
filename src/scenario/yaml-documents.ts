/**
 * A multi-document YAML text parsed with js-yaml 4 (`loadAll`), keeping where
 * every field came from so that problems can name FILE:LINE:COLUMN.
 *
 * js-yaml has no AST; its `listener` option reports the opening and closing of
 * each node. We rebuild a light node tree from those events and index each
 * mapping key and sequence item by its field path.
 */
import { loadAll, YAMLException } from 'js-yaml';
import { KUBECTL_YAML_SCHEMA } from './kubectl-yaml-schema';

/** 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

/** A field path: mapping keys as strings, sequence indexes as numbers. */
export type PathSegment = string | number;

/** Where a value sits in the text (0-based offsets into the text less any BOM, end exclusive). */
export interface ValueSpan {
  start: TextPosition;
  startOffset: number;
  endOffset: number;
}

export interface YamlDocument {
  /** the parsed value (null for an empty document) */
  value: unknown;
  /** 0-based index of the document in the stream */
  index: number;
  /** where the document's content starts */
  start: TextPosition;
  /**
   * Position of the key (mapping entry) or item (sequence entry) at `path`; if that
   * path has no position (absent field), the nearest ancestor's; else the document start.
   */
  locate(path: readonly PathSegment[]): TextPosition;
  /** exact position of the key or item at `path`, if present in the text */
  keyPosition(path: readonly PathSegment[]): TextPosition | undefined;
  /** the value node at `path`, if present in the text */
  valueSpan(path: readonly PathSegment[]): ValueSpan | undefined;
}

export interface YamlSyntaxError {
  line: number;
  column: number;
  message: string;
}

export type YamlParseResult = { ok: true; documents: YamlDocument[] } | { ok: false; error: YamlSyntaxError };

/** Maps text offsets to 1-based line/column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): TextPosition {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

interface RawNode {
  kind: string | null;
  result: unknown;
  start: number;
  end: number;
  children: RawNode[];
}

interface Frame {
  open: number;
  children: RawNode[];
}

/** The js-yaml loader state fields the listener reads. */
interface ListenerState {
  position: number;
  kind: string | null;
  result: unknown;
}

/** Skips blanks, line breaks and comments: js-yaml opens a node before it skips them. */
function skipSeparation(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else break;
  }
  return i;
}

/** A key is followed by a value when a ':' comes after it (flow `{a, b: 1}` has a key without value). */
function followedByColon(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return text.charCodeAt(i) === 58;
}

/**
 * When a block node turns out to be a scalar or flow collection, js-yaml composes it
 * as a nested node and keeps its result: the outer node then only wraps it.
 */
function unwrap(node: RawNode): RawNode {
  let n = node;
  while (n.children.length === 1 && n.children[0].result === n.result && n.kind !== 'scalar') n = n.children[0];
  return n;
}

function encode(path: readonly PathSegment[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `\u0001#${seg}` : `\u0001:${seg}`;
  return s;
}

class IndexedDocument implements YamlDocument {
  readonly keys = new Map<string, number>();
  readonly values = new Map<string, RawNode>();
  readonly start: TextPosition;

  constructor(
    readonly value: unknown,
    readonly index: number,
    private readonly root: RawNode,
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {
    this.start = lines.position(root.start);
    this.values.set(encode([]), root);
    this.walk(root, []);
  }

  private walk(rawNode: RawNode, path: PathSegment[]): void {
    const node = unwrap(rawNode);
    if (node.kind === 'mapping' && node.result !== null && typeof node.result === 'object') {
      const kids = node.children;
      for (let i = 0; i < kids.length; ) {
        const key = kids[i];
        const hasValue = i + 1 < kids.length && followedByColon(this.text, key.end);
        if (!hasValue && key.kind === null) {
          // js-yaml's failed attempt to read another key (e.g. at a `---`)
          i += 1;
          continue;
        }
        const childPath = path.concat(String(key.result));
        const enc = encode(childPath);
        if (!this.keys.has(enc)) this.keys.set(enc, key.start);
        if (hasValue) {
          const value = kids[i + 1];
          this.values.set(enc, unwrap(value));
          this.walk(value, childPath);
          i += 2;
        } else i += 1;
      }
    } else if (node.kind === 'sequence' && Array.isArray(node.result)) {
      const items = node.result;
      const kids = node.children;
      let k = 0;
      for (let i = 0; i < items.length && k < kids.length; i++) {
        // an empty entry (`-` alone) has no node of its own
        if (kids.length !== items.length && unwrap(kids[k]).result !== items[i]) continue;
        const childPath = path.concat(i);
        const enc = encode(childPath);
        const kid = unwrap(kids[k]);
        this.keys.set(enc, kid.start);
        this.values.set(enc, kid);
        this.walk(kids[k], childPath);
        k++;
      }
    }
  }

  keyPosition(path: readonly PathSegment[]): TextPosition | undefined {
    const offset = this.keys.get(encode(path));
    return offset === undefined ? undefined : this.lines.position(offset);
  }

  valueSpan(path: readonly PathSegment[]): ValueSpan | undefined {
    const node = this.values.get(encode(path));
    if (!node) return undefined;
    return { start: this.lines.position(node.start), startOffset: node.start, endOffset: node.end };
  }

  locate(path: readonly PathSegment[]): TextPosition {
    for (let n = path.length; n > 0; n--) {
      const p = this.keyPosition(path.slice(0, n));
      if (p) return p;
    }
    return this.start;
  }
}

function describeYamlError(e: YAMLException): YamlSyntaxError {
  const mark = e.mark as { line?: number; column?: number } | undefined;
  return {
    line: (mark?.line ?? 0) + 1,
    column: (mark?.column ?? 0) + 1,
    message: `YAML syntax error: ${e.reason ?? 'malformed YAML'}`,
  };
}

/** Parses every document of `text`; a syntax error anywhere stops the parse (as kubectl does). */
export function parseYamlDocuments(text: string): YamlParseResult {
  // js-yaml strips a BOM itself, which would shift every offset by one
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: Frame[] = [];
  const roots: RawNode[] = [];
  let values: unknown[];
  try {
    values = loadAll(source, undefined, {
      schema: KUBECTL_YAML_SCHEMA,
      listener(this: unknown, event: 'open' | 'close', state: unknown) {
        const st = state as ListenerState;
        if (event === 'open') {
          stack.push({ open: st.position, children: [] });
          return;
        }
        const frame = stack.pop();
        if (!frame) return;
        const node: RawNode = {
          kind: st.kind,
          result: st.result,
          start: Math.min(skipSeparation(source, frame.open), st.position),
          end: st.position,
          children: frame.children,
        };
        (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
      },
    } as Parameters<typeof loadAll>[2]) as unknown[];
  } catch (e) {
    if (e instanceof YAMLException) return { ok: false, error: describeYamlError(e) };
    throw e;
  }
  const lines = new LineIndex(source);
  const documents: YamlDocument[] = values.map((value, i) => {
    const root = roots[i] ?? { kind: null, result: value, start: 0, end: 0, children: [] };
    return new IndexedDocument(value, i, root, source, lines);
  });
  return { ok: true, documents };
}
