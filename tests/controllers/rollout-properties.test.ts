import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MiniCluster } from './mini-cluster';
import { deployment, pod, service, counter } from './fixtures';
import { resolveFenceposts } from '../../src/engine/controllers/rolling-update-fenceposts';
import { reconcileEndpointSlices } from '../../src/engine/controllers/endpointslice-controller';
import type { PodObject } from '../../src/engine/model/objects';

const intOrPercent = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom('0%', '10%', '25%', '34%', '50%', '100%'),
);

describe('property: a rolling update respects maxSurge and maxUnavailable at every step', () => {
  it('never more than replicas+maxSurge pods, never fewer than replicas−maxUnavailable available, and it completes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        intOrPercent,
        intOrPercent,
        fc.array(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        (replicas, surgeRaw, unavailRaw, readiness, graceful) => {
          // API validation: maxSurge and maxUnavailable may not both be a literal 0.
          fc.pre(!(surgeRaw === 0 && unavailRaw === 0) && !(surgeRaw === '0%' && unavailRaw === 0) && !(surgeRaw === 0 && unavailRaw === '0%') && !(surgeRaw === '0%' && unavailRaw === '0%'));
          const { maxSurge, maxUnavailable } = resolveFenceposts(surgeRaw, unavailRaw, replicas);
          const unavailable = Math.min(maxUnavailable, replicas);
          const c = new MiniCluster(
            deployment({ replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surgeRaw, maxUnavailable: unavailRaw } } }),
          );
          c.settle();
          c.markReady();
          c.settle();
          c.gracefulDeletion = graceful;

          const check = () => {
            expect(c.activePods().length).toBeLessThanOrEqual(replicas + maxSurge);
            const specTotal = Object.values(c.replicasByRs()).reduce((a, b) => a + b, 0);
            expect(specTotal).toBeLessThanOrEqual(replicas + maxSurge);
            expect(c.readyPods().length).toBeGreaterThanOrEqual(replicas - unavailable);
          };

          c.setTemplateImage('nginx:next');
          for (const flips of readiness) {
            c.now += 1;
            // Some of the not-yet-ready pods become Ready (never the other way).
            const waiting = c.activePods().filter((p: PodObject) => p.status.conditions[0].status !== 'True');
            waiting.forEach((p, i) => {
              if (flips[i % flips.length]) c.markReady((q) => q === p);
            });
            if (graceful && flips[11]) c.finishTerminating();
            c.step(check);
          }
          // Let it finish.
          for (let i = 0; i < 50; i++) {
            c.now += 1;
            c.markReady();
            c.finishTerminating();
            c.step(check);
          }
          c.settle(check);
          const hash = c.rss.find((r) => r.spec.template!.spec!.containers[0].image === 'nginx:next')!.metadata.labels['pod-template-hash'];
          expect(c.activePods()).toHaveLength(replicas);
          expect(c.activePods().every((p) => p.metadata.labels['pod-template-hash'] === hash)).toBe(true);
          expect(c.deploy.status).toMatchObject({ replicas, updatedReplicas: replicas, availableReplicas: replicas, unavailableReplicas: 0 });
          expect(c.condition('Progressing')!.reason).toBe('NewReplicaSetAvailable');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('when new pods never become Ready, old pods keep the floor and the surge cap holds forever', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), intOrPercent, intOrPercent, (replicas, surgeRaw, unavailRaw) => {
        fc.pre(!(String(surgeRaw).replace('%', '') === '0' && String(unavailRaw).replace('%', '') === '0'));
        const { maxSurge, maxUnavailable } = resolveFenceposts(surgeRaw, unavailRaw, replicas);
        const c = new MiniCluster(
          deployment({ replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surgeRaw, maxUnavailable: unavailRaw } } }),
        );
        c.settle();
        c.markReady();
        c.settle();
        const oldHash = c.rss[0].metadata.labels['pod-template-hash'];
        c.setTemplateImage('nginx:broken');
        c.settle(() => {
          expect(c.activePods().length).toBeLessThanOrEqual(replicas + maxSurge);
          expect(c.readyPods().length).toBeGreaterThanOrEqual(replicas - Math.min(maxUnavailable, replicas));
        });
        const oldReady = c.readyPods().filter((p) => p.metadata.labels['pod-template-hash'] === oldHash).length;
        expect(oldReady).toBe(Math.max(0, replicas - Math.min(maxUnavailable, replicas)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('property: EndpointSlice reconcile is incremental and idempotent', () => {
  const podsArb = fc.uniqueArray(
    fc.record({ id: fc.integer({ min: 0, max: 260 }), ready: fc.boolean(), deleting: fc.boolean() }),
    { selector: (p) => p.id, maxLength: 260 },
  );
  const build = (specs: { id: number; ready: boolean; deleting: boolean }[]) =>
    specs.map((s) =>
      pod({ name: `p${String(s.id).padStart(3, '0')}`, ip: `10.1.${Math.floor(s.id / 200)}.${s.id % 200}`, ready: s.ready, deleting: s.deleting }),
    );

  it('from any previous state, lists each eligible pod exactly once, ≤100 per slice, and is then a fixed point', () => {
    fc.assert(
      fc.property(podsArb, podsArb, (before, after) => {
        const ctx = { now: 1, newName: counter('n'), newUid: counter('u') };
        const s1 = reconcileEndpointSlices(service(), build(before), [], ctx);
        const s2 = reconcileEndpointSlices(service(), build(after), s1, ctx);
        const names = s2.flatMap((s) => s.endpoints.map((e) => e.targetRef.name));
        expect(names.slice().sort()).toEqual(build(after).map((p) => p.metadata.name).sort());
        expect(new Set(names).size).toBe(names.length);
        expect(s2.every((s) => s.endpoints.length <= 100)).toBe(true);
        expect(new Set(s2.map((s) => s.metadata.name)).size).toBe(s2.length);
        if (after.length === 0) expect(s2).toHaveLength(1); // placeholder
        // slices that survive keep their uid
        const uids = new Map(s1.map((s) => [s.metadata.name, s.metadata.uid]));
        for (const s of s2) if (uids.has(s.metadata.name)) expect(s.metadata.uid).toBe(uids.get(s.metadata.name));
        const s3 = reconcileEndpointSlices(service(), build(after), s2, ctx);
        s3.forEach((s, i) => expect(s).toBe(s2[i]));
        expect(s3).toHaveLength(s2.length);
      }),
      { numRuns: 150 },
    );
  });
});
