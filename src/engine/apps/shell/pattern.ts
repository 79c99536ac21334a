// Shell pattern matching (fnmatch): used by `case`, `${x#pat}`, globbing and `[ ]`-free tests.
// A pattern source marks quoted characters with a backslash, so `"*"` matches a literal star.

const cache = new Map<string, RegExp>();

function classBody(src: string, start: number): { body: string; end: number } | null {
  // start is just after '['
  let i = start;
  let body = '';
  if (src[i] === '!' || src[i] === '^') {
    body += '^';
    i++;
  }
  if (src[i] === ']') {
    body += '\\]';
    i++;
  }
  while (i < src.length && src[i] !== ']') {
    const c = src[i];
    if (c === '[' && src[i + 1] === ':') {
      const close = src.indexOf(':]', i + 2);
      if (close > 0) {
        const name = src.slice(i + 2, close);
        const classes: Record<string, string> = {
          alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z',
          space: ' \\t\\n\\r\\f\\v', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', blank: ' \\t',
        };
        body += classes[name] ?? '';
        i = close + 2;
        continue;
      }
    }
    if (c === '\\' && i + 1 < src.length) {
      body += '\\' + src[i + 1];
      i += 2;
      continue;
    }
    body += /[\]\\^-]/.test(c) && c !== '-' ? '\\' + c : c;
    i++;
  }
  if (i >= src.length) return null;
  return { body, end: i + 1 };
}

/** Regex source for a pattern; `pathname`: wildcards do not match '/'. */
export function patternSource(pat: string, pathname: boolean): string {
  let out = '';
  const any = pathname ? '[^/]' : '[\\s\\S]';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\' && i + 1 < pat.length) {
      out += escapeRegExp(pat[++i]);
    } else if (c === '*') out += any + '*';
    else if (c === '?') out += any;
    else if (c === '[') {
      const cls = classBody(pat, i + 1);
      if (cls) {
        out += `[${cls.body}]`;
        i = cls.end - 1;
      } else out += '\\[';
    } else out += escapeRegExp(c);
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function patternRegExp(pat: string, pathname = false): RegExp {
  const key = `${pathname ? 'p' : 'a'}:${pat}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^(?:${patternSource(pat, pathname)})$`);
    if (cache.size > 2000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

export function matchPattern(pat: string, text: string): boolean {
  return patternRegExp(pat).test(text);
}

/** true when the pattern has an unquoted wildcard */
export function hasWildcard(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    // a bracket expression needs its closing `]`: a lone `[` (the test command) is literal
    else if (c === '[' && pat.indexOf(']', i + 2) > 0) return true;
  }
  return false;
}

/** Escape text so that it matches itself as a pattern. */
export function quotePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** Remove pattern backslashes: the literal text a wildcard-free pattern stands for. */
export function unquotePattern(pat: string): string {
  return pat.replace(/\\(.)/g, '$1');
}

/** `${x#p}` `${x##p}` `${x%p}` `${x%%p}` */
export function removeAffix(value: string, pat: string, op: '#' | '##' | '%' | '%%'): string {
  const re = patternRegExp(pat);
  if (op === '#') {
    for (let i = 0; i <= value.length; i++) if (re.test(value.slice(0, i))) return value.slice(i);
  } else if (op === '##') {
    for (let i = value.length; i >= 0; i--) if (re.test(value.slice(0, i))) return value.slice(i);
  } else if (op === '%') {
    for (let i = value.length; i >= 0; i--) if (re.test(value.slice(i))) return value.slice(0, i);
  } else {
    for (let i = 0; i <= value.length; i++) if (re.test(value.slice(i))) return value.slice(0, i);
  }
  return value;
}
