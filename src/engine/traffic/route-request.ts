/**
 * One request to a Service, as kube-proxy routes it: to a ready endpoint (falling
 * back to serving-terminating ones), then answered by whichever container of that
 * pod listens on the target port. Endpoints take turns (a simplification of
 * iptables' random choice, listed in the README).
 */
import type { Engine } from '../runtime/engine';
import type { Endpoint, ServiceObject } from '../model/objects';
import { routableEndpoints } from '../controllers/kube-proxy-routing';
import { findPort } from '../controllers/find-port';
import { httpAnswer } from '../apps/app-behaviour';
import type { PodRuntime } from '../kubelet/pod-runtime';

export type RequestOutcome =
  | { kind: 'ok'; status: number; pod: string }
  | { kind: 'status'; status: number; pod: string }
  | { kind: 'refused'; pod: string | null }
  | { kind: 'timeout'; pod: string }
  | { kind: 'no-port' };


export function serviceEndpoints(eng: Engine, svc: ServiceObject): Endpoint[] {
  return routableEndpoints(eng.slices.get(svc.metadata.name) ?? []);
}

/** the answer of `pod` to a request on the Service's `servicePort` for `path` at `t` */
export function endpointAnswer(eng: Engine, svc: ServiceObject, pod: PodRuntime, servicePort: number, path: string, t: number): { outcome: RequestOutcome; until: number } {
  const sp = (svc.spec.ports ?? []).find((p) => p.port === servicePort) ?? (svc.spec.ports ?? [])[0];
  if (!sp) return { outcome: { kind: 'no-port' }, until: Infinity };
  const target = findPort(pod.obj, sp);
  if (target === undefined) return { outcome: { kind: 'refused', pod: pod.name }, until: Infinity };
  let until = Infinity;
  for (const c of pod.containers) {
    // the instance that was running at t (requests are counted after the fact)
    const inst = instanceAt(c, t);
    if (!inst) continue;
    if (inst.finishedAt !== undefined) until = Math.min(until, inst.finishedAt);
    const listens = c.behaviour.ports === null || c.behaviour.ports.includes(target) || String(target) in inst.overrides.tcp;
    if (!listens) continue;
    const a = httpAnswer(c.behaviour, inst.overrides, inst.startedAt, path, target, t);
    until = Math.min(until, a.until);
    if (a.answer.kind === 'status')
      return { outcome: a.answer.status < 500 ? { kind: 'ok', status: a.answer.status, pod: pod.name } : { kind: 'status', status: a.answer.status, pod: pod.name }, until };
    if (a.answer.kind === 'timeout') return { outcome: { kind: 'timeout', pod: pod.name }, until };
    return { outcome: { kind: 'refused', pod: pod.name }, until };
  }
  return { outcome: { kind: 'refused', pod: pod.name }, until };
}

function instanceAt(c: PodRuntime['containers'][number], t: number) {
  for (const i of [c.current, c.previous]) if (i && i.startedAt <= t && (i.finishedAt === undefined || i.finishedAt > t)) return i;
  return undefined;
}

export function routeRequest(eng: Engine, svc: ServiceObject, port: number, path: string, t: number): RequestOutcome {
  const eps = serviceEndpoints(eng, svc);
  if (!eps.length) return { kind: 'refused', pod: null };
  const i = eng.turns.get(svc.metadata.name) ?? 0;
  eng.turns.set(svc.metadata.name, i + 1);
  const ep = eps[i % eps.length];
  const pod = eng.pods.get(ep.targetRef.name);
  if (!pod) return { kind: 'refused', pod: null };
  return endpointAnswer(eng, svc, pod, port, path, t).outcome;
}
