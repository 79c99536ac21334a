// test / [ (POSIX test, with the argument-count rules for 0-4 arguments, then -a/-o/!/( )).
import type { CommandContext, CommandImpl } from '../command-context';

class TestError extends Error {}

const UNARY_FILE = ['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-h', '-L', '-p', '-S', '-b', '-c', '-t', '-g', '-u', '-k', '-O', '-G', '-N'];
const UNARY = [...UNARY_FILE, '-z', '-n'];
const BINARY = ['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'];

function toInt(s: string): number {
  const t = s.trim();
  if (!/^[-+]?[0-9]+$/.test(t)) throw new TestError(`invalid number '${s}'`);
  return parseInt(t, 10);
}

function unary(ctx: CommandContext, op: string, arg: string): boolean {
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-t':
      return false;
  }
  const abs = ctx.resolve(arg);
  const fs = ctx.host.fs;
  if (arg === '') return false;
  switch (op) {
    case '-e':
    case '-r':
    case '-w':
      return abs === '/dev/null' || fs.exists(abs);
    case '-x':
      return fs.isDir(abs);
    case '-f':
      return fs.exists(abs) && !fs.isDir(abs);
    case '-d':
      return fs.isDir(abs);
    case '-s':
      return fs.exists(abs) && (fs.isDir(abs) || (fs.read(abs) ?? '').length > 0);
    case '-c':
      return abs === '/dev/null';
    default:
      // links, pipes, sockets, set-id bits: the simulated filesystem has none
      return false;
  }
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
      return toInt(a) === toInt(b);
    case '-ne':
      return toInt(a) !== toInt(b);
    case '-lt':
      return toInt(a) < toInt(b);
    case '-le':
      return toInt(a) <= toInt(b);
    case '-gt':
      return toInt(a) > toInt(b);
    case '-ge':
      return toInt(a) >= toInt(b);
    default:
      return false;
  }
}

function evaluate(ctx: CommandContext, args: string[]): boolean {
  let p = 0;
  const peek = (o = 0): string | undefined => args[p + o];
  function orExpr(): boolean {
    let v = andExpr();
    while (peek() === '-o') {
      p++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  }
  function andExpr(): boolean {
    let v = notExpr();
    while (peek() === '-a') {
      p++;
      const r = notExpr();
      v = v && r;
    }
    return v;
  }
  function notExpr(): boolean {
    if (peek() === '!' && peek(1) !== undefined) {
      p++;
      return !notExpr();
    }
    return primary();
  }
  function primary(): boolean {
    const a = peek();
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(' && peek(2) !== undefined && !BINARY.includes(peek(1)!)) {
      p++;
      const v = orExpr();
      if (peek() !== ')') throw new TestError("missing ')'");
      p++;
      return v;
    }
    if (peek(1) !== undefined && BINARY.includes(peek(1)!) && peek(2) !== undefined) {
      p += 3;
      return binary(a, args[p - 2], args[p - 1]);
    }
    if (UNARY.includes(a) && peek(1) !== undefined) {
      p += 2;
      return unary(ctx, a, args[p - 1]);
    }
    p++;
    return a !== '';
  }
  // POSIX argument-count rules first
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return args[0] !== '';
    case 2:
      if (args[0] === '!') return args[1] === '';
      if (UNARY.includes(args[0])) return unary(ctx, args[0], args[1]);
      throw new TestError(`${args[0]}: unary operator expected`);
    case 3:
      if (BINARY.includes(args[1])) return binary(args[0], args[1], args[2]);
      if (args[1] === '-a') return args[0] !== '' && args[2] !== '';
      if (args[1] === '-o') return args[0] !== '' || args[2] !== '';
      if (args[0] === '!') return !evaluate(ctx, args.slice(1));
      if (args[0] === '(' && args[2] === ')') return args[1] !== '';
      break;
    case 4:
      if (args[0] === '!') return !evaluate(ctx, args.slice(1));
      if (args[0] === '(' && args[3] === ')') return evaluate(ctx, args.slice(1, 3));
      break;
  }
  const v = orExpr();
  if (p < args.length) throw new TestError(`${args[p]}: unknown operand`);
  return v;
}

export const test: CommandImpl = (ctx) => {
  let args = ctx.argv.slice(1);
  if (ctx.argv[0] === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.err(`${ctx.shellName}: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(ctx, args) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      ctx.err(`${ctx.shellName}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
};
