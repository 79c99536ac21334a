/**
 * Where a proxy used as an ambassador forwards what reaches one of its ports, read
 * from its configuration the moment a request arrives: nginx (`listen` + `proxy_pass`,
 * `upstream` blocks), HAProxy (`frontend`/`listen` `bind` → `backend` `server`) and
 * Envoy (listener `port_value` → cluster endpoint). podsim reads the file on every
 * request, where the real proxies read it at start or on reload.
 */
import { load } from 'js-yaml';
import type { ContainerFs } from '../container-fs';
import type { ProgramSpec } from '../well-known-images';
import { readConfigFiles } from './config-files';

type Flavor = Extract<ProgramSpec, { kind: 'proxy' }>['flavor'];

export interface ProxyRoute {
  listen: number;
  /** "http://host:port" or "host:port" */
  upstream: string;
}

const CONVENTIONAL: Record<Flavor, string[]> = {
  nginx: ['/etc/nginx/nginx.conf', '/etc/nginx/conf.d', '/etc/nginx/sites-enabled'],
  haproxy: ['/usr/local/etc/haproxy/haproxy.cfg', '/etc/haproxy/haproxy.cfg'],
  envoy: ['/etc/envoy/envoy.yaml', '/etc/envoy/envoy.yml'],
};

/** the body of each `name {...}` block at any depth (naive brace matching, enough for these files) */
function blocks(text: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`(^|[\\s;{}])${name}(\\s+[^{;]*)?\\{`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
    }
    out.push((m[2] ?? '').trim() + '\u0000' + text.slice(start, i - 1));
  }
  return out;
}

function nginxRoutes(text: string): ProxyRoute[] {
  const clean = text.replace(/#[^\n]*/g, '');
  const upstreams: Record<string, string> = {};
  for (const b of blocks(clean, 'upstream')) {
    const [name, body] = b.split('\u0000');
    const server = /server\s+([^\s;]+)/.exec(body);
    if (server) upstreams[name] = server[1];
  }
  const routes: ProxyRoute[] = [];
  for (const b of blocks(clean, 'server')) {
    const body = b.split('\u0000')[1];
    const listen = /listen\s+(?:[^\s;:]*:)?([0-9]+)/.exec(body);
    const pass = /proxy_pass\s+([^\s;]+)\s*;/.exec(body);
    if (!listen || !pass) continue;
    let up = pass[1];
    const m = /^(?:([a-z]+):\/\/)?([^/:]+)(.*)$/.exec(up);
    if (m && upstreams[m[2]]) up = `${m[1] ? m[1] + '://' : ''}${upstreams[m[2]]}${m[3].startsWith(':') ? '' : m[3]}`;
    routes.push({ listen: Number(listen[1]), upstream: up });
  }
  return routes;
}

function haproxyRoutes(text: string): ProxyRoute[] {
  const sections: { kind: string; name: string; lines: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const head = /^(frontend|backend|listen|defaults|global)\b\s*(\S*)/.exec(line);
    if (head) sections.push({ kind: head[1], name: head[2], lines: [] });
    else sections[sections.length - 1]?.lines.push(line);
  }
  const serverOf = (lines: string[]) => lines.map((l) => /^server\s+\S+\s+(\S+)/.exec(l)?.[1]).find(Boolean);
  const routes: ProxyRoute[] = [];
  for (const s of sections) {
    if (s.kind !== 'frontend' && s.kind !== 'listen') continue;
    const bind = s.lines.map((l) => /^bind\s+\S*?:([0-9]+)/.exec(l)?.[1]).find(Boolean);
    if (!bind) continue;
    const backendName = s.lines.map((l) => /^(?:default_backend|use_backend)\s+(\S+)/.exec(l)?.[1]).find(Boolean);
    const server = s.kind === 'listen' ? serverOf(s.lines) : serverOf(sections.find((b) => b.kind === 'backend' && b.name === backendName)?.lines ?? []);
    if (server) routes.push({ listen: Number(bind), upstream: server });
  }
  return routes;
}

function envoyRoutes(text: string): ProxyRoute[] {
  let doc: unknown;
  try {
    doc = load(text);
  } catch {
    return [];
  }
  const res = (doc as { static_resources?: { listeners?: unknown[]; clusters?: unknown[] } })?.static_resources;
  if (!res) return [];
  const clusters: Record<string, string> = {};
  for (const c of (res.clusters ?? []) as Record<string, unknown>[]) {
    const json = JSON.stringify(c);
    const addr = /"socket_address":\{"address":"([^"]+)","port_value":([0-9]+)/.exec(json) ?? /"address":"([^"]+)"[^}]*"port_value":([0-9]+)/.exec(json);
    if (addr && typeof c.name === 'string') clusters[c.name] = `${addr[1]}:${addr[2]}`;
  }
  const routes: ProxyRoute[] = [];
  for (const l of (res.listeners ?? []) as Record<string, unknown>[]) {
    const json = JSON.stringify(l);
    const port = /"port_value":([0-9]+)/.exec(json);
    const cluster = /"cluster":"([^"]+)"/.exec(json);
    if (port && cluster && clusters[cluster[1]]) routes.push({ listen: Number(port[1]), upstream: clusters[cluster[1]] });
  }
  return routes;
}

export function proxyRoutes(fs: ContainerFs, flavor: Flavor, argv: string[]): ProxyRoute[] {
  const parse = flavor === 'nginx' ? nginxRoutes : flavor === 'haproxy' ? haproxyRoutes : envoyRoutes;
  return readConfigFiles(fs, CONVENTIONAL[flavor], argv).flatMap((f) => parse(f.text));
}
