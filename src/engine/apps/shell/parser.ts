// Recursive-descent parser for the POSIX sh subset, with a pull lexer sharing the source so that
// `$( ... )` is parsed in place by the same grammar (as ash does). Syntax errors abort with one
// problem; constructs we recognise but do not simulate are collected and parsing goes on.
import { ArithSyntaxError, parseArithmetic } from './arithmetic';
import type {
  AndOrNode,
  Assign,
  CaseNode,
  ForNode,
  IfNode,
  LoopNode,
  CommandNode,
  FuncDefNode,
  ListNode,
  ParamOp,
  PipelineNode,
  Pos,
  Redir,
  RedirOp,
  SimpleNode,
  Word,
  WordPart,
} from './ast';

export interface ParseProblem {
  pos: Pos;
  message: string;
}

export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: Pos,
  ) {
    super(message);
  }
}

type Token =
  | { t: 'word'; parts: WordPart[]; start: number; end: number; async: boolean }
  | { t: 'op'; v: string; start: number; end: number }
  | { t: 'io'; fd: number; start: number; end: number }
  | { t: 'nl'; start: number; end: number }
  | { t: 'eof'; start: number; end: number };

const OPERATORS = [
  ';;&', '<<<', '<<-', '&>>',
  '&&', '||', ';;', ';&', '<<', '>>', '<&', '>&', '<>', '>|', '&>', '|&',
  ';', '&', '|', '(', ')', '<', '>',
];
const WORD_BREAK = ' \t\n;&|()<>';
const TERMINATORS = ['then', 'do', 'done', 'fi', 'elif', 'else', 'esac', '}'];

export const UNSUPPORTED_HINT = 'describe this behaviour with an `apps` entry in the Scenario instead';

interface PendingHeredoc {
  redir: Redir;
  delim: string;
  strip: boolean;
  quoted: boolean;
}

/** Maps an offset in a parser's text to a position in the original script. */
export type PosMapper = (offset: number) => Pos;

export function lineColumnMapper(text: string, origin: Pos = { line: 1, column: 1 }): PosMapper {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = lo + 1;
    const column = offset - starts[lo] + 1;
    return line === 1 ? { line: origin.line, column: origin.column + column - 1 } : { line: origin.line + line - 1, column };
  };
}

export class Parser {
  private pos = 0;
  private peeked: Token | null = null;
  private heredocs: PendingHeredoc[] = [];

  constructor(
    private readonly src: string,
    private readonly posOf: PosMapper,
    readonly problems: ParseProblem[],
  ) {}

  // ---------------------------------------------------------------- program

  parseProgram(): ListNode {
    const list = this.parseCompoundList();
    const tok = this.peek();
    if (tok.t !== 'eof') this.unexpected(tok);
    return list;
  }

  // ---------------------------------------------------------------- errors

  private fail(message: string, offset: number): never {
    throw new ShellSyntaxError(`syntax error: ${message}`, this.posOf(offset));
  }

  private describe(tok: Token): string {
    switch (tok.t) {
      case 'eof':
        return 'end of file';
      case 'nl':
        return 'newline';
      case 'op':
        return `"${tok.v}"`;
      case 'io':
        return `"${tok.fd}"`;
      case 'word':
        return `"${this.src.slice(tok.start, tok.end)}"`;
    }
  }

  private unexpected(tok: Token, expecting?: string): never {
    const what = this.describe(tok);
    this.fail(`unexpected ${what}${expecting ? ` (expecting "${expecting}")` : ''}`, tok.start);
  }

  private unsupported(offset: number, construct: string): void {
    this.problems.push({ pos: this.posOf(offset), message: `${construct} is not supported by the simulated shell; ${UNSUPPORTED_HINT}` });
  }

  // ---------------------------------------------------------------- tokens

  private peek(): Token {
    if (!this.peeked) this.peeked = this.lex();
    return this.peeked;
  }

  private next(): Token {
    const t = this.peek();
    this.peeked = null;
    return t;
  }

  private isReserved(tok: Token, ...words: string[]): boolean {
    if (tok.t !== 'word' || tok.parts.length !== 1) return false;
    const p = tok.parts[0];
    return p.t === 'lit' && !p.q && words.includes(p.v);
  }

  private isOp(tok: Token, ...ops: string[]): boolean {
    return tok.t === 'op' && ops.includes(tok.v);
  }

  private skipNewlines(): void {
    while (this.peek().t === 'nl') this.next();
  }

  private expectReserved(word: string): Token {
    const tok = this.peek();
    if (!this.isReserved(tok, word)) this.unexpected(tok, word);
    return this.next();
  }

  private lex(): Token {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const start = this.pos;
    if (start >= src.length) return { t: 'eof', start, end: start };
    if (src[start] === '\n') {
      this.pos++;
      if (this.heredocs.length) this.readHeredocBodies();
      return { t: 'nl', start, end: start + 1 };
    }
    const io = /^[0-9]+(?=[<>])/.exec(src.slice(start, start + 12));
    if (io) {
      this.pos += io[0].length;
      return { t: 'io', fd: parseInt(io[0], 10), start, end: this.pos };
    }
    const op = OPERATORS.find((o) => src.startsWith(o, start));
    if (op) {
      this.pos += op.length;
      return { t: 'op', v: op, start, end: this.pos };
    }
    const { parts, async } = this.readParts('word');
    return { t: 'word', parts, start, end: this.pos, async };
  }

  // ---------------------------------------------------------------- words

  /**
   * Reads word parts from the current position. mode 'word' stops at a metacharacter, 'brace'
   * at the `}` closing a `${...}`, 'heredoc' at `end` (quotes are plain characters there).
   */
  private readParts(mode: 'word' | 'brace' | 'heredoc', end = Infinity): { parts: WordPart[]; async: boolean } {
    const src = this.src;
    const parts: WordPart[] = [];
    let async = false;
    let lit = '';
    const quotedMode = mode === 'heredoc';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit, q: quotedMode });
      lit = '';
    };
    const push = (p: WordPart): void => {
      flush();
      if (p.t === 'cmd') async = true;
      if (p.t === 'param' && p.arg?.async) async = true;
      parts.push(p);
    };
    while (this.pos < Math.min(src.length, end)) {
      const c = src[this.pos];
      if (mode === 'word' && WORD_BREAK.includes(c)) break;
      if (mode === 'brace' && c === '}') break;
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if (n === undefined) {
          lit += '\\';
          this.pos++;
          continue;
        }
        if (mode === 'heredoc' && !'$`\\'.includes(n)) {
          lit += c;
          this.pos++;
          continue;
        }
        flush();
        parts.push({ t: 'lit', v: n, q: true });
        this.pos += 2;
        continue;
      }
      if (c === "'" && mode !== 'heredoc') {
        flush();
        const close = src.indexOf("'", this.pos + 1);
        if (close < 0) this.fail('unterminated quoted string', this.pos);
        parts.push({ t: 'lit', v: src.slice(this.pos + 1, close), q: true });
        this.pos = close + 1;
        continue;
      }
      if (c === '"' && mode !== 'heredoc') {
        flush();
        const inner = this.readDoubleQuoted();
        if (inner.parts.length === 0) parts.push({ t: 'lit', v: '', q: true });
        for (const p of inner.parts) push(p);
        continue;
      }
      if (c === '$') {
        const p = this.readDollar(quotedMode);
        if (p) push(p);
        else {
          lit += '$';
          this.pos++;
        }
        continue;
      }
      if (c === '`') {
        push(this.readBackquote(quotedMode));
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return { parts, async };
  }

  private readDoubleQuoted(): { parts: WordPart[] } {
    const src = this.src;
    const open = this.pos;
    this.pos++;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit, q: true });
      lit = '';
    };
    for (;;) {
      if (this.pos >= src.length) this.fail('unterminated quoted string', open);
      const c = src[this.pos];
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if (n !== undefined && '$`"\\'.includes(n)) {
          lit += n;
          this.pos += 2;
          continue;
        }
        lit += c;
        this.pos++;
        continue;
      }
      if (c === '$') {
        const p = this.readDollar(true);
        if (p) {
          flush();
          parts.push(p);
        } else {
          lit += '$';
          this.pos++;
        }
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquote(true));
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return { parts };
  }

  /** At a `$`: returns the expansion, or null when the `$` is a plain character. */
  private readDollar(q: boolean): WordPart | null {
    const src = this.src;
    const at = this.pos;
    const n = src[at + 1];
    if (n === '(' && src[at + 2] === '(') {
      const close = this.findArithmeticEnd(at + 3);
      if (close >= 0) {
        const text = src.slice(at + 3, close);
        try {
          const expr = parseArithmetic(text);
          this.pos = close + 2;
          return { t: 'arith', expr, q };
        } catch (e) {
          if (e instanceof ArithSyntaxError) this.fail('arithmetic syntax error', at + 3 + e.offset);
          throw e;
        }
      }
    }
    if (n === '(') {
      this.pos = at + 2;
      const saved = this.heredocs;
      this.heredocs = [];
      const body = this.parseCompoundList();
      const tok = this.peek();
      if (!this.isOp(tok, ')')) this.unexpected(tok, ')');
      this.next();
      this.heredocs = saved;
      return { t: 'cmd', body, q };
    }
    if (n === '{') return this.readBraceParam(q);
    if (n !== undefined && /[A-Za-z_]/.test(n)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(at + 1))!;
      this.pos = at + 1 + m[0].length;
      return { t: 'param', name: m[0], op: null, arg: null, q };
    }
    if (n !== undefined && /[0-9@*#?$!\-]/.test(n)) {
      this.pos = at + 2;
      return { t: 'param', name: n, op: null, arg: null, q };
    }
    if (n === "'" && !q) {
      const { text, end } = this.readAnsiC(at + 2);
      this.pos = end;
      return { t: 'lit', v: text, q: true };
    }
    return null;
  }

  private findArithmeticEnd(from: number): number {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return this.src[i + 1] === ')' ? i : -1;
        depth--;
      }
    }
    return -1;
  }

  private readAnsiC(from: number): { text: string; end: number } {
    const src = this.src;
    let i = from;
    let out = '';
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    for (;;) {
      if (i >= src.length) this.fail('unterminated quoted string', from - 2);
      const c = src[i];
      if (c === "'") return { text: out, end: i + 1 };
      if (c === '\\') {
        const n = src[i + 1];
        if (n in simple) {
          out += simple[n];
          i += 2;
          continue;
        }
        const hex = /^x([0-9a-fA-F]{1,2})/.exec(src.slice(i + 1));
        if (hex) {
          out += String.fromCharCode(parseInt(hex[1], 16));
          i += 1 + hex[0].length;
          continue;
        }
        const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1));
        if (oct) {
          out += String.fromCharCode(parseInt(oct[0], 8));
          i += 1 + oct[0].length;
          continue;
        }
        out += c;
        i++;
        continue;
      }
      out += c;
      i++;
    }
  }

  private readBraceParam(q: boolean): WordPart {
    const src = this.src;
    const at = this.pos;
    let i = at + 2;
    let length = false;
    if (src[i] === '#' && src[i + 1] !== '}' && /[A-Za-z_0-9@*#?$!]/.test(src[i + 1] ?? '')) {
      length = true;
      i++;
    }
    if (src[i] === '!') {
      this.unsupported(at, 'indirect expansion `${!name}`');
      return this.skipBrace(at, q);
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!\-])/.exec(src.slice(i));
    if (!m) this.fail('bad substitution', at);
    const name = m[1];
    i += name.length;
    if (length) {
      if (src[i] !== '}') this.fail('bad substitution', at);
      this.pos = i + 1;
      return { t: 'param', name, op: 'length', arg: null, q };
    }
    if (src[i] === '}') {
      this.pos = i + 1;
      return { t: 'param', name, op: null, arg: null, q };
    }
    const ops: ParamOp[] = [':-', ':=', ':+', ':?', '##', '%%', '-', '=', '+', '?', '#', '%'];
    const op = ops.find((o) => src.startsWith(o, i));
    if (!op) {
      const c = src[i];
      if (c === ':') this.unsupported(at, 'substring expansion `${name:offset:length}`');
      else if (c === '/') this.unsupported(at, 'pattern substitution `${name/pattern/string}`');
      else if (c === '[') this.unsupported(at, 'array subscript `${name[...]}`');
      else if (c === '^' || c === ',') this.unsupported(at, 'case modification `${name^^}`');
      else this.fail('bad substitution', at);
      return this.skipBrace(at, q);
    }
    this.pos = i + op.length;
    const argStart = this.pos;
    const { parts, async } = this.readParts('brace');
    if (src[this.pos] !== '}') this.fail('missing }', at);
    this.pos++;
    if (async) this.unsupported(argStart, 'command substitution inside `${...}`');
    return { t: 'param', name, op, arg: { parts, pos: this.posOf(argStart), async: false }, q };
  }

  private skipBrace(at: number, q: boolean): WordPart {
    const close = this.src.indexOf('}', at);
    if (close < 0) this.fail('missing }', at);
    this.pos = close + 1;
    return { t: 'lit', v: '', q };
  }

  private readBackquote(q: boolean): WordPart {
    const src = this.src;
    const open = this.pos;
    let i = open + 1;
    let inner = '';
    for (;;) {
      if (i >= src.length) this.fail('EOF in backquote substitution', open);
      const c = src[i];
      if (c === '`') break;
      if (c === '\\') {
        const n = src[i + 1];
        if (n !== undefined && ('$`\\'.includes(n) || (q && n === '"'))) {
          inner += n;
          i += 2;
          continue;
        }
        if (n === '\n') {
          i += 2;
          continue;
        }
      }
      inner += c;
      i++;
    }
    this.pos = i + 1;
    const sub = new Parser(inner, lineColumnMapper(inner, this.posOf(open + 1)), this.problems);
    return { t: 'cmd', body: sub.parseProgram(), q };
  }

  private readHeredocBodies(): void {
    const src = this.src;
    const pending = this.heredocs;
    this.heredocs = [];
    for (const h of pending) {
      const lines: { start: number; end: number }[] = [];
      for (;;) {
        if (this.pos >= src.length) break;
        let eol = src.indexOf('\n', this.pos);
        if (eol < 0) eol = src.length;
        let start = this.pos;
        if (h.strip) while (src[start] === '\t') start++;
        const text = src.slice(start, eol);
        this.pos = Math.min(eol + 1, src.length);
        if (text === h.delim) break;
        lines.push({ start, end: eol });
      }
      const parts: WordPart[] = [];
      let async = false;
      for (const line of lines) {
        if (h.quoted) parts.push({ t: 'lit', v: src.slice(line.start, line.end) + '\n', q: true });
        else {
          const saved = this.pos;
          this.pos = line.start;
          const r = this.readParts('heredoc', line.end);
          this.pos = saved;
          parts.push(...r.parts, { t: 'lit', v: '\n', q: true });
          async ||= r.async;
        }
      }
      h.redir.target = { parts, pos: h.redir.target.pos, async };
    }
  }

  // ---------------------------------------------------------------- grammar

  private parseCompoundList(): ListNode {
    const items: AndOrNode[] = [];
    this.skipNewlines();
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'eof' || this.isReserved(tok, ...TERMINATORS) || this.isOp(tok, ')', ';;')) break;
      const ao = this.parseAndOr();
      items.push(ao);
      const sep = this.peek();
      if (this.isOp(sep, ';', '&')) {
        this.next();
        if (sep.t === 'op' && sep.v === '&') ao.background = true;
        this.skipNewlines();
        continue;
      }
      if (sep.t === 'nl') {
        this.skipNewlines();
        continue;
      }
      if (this.isOp(sep, ';&', ';;&')) this.unsupported(sep.start, `\`${(sep as { v: string }).v}\` case fall-through`);
      break;
    }
    return { t: 'list', items };
  }

  private requireNonEmpty(list: ListNode, expecting: string): void {
    if (list.items.length === 0) this.unexpected(this.peek(), expecting);
  }

  private parseAndOr(): AndOrNode {
    const start = this.peek().start;
    const first = this.parsePipeline();
    const rest: AndOrNode['rest'] = [];
    for (;;) {
      const tok = this.peek();
      if (!this.isOp(tok, '&&', '||')) break;
      this.next();
      this.skipNewlines();
      rest.push({ op: (tok as { v: '&&' | '||' }).v, p: this.parsePipeline() });
    }
    return { t: 'andor', first, rest, background: false, pos: this.posOf(start) };
  }

  private parsePipeline(): PipelineNode {
    const startTok = this.peek();
    let bang = false;
    if (this.isReserved(startTok, '!')) {
      this.next();
      bang = true;
    }
    const cmds = [this.parseCommand()];
    for (;;) {
      const tok = this.peek();
      if (this.isOp(tok, '|&')) this.unsupported(tok.start, '`|&`');
      else if (!this.isOp(tok, '|')) break;
      this.next();
      this.skipNewlines();
      cmds.push(this.parseCommand());
    }
    return { t: 'pipeline', bang, cmds, pos: this.posOf(startTok.start) };
  }

  private parseCommand(): CommandNode {
    const tok = this.peek();
    let node: Exclude<CommandNode, FuncDefNode>;
    if (this.isOp(tok, '(')) {
      this.next();
      const body = this.parseCompoundList();
      this.requireNonEmpty(body, ')');
      const close = this.peek();
      if (!this.isOp(close, ')')) this.unexpected(close, ')');
      this.next();
      node = { t: 'subshell', body, redirs: [], pos: this.posOf(tok.start) };
    } else if (tok.t === 'word' && this.isReserved(tok, '{', 'if', 'while', 'until', 'for', 'case', 'function', '[[', 'select')) {
      const word = (tok.parts[0] as { v: string }).v;
      switch (word) {
        case '{': {
          this.next();
          const body = this.parseCompoundList();
          this.requireNonEmpty(body, '}');
          this.expectReserved('}');
          node = { t: 'group', body, redirs: [], pos: this.posOf(tok.start) };
          break;
        }
        case 'if':
          node = this.parseIf() as IfNode;
          break;
        case 'while':
        case 'until':
          node = this.parseLoop(word === 'until') as LoopNode;
          break;
        case 'for':
          node = this.parseFor() as ForNode;
          break;
        case 'case':
          node = this.parseCase() as CaseNode;
          break;
        case 'function':
          return this.parseFunctionKeyword();
        case '[[':
          this.unsupported(tok.start, '`[[ ... ]]` (use `[ ... ]`)');
          return this.parseSimple();
        default:
          // same grammar as `for`: parse it so later lines are still checked
          this.unsupported(tok.start, '`select`');
          node = this.parseFor() as ForNode;
          break;
      }
    } else if (tok.t === 'word' && this.isReserved(tok, ...TERMINATORS, 'in')) {
      this.unexpected(tok);
    } else {
      return this.parseSimple();
    }
    this.parseTrailingRedirs(node.redirs);
    return node;
  }

  private parseTrailingRedirs(redirs: Redir[]): void {
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'io' || this.isRedirOp(tok)) redirs.push(this.parseRedir());
      else return;
    }
  }

  private isRedirOp(tok: Token): boolean {
    return this.isOp(tok, '>', '>>', '<', '>&', '<&', '<>', '>|', '&>', '&>>', '<<', '<<-', '<<<');
  }

  private parseIf(): CommandNode {
    const start = this.next().start;
    const clauses: { cond: ListNode; body: ListNode }[] = [];
    let elseBody: ListNode | null = null;
    for (;;) {
      const cond = this.parseCompoundList();
      this.requireNonEmpty(cond, 'then');
      this.expectReserved('then');
      const body = this.parseCompoundList();
      this.requireNonEmpty(body, 'fi');
      clauses.push({ cond, body });
      const tok = this.peek();
      if (this.isReserved(tok, 'elif')) {
        this.next();
        continue;
      }
      if (this.isReserved(tok, 'else')) {
        this.next();
        elseBody = this.parseCompoundList();
        this.requireNonEmpty(elseBody, 'fi');
      }
      this.expectReserved('fi');
      break;
    }
    return { t: 'if', clauses, elseBody, redirs: [], pos: this.posOf(start) };
  }

  private parseLoop(until: boolean): CommandNode {
    const start = this.next().start;
    const cond = this.parseCompoundList();
    this.requireNonEmpty(cond, 'do');
    this.expectReserved('do');
    const body = this.parseCompoundList();
    this.requireNonEmpty(body, 'done');
    this.expectReserved('done');
    return { t: 'loop', until, cond, body, redirs: [], pos: this.posOf(start) };
  }

  private literalWord(tok: Token): string | null {
    if (tok.t !== 'word') return null;
    let s = '';
    for (const p of tok.parts) {
      if (p.t !== 'lit') return null;
      s += p.v;
    }
    return s;
  }

  private parseFor(): CommandNode {
    const start = this.next().start;
    const nameTok = this.next();
    const name = this.literalWord(nameTok);
    if (name === null || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.fail(`bad for loop variable`, nameTok.start);
    let items: Word[] | null = null;
    this.skipNewlines();
    const tok = this.peek();
    if (this.isReserved(tok, 'in')) {
      this.next();
      items = [];
      for (;;) {
        const w = this.peek();
        if (w.t !== 'word') break;
        this.next();
        items.push(this.toWord(w));
      }
      const sep = this.peek();
      if (this.isOp(sep, ';') || sep.t === 'nl') this.next();
      else this.unexpected(sep, 'do');
    } else if (this.isOp(tok, ';')) this.next();
    this.skipNewlines();
    this.expectReserved('do');
    const body = this.parseCompoundList();
    this.requireNonEmpty(body, 'done');
    this.expectReserved('done');
    return { t: 'for', name, items, body, redirs: [], pos: this.posOf(start) };
  }

  private parseCase(): CommandNode {
    const start = this.next().start;
    const wordTok = this.next();
    if (wordTok.t !== 'word') this.unexpected(wordTok);
    const word = this.toWord(wordTok);
    this.skipNewlines();
    this.expectReserved('in');
    this.skipNewlines();
    const arms: { patterns: Word[]; body: ListNode }[] = [];
    for (;;) {
      let tok = this.peek();
      if (this.isReserved(tok, 'esac')) {
        this.next();
        break;
      }
      if (this.isOp(tok, '(')) {
        this.next();
        tok = this.peek();
      }
      const patterns: Word[] = [];
      for (;;) {
        const p = this.next();
        if (p.t !== 'word') this.unexpected(p, ')');
        patterns.push(this.toWord(p));
        const sep = this.next();
        if (this.isOp(sep, ')')) break;
        if (!this.isOp(sep, '|')) this.unexpected(sep, ')');
      }
      const body = this.parseCompoundList();
      arms.push({ patterns, body });
      const end = this.peek();
      if (this.isOp(end, ';;')) {
        this.next();
        this.skipNewlines();
        continue;
      }
      if (this.isReserved(end, 'esac')) continue;
      if (this.isOp(end, ';&', ';;&')) {
        this.unsupported(end.start, '`;&` case fall-through');
        this.next();
        this.skipNewlines();
        continue;
      }
      this.unexpected(end, 'esac');
    }
    return { t: 'case', word, arms, redirs: [], pos: this.posOf(start) };
  }

  private parseFunctionKeyword(): CommandNode {
    const start = this.next().start;
    const nameTok = this.next();
    const name = this.literalWord(nameTok);
    if (name === null || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) this.unexpected(nameTok);
    if (this.isOp(this.peek(), '(')) {
      this.next();
      const close = this.next();
      if (!this.isOp(close, ')')) this.unexpected(close, ')');
    }
    this.skipNewlines();
    return { t: 'funcdef', name, body: this.parseFunctionBody(), pos: this.posOf(start) };
  }

  private parseFunctionBody(): CommandNode {
    const tok = this.peek();
    if (!this.isOp(tok, '(') && !this.isReserved(tok, '{', 'if', 'while', 'until', 'for', 'case')) this.unexpected(tok, '{');
    return this.parseCommand();
  }

  private toWord(tok: Token & { t: 'word' }): Word {
    return { parts: tok.parts, pos: this.posOf(tok.start), async: tok.async };
  }

  private parseRedir(): Redir {
    let tok = this.next();
    let fd: number | null = null;
    const start = tok.start;
    if (tok.t === 'io') {
      fd = tok.fd;
      tok = this.next();
    }
    if (tok.t !== 'op') this.unexpected(tok);
    const raw = (tok as { v: string }).v;
    const opMap: Record<string, [RedirOp, number]> = {
      '>': ['>', 1], '>|': ['>', 1], '>>': ['>>', 1], '<': ['<', 0], '<>': ['<>', 0],
      '>&': ['>&', 1], '<&': ['<&', 0], '&>': ['&>', 1], '&>>': ['&>>', 1],
      '<<': ['<<', 0], '<<-': ['<<', 0], '<<<': ['<<<', 0],
    };
    const [op, defaultFd] = opMap[raw];
    const targetTok = this.next();
    if (targetTok.t !== 'word') this.unexpected(targetTok);
    const target = this.toWord(targetTok);
    const redir: Redir = { fd: fd ?? defaultFd, op, target, pos: this.posOf(start) };
    if (op === '<<') {
      const rawDelim = this.src.slice(targetTok.start, targetTok.end);
      const quoted = /['"\\]/.test(rawDelim);
      const delim = rawDelim.replace(/['"\\]/g, '');
      redir.target = { parts: [], pos: target.pos, async: false };
      this.heredocs.push({ redir, delim, strip: raw === '<<-', quoted });
    }
    return redir;
  }

  private parseSimple(): CommandNode {
    const startTok = this.peek();
    const node: SimpleNode = { t: 'simple', assigns: [], words: [], redirs: [], pos: this.posOf(startTok.start), async: false };
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'io' || this.isRedirOp(tok)) {
        const r = this.parseRedir();
        node.redirs.push(r);
        continue;
      }
      if (tok.t !== 'word') break;
      this.next();
      if (node.words.length === 0) {
        const assign = this.asAssignment(tok);
        if (assign) {
          node.assigns.push(assign);
          continue;
        }
        // `name() compound` defines a function
        const name = this.literalWord(tok);
        if (node.assigns.length === 0 && node.redirs.length === 0 && name !== null && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) && this.isOp(this.peek(), '(')) {
          this.next();
          const close = this.next();
          if (!this.isOp(close, ')')) this.unexpected(close, ')');
          this.skipNewlines();
          return { t: 'funcdef', name, body: this.parseFunctionBody(), pos: this.posOf(tok.start) };
        }
      }
      node.words.push(this.toWord(tok));
    }
    if (node.words.length === 0 && node.assigns.length === 0 && node.redirs.length === 0) this.unexpected(this.peek());
    node.async =
      node.words.some((w) => w.async) || node.assigns.some((a) => a.value.async) || node.redirs.some((r) => r.target.async);
    return node;
  }

  private asAssignment(tok: Token & { t: 'word' }): Assign | null {
    const first = tok.parts[0];
    if (!first || first.t !== 'lit' || first.q) return null;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.v);
    if (!m) return null;
    // reported, then read as a plain assignment so the word is not also taken for a command
    if (m[2]) this.unsupported(tok.start, '`+=` assignment');
    const rest = first.v.slice(m[0].length);
    const parts: WordPart[] = rest ? [{ t: 'lit', v: rest, q: false }, ...tok.parts.slice(1)] : tok.parts.slice(1);
    if (parts.length === 0 && this.src[tok.end] === '(') {
      this.unsupported(tok.start, 'array assignment `name=(...)`');
      const close = this.src.indexOf(')', tok.end);
      this.pos = close < 0 ? this.src.length : close + 1;
    }
    return { name: m[1], value: { parts, pos: this.posOf(tok.start + m[0].length), async: tok.async } };
  }
}
