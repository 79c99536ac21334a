/**
 * Clients sending requests to Services at a steady rate (the scenario's `traffic`).
 * Requests are not simulated one by one: between two changes of routing, each
 * endpoint's share of the requests and its answer are counted arithmetically,
 * so 50 requests per second cost nothing while nothing changes.
 * Request k of a client leaves at from + k/rps; endpoints take turns (k mod n).
 */
import type { Engine } from '../runtime/engine';
import type { TrafficSpec } from '../../scenario/model';
import { endpointAnswer, serviceEndpoints } from './route-request';

export interface ClientState {
  spec: TrafficSpec;
  /** index of the next request not yet counted */
  next: number;
  ok: number;
  failed: number;
  perPod: Record<string, { ok: number; failed: number }>;
  /** where requests go right now */
  routes: { pod: string; ok: boolean }[];
}

export function newClients(specs: TrafficSpec[]): ClientState[] {
  return specs.map((spec) => ({ spec, next: 0, ok: 0, failed: 0, perPod: {}, routes: [] }));
}

/** index of the first request leaving at or after t */
function indexAt(spec: TrafficSpec, t: number): number {
  if (t <= spec.from) return 0;
  return Math.ceil((t - spec.from) * spec.rps - 1e-9);
}

/** how many integers k in [a, b) have k mod n == i */
function countResidue(a: number, b: number, n: number, i: number): number {
  if (b <= a) return 0;
  const f = (x: number) => Math.floor((x - 1 - i) / n);
  return f(b) - f(a);
}

/** Count every request that left before `now` with the routing in force since the last settle. */
export function settleTraffic(eng: Engine, clients: ClientState[], now: number): void {
  for (const cl of clients) {
    const spec = cl.spec;
    const svc = eng.services.get(spec.service);
    const end = Math.min(now, spec.to ?? Infinity, eng.scenario.duration + 1e9);
    const last = indexAt(spec, end); // requests [cl.next, last) are due
    if (last > cl.next) {
      const eps = svc ? serviceEndpoints(eng, svc) : [];
      const port = svc?.spec.ports?.[0]?.port ?? 80;
      if (!eps.length) {
        cl.failed += last - cl.next;
      } else {
        const n = eps.length;
        eps.forEach((ep, i) => {
          const pod = eng.pods.get(ep.targetRef.name);
          const tally = (cl.perPod[ep.targetRef.name] ??= { ok: 0, failed: 0 });
          // walk the pieces where this endpoint's answer stays the same
          let a = cl.next;
          while (a < last) {
            const t = spec.from + a / spec.rps;
            const ans = pod && svc ? endpointAnswer(eng, svc, pod, port, spec.path, t) : { outcome: { kind: 'refused' as const }, until: Infinity };
            const b = Math.min(last, Number.isFinite(ans.until) ? Math.max(a + 1, indexAt(spec, ans.until)) : last);
            const count = countResidue(a, b, n, i);
            if (ans.outcome.kind === 'ok') {
              cl.ok += count;
              tally.ok += count;
            } else {
              cl.failed += count;
              tally.failed += count;
            }
            a = b;
          }
        });
      }
      cl.next = last;
    }
  }
}

/** Where each client's requests go right now, and whether they would be answered (for the renderer). */
export function currentRoutes(eng: Engine, clients: ClientState[], now: number): void {
  for (const cl of clients) {
    const spec = cl.spec;
    const svc = eng.services.get(spec.service);
    if (svc && now >= spec.from && now < (spec.to ?? Infinity)) {
      cl.routes = serviceEndpoints(eng, svc).map((ep) => {
        const pod = eng.pods.get(ep.targetRef.name);
        const ans = pod ? endpointAnswer(eng, svc, pod, svc.spec.ports?.[0]?.port ?? 80, spec.path, now) : null;
        return { pod: ep.targetRef.name, ok: ans?.outcome.kind === 'ok' };
      });
    } else cl.routes = [];
  }
}
