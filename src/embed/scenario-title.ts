/**
 * A scenario's title read from its YAML text without a YAML parser: the poster shows it
 * before anything heavy (js-yaml, the engine) has loaded. It reads the first document's
 * `metadata.title` — a plain or quoted scalar, or an `{en: ..., ja: ...}` map written
 * in flow or block style — and falls back to `metadata.name`. Whatever it returns is
 * only ever shown as text.
 */
export function scenarioTitle(yaml: string, lang = 'en'): string | null {
  const lines = yaml.replace(/\r\n?/g, '\n').split('\n');
  let metaIndent = -1;
  let name: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^---/.test(line) && i > 0 && (metaIndent >= 0 || name !== null)) break;
    if (/^\s*(#|$)/.test(line)) continue;
    const indent = /^ */.exec(line)![0].length;
    const meta = /^( *)metadata:\s*(#.*)?$/.exec(line);
    if (meta) {
      metaIndent = meta[1].length;
      continue;
    }
    if (metaIndent < 0) continue;
    if (indent <= metaIndent) {
      metaIndent = -1;
      continue;
    }
    const field = /^ *(title|name):(.*)$/.exec(line);
    if (!field) continue;
    const rest = field[2].trim();
    if (field[1] === 'name') {
      name ??= scalar(rest);
      continue;
    }
    if (rest.startsWith('{')) return pick(flowMap(rest), lang) ?? name;
    if (rest === '' || rest.startsWith('#')) {
      // a block map on the lines below, indented further
      const map: Record<string, string> = {};
      for (let j = i + 1; j < lines.length; j++) {
        if (/^\s*(#|$)/.test(lines[j])) continue;
        if (/^ */.exec(lines[j])![0].length <= indent) break;
        const kv = /^ *([\w-]+):(.*)$/.exec(lines[j]);
        if (kv) map[kv[1]] = scalar(kv[2].trim()) ?? '';
      }
      return pick(map, lang) ?? name;
    }
    return scalar(rest) ?? name;
  }
  return name;
}

function pick(map: Record<string, string>, lang: string): string | null {
  return map[lang] || map.en || Object.values(map).find((v) => v) || null;
}

/** a plain, single- or double-quoted scalar on one line */
function scalar(s: string): string | null {
  if (s.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(s);
    if (!m) return null;
    return m[1].replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => (e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e === 'n' ? '\n' : e === 't' ? '\t' : e));
  }
  if (s.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'/.exec(s);
    return m ? m[1].replace(/''/g, "'") : null;
  }
  if (s === '' || s === '|' || s === '>' || /^[|>][-+]?$/.test(s)) return null;
  const v = s.replace(/\s+#.*$/, '').trim();
  return v || null;
}

/** `{en: Some title, ja: "タイトル"}` */
function flowMap(s: string): Record<string, string> {
  const map: Record<string, string> = {};
  const body = s.replace(/^\{/, '').replace(/\}\s*(#.*)?$/, '');
  // split on commas outside quotes
  const parts: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of body) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  for (const p of parts) {
    const kv = /^\s*([\w-]+)\s*:\s*(.*)$/.exec(p);
    if (kv) map[kv[1]] = scalar(kv[2].trim()) ?? '';
  }
  return map;
}
