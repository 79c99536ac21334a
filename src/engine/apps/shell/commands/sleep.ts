// busybox sleep (coreutils/sleep.c with FEATURE_FANCY_SLEEP/FLOAT_SLEEP): the arguments are
// summed; each may be fractional and carry an s/m/h/d suffix; `inf`/`infinity` never ends.
import type { CommandImpl } from '../command-context';

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds for a sleep argument, Infinity for `infinity`, null when invalid. */
export function parseSleepArg(arg: string): number | null {
  if (/^inf(inity)?$/i.test(arg)) return Infinity;
  const m = /^([0-9]*\.?[0-9]+|[0-9]+\.)([smhd]?)$/.exec(arg);
  if (!m) return null;
  return parseFloat(m[1]) * UNITS[m[2]];
}

export const sleep: CommandImpl = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.err('sleep: missing operand\n');
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const v = parseSleepArg(a);
    if (v === null) {
      ctx.err(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    total += v;
  }
  if (total === Infinity) return { block: { k: 'forever' } };
  if (total <= 0) return 0;
  return { block: { k: 'until', t: ctx.now + total } };
};

export const usleep: CommandImpl = (ctx) => {
  const a = ctx.argv[1];
  if (a === undefined || !/^[0-9]+$/.test(a)) {
    ctx.err(a === undefined ? 'usleep: missing operand\n' : `usleep: invalid number '${a}'\n`);
    return 1;
  }
  const s = parseInt(a, 10) / 1e6;
  return s > 0 ? { block: { k: 'until', t: ctx.now + s } } : 0;
};
