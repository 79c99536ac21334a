// Shell arithmetic `$(( ... ))`: parsed once at compile time into an ArithNode tree, evaluated
// with C precedence on integers (busybox ash: shell/math.c, 64-bit signed).
import type { ArithNode } from './ast';

export class ArithSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Raised while evaluating; the interpreter prints it as `sh: <message>` and exits 2. */
export class ArithRuntimeError extends Error {}

type Tok = { k: 'num'; v: number; at: number } | { k: 'name'; v: string; at: number } | { k: 'op'; v: string; at: number };

const OPS = [
  '<<=', '>>=', '**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '++', '--',
  '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=',
  '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '|', '^', '?', ':', '(', ')',
];

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(text.slice(i))!;
      const s = m[1];
      if (/[A-Za-z_]/.test(text[i + s.length] ?? '')) throw new ArithSyntaxError('arithmetic syntax error', i);
      let v: number;
      if (/^0[xX]/.test(s)) v = parseInt(s.slice(2), 16);
      else if (s.length > 1 && s[0] === '0') {
        if (/[89]/.test(s)) throw new ArithSyntaxError('arithmetic syntax error', i);
        v = parseInt(s, 8);
      } else v = parseInt(s, 10);
      toks.push({ k: 'num', v, at: i });
      i += s.length;
      continue;
    }
    if (c === '$') {
      // `$x`, `${x}`, `$1` inside arithmetic name the variable, as in ash.
      const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[#?$!])\}|([A-Za-z_][A-Za-z0-9_]*|[0-9]|[#?$!]))/.exec(text.slice(i));
      if (!m) throw new ArithSyntaxError('arithmetic syntax error', i);
      toks.push({ k: 'name', v: m[1] ?? m[2], at: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      toks.push({ k: 'name', v: m[0], at: i });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) throw new ArithSyntaxError('arithmetic syntax error', i);
    toks.push({ k: 'op', v: op, at: i });
    i += op.length;
  }
  return toks;
}

const BINARY_LEVELS: string[][] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

const ASSIGN_OPS = ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='];

export function parseArithmetic(text: string): ArithNode {
  const toks = tokenize(text);
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const isOp = (v: string): boolean => {
    const t = toks[p];
    return t !== undefined && t.k === 'op' && t.v === v;
  };
  const fail = (): never => {
    throw new ArithSyntaxError('arithmetic syntax error', toks[p]?.at ?? text.length);
  };

  function assignment(): ArithNode {
    const t = peek();
    const n = toks[p + 1];
    if (t && t.k === 'name' && n && n.k === 'op' && ASSIGN_OPS.includes(n.v)) {
      p += 2;
      return { t: 'assign', op: n.v, name: t.v, e: assignment() };
    }
    return conditional();
  }
  function conditional(): ArithNode {
    const c = binary(0);
    if (isOp('?')) {
      p++;
      const a = assignment();
      if (!isOp(':')) fail();
      p++;
      const b = conditional();
      return { t: 'cond', c, a, b };
    }
    return c;
  }
  function binary(level: number): ArithNode {
    if (level >= BINARY_LEVELS.length) return power();
    let l = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t && t.k === 'op' && BINARY_LEVELS[level].includes(t.v)) {
        p++;
        l = { t: 'bin', op: t.v, l, r: binary(level + 1) };
      } else return l;
    }
  }
  function power(): ArithNode {
    const base = unary();
    if (isOp('**')) {
      p++;
      return { t: 'bin', op: '**', l: base, r: power() };
    }
    return base;
  }
  function unary(): ArithNode {
    const t = peek();
    if (t && t.k === 'op') {
      if (t.v === '++' || t.v === '--') {
        p++;
        const n = peek();
        if (!n || n.k !== 'name') fail();
        p++;
        return { t: 'incdec', op: t.v, prefix: true, name: (n as { v: string }).v };
      }
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        p++;
        return { t: 'unary', op: t.v, e: unary() };
      }
    }
    return postfix();
  }
  function postfix(): ArithNode {
    const t = peek();
    if (!t) return fail();
    if (t.k === 'num') {
      p++;
      return { t: 'num', v: t.v };
    }
    if (t.k === 'name') {
      p++;
      const n = peek();
      if (n && n.k === 'op' && (n.v === '++' || n.v === '--')) {
        p++;
        return { t: 'incdec', op: n.v, prefix: false, name: t.v };
      }
      return { t: 'var', name: t.v };
    }
    if (t.v === '(') {
      p++;
      const e = assignment();
      if (!isOp(')')) fail();
      p++;
      return e;
    }
    return fail();
  }

  if (toks.length === 0) return { t: 'num', v: 0 };
  const e = assignment();
  if (p < toks.length) fail();
  return e;
}

export interface ArithEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** Truncate to a signed 64-bit-like integer range JS numbers can hold exactly. */
function int(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.trunc(n);
}

function valueOf(env: ArithEnv, name: string, depth: number): number {
  const raw = (env.get(name) ?? '').trim();
  if (raw === '') return 0;
  if (/^-?[0-9]+$/.test(raw)) return parseInt(raw, 10);
  if (/^-?0[xX][0-9a-fA-F]+$/.test(raw)) {
    const v = parseInt(raw.replace(/^-?0[xX]/, ''), 16);
    return raw.startsWith('-') ? -v : v;
  }
  // ash evaluates a variable holding an expression as that expression
  if (depth > 20) throw new ArithRuntimeError('expression recursion loop detected');
  let node: ArithNode;
  try {
    node = parseArithmetic(raw);
  } catch {
    throw new ArithRuntimeError('arithmetic syntax error');
  }
  return evalNode(node, env, depth + 1);
}

function evalNode(n: ArithNode, env: ArithEnv, depth: number): number {
  switch (n.t) {
    case 'num':
      return n.v;
    case 'var':
      return valueOf(env, n.name, depth);
    case 'unary': {
      const v = evalNode(n.e, env, depth);
      if (n.op === '-') return -v;
      if (n.op === '+') return v;
      if (n.op === '!') return v === 0 ? 1 : 0;
      return ~v;
    }
    case 'incdec': {
      const old = valueOf(env, n.name, depth);
      const nv = n.op === '++' ? old + 1 : old - 1;
      env.set(n.name, String(nv));
      return n.prefix ? nv : old;
    }
    case 'assign': {
      let v = evalNode(n.e, env, depth);
      if (n.op !== '=') v = applyBinary(n.op.slice(0, -1), valueOf(env, n.name, depth), v);
      env.set(n.name, String(v));
      return v;
    }
    case 'cond':
      return evalNode(n.c, env, depth) !== 0 ? evalNode(n.a, env, depth) : evalNode(n.b, env, depth);
    case 'bin': {
      if (n.op === '&&') return evalNode(n.l, env, depth) !== 0 && evalNode(n.r, env, depth) !== 0 ? 1 : 0;
      if (n.op === '||') return evalNode(n.l, env, depth) !== 0 || evalNode(n.r, env, depth) !== 0 ? 1 : 0;
      return applyBinary(n.op, evalNode(n.l, env, depth), evalNode(n.r, env, depth));
    }
  }
}

function applyBinary(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return int(a + b);
    case '-': return int(a - b);
    case '*': return int(a * b);
    case '/':
      if (b === 0) throw new ArithRuntimeError('divide by zero');
      return int(a / b);
    case '%':
      if (b === 0) throw new ArithRuntimeError('divide by zero');
      return int(a % b);
    case '**':
      if (b < 0) throw new ArithRuntimeError('exponent less than 0');
      return int(a ** b);
    case '<<': return int(a * 2 ** b);
    case '>>': return int(Math.floor(a / 2 ** b));
    case '<': return a < b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '&': return Number(BigInt(a) & BigInt(b));
    case '|': return Number(BigInt(a) | BigInt(b));
    case '^': return Number(BigInt(a) ^ BigInt(b));
    default:
      throw new ArithRuntimeError('arithmetic syntax error');
  }
}

export function evaluateArithmetic(n: ArithNode, env: ArithEnv): number {
  return evalNode(n, env, 0);
}
