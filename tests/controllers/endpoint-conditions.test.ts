import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { podToEndpointConditions, shouldPodBeInEndpoints } from '../../src/engine/controllers/endpoint-conditions';
import { reconcileEndpointSlices } from '../../src/engine/controllers/endpointslice-controller';
import { pod, service, counter } from './fixtures';

describe('podToEndpointConditions (endpointslice utils.go podToEndpoint)', () => {
  const table: { name: string; ready: boolean; deleting: boolean; pna: boolean; want: [boolean, boolean, boolean] }[] = [
    { name: 'ready pod', ready: true, deleting: false, pna: false, want: [true, true, false] },
    { name: 'unready pod', ready: false, deleting: false, pna: false, want: [false, false, false] },
    { name: 'ready, terminating', ready: true, deleting: true, pna: false, want: [false, true, true] },
    { name: 'unready, terminating', ready: false, deleting: true, pna: false, want: [false, false, true] },
    { name: 'unready, publishNotReadyAddresses', ready: false, deleting: false, pna: true, want: [true, false, false] },
    { name: 'terminating, publishNotReadyAddresses', ready: true, deleting: true, pna: true, want: [true, true, true] },
  ];
  for (const row of table) {
    it(row.name, () => {
      const c = podToEndpointConditions(
        pod({ name: 'p', ready: row.ready, deleting: row.deleting }),
        service('web', { publishNotReadyAddresses: row.pna }),
      );
      expect([c.ready, c.serving, c.terminating]).toEqual(row.want);
    });
  }

  it('a pod without a Ready condition is not serving', () => {
    const p = pod({ name: 'p' });
    p.status.conditions = [];
    expect(podToEndpointConditions(p, service())).toEqual({ ready: false, serving: false, terminating: false });
  });
});

describe('shouldPodBeInEndpoints (util/controller_utils.go)', () => {
  it('needs a pod IP', () => {
    expect(shouldPodBeInEndpoints(pod({ name: 'p', ip: null }), true)).toBe(false);
    expect(shouldPodBeInEndpoints(pod({ name: 'p' }), true)).toBe(true);
  });
  it('drops terminal phases', () => {
    expect(shouldPodBeInEndpoints(pod({ name: 'p', phase: 'Succeeded' }), true)).toBe(false);
    expect(shouldPodBeInEndpoints(pod({ name: 'p', phase: 'Failed' }), true)).toBe(false);
    expect(shouldPodBeInEndpoints(pod({ name: 'p', phase: 'Pending', ready: false }), true)).toBe(true);
  });
  it('includes terminating pods only when asked', () => {
    const p = pod({ name: 'p', deleting: true });
    expect(shouldPodBeInEndpoints(p, true)).toBe(true);
    expect(shouldPodBeInEndpoints(p, false)).toBe(false);
  });
  it('keeps unready pods (they show as ready:false)', () => {
    expect(shouldPodBeInEndpoints(pod({ name: 'p', ready: false }), false)).toBe(true);
  });
});

describe('property: readiness never leaks into endpoints', () => {
  it('an endpoint is ready only if its pod is Ready and not terminating, unless publishNotReadyAddresses', () => {
    const podArb = fc.record({
      ready: fc.boolean(),
      deleting: fc.boolean(),
      phase: fc.constantFrom('Pending', 'Running', 'Succeeded', 'Failed', 'Unknown' as const),
      hasIp: fc.boolean(),
      matches: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(podArb, { maxLength: 30 }), fc.boolean(), (specs, pna) => {
        const pods = specs.map((s, i) =>
          pod({
            name: `p${String(i).padStart(2, '0')}`,
            ready: s.ready,
            deleting: s.deleting,
            phase: s.phase,
            ip: s.hasIp ? `10.0.0.${i + 1}` : null,
            labels: { app: s.matches ? 'web' : 'other' },
          }),
        );
        const svc = service('web', { publishNotReadyAddresses: pna });
        const slices = reconcileEndpointSlices(svc, pods, [], { now: 0, newName: counter('x'), newUid: counter('u') });
        const byName = new Map(pods.map((p) => [p.metadata.name, p]));
        for (const s of slices) {
          for (const ep of s.endpoints) {
            const p = byName.get(ep.targetRef.name)!;
            const podReady = p.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
            if (!pna) {
              expect(!ep.conditions.ready || (podReady && p.metadata.deletionTimestamp === undefined)).toBe(true);
            } else {
              expect(ep.conditions.ready).toBe(true);
            }
            expect(ep.conditions.serving).toBe(podReady);
            // never a selector miss, a terminal pod or an IP-less pod
            expect(p.metadata.labels.app).toBe('web');
            expect(['Succeeded', 'Failed']).not.toContain(p.status.phase);
            expect(ep.addresses).toEqual([p.status.podIP]);
          }
        }
        const listed = slices.reduce((n, s) => n + s.endpoints.length, 0);
        const eligible = pods.filter(
          (p) => p.metadata.labels.app === 'web' && p.status.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed',
        ).length;
        expect(listed).toBe(eligible);
      }),
      { numRuns: 300 },
    );
  });
});
