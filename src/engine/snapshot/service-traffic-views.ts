/**
 * SimSnapshot.traffic made incrementally: a client whose counters, rate and routes are
 * as at the last snapshot keeps its ServiceTraffic object, and its routes list is kept
 * while the same pods answer the same way (it has one entry per endpoint, so 1,000 of
 * them behind a big Service).
 */
import type { ServiceTraffic } from '../simulation-api';
import type { ClientState } from '../traffic/service-traffic';

type Route = ServiceTraffic['routes'][number];

function sameRoutes(a: readonly Route[], b: ClientState['routes'], share: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].pod !== b[i].pod || a[i].ok !== b[i].ok || a[i].share !== share) return false;
  return true;
}

export class ServiceTrafficViews {
  private list: ServiceTraffic[] = [];

  /** each client's counters and current routes (settled and routed by the caller), at `now` */
  of(clients: readonly ClientState[], now: number): ServiceTraffic[] {
    const prev = this.list;
    let changed = prev.length !== clients.length;
    const out = clients.map((cl, i) => {
      const old = prev[i] as ServiceTraffic | undefined;
      const rps = now >= cl.spec.from && now < (cl.spec.to ?? Infinity) ? cl.spec.rps : 0;
      const share = 1 / Math.max(1, cl.routes.length);
      const routes = old && sameRoutes(old.routes, cl.routes, share) ? old.routes : cl.routes.map((r) => ({ pod: r.pod, share, ok: r.ok }));
      if (old && old.service === cl.spec.service && old.ok === cl.ok && old.failed === cl.failed && old.rps === rps && old.routes === routes) return old;
      changed = true;
      return { service: cl.spec.service, ok: cl.ok, failed: cl.failed, rps, routes };
    });
    if (!changed) return prev;
    this.list = out;
    return out;
  }
}
