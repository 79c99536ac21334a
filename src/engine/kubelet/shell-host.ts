/**
 * The world a program sees from inside its container: the container's files, its
 * environment, cluster DNS (Services) and HTTP to Services, pods or localhost. Requests
 * to a proxy on localhost (an ambassador) go on to its configured upstream. What moves
 * between containers and Services is recorded as data flows on the instance that
 * caused it (src/engine/flows).
 */
import type { Engine } from '../runtime/engine';
import type { ContainerRuntime, InstanceRuntime, PodRuntime } from './pod-runtime';
import type { ShellHost } from '../apps/shell';
import { httpAnswer } from '../apps/app-behaviour';
import { EPOCH_MS } from '../runtime/engine';
import { routeRequest } from '../traffic/route-request';
import { findPort } from '../controllers/find-port';
import { recordFlow, type Flow, type FlowEnd } from '../flows';
import { programBody } from '../apps/programs/response-body';
import { proxyRoutes } from '../apps/programs/proxy-config';
import { documentCounts, storeDocument } from '../apps/programs/elasticsearch';
import type { ProgramHost } from '../apps/programs/program-host';
import type { ShipOutput } from '../apps/programs/shipper-config';

export interface HostOutput {
  stdout(line: string): void;
  stderr(line: string): void;
}

const SVC_SUFFIXES = ['', '.default', '.default.svc', '.default.svc.cluster.local'];
/** an ambassador forwarding to another ambassador... stops here */
const MAX_PROXY_HOPS = 4;

export function lookupService(eng: Engine, name: string) {
  for (const suffix of SVC_SUFFIXES) {
    if (suffix && !name.endsWith(suffix)) continue;
    const base = suffix ? name.slice(0, -suffix.length) : name;
    const svc = eng.services.get(base);
    if (svc) return svc;
  }
  return undefined;
}

export type HttpResult = { ok: true; status: number; body: string } | { ok: false; error: string };

/** who asks, for the data flows; absent for probes (they move no application data) */
export interface Requester {
  pod: PodRuntime;
  container: ContainerRuntime;
  inst: InstanceRuntime;
}

interface Hop {
  result: HttpResult;
  /** where the request ended up */
  to: FlowEnd;
  /** the ambassador it went through, when it was a proxied localhost request */
  via?: FlowEnd;
}

function containerEnd(pod: PodRuntime, c: ContainerRuntime): FlowEnd {
  return { kind: 'container', pod: pod.name, container: c.name };
}

function parseUrl(url: string): { scheme?: string; host: string; port: number; path: string } | null {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url.trim());
  if (!m) return null;
  return { scheme: m[1], host: m[2], port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] ?? '/' };
}

/** An HTTP GET from inside a pod, as wget/curl would make it. */
export function httpFromPod(eng: Engine, from: PodRuntime, url: string, requester?: Requester): HttpResult {
  const hop = request(eng, from, url, 0);
  if (requester) {
    const r = hop.result;
    const flow: Flow = {
      t: eng.now(),
      kind: hop.via ? 'proxy' : 'request',
      from: containerEnd(requester.pod, requester.container),
      to: hop.to,
      ...(hop.via ? { via: hop.via } : {}),
      what: `GET ${parseUrl(url)?.path ?? url}`,
      arrived: r.ok && r.status < 500,
    };
    recordFlow(requester.inst, flow);
  }
  return hop.result;
}

function request(eng: Engine, from: PodRuntime, url: string, depth: number): Hop {
  const u = parseUrl(url);
  if (!u) return { result: { ok: false, error: `bad address '${url}'` }, to: { kind: 'external', host: url } };
  const { host, port, path } = u;
  const t = eng.now();
  // localhost: the pod's own containers share one network namespace
  if (host === 'localhost' || host === '127.0.0.1') return answerFromPod(eng, from, port, path, t, host, depth);
  const svc = lookupService(eng, host) ?? [...eng.services.values()].find((s) => s.spec.clusterIP === host);
  if (svc) {
    const name = svc.metadata.name;
    const r = routeRequest(eng, svc, port, path, t);
    if (r.kind === 'ok' || r.kind === 'status') {
      const pod = eng.pods.get(r.pod);
      const sp = (svc.spec.ports ?? []).find((p) => p.port === port) ?? (svc.spec.ports ?? [])[0];
      const target = pod && sp ? findPort(pod.obj, sp) : undefined;
      const body = pod && target !== undefined ? bodyOf(eng, pod, target, path, depth) : '';
      return { result: { ok: true, status: r.status, body }, to: { kind: 'service', name, pod: r.pod } };
    }
    const to: FlowEnd = { kind: 'service', name, ...(r.kind !== 'no-port' && r.pod ? { pod: r.pod } : {}) };
    if (r.kind === 'timeout') return { result: { ok: false, error: 'download timed out' }, to };
    return { result: { ok: false, error: `can't connect to remote host (${svc.spec.clusterIP}): Connection refused` }, to };
  }
  const target = [...eng.pods.values()].find((p) => p.obj.status.podIP === host && !p.deleted);
  if (target) {
    const hop = answerFromPod(eng, target, port, path, t, host, depth);
    return { ...hop, to: { kind: 'pod', name: target.name } };
  }
  if (/^[0-9.]+$/.test(host) || host.endsWith('.local') || host.endsWith('.svc')) return { result: { ok: false, error: `bad address '${host}'` }, to: { kind: 'external', host } };
  // anything else is "the internet", which answers
  return { result: { ok: true, status: 200, body: '' }, to: { kind: 'external', host } };
}

function listensOn(c: ContainerRuntime, inst: InstanceRuntime, port: number): boolean {
  if (c.behaviour.ports === null || c.behaviour.ports.includes(port) || String(port) in inst.overrides.tcp) return true;
  const prog = c.behaviour.program;
  return prog?.kind === 'proxy' && proxyRoutes(inst.fs, prog.flavor, argvOf(c)).some((r) => r.listen === port);
}

function argvOf(c: ContainerRuntime): string[] {
  return [...(c.spec.command ?? []), ...(c.spec.args ?? [])];
}

function answerFromPod(eng: Engine, pod: PodRuntime, port: number, path: string, t: number, host: string, depth: number): Hop {
  for (const c of pod.containers) {
    const inst = c.current;
    if (!inst || c.actor.getSnapshot().value !== 'Running') continue;
    if (!listensOn(c, inst, port)) continue;
    const here = containerEnd(pod, c);
    const prog = c.behaviour.program;
    if (prog?.kind === 'proxy' && !inst.overrides.hang) {
      const route = proxyRoutes(inst.fs, prog.flavor, argvOf(c)).find((r) => r.listen === port);
      if (route) {
        if (depth >= MAX_PROXY_HOPS) return { result: { ok: true, status: 508, body: '' }, to: here };
        const up = request(eng, pod, joinUrl(route.upstream, path), depth + 1);
        // a proxy answers 502 when its upstream cannot be reached
        const result: HttpResult = up.result.ok ? up.result : { ok: true, status: 502, body: '' };
        return { result, to: up.to, via: here };
      }
    }
    const { answer } = httpAnswer(c.behaviour, inst.overrides, inst.startedAt, path, port, t);
    if (answer.kind === 'status') return { result: { ok: true, status: answer.status, body: bodyOf(eng, pod, port, path, depth) }, to: here };
    if (answer.kind === 'timeout') return { result: { ok: false, error: 'download timed out' }, to: here };
  }
  return { result: { ok: false, error: `can't connect to remote host (${host}): Connection refused` }, to: { kind: 'pod', name: pod.name } };
}

function joinUrl(upstream: string, path: string): string {
  const m = /^((?:[a-z]+:\/\/)?[^/]+)(\/.*)?$/.exec(upstream);
  if (!m) return upstream;
  // proxy_pass with a path replaces the location prefix; podsim keeps the request's path after it
  const base = (m[2] ?? '').replace(/\/$/, '');
  return `${m[1]}${base}${path}`;
}

/** the body a pod's program answers on `port` for `path` */
function bodyOf(eng: Engine, pod: PodRuntime, port: number, path: string, depth: number): string {
  for (const c of pod.containers) {
    const inst = c.current;
    if (!inst || c.actor.getSnapshot().value !== 'Running' || !listensOn(c, inst, port)) continue;
    const prog = c.behaviour.program;
    if (prog?.kind === 'proxy') {
      const route = proxyRoutes(inst.fs, prog.flavor, argvOf(c)).find((r) => r.listen === port);
      if (route && depth < MAX_PROXY_HOPS) {
        const up = request(eng, pod, joinUrl(route.upstream, path), depth + 1).result;
        return up.ok ? up.body : '';
      }
    }
    if (prog?.kind === 'kibana') return kibanaBody(eng, pod, c, path, depth);
    return programBody({ program: prog, fs: inst.fs, podName: pod.name, wallMs: EPOCH_MS + eng.now() * 1000, port }, path);
  }
  return '';
}

/** Kibana shows what its Elasticsearch holds (ELASTICSEARCH_HOSTS, default http://elasticsearch:9200) */
function kibanaBody(eng: Engine, pod: PodRuntime, c: ContainerRuntime, path: string, depth: number): string {
  if (path.startsWith('/api/status')) return '{"status":{"overall":{"level":"available","summary":"All services are available"}}}\n';
  const env = containerEnv(eng, pod, c);
  const es = (env.ELASTICSEARCH_HOSTS ?? env.ELASTICSEARCH_URL ?? 'http://elasticsearch:9200').replace(/^\[|\]$/g, '').split(',')[0].replace(/["']/g, '');
  const r = request(eng, pod, joinUrl(es, '/_count'), depth + 1).result;
  const n = r.ok ? /"count":(\d+)/.exec(r.body)?.[1] : undefined;
  return n === undefined ? `Kibana server is not ready yet: Unable to retrieve version information from Elasticsearch nodes (${es})\n` : `Kibana: ${n} documents in Elasticsearch (${es})\n`;
}

/** deliver one log line to a shipper's output; stores it when an Elasticsearch answers */
function ship(eng: Engine, pod: PodRuntime, c: ContainerRuntime, inst: InstanceRuntime, out: Exclude<ShipOutput, { kind: 'stdout' }>, line: string): { arrived: boolean; error?: string } {
  const from = containerEnd(pod, c);
  const t = eng.now();
  if (out.kind === 'external') {
    recordFlow(inst, { t, kind: 'ship', from, to: { kind: 'external', host: out.name }, what: line, arrived: true });
    return { arrived: true };
  }
  const u = `http://${out.host}:${out.port}/${out.index}/_doc`;
  const hop = request(eng, pod, u, 0);
  let arrived = hop.result.ok && hop.result.status < 500;
  let error = hop.result.ok ? `HTTP status=${hop.result.status}` : hop.result.error;
  if (arrived) {
    const target = hop.to.kind === 'service' && hop.to.pod ? eng.pods.get(hop.to.pod) : hop.to.kind === 'pod' ? eng.pods.get(hop.to.name) : hop.to.kind === 'container' ? eng.pods.get(hop.to.pod) : undefined;
    const es = target?.containers.find((x) => x.behaviour.program?.kind === 'elasticsearch' && x.current && x.actor.getSnapshot().value === 'Running');
    if (es?.current && !storeDocument(es.current.fs, out.index, line)) {
      arrived = false;
      error = 'index is read-only';
    }
  }
  recordFlow(inst, { t, kind: 'ship', from, to: hop.to, what: line, arrived });
  return arrived ? { arrived } : { arrived, error };
}

/** Documents an Elasticsearch pod holds, per index (for tests and the inspector). */
export function elasticsearchDocuments(eng: Engine, podName: string): Record<string, number> {
  const pod = eng.pods.get(podName);
  const c = pod?.containers.find((x) => x.behaviour.program?.kind === 'elasticsearch');
  return c?.current ? documentCounts(c.current.fs) : {};
}

export function containerEnv(eng: Engine, pod: PodRuntime, c: ContainerRuntime): Record<string, string> {
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOSTNAME: pod.name,
    HOME: '/root',
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
  };
  for (const from of c.spec.envFrom ?? []) {
    const src = from.configMapRef ? eng.configMaps.get(from.configMapRef.name ?? '') : from.secretRef ? eng.secrets.get(from.secretRef.name ?? '') : undefined;
    if (src) for (const [k, v] of Object.entries(src.data)) env[(from.prefix ?? '') + k] = v;
  }
  for (const e of c.spec.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, n) => env[n] ?? all);
    else if (e.valueFrom?.configMapKeyRef) env[e.name] = eng.configMaps.get(e.valueFrom.configMapKeyRef.name ?? '')?.data[e.valueFrom.configMapKeyRef.key] ?? '';
    else if (e.valueFrom?.secretKeyRef) env[e.name] = eng.secrets.get(e.valueFrom.secretKeyRef.name ?? '')?.data[e.valueFrom.secretKeyRef.key] ?? '';
    else if (e.valueFrom?.fieldRef) {
      const f = e.valueFrom.fieldRef.fieldPath;
      env[e.name] =
        f === 'metadata.name' ? pod.name : f === 'metadata.namespace' ? 'default' : f === 'status.podIP' ? pod.obj.status.podIP ?? '' : f === 'spec.nodeName' ? pod.obj.spec.nodeName ?? '' : f === 'status.hostIP' ? pod.obj.status.hostIP ?? '' : '';
    } else env[e.name] = '';
  }
  return env;
}

/** the last non-empty line of a text */
function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines[lines.length - 1] ?? '';
}

interface SeenCarrier {
  /** per shared file: a signature of what this instance last read of it */
  seenFiles?: Readonly<Record<string, string>>;
}

/**
 * Flow bookkeeping of one resume of a program: reads of what another container wrote
 * on a shared volume, writes to shared volumes, and — when the program read something
 * and then produced output of another form in the same resume — an adapter's transform.
 */
export class FlowTap {
  private consumed: { from: string; line: string } | null = null;
  private adapted = false;

  constructor(
    private eng: Engine,
    private pod: PodRuntime,
    private c: ContainerRuntime,
    private inst: InstanceRuntime,
  ) {}

  private get me(): FlowEnd {
    return containerEnd(this.pod, this.c);
  }

  /** a read of `path` returned `text` */
  read(path: string, text: string | undefined): void {
    if (text === undefined) return;
    const shared = this.inst.fs.sharedVolume(path);
    const writer = shared?.volume.writers?.[shared.rel];
    if (!shared || !writer || writer === this.c.name) return;
    const carrier = this.inst as InstanceRuntime & SeenCarrier;
    const sig = `${text.length}:${text.slice(-80)}`;
    if (carrier.seenFiles?.[path] === sig) return;
    carrier.seenFiles = { ...carrier.seenFiles, [path]: sig };
    const line = lastLine(text);
    if (!line) return;
    recordFlow(this.inst, { t: this.eng.now(), kind: 'read', from: { kind: 'container', pod: this.pod.name, container: writer }, to: this.me, what: line, arrived: true });
    this.consumed = { from: writer, line };
  }

  /** `data` was written to `path` */
  wrote(path: string, data: string): void {
    const shared = this.inst.fs.sharedVolume(path);
    if (shared && !shared.readOnly) {
      (shared.volume.writers ??= {})[shared.rel] = this.c.name;
      const line = lastLine(data);
      if (line) recordFlow(this.inst, { t: this.eng.now(), kind: 'write', from: this.me, to: { kind: 'file', pod: this.pod.name, path }, what: line, arrived: true });
    }
    this.output(data);
  }

  /** the program produced output (its log, or a file) */
  output(text: string): void {
    if (!this.consumed || this.adapted) return;
    const line = lastLine(text);
    if (!line || line === this.consumed.line || this.consumed.line.includes(line)) return;
    this.adapted = true;
    recordFlow(this.inst, {
      t: this.eng.now(),
      kind: 'adapt',
      from: { kind: 'container', pod: this.pod.name, container: this.consumed.from },
      to: this.me,
      what: `${this.consumed.line} → ${line}`,
      arrived: true,
    });
  }
}

export function makeShellHost(eng: Engine, pod: PodRuntime, c: ContainerRuntime, inst: InstanceRuntime, out: HostOutput, opts: { flows?: boolean } = {}): ShellHost {
  const tap = opts.flows === false ? null : new FlowTap(eng, pod, c, inst);
  return {
    now: () => eng.now(),
    epochMs: EPOCH_MS,
    hostname: pod.name,
    env: containerEnv(eng, pod, c),
    fs: {
      read: (p) => {
        const text = inst.fs.read(p);
        tap?.read(p, text);
        return text;
      },
      write: (p, d, a) => {
        const err = inst.fs.write(p, d, a);
        if (err === null) tap?.wrote(p, d);
        return err;
      },
      remove: (p) => inst.fs.remove(p),
      exists: (p) => inst.fs.exists(p),
      isDir: (p) => inst.fs.isDir(p),
      mkdirp: (p) => inst.fs.mkdirp(p),
      list: (p) => inst.fs.list(p),
    },
    stdout: (l) => {
      tap?.output(l);
      out.stdout(l);
    },
    stderr: (l) => out.stderr(l),
    nslookup: (name) => {
      const svc = lookupService(eng, name);
      if (!svc) return { ok: false };
      return { ok: true, address: svc.spec.clusterIP ?? '', fqdn: `${svc.metadata.name}.default.svc.cluster.local` };
    },
    http: (url) => httpFromPod(eng, pod, url, tap ? { pod, container: c, inst } : undefined),
  };
}

/** The host of a native program (a log shipper) of one container instance. */
export function makeProgramHost(eng: Engine, pod: PodRuntime, c: ContainerRuntime, inst: InstanceRuntime, out: HostOutput): ProgramHost {
  return {
    now: () => eng.now(),
    epochMs: EPOCH_MS,
    fs: inst.fs,
    env: containerEnv(eng, pod, c),
    argv: argvOf(c),
    stdout: (l) => out.stdout(l),
    stderr: (l) => out.stderr(l),
    read: (path, lines) => {
      const shared = inst.fs.sharedVolume(path);
      const writer = shared?.volume.writers?.[shared.rel];
      if (!writer || writer === c.name || !lines.length) return;
      recordFlow(inst, { t: eng.now(), kind: 'read', from: { kind: 'container', pod: pod.name, container: writer }, to: containerEnd(pod, c), what: lines[lines.length - 1], arrived: true });
    },
    ship: (o, line) => ship(eng, pod, c, inst, o, line),
  };
}
