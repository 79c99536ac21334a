// busybox date: default format "%a %b %e %H:%M:%S %Z %Y" (coreutils/date.c), always UTC
// (containers run with TZ unset). Time is the host's t=0 wall clock plus virtual seconds.
import type { CommandImpl } from '../command-context';
import { parseOptions } from './options';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const BUSYBOX_DATE_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

const p2 = (n: number): string => String(n).padStart(2, '0');

export function strftime(format: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  const h12 = H % 12 === 0 ? 12 : H % 12;
  const conv = (c: string): string => {
    switch (c) {
      case 'a': return DAYS[w].slice(0, 3);
      case 'A': return DAYS[w];
      case 'b':
      case 'h': return MONTHS[m].slice(0, 3);
      case 'B': return MONTHS[m];
      case 'c': return `${conv('a')} ${conv('b')} ${conv('e')} ${conv('T')} ${Y}`;
      case 'C': return p2(Math.floor(Y / 100));
      case 'd': return p2(day);
      case 'D': return `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`;
      case 'e': return String(day).padStart(2, ' ');
      case 'F': return `${Y}-${p2(m + 1)}-${p2(day)}`;
      case 'H': return p2(H);
      case 'I': return p2(h12);
      case 'j': return String(yday).padStart(3, '0');
      case 'k': return String(H).padStart(2, ' ');
      case 'l': return String(h12).padStart(2, ' ');
      case 'm': return p2(m + 1);
      case 'M': return p2(M);
      case 'n': return '\n';
      case 'N': return String(Math.round((ms % 1000) * 1e6)).padStart(9, '0');
      case 'p': return H < 12 ? 'AM' : 'PM';
      case 'P': return H < 12 ? 'am' : 'pm';
      case 'r': return `${p2(h12)}:${p2(M)}:${p2(S)} ${H < 12 ? 'AM' : 'PM'}`;
      case 'R': return `${p2(H)}:${p2(M)}`;
      case 's': return String(Math.floor(ms / 1000));
      case 'S': return p2(S);
      case 't': return '\t';
      case 'T': return `${p2(H)}:${p2(M)}:${p2(S)}`;
      case 'u': return String(w === 0 ? 7 : w);
      case 'w': return String(w);
      case 'y': return p2(Y % 100);
      case 'Y': return String(Y);
      case 'z': return '+0000';
      case 'Z': return 'UTC';
      case '%': return '%';
      default: return '%' + c;
    }
  };
  return format.replace(/%(.)/g, (_, c: string) => conv(c));
}

export const date: CommandImpl = (ctx) => {
  const o = parseOptions(ctx.argv.slice(1), 'uRI', 'dDr', { utc: 'u', rfc: 'R', 'iso-8601': 'I', date: 'd' });
  if (o.error) {
    ctx.err(`date: ${o.error}\n`);
    return 1;
  }
  let ms = ctx.host.epochMs + ctx.now * 1000;
  if (typeof o.flags.d === 'string') {
    const at = /^@(-?[0-9]+)$/.exec(o.flags.d);
    const parsed = at ? parseInt(at[1], 10) * 1000 : Date.parse(o.flags.d.includes('T') || /Z$/.test(o.flags.d) ? o.flags.d : `${o.flags.d} UTC`);
    if (Number.isNaN(parsed)) {
      ctx.err(`date: invalid date '${o.flags.d}'\n`);
      return 1;
    }
    ms = parsed;
  }
  let format = BUSYBOX_DATE_FORMAT;
  if (o.flags.R) format = '%a, %d %b %Y %H:%M:%S %z';
  if (o.flags.I) format = '%Y-%m-%d';
  for (const op of o.operands) {
    if (op.startsWith('+')) format = op.slice(1);
    else if (op.startsWith('-I')) format = op === '-Iseconds' ? '%Y-%m-%dT%H:%M:%S+00:00' : '%Y-%m-%d';
    else {
      ctx.err(`date: can't set date: Operation not permitted\n`);
      return 1;
    }
  }
  ctx.out(strftime(format, ms) + '\n');
  return 0;
};
