/**
 * A log shipper (fluentd, fluent-bit, filebeat) as a plain-data program: it follows the
 * files its configuration names (globs as the shippers expand them) and sends each new
 * complete line to its output. Undelivered lines stay buffered and are retried; while
 * nothing is pending it waits for a file change (no work per tick).
 */
import type { ProgramSpec } from '../well-known-images';
import type { ShellWait } from '../shell';
import type { ProgramHost } from './program-host';
import { shipperConfig, type ShipOutput } from './shipper-config';

/** fluent-bit's scheduler retries a failed flush after a few seconds (scheduler.base, 5 s by default in podsim) */
export const SHIP_RETRY_SECONDS = 5;
/** lines kept while the output is down (a shipper's buffer limit); older ones are dropped */
export const SHIP_BUFFER_LINES = 5_000;

export interface ShipperState {
  program: 'shipper';
  flavor: Extract<ProgramSpec, { kind: 'shipper' }>['flavor'];
  started: boolean;
  paths: string[];
  readFromHead: boolean;
  output: ShipOutput;
  offsets: Record<string, number>;
  pending: string[];
  shipped: number;
  failing: boolean;
}

export function startShipper(spec: Extract<ProgramSpec, { kind: 'shipper' }>): ShipperState {
  return { program: 'shipper', flavor: spec.flavor, started: false, paths: [], readFromHead: false, output: { kind: 'stdout' }, offsets: {}, pending: [], shipped: 0, failing: false };
}

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
}

/** the files a path pattern names now, sorted */
export function expandPath(host: ProgramHost, pattern: string): string[] {
  if (!/[*?]/.test(pattern)) return host.fs.isFile(pattern) ? [pattern] : [];
  const dir = pattern.slice(0, pattern.lastIndexOf('/')) || '/';
  if (/[*?]/.test(dir)) return [];
  const re = globToRegExp(pattern.slice(pattern.lastIndexOf('/') + 1));
  return (host.fs.list(dir) ?? [])
    .filter((n) => re.test(n))
    .map((n) => `${dir === '/' ? '' : dir}/${n}`)
    .filter((p) => host.fs.isFile(p))
    .sort();
}

function stamp(host: ProgramHost): string {
  const d = new Date(host.epochMs + host.now() * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

function outputName(o: ShipOutput): string {
  return o.kind === 'http' ? `${o.host}:${o.port}` : o.kind === 'stdout' ? 'stdout' : o.name;
}

function logStart(s: ShipperState, host: ProgramHost, files: string[]): void {
  const t = stamp(host);
  if (s.flavor === 'fluent-bit') {
    host.stdout(`[${t}] [ info] [fluent bit] version=3.1.9, commit=, pid=1`);
    host.stdout(`[${t}] [ info] [input:tail:tail.0] initializing, watching ${s.paths.join(',')}`);
    host.stdout(`[${t}] [ info] [output:${s.output.kind === 'http' ? 'es' : s.output.kind}:0] worker #0 started, sending to ${outputName(s.output)}`);
  } else if (s.flavor === 'fluentd') {
    host.stdout(`${t.replace(/\//g, '-')} +0000 [info]: parsing config file is succeeded path="${files[0] ?? '/fluentd/etc/fluent.conf'}"`);
    host.stdout(`${t.replace(/\//g, '-')} +0000 [info]: following tail of ${s.paths.join(',')}, output to ${outputName(s.output)}`);
  } else {
    host.stdout(JSON.stringify({ 'log.level': 'info', '@timestamp': new Date(host.epochMs + host.now() * 1000).toISOString(), message: `Harvesting ${s.paths.join(',')}; output to ${outputName(s.output)}` }));
  }
}

function logFailure(s: ShipperState, host: ProgramHost, error: string): void {
  const t = stamp(host);
  if (s.flavor === 'fluent-bit') host.stderr(`[${t}] [ warn] [engine] failed to flush chunk, retry in ${SHIP_RETRY_SECONDS} seconds: ${error}`);
  else if (s.flavor === 'fluentd') host.stderr(`${t.replace(/\//g, '-')} +0000 [warn]: failed to flush the buffer. retry_times=0 next_retry_seconds=${SHIP_RETRY_SECONDS} error="${error}"`);
  else host.stderr(JSON.stringify({ 'log.level': 'error', message: `Failed to connect to backoff(elasticsearch(http://${outputName(s.output)})): ${error}` }));
}

/** Runs the shipper until it has to wait: for a file change, or for a retry. */
export function resumeShipper(s: ShipperState, spec: Extract<ProgramSpec, { kind: 'shipper' }>, host: ProgramHost): ShellWait {
  if (!s.started) {
    const cfg = shipperConfig(host.fs, spec, host.argv, host.env);
    s.paths = cfg.paths;
    s.readFromHead = cfg.readFromHead;
    s.output = cfg.output;
    s.started = true;
    logStart(s, host, cfg.files);
    if (!s.readFromHead) for (const p of s.paths.flatMap((g) => expandPath(host, g))) s.offsets[p] = (host.fs.read(p) ?? '').length;
  }
  // new complete lines of every followed file (a file that appears later is read from its start)
  for (const path of s.paths.flatMap((g) => expandPath(host, g))) {
    const text = host.fs.read(path) ?? '';
    let at = s.offsets[path] ?? 0;
    if (text.length < at) at = 0; // truncated or replaced
    const end = text.lastIndexOf('\n') + 1;
    if (end <= at) {
      s.offsets[path] = at;
      continue;
    }
    const lines = text.slice(at, end - 1).split('\n');
    s.offsets[path] = end;
    host.read(path, lines);
    s.pending.push(...lines);
  }
  if (s.pending.length > SHIP_BUFFER_LINES) s.pending.splice(0, s.pending.length - SHIP_BUFFER_LINES);
  const out = s.output;
  if (out.kind === 'stdout') {
    for (const l of s.pending) host.stdout(l);
    s.shipped += s.pending.length;
    s.pending = [];
  } else {
    while (s.pending.length) {
      const r = host.ship(out, s.pending[0]);
      if (!r.arrived) {
        logFailure(s, host, r.error ?? 'no answer');
        s.failing = true;
        return { kind: 'sleep', seconds: SHIP_RETRY_SECONDS };
      }
      s.pending.shift();
      s.shipped++;
      s.failing = false;
    }
  }
  return { kind: 'file', path: s.paths[0] ?? '/var/log' };
}
