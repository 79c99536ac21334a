// Small utilities: true/false, hostname, uname, whoami, id, basename, dirname, seq, expr, env,
// printenv, which.
import type { CommandContext, CommandImpl } from '../command-context';
import { baseName, dirName } from '../paths';

export const trueCmd: CommandImpl = () => 0;
export const falseCmd: CommandImpl = () => 1;

export const hostname: CommandImpl = (ctx) => {
  ctx.out(ctx.host.hostname + '\n');
  return 0;
};

export const uname: CommandImpl = (ctx) => {
  const flags = ctx.argv.slice(1).join('').replace(/-/g, '');
  const parts = { s: 'Linux', n: ctx.host.hostname, r: '5.15.0', v: '#1 SMP', m: 'x86_64', o: 'GNU/Linux' };
  const pick = flags.includes('a') ? 'snrvmo' : flags || 's';
  ctx.out(
    [...'snrvmo']
      .filter((c) => pick.includes(c))
      .map((c) => parts[c as keyof typeof parts])
      .join(' ') + '\n',
  );
  return 0;
};

export const whoami: CommandImpl = (ctx) => {
  ctx.out('root\n');
  return 0;
};

export const id: CommandImpl = (ctx) => {
  const a = ctx.argv[1];
  if (a === '-u' || a === '-g') ctx.out('0\n');
  else if (a === '-un' || a === '-nu' || a === '-gn' || a === '-ng') ctx.out('root\n');
  else ctx.out('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
  return 0;
};

export const basename: CommandImpl = (ctx) => {
  const [, path, suffix] = ctx.argv;
  if (path === undefined) {
    ctx.err('basename: missing operand\n');
    return 1;
  }
  let b = baseName(path);
  if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
  ctx.out(b + '\n');
  return 0;
};

export const dirname: CommandImpl = (ctx) => {
  const path = ctx.argv[1];
  if (path === undefined) {
    ctx.err('dirname: missing operand\n');
    return 1;
  }
  ctx.out(dirName(path) + '\n');
  return 0;
};

export const seq: CommandImpl = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => !/^-[sw]/.test(a));
  const nums = args.map(Number);
  if (nums.length === 0 || nums.length > 3 || nums.some((n) => Number.isNaN(n))) {
    const bad = args.find((a) => Number.isNaN(Number(a)));
    ctx.err(bad !== undefined ? `seq: invalid number '${bad}'\n` : 'seq: missing operand\n');
    return 1;
  }
  const [first, inc, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (inc === 0) return 1;
  const lines: string[] = [];
  for (let v = first; inc > 0 ? v <= last : v >= last; v += inc) {
    lines.push(String(v));
    if (lines.length > 1_000_000) break;
  }
  if (lines.length) ctx.out(lines.join('\n') + '\n');
  return 0;
};

class ExprError extends Error {}

function isInt(s: string): boolean {
  return /^-?[0-9]+$/.test(s);
}

function exprEval(args: string[]): string {
  let p = 0;
  const peek = (): string | undefined => args[p];
  const toNum = (s: string): number => {
    if (!isInt(s)) throw new ExprError('non-numeric argument');
    return parseInt(s, 10);
  };
  const isNull = (s: string): boolean => s === '' || (isInt(s) && parseInt(s, 10) === 0);
  function or(): string {
    let l = and();
    while (peek() === '|') {
      p++;
      const r = and();
      l = isNull(l) ? (isNull(r) ? '0' : r) : l;
    }
    return l;
  }
  function and(): string {
    let l = cmp();
    while (peek() === '&') {
      p++;
      const r = cmp();
      l = isNull(l) || isNull(r) ? '0' : l;
    }
    return l;
  }
  function cmp(): string {
    let l = add();
    for (;;) {
      const op = peek();
      if (!op || !['=', '==', '!=', '<', '<=', '>', '>='].includes(op)) return l;
      p++;
      const r = add();
      const c = isInt(l) && isInt(r) ? parseInt(l, 10) - parseInt(r, 10) : l < r ? -1 : l > r ? 1 : 0;
      const ok = op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
      l = ok ? '1' : '0';
    }
  }
  function add(): string {
    let l = mul();
    while (peek() === '+' || peek() === '-') {
      const op = args[p++];
      const r = mul();
      l = String(op === '+' ? toNum(l) + toNum(r) : toNum(l) - toNum(r));
    }
    return l;
  }
  function mul(): string {
    let l = match();
    while (peek() === '*' || peek() === '/' || peek() === '%') {
      const op = args[p++];
      const r = match();
      const b = toNum(r);
      if (op !== '*' && b === 0) throw new ExprError('division by zero');
      l = String(op === '*' ? toNum(l) * b : op === '/' ? Math.trunc(toNum(l) / b) : toNum(l) % b);
    }
    return l;
  }
  function match(): string {
    let l = primary();
    while (peek() === ':') {
      p++;
      const re = primary();
      const m = new RegExp('^(?:' + re.replace(/\\\(/g, '(').replace(/\\\)/g, ')') + ')').exec(l);
      l = m ? (m[1] !== undefined ? m[1] : String(m[0].length)) : re.includes('\\(') ? '' : '0';
    }
    return l;
  }
  function primary(): string {
    const t = args[p++];
    if (t === undefined) throw new ExprError('syntax error');
    if (t === '(') {
      const v = or();
      if (args[p++] !== ')') throw new ExprError('syntax error');
      return v;
    }
    if (t === 'length' && p < args.length) return String(primary().length);
    return t;
  }
  const v = or();
  if (p < args.length) throw new ExprError('syntax error');
  return v;
}

export const expr: CommandImpl = (ctx) => {
  try {
    const v = exprEval(ctx.argv.slice(1));
    ctx.out(v + '\n');
    return v === '' || v === '0' ? 1 : 0;
  } catch (e) {
    if (e instanceof ExprError) {
      ctx.err(`expr: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
};

function exportedPairs(ctx: CommandContext): [string, string][] {
  const sh = ctx.thread.sh;
  return Object.keys(sh.exported)
    .filter((k) => k in sh.vars)
    .map((k) => [k, sh.vars[k]]);
}

export const env: CommandImpl = (ctx) => {
  const pairs = exportedPairs(ctx);
  for (const a of ctx.argv.slice(1)) {
    const m = /^([^=]+)=(.*)$/s.exec(a);
    if (m) pairs.push([m[1], m[2]]);
  }
  ctx.out(pairs.map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

export const printenv: CommandImpl = (ctx) => {
  const names = ctx.argv.slice(1);
  const pairs = exportedPairs(ctx);
  if (names.length === 0) {
    ctx.out(pairs.map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const n of names) {
    const p = pairs.find(([k]) => k === n);
    if (p) ctx.out(p[1] + '\n');
    else status = 1;
  }
  return status;
};
