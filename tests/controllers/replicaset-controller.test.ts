import { describe, it, expect } from 'vitest';
import {
  reconcileReplicaSet,
  newPodFromTemplate,
  replicaSetStatus,
  successfulCreateEvent,
  successfulDeleteEvent,
} from '../../src/engine/controllers/replicaset-controller';
import { getPodsToDelete } from '../../src/engine/controllers/active-pods';
import { nextAvailabilityCheck } from '../../src/engine/controllers/pod-readiness';
import { podTemplateHash, randomSuffix, safeEncodeString, SAFE_ALPHANUMS, fnv32a } from '../../src/engine/controllers/pod-template-hash';
import type { ReplicaSetObject } from '../../src/engine/model/objects';
import { pod } from './fixtures';

function rs(replicas: number, extra: Partial<ReplicaSetObject['spec']> = {}): ReplicaSetObject {
  return {
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-7d4b9c8f5',
      namespace: 'default',
      uid: 'rs-uid',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' },
      annotations: {},
      creationTimestamp: 0,
      generation: 2,
      resourceVersion: '1',
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } },
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' }, annotations: { note: 'x' } },
        spec: {
          nodeName: 'should-be-dropped',
          containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '100m' }, limits: { cpu: '200m', memory: '64Mi' } } }],
        },
      },
      ...extra,
    },
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0, fullyLabeledReplicas: 0, observedGeneration: 0 },
  };
}

describe('reconcileReplicaSet', () => {
  it('creates the missing pods', () => {
    expect(reconcileReplicaSet(rs(3), [pod({ name: 'a' })], { now: 0 })).toEqual({ create: 2, delete: [] });
  });
  it('does nothing at the desired count', () => {
    expect(reconcileReplicaSet(rs(1), [pod({ name: 'a' })], { now: 0 })).toEqual({ create: 0, delete: [] });
  });
  it('does not count terminating or finished pods', () => {
    const pods = [pod({ name: 'a' }), pod({ name: 'b', deleting: true }), pod({ name: 'c', phase: 'Failed' })];
    expect(reconcileReplicaSet(rs(2), pods, { now: 0 }).create).toBe(1);
  });
  it('caps a burst at 500', () => {
    expect(reconcileReplicaSet(rs(1000), [], { now: 0 }).create).toBe(500);
  });
  it('deletes the surplus, worst pods first', () => {
    const pods = [pod({ name: 'ready' }), pod({ name: 'unready', ready: false }), pod({ name: 'pending', phase: 'Pending', ready: false })];
    const out = reconcileReplicaSet(rs(1), pods, { now: 10 });
    expect(out.create).toBe(0);
    expect(out.delete.map((p) => p.metadata.name)).toEqual(['pending', 'unready']);
  });
});

describe('deletion ranking (controller_utils.go ActivePodsWithRanks.Less)', () => {
  const now = 10_000;
  const order = (pods: ReturnType<typeof pod>[], related?: ReturnType<typeof pod>[]) =>
    getPodsToDelete(pods, pods.length - 1, now, related).map((p) => p.metadata.name);

  it('1. unassigned before assigned', () => {
    expect(order([pod({ name: 'on-node' }), pod({ name: 'unscheduled', node: null, phase: 'Pending', ready: false }), pod({ name: 'x' })])[0]).toBe('unscheduled');
  });
  it('2. Pending < Unknown < Running', () => {
    const pods = [
      pod({ name: 'running', phase: 'Running', ready: false }),
      pod({ name: 'unknown', phase: 'Unknown', ready: false }),
      pod({ name: 'pending', phase: 'Pending', ready: false }),
      pod({ name: 'keep' }),
    ];
    expect(order(pods)).toEqual(['pending', 'unknown', 'running']);
  });
  it('3. not ready before ready', () => {
    expect(order([pod({ name: 'ready' }), pod({ name: 'not-ready', ready: false }), pod({ name: 'keep' })])[0]).toBe('not-ready');
  });
  it('4. lower pod-deletion-cost first', () => {
    const pods = [
      pod({ name: 'cheap', annotations: { 'controller.kubernetes.io/pod-deletion-cost': '-5' } }),
      pod({ name: 'dear', annotations: { 'controller.kubernetes.io/pod-deletion-cost': '100' } }),
      pod({ name: 'default' }),
    ];
    expect(order(pods)).toEqual(['cheap', 'default']);
  });
  it('5. pods doubled up on a node first', () => {
    const pods = [pod({ name: 'alone', node: 'n1' }), pod({ name: 'crowded', node: 'n2' })];
    const related = [...pods, pod({ name: 'sibling', node: 'n2' })];
    expect(getPodsToDelete(pods, 1, now, related).map((p) => p.metadata.name)).toEqual(['crowded']);
  });
  it('6. both ready: the more recently ready one first (log2 buckets of age)', () => {
    const pods = [pod({ name: 'old', readySince: 0 }), pod({ name: 'fresh', readySince: now - 5 })];
    expect(getPodsToDelete(pods, 1, now).map((p) => p.metadata.name)).toEqual(['fresh']);
  });
  it('6b. ready times in the same log2 bucket fall back to UID order', () => {
    // ages 1000 s and 1010 s: both floor(log2(ns)) = 39
    const pods = [pod({ name: 'b', readySince: now - 1000, uid: 'uid-b' }), pod({ name: 'a', readySince: now - 1010, uid: 'uid-a' })];
    expect(getPodsToDelete(pods, 1, now).map((p) => p.metadata.name)).toEqual(['a']);
  });
  it('7. more restarts first', () => {
    const pods = [pod({ name: 'stable', restarts: 0 }), pod({ name: 'flaky', restarts: 4 })];
    expect(getPodsToDelete(pods, 1, now).map((p) => p.metadata.name)).toEqual(['flaky']);
  });
  it('8. newer creation first', () => {
    const pods = [pod({ name: 'older', created: 0 }), pod({ name: 'newer', created: now - 3 })];
    expect(getPodsToDelete(pods, 1, now).map((p) => p.metadata.name)).toEqual(['newer']);
  });
  it('earlier rules win over later ones', () => {
    // not ready but old and never restarted vs ready, new and crash-looping: the unready one goes
    const pods = [pod({ name: 'unready-old', ready: false, created: 0 }), pod({ name: 'ready-new', restarts: 9, created: now - 1 })];
    expect(getPodsToDelete(pods, 1, now).map((p) => p.metadata.name)).toEqual(['unready-old']);
  });
  it('returns every pod unsorted when all must go', () => {
    const pods = [pod({ name: 'a' }), pod({ name: 'b' })];
    expect(getPodsToDelete(pods, 5, now)).toHaveLength(2);
  });
});

describe('newPodFromTemplate', () => {
  const p = newPodFromTemplate(rs(1), 'web-7d4b9c8f5-x2k9q', 'pod-uid', 42);
  it('copies template labels (incl. pod-template-hash) and annotations', () => {
    expect(p.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': '7d4b9c8f5' });
    expect(p.metadata.annotations).toEqual({ note: 'x' });
  });
  it('names and owns the pod', () => {
    expect(p.metadata.name).toBe('web-7d4b9c8f5-x2k9q');
    expect(p.metadata.generateName).toBe('web-7d4b9c8f5-');
    expect(p.metadata.uid).toBe('pod-uid');
    expect(p.metadata.creationTimestamp).toBe(42);
    expect(p.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c8f5', uid: 'rs-uid', controller: true },
    ]);
  });
  it('starts Pending, unscheduled, with no conditions or statuses, and a QoS class', () => {
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status).toEqual({ phase: 'Pending', conditions: [], initContainerStatuses: [], containerStatuses: [], qosClass: 'Burstable' });
  });
  it('does not share the template spec', () => {
    const r = rs(1);
    const q = newPodFromTemplate(r, 'a', 'b', 0);
    q.spec.containers[0].image = 'changed';
    expect(r.spec.template!.spec!.containers[0].image).toBe('nginx');
  });
  it('QoS: Guaranteed for limits only, BestEffort for none', () => {
    const g = rs(1);
    g.spec.template!.spec!.containers[0].resources = { limits: { cpu: '500m', memory: '128Mi' } };
    expect(newPodFromTemplate(g, 'a', 'b', 0).status.qosClass).toBe('Guaranteed');
    g.spec.template!.spec!.containers[0].resources = {};
    expect(newPodFromTemplate(g, 'a', 'b', 0).status.qosClass).toBe('BestEffort');
    g.spec.template!.spec!.containers[0].resources = { requests: { cpu: '0.5', memory: '128Mi' }, limits: { cpu: '500m', memory: '134217728' } };
    expect(newPodFromTemplate(g, 'a', 'b', 0).status.qosClass).toBe('Guaranteed');
  });
  it('events carry the real wording', () => {
    expect(successfulCreateEvent('web-1')).toEqual({ type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: web-1' });
    expect(successfulDeleteEvent('web-1').message).toBe('Deleted pod: web-1');
  });
});

describe('replicaSetStatus', () => {
  it('counts active, labelled, ready and available pods', () => {
    const labels = { app: 'web', 'pod-template-hash': '7d4b9c8f5' };
    const pods = [
      pod({ name: 'a', labels, readySince: 0 }),
      pod({ name: 'b', labels, readySince: 95 }),
      pod({ name: 'c', labels: { app: 'web' }, ready: false }),
      pod({ name: 'd', labels, deleting: true }),
    ];
    expect(replicaSetStatus(rs(3), pods, 100, 10)).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 1,
      observedGeneration: 2,
    });
    // b becomes available at exactly 95 + 10
    expect(replicaSetStatus(rs(3), pods, 105, 10).availableReplicas).toBe(2);
    expect(nextAvailabilityCheck(pods, 10, 100)).toBe(105);
    // minReadySeconds defaults to the RS spec
    expect(replicaSetStatus(rs(3, { minReadySeconds: 0 }), pods, 100).availableReplicas).toBe(2);
  });
});

describe('pod-template-hash', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } };
  it('FNV-32a matches the reference vectors', () => {
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
  });
  it('SafeEncodeString maps digits like Kubernetes', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
  it('is deterministic, key-order independent, and looks like a real hash', () => {
    const h = podTemplateHash(template);
    expect(h).toMatch(/^[456789bcdf]{8,10}$/);
    expect(podTemplateHash({ spec: template.spec, metadata: template.metadata })).toBe(h);
  });
  it('changes with the template and with the collision count', () => {
    const h = podTemplateHash(template);
    expect(podTemplateHash({ ...template, spec: { containers: [{ name: 'app', image: 'nginx:1.26' }] } })).not.toBe(h);
    expect(podTemplateHash(template, 1)).not.toBe(h);
    expect(podTemplateHash(template, 1)).not.toBe(podTemplateHash(template, 2));
  });
  it('randomSuffix draws 5 safe characters from the generator', () => {
    let i = 0;
    const seq = [0, 0.999, 0.5, 0.04, 0.74];
    const s = randomSuffix(() => seq[i++]);
    expect(s).toBe('b9rcz');
    expect([...s].every((c) => SAFE_ALPHANUMS.includes(c))).toBe(true);
  });
});
