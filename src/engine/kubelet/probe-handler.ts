/**
 * Running one probe against the program in the container (pkg/probe/{http,tcp,exec,grpc}):
 * the result and the output the kubelet puts in the Unhealthy event, plus how long the
 * answer stays the same on its own (so the worker can skip ticks that change nothing).
 */
import type { ContainerRuntime, PodRuntime, ProbeRuntime } from './pod-runtime';
import { httpAnswer, portOpen } from '../apps/app-behaviour';
import { runExec } from './container-exec';
import type { Engine } from '../runtime/engine';

export interface ProbeOutcome {
  result: 'Success' | 'Failure';
  /** probe output: the event message after "<Type> probe failed: " */
  output: string;
  /** the same outcome holds until this time unless something outside changes it */
  until: number;
}

export function resolvePort(c: ContainerRuntime, port: number | string | undefined): number {
  if (typeof port === 'number') return port;
  if (port === undefined) return 0;
  const named = (c.spec.ports ?? []).find((p) => p.name === port);
  if (named) return named.containerPort;
  const n = Number(port);
  return Number.isFinite(n) ? n : 0;
}

function httpUrl(ip: string, scheme: string, host: string | undefined, port: number, path: string): string {
  return `${scheme.toLowerCase()}://${host ?? ip}:${port}${path.startsWith('/') ? path : '/' + path}`;
}

export function evaluateProbe(eng: Engine, pod: PodRuntime, c: ContainerRuntime, pr: ProbeRuntime, t: number): ProbeOutcome {
  const inst = c.current;
  const ip = pod.obj.status.podIP ?? '';
  const spec = pr.spec;
  const timeout = spec.timeoutSeconds;
  if (!inst) return { result: 'Failure', output: '', until: Infinity };
  const o = inst.overrides;
  const b = c.behaviour;
  const forced = o.probes[pr.type];
  const latency = b.spec.latency;
  const timedOut = o.hang || latency > timeout;

  if (spec.httpGet) {
    const port = resolvePort(c, spec.httpGet.port);
    const path = spec.httpGet.path ?? '/';
    const url = () => httpUrl(ip, spec.httpGet!.scheme ?? 'HTTP', spec.httpGet!.host, port, path);
    if (forced === 'pass') return { result: 'Success', output: '', until: Infinity };
    if (forced === 'fail') return { result: 'Failure', output: 'HTTP probe failed with statuscode: 500', until: Infinity };
    const { answer, until } = httpAnswer(b, o, inst.startedAt, path, port, t);
    if (answer.kind === 'timeout' || (timedOut && answer.kind !== 'refused'))
      return { result: 'Failure', output: `Get "${url()}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, until };
    if (answer.kind === 'refused')
      return { result: 'Failure', output: `Get "${url()}": dial tcp ${spec.httpGet.host ?? ip}:${port}: connect: connection refused`, until };
    // pkg/probe/http/http.go: 200 <= code < 400 is success
    if (answer.status >= 200 && answer.status < 400) return { result: 'Success', output: '', until };
    return { result: 'Failure', output: `HTTP probe failed with statuscode: ${answer.status}`, until };
  }
  if (spec.tcpSocket) {
    const port = resolvePort(c, spec.tcpSocket.port);
    const host = spec.tcpSocket.host ?? ip;
    if (forced === 'pass') return { result: 'Success', output: '', until: Infinity };
    const { open, until } = portOpen(b, o, inst.startedAt, port, t);
    if (forced === 'fail' || !open) return { result: 'Failure', output: `dial tcp ${host}:${port}: connect: connection refused`, until: forced ? Infinity : until };
    if (o.hang) return { result: 'Failure', output: `dial tcp ${host}:${port}: i/o timeout`, until };
    return { result: 'Success', output: '', until };
  }
  if (spec.grpc) {
    const port = spec.grpc.port;
    if (forced === 'pass') return { result: 'Success', output: '', until: Infinity };
    if (forced === 'fail') return { result: 'Failure', output: 'service unhealthy (responded with "NOT_SERVING")', until: Infinity };
    const { open, until } = portOpen(b, o, inst.startedAt, port, t);
    if (!open) return { result: 'Failure', output: `timeout: failed to connect service "${ip}:${port}" within ${timeout}s`, until };
    if (timedOut) return { result: 'Failure', output: `timeout: health rpc did not complete within ${timeout}s`, until };
    const svc = spec.grpc.service ?? '';
    const { answer, until: u2 } = httpAnswer(b, o, inst.startedAt, svc ? `grpc:${svc}` : 'grpc', port, t);
    if (answer.kind === 'status' && answer.status >= 400)
      return { result: 'Failure', output: 'service unhealthy (responded with "NOT_SERVING")', until: Math.min(until, u2) };
    return { result: 'Success', output: '', until: Math.min(until, u2) };
  }
  if (spec.exec) {
    const argv = spec.exec.command ?? [];
    if (forced === 'pass') return { result: 'Success', output: '', until: Infinity };
    if (forced === 'fail') return { result: 'Failure', output: '', until: Infinity };
    if (o.hang) return { result: 'Failure', output: `command timed out: "${argv.join(' ')}" timed out after ${timeout}s`, until: Infinity };
    const r = runExec(eng, pod, c, argv, { probe: true, timeout });
    if (r.timedOut) return { result: 'Failure', output: `command timed out: "${argv.join(' ')}" timed out after ${timeout}s`, until: Infinity };
    // exec probe output is the command's combined stdout and stderr (pkg/probe/exec/exec.go)
    const output = [...r.stdout, ...r.stderr].join('\n');
    return { result: r.exitCode === 0 ? 'Success' : 'Failure', output: r.exitCode === 0 ? '' : output, until: r.until };
  }
  return { result: 'Success', output: '', until: Infinity };
}

/** "http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3" (kubectl describe) */
export function describeProbe(c: ContainerRuntime, pr: ProbeRuntime): string {
  const s = pr.spec;
  const tail = `delay=${s.initialDelaySeconds}s timeout=${s.timeoutSeconds}s period=${s.periodSeconds}s #success=${s.successThreshold} #failure=${s.failureThreshold}`;
  if (s.httpGet) return `http-get ${(s.httpGet.scheme ?? 'HTTP').toLowerCase()}://${s.httpGet.host ?? ''}:${s.httpGet.port}${s.httpGet.path ?? '/'} ${tail}`;
  if (s.tcpSocket) return `tcp-socket ${s.tcpSocket.host ?? ''}:${s.tcpSocket.port} ${tail}`;
  if (s.grpc) return `grpc <pod>:${s.grpc.port} ${s.grpc.service ?? ''} ${tail}`.replace('  ', ' ');
  if (s.exec) return `exec [${(s.exec.command ?? []).join(' ')}] ${tail}`;
  return tail;
}
