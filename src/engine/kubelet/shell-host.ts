/**
 * The world a shell program sees from inside its container: the container's files,
 * its environment, cluster DNS (Services) and HTTP to Services, pods or localhost.
 */
import type { Engine } from '../runtime/engine';
import type { ContainerRuntime, InstanceRuntime, PodRuntime } from './pod-runtime';
import type { ShellHost } from '../apps/shell';
import { httpAnswer } from '../apps/app-behaviour';
import { EPOCH_MS } from '../runtime/engine';
import { routeRequest } from '../traffic/route-request';

export interface HostOutput {
  stdout(line: string): void;
  stderr(line: string): void;
}

const SVC_SUFFIXES = ['', '.default', '.default.svc', '.default.svc.cluster.local'];

export function lookupService(eng: Engine, name: string) {
  for (const suffix of SVC_SUFFIXES) {
    if (suffix && !name.endsWith(suffix)) continue;
    const base = suffix ? name.slice(0, -suffix.length) : name;
    const svc = eng.services.get(base);
    if (svc) return svc;
  }
  return undefined;
}

/** An HTTP GET from inside a pod, as wget/curl would make it. */
export function httpFromPod(eng: Engine, from: PodRuntime, url: string): { ok: true; status: number; body: string } | { ok: false; error: string } {
  const m = /^(?:(https?):\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url.trim());
  if (!m) return { ok: false, error: `bad address '${url}'` };
  const host = m[2];
  const port = m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80;
  const path = m[4] ?? '/';
  const t = eng.now();
  // localhost: the pod's own containers share one network namespace
  if (host === 'localhost' || host === '127.0.0.1') {
    return answerFromPod(eng, from, port, path, t, `${host}:${port}`);
  }
  const svc = lookupService(eng, host) ?? [...eng.services.values()].find((s) => s.spec.clusterIP === host);
  if (svc) {
    const r = routeRequest(eng, svc, port, path, t);
    if (r.kind === 'ok') return { ok: true, status: r.status, body: '' };
    if (r.kind === 'status') return { ok: true, status: r.status, body: '' };
    if (r.kind === 'no-port') return { ok: false, error: `can't connect to remote host (${svc.spec.clusterIP}): Connection refused` };
    return { ok: false, error: r.kind === 'timeout' ? 'download timed out' : `can't connect to remote host (${svc.spec.clusterIP}): Connection refused` };
  }
  const target = [...eng.pods.values()].find((p) => p.obj.status.podIP === host && !p.deleted);
  if (target) return answerFromPod(eng, target, port, path, t, `${host}:${port}`);
  if (/^[0-9.]+$/.test(host) || host.endsWith('.local') || host.endsWith('.svc')) return { ok: false, error: `bad address '${host}'` };
  // anything else is "the internet", which answers
  return { ok: true, status: 200, body: '' };
}

function answerFromPod(eng: Engine, pod: PodRuntime, port: number, path: string, t: number, where: string) {
  for (const c of pod.containers) {
    const inst = c.current;
    if (!inst || c.actor.getSnapshot().value !== 'Running') continue;
    if (c.behaviour.ports !== null && !c.behaviour.ports.includes(port) && !(String(port) in inst.overrides.tcp)) continue;
    const { answer } = httpAnswer(c.behaviour, inst.overrides, inst.startedAt, path, port, t);
    if (answer.kind === 'status') return { ok: true as const, status: answer.status, body: '' };
    if (answer.kind === 'timeout') return { ok: false as const, error: 'download timed out' };
  }
  void eng;
  return { ok: false as const, error: `can't connect to remote host (${where.split(':')[0]}): Connection refused` };
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

export function makeShellHost(eng: Engine, pod: PodRuntime, c: ContainerRuntime, inst: InstanceRuntime, out: HostOutput): ShellHost {
  return {
    now: () => eng.now(),
    epochMs: EPOCH_MS,
    hostname: pod.name,
    env: containerEnv(eng, pod, c),
    fs: {
      read: (p) => inst.fs.read(p),
      write: (p, d, a) => inst.fs.write(p, d, a),
      remove: (p) => inst.fs.remove(p),
      exists: (p) => inst.fs.exists(p),
      isDir: (p) => inst.fs.isDir(p),
      mkdirp: (p) => inst.fs.mkdirp(p),
      list: (p) => inst.fs.list(p),
    },
    stdout: (l) => out.stdout(l),
    stderr: (l) => out.stderr(l),
    nslookup: (name) => {
      const svc = lookupService(eng, name);
      if (!svc) return { ok: false };
      return { ok: true, address: svc.spec.clusterIP ?? '', fqdn: `${svc.metadata.name}.default.svc.cluster.local` };
    },
    http: (url) => httpFromPod(eng, pod, url),
  };
}
