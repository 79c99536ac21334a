// Word expansion (POSIX 2.6): parameters, arithmetic, command substitution results, field
// splitting on IFS, pathname expansion. Command substitution itself runs in the step machine:
// expandParts stops at a `cmd` part and returns its index.
import { ArithRuntimeError, evaluateArithmetic } from './arithmetic';
import type { Word, WordPart } from './ast';
import type { ShellHost } from './host';
import { resolvePath } from './paths';
import { hasWildcard, patternRegExp, quotePattern, removeAffix, unquotePattern } from './pattern';
import { ShellFatal } from './shell-error';
import type { ExpandItem, Seg, ShellState, Thread } from './state';

export interface ExpandEnv {
  state: ShellState;
  thread: Thread;
  host: ShellHost;
}

const SPECIAL = /^[@*#?$!\-0-9]$/;

export function optionLetters(thread: Thread): string {
  const o = thread.sh.opts;
  return (o.errexit ? 'e' : '') + (o.nounset ? 'u' : '') + (o.xtrace ? 'x' : '');
}

/** A parameter's value, undefined when unset. */
export function getParam(env: ExpandEnv, name: string): string | undefined {
  const { thread, state } = env;
  const sh = thread.sh;
  switch (name) {
    case '?':
      return String(thread.status);
    case '$':
      return String(state.pid);
    case '!':
      return sh.lastBg === null ? undefined : String(sh.lastBg);
    case '#':
      return String(sh.positional.length);
    case '0':
      return sh.argv0 ?? state.argv0;
    case '-':
      return optionLetters(thread);
    case '@':
    case '*':
      return sh.positional.length ? sh.positional.join(' ') : undefined;
    case 'RANDOM': {
      if ('RANDOM' in sh.vars) return sh.vars.RANDOM;
      // ash: RANDOM is a 15-bit pseudo-random number; a seeded LCG keeps runs reproducible
      state.rng = (Math.imul(state.rng, 1103515245) + 12345) >>> 0;
      return String((state.rng >>> 16) & 0x7fff);
    }
    case 'LINENO':
      return String(thread.lineno);
  }
  if (/^[0-9]+$/.test(name)) return sh.positional[parseInt(name, 10) - 1];
  return sh.vars[name];
}

export function setVar(thread: Thread, name: string, value: string): void {
  if (thread.sh.readonly[name]) throw new ShellFatal(`${name}: is read only`);
  thread.sh.vars[name] = value;
}

function arithEnv(env: ExpandEnv) {
  return {
    get: (name: string) => getParam(env, name),
    set: (name: string, value: string) => setVar(env.thread, name, value),
  };
}

function segsText(segs: Seg[]): string {
  return segs.map((s) => s.text).join('');
}

function segsPattern(segs: Seg[]): string {
  return segs.map((s) => (s.quoted ? quotePattern(s.text) : s.text)).join('');
}

/** Expand the argument word of `${x:-word}` synchronously (no command substitution there). */
function expandArg(env: ExpandEnv, word: Word, q: boolean): Seg[] {
  const segs: Seg[] = [];
  expandParts(env, word, 0, segs, q);
  return segs;
}

function paramSegs(env: ExpandEnv, p: WordPart & { t: 'param' }, segs: Seg[]): void {
  const { thread } = env;
  const name = p.name;
  if (p.q && name === '@' && p.op === null) {
    const pos = thread.sh.positional;
    pos.forEach((v, i) => {
      if (i > 0) segs.push({ text: '', split: false, quoted: true, brk: true });
      segs.push({ text: v, split: false, quoted: true });
    });
    return;
  }
  let value = getParam(env, name);
  if (p.q && name === '*' && p.op === null) {
    const ifs = thread.sh.vars.IFS ?? ' \t\n';
    value = thread.sh.positional.join(ifs.slice(0, 1));
  }
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  const push = (text: string): void => {
    segs.push({ text, split: !p.q, quoted: p.q });
  };
  switch (p.op) {
    case null:
      if (!set && thread.sh.opts.nounset && name !== '@' && name !== '*') throw new ShellFatal(`${name}: parameter not set`);
      push(value ?? '');
      return;
    case 'length':
      if (name === '@' || name === '*') push(String(thread.sh.positional.length));
      else {
        if (!set && thread.sh.opts.nounset) throw new ShellFatal(`${name}: parameter not set`);
        push(String((value ?? '').length));
      }
      return;
    case ':-':
    case '-': {
      const use = p.op === ':-' ? !nonEmpty : !set;
      if (use) segs.push(...expandArg(env, p.arg!, p.q).map((s) => ({ ...s, split: s.split || !p.q && !s.quoted })));
      else push(value!);
      return;
    }
    case ':=':
    case '=': {
      const use = p.op === ':=' ? !nonEmpty : !set;
      if (use) {
        if (SPECIAL.test(name)) throw new ShellFatal(`${name}: bad variable name`);
        const v = segsText(expandArg(env, p.arg!, p.q));
        setVar(thread, name, v);
        push(v);
      } else push(value!);
      return;
    }
    case ':+':
    case '+': {
      const use = p.op === ':+' ? nonEmpty : set;
      if (use) segs.push(...expandArg(env, p.arg!, p.q).map((s) => ({ ...s, split: s.split || !p.q && !s.quoted })));
      return;
    }
    case ':?':
    case '?': {
      const fail = p.op === ':?' ? !nonEmpty : !set;
      if (fail) {
        const msg = segsText(expandArg(env, p.arg!, p.q));
        throw new ShellFatal(`${name}: ${msg || (p.op === ':?' ? 'parameter null or not set' : 'parameter not set')}`);
      }
      push(value!);
      return;
    }
    default: {
      const pat = segsPattern(expandArg(env, p.arg!, false));
      push(removeAffix(value ?? '', pat, p.op));
    }
  }
}

/**
 * Appends the segments of word.parts[from..] to segs. Returns the index of the first command
 * substitution met (the caller runs it and continues after it), or -1 when the word is done.
 * `forceQuoted` marks everything quoted (here-documents, `${x:-word}` inside double quotes).
 */
export function expandParts(env: ExpandEnv, word: Word, from: number, segs: Seg[], forceQuoted = false): number {
  for (let i = from; i < word.parts.length; i++) {
    const p = word.parts[i];
    switch (p.t) {
      case 'lit': {
        let v = p.v;
        const quoted = p.q || forceQuoted;
        if (i === 0 && !quoted && v.startsWith('~') && (v.length === 1 || v[1] === '/')) {
          segs.push({ text: env.thread.sh.vars.HOME ?? '/root', split: false, quoted: true });
          v = v.slice(1);
        }
        segs.push({ text: v, split: false, quoted });
        break;
      }
      case 'param':
        paramSegs(env, forceQuoted ? { ...p, q: true } : p, segs);
        break;
      case 'arith': {
        let n: number;
        try {
          n = evaluateArithmetic(p.expr, arithEnv(env));
        } catch (e) {
          if (e instanceof ArithRuntimeError) throw new ShellFatal(e.message);
          throw e;
        }
        const q = p.q || forceQuoted;
        segs.push({ text: String(n), split: !q, quoted: q });
        break;
      }
      case 'cmd':
        return i;
    }
  }
  return -1;
}

/** Segment for a finished command substitution: its output without trailing newlines. */
export function captureSeg(output: string, part: WordPart, forceQuoted = false): Seg {
  const q = (part as { q: boolean }).q || forceQuoted;
  return { text: output.replace(/\n+$/, ''), split: !q, quoted: q };
}

interface Field {
  text: string;
  pat: string;
  glob: boolean;
}

function splitFields(segs: Seg[], ifs: string): Field[] {
  const fields: Field[] = [];
  let cur: Field | null = null;
  const add = (text: string, quoted: boolean): void => {
    cur ??= { text: '', pat: '', glob: false };
    cur.text += text;
    cur.pat += quoted ? quotePattern(text) : text;
    if (!quoted && hasWildcard(text)) cur.glob = true;
  };
  for (const s of segs) {
    if (s.brk) {
      fields.push(cur ?? { text: '', pat: '', glob: false });
      cur = null;
      continue;
    }
    if (!s.split || ifs === '') {
      if (s.text !== '' || s.quoted) add(s.text, s.quoted);
      continue;
    }
    for (const ch of s.text) {
      if (ifs.includes(ch)) {
        if (' \t\n'.includes(ch)) {
          if (cur) fields.push(cur);
        } else fields.push(cur ?? { text: '', pat: '', glob: false });
        cur = null;
      } else add(ch, false);
    }
  }
  if (cur) fields.push(cur);
  return fields;
}

/** Pathname expansion of one pattern; sorted matches, or [] when nothing matches. */
export function glob(host: ShellHost, cwd: string, pat: string): string[] {
  const absolute = pat.startsWith('/');
  const comps = pat.split('/').filter((c) => c !== '');
  let bases: string[] = [absolute ? '/' : ''];
  const join = (base: string, name: string): string => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
  for (let ci = 0; ci < comps.length; ci++) {
    const comp = comps[ci];
    const last = ci === comps.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      if (!hasWildcard(comp)) {
        const candidate = join(base, unquotePattern(comp));
        const abs = resolvePath(cwd, candidate);
        if (last ? host.fs.exists(abs) : host.fs.isDir(abs)) next.push(candidate);
        continue;
      }
      const dir = resolvePath(cwd, base === '' ? '.' : base);
      const names = host.fs.list(dir) ?? [];
      const re = patternRegExp(comp, true);
      for (const entry of names) {
        const name = entry.slice(entry.lastIndexOf('/', entry.length - 2) + 1).replace(/\/$/, '');
        if (name.startsWith('.') && !comp.startsWith('.') && !comp.startsWith('\\.')) continue;
        if (!re.test(name)) continue;
        const candidate = join(base, name);
        if (!last && !host.fs.isDir(resolvePath(cwd, candidate))) continue;
        next.push(candidate);
      }
    }
    bases = next;
    if (bases.length === 0) return [];
  }
  return bases.sort();
}

/** Turns the segments of one word into its final fields / string. */
export function finishItem(env: ExpandEnv, segs: Seg[], mode: ExpandItem['mode']): string[] {
  if (mode === 'string') return [segsText(segs)];
  if (mode === 'pattern') return [segsPattern(segs)];
  const ifs = env.thread.sh.vars.IFS ?? ' \t\n';
  const out: string[] = [];
  for (const f of splitFields(segs, ifs)) {
    if (f.glob) {
      const matches = glob(env.host, env.thread.sh.cwd, f.pat);
      if (matches.length) {
        out.push(...matches);
        continue;
      }
    }
    out.push(f.text);
  }
  return out;
}

/** Expands items with no command substitution in them. */
export function expandSync(env: ExpandEnv, items: ExpandItem[]): string[][] {
  return items.map((item) => {
    const segs: Seg[] = [];
    const at = expandParts(env, item.word, 0, segs);
    if (at >= 0) throw new Error('command substitution in a synchronous expansion');
    return finishItem(env, segs, item.mode);
  });
}

export function expandWordSync(env: ExpandEnv, word: Word, mode: ExpandItem['mode']): string[] {
  return expandSync(env, [{ word, mode }])[0];
}
