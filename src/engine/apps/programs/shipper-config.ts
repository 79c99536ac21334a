/**
 * What a log shipper is configured to do: which files it tails and where it sends
 * each line. Read from fluentd's `fluent.conf` (<source> @type tail / <match> @type
 * elasticsearch), fluent-bit's classic or YAML file ([INPUT] Name tail / [OUTPUT]
 * Name es) and filebeat's `filebeat.yml` (filebeat.inputs paths / output.elasticsearch
 * hosts). What it cannot find it takes from the conventions: the image's default
 * paths, and an `elasticsearch` Service on 9200 (or FLUENT_ELASTICSEARCH_HOST/PORT).
 */
import type { ContainerFs } from '../container-fs';
import type { ProgramSpec } from '../well-known-images';
import { readConfigFiles, substituteEnv } from './config-files';

export type ShipOutput =
  /** an HTTP endpoint that stores documents (Elasticsearch, or any HTTP output) */
  | { kind: 'http'; host: string; port: number; index: string }
  /** the shipper's own standard output */
  | { kind: 'stdout' }
  /** a destination outside the cluster (google_cloud, cloudwatch...) */
  | { kind: 'external'; name: string };

export interface ShipperConfig {
  paths: string[];
  readFromHead: boolean;
  output: ShipOutput;
  /** the files the configuration came from, for the start-up log */
  files: string[];
}

type Flavor = Extract<ProgramSpec, { kind: 'shipper' }>['flavor'];

const CONVENTIONAL: Record<Flavor, string[]> = {
  fluentd: ['/fluentd/etc/fluent.conf', '/etc/fluent/fluent.conf', '/etc/td-agent/td-agent.conf', '/etc/fluentd-config'],
  'fluent-bit': ['/fluent-bit/etc/fluent-bit.conf', '/fluent-bit/etc/fluent-bit.yaml', '/etc/fluent-bit/fluent-bit.conf', '/etc/fluent-bit/fluent-bit.yaml'],
  filebeat: ['/usr/share/filebeat/filebeat.yml', '/etc/filebeat/filebeat.yml'],
};

const DEFAULT_INDEX: Record<Flavor, string> = { fluentd: 'fluentd', 'fluent-bit': 'fluent-bit', filebeat: 'filebeat' };

const ES_TYPES = ['elasticsearch', 'es', 'opensearch', 'http', 'elasticsearch_dynamic'];

function splitList(v: string): string[] {
  return v
    .replace(/^\[|\]$/g, '')
    .split(/[,\s]+/)
    .map((s) => s.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}

function hostPort(v: string, defPort: number): { host: string; port: number } {
  const m = /^(?:[a-z]+:\/\/)?([^/:]+)(?::([0-9]+))?/i.exec(v.trim().replace(/^["']|["']$/g, ''));
  return { host: m?.[1] ?? v, port: m?.[2] ? Number(m[2]) : defPort };
}

/** key/value pairs of one section of a fluentd/fluent-bit file */
function pairs(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of body.split('\n')) {
    const m = /^\s*([@A-Za-z_][\w.-]*)\s*[:=]?\s+(.+?)\s*$/.exec(line.replace(/#.*$/, (c) => (/^#\{/.test(c) ? c : '')));
    if (m && !(m[1].toLowerCase() in out)) out[m[1].toLowerCase()] = m[2].replace(/^["']|["']$/g, '');
  }
  return out;
}

function fromFluentd(text: string): Partial<ShipperConfig> {
  const r: Partial<ShipperConfig> = {};
  for (const m of text.matchAll(/<source>([\s\S]*?)<\/source>/g)) {
    const p = pairs(m[1]);
    const type = p['@type'] ?? p.type;
    if (type === 'tail' && p.path) {
      (r.paths ??= []).push(...splitList(p.path));
      if (p.read_from_head === 'true') r.readFromHead = true;
    }
  }
  for (const m of text.matchAll(/<match[^>]*>([\s\S]*?)<\/match>/g)) {
    const p = pairs(m[1].replace(/<buffer[\s\S]*?<\/buffer>/g, ''));
    const type = p['@type'] ?? p.type ?? '';
    if (r.output) break;
    if (ES_TYPES.includes(type)) {
      const hp = p.hosts ? hostPort(splitList(p.hosts)[0], 9200) : { host: p.host ?? 'elasticsearch', port: Number(p.port ?? 9200) };
      r.output = { kind: 'http', ...hp, index: p.index_name ?? p.logstash_prefix ?? 'fluentd' };
    } else if (type === 'stdout') r.output = { kind: 'stdout' };
    else if (type && type !== 'null') r.output = { kind: 'external', name: type };
  }
  return r;
}

function fromFluentBit(text: string): Partial<ShipperConfig> {
  const r: Partial<ShipperConfig> = {};
  // classic format: [SECTION] followed by indented key value lines
  const sections = [...text.matchAll(/^\s*\[([A-Za-z]+)\]\s*$([\s\S]*?)(?=^\s*\[[A-Za-z]+\]\s*$|(?![\s\S]))/gm)];
  const yamlItems = [...text.matchAll(/^\s*-\s*name:\s*(\S+)\s*$([\s\S]*?)(?=^\s*-\s*name:|^\S|(?![\s\S]))/gm)];
  const blocks: { kind: string; p: Record<string, string> }[] = [
    ...sections.map((s) => ({ kind: s[1].toUpperCase(), p: pairs(s[2]) })),
    ...yamlItems.map((s) => {
      const p = pairs(s[2]);
      p.name = s[1];
      return { kind: p.path !== undefined || s[1] === 'tail' ? 'INPUT' : 'OUTPUT', p };
    }),
  ];
  for (const b of blocks) {
    const name = (b.p.name ?? '').toLowerCase();
    if (b.kind === 'INPUT' && name === 'tail' && b.p.path) {
      (r.paths ??= []).push(...splitList(b.p.path));
      if (/^(on|true|yes)$/i.test(b.p.read_from_head ?? '')) r.readFromHead = true;
    }
    if (b.kind === 'OUTPUT' && !r.output) {
      if (ES_TYPES.includes(name)) r.output = { kind: 'http', host: b.p.host ?? '127.0.0.1', port: Number(b.p.port ?? (name === 'http' ? 80 : 9200)), index: b.p.index ?? 'fluent-bit' };
      else if (name === 'stdout') r.output = { kind: 'stdout' };
      else if (name && name !== 'null') r.output = { kind: 'external', name };
    }
  }
  return r;
}

function fromFilebeat(text: string): Partial<ShipperConfig> {
  const r: Partial<ShipperConfig> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(-\s*)?paths:\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    if (m[3].trim()) (r.paths ??= []).push(...splitList(m[3]));
    else
      for (let j = i + 1; j < lines.length; j++) {
        const item = /^\s*-\s*(.+?)\s*$/.exec(lines[j]);
        if (!item) break;
        (r.paths ??= []).push(item[1].replace(/^["']|["']$/g, ''));
      }
  }
  const es = /output\.elasticsearch:[\s\S]*?hosts:\s*\[?\s*["']?([^"'\],\s]+)/.exec(text);
  if (es) {
    const idx = /output\.elasticsearch:[\s\S]*?\n\s*index:\s*["']?([^"'\s]+)/.exec(text);
    r.output = { kind: 'http', ...hostPort(es[1], 9200), index: idx?.[1]?.replace(/-%\{.*$/, '') ?? 'filebeat' };
  } else if (/output\.console:/.test(text)) r.output = { kind: 'stdout' };
  else {
    const other = /output\.([a-z_]+):/.exec(text);
    if (other) r.output = { kind: 'external', name: other[1] };
  }
  return r;
}

export function shipperConfig(fs: ContainerFs, spec: Extract<ProgramSpec, { kind: 'shipper' }>, argv: string[], env: Record<string, string>): ShipperConfig {
  const files = readConfigFiles(fs, CONVENTIONAL[spec.flavor], argv);
  const parse = spec.flavor === 'fluentd' ? fromFluentd : spec.flavor === 'fluent-bit' ? fromFluentBit : fromFilebeat;
  let found: Partial<ShipperConfig> = {};
  const used: string[] = [];
  for (const f of files) {
    const r = parse(substituteEnv(f.text, env));
    if (r.paths || r.output) used.push(f.path);
    found = { ...found, ...r, paths: [...(found.paths ?? []), ...(r.paths ?? [])], output: found.output ?? r.output };
  }
  const envHost = env.FLUENT_ELASTICSEARCH_HOST ?? env.ELASTICSEARCH_HOST;
  const output: ShipOutput = found.output ?? { kind: 'http', host: envHost ?? 'elasticsearch', port: Number(env.FLUENT_ELASTICSEARCH_PORT ?? env.ELASTICSEARCH_PORT ?? 9200), index: DEFAULT_INDEX[spec.flavor] };
  return {
    paths: found.paths?.length ? [...new Set(found.paths)] : spec.defaultPaths,
    // filebeat reads a file it has no registry entry for from its beginning; fluentd and
    // fluent-bit start at the end of files that exist when they start (read_from_head off)
    readFromHead: found.readFromHead ?? spec.flavor === 'filebeat',
    output,
    files: used,
  };
}
