import { describe, it, expect } from 'vitest';
import {
  reconcileEndpointSlices,
  endpointSlicesEqual,
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  LABEL_HEADLESS_SERVICE,
} from '../../src/engine/controllers/endpointslice-controller';
import type { EndpointSliceObject, PodObject } from '../../src/engine/model/objects';
import { pod, service, counter } from './fixtures';

function ctx(now = 5) {
  return { now, newName: counter('abc'), newUid: counter('slice-uid-') };
}

function manyPods(n: number, opts: { ready?: boolean } = {}): PodObject[] {
  return Array.from({ length: n }, (_, i) =>
    pod({ name: `web-${String(i).padStart(3, '0')}`, ip: `10.244.${Math.floor(i / 200)}.${i % 200}`, ready: opts.ready ?? true }),
  );
}

const total = (slices: EndpointSliceObject[]) => slices.reduce((n, s) => n + s.endpoints.length, 0);

describe('reconcileEndpointSlices: shape of a new slice', () => {
  const svc = service('web', {}, { tier: 'frontend' });
  const [slice] = reconcileEndpointSlices(svc, [pod({ name: 'web-a', ip: '10.244.1.5', node: 'node-2' })], [], ctx());

  it('is named <service>-<suffix>, labelled and owned by the Service', () => {
    expect(slice.metadata.name).toBe('web-abc0');
    expect(slice.metadata.generateName).toBe('web-');
    expect(slice.metadata.uid).toBe('slice-uid-0');
    expect(slice.metadata.creationTimestamp).toBe(5);
    expect(slice.metadata.labels).toEqual({
      tier: 'frontend',
      [LABEL_SERVICE_NAME]: 'web',
      [LABEL_MANAGED_BY]: ENDPOINTSLICE_CONTROLLER_NAME,
    });
    expect(slice.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'svc-uid-web', controller: true },
    ]);
    expect(slice.addressType).toBe('IPv4');
  });

  it('carries the endpoint with node, target and resolved port', () => {
    expect(slice.endpoints).toEqual([
      {
        addresses: ['10.244.1.5'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'node-2',
        targetRef: { kind: 'Pod', name: 'web-a', namespace: 'default', uid: 'uid-web-a' },
      },
    ]);
    expect(slice.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
  });

  it('marks headless services', () => {
    const [h] = reconcileEndpointSlices(service('db', { clusterIP: 'None' }), [pod({ name: 'db-0' })], [], ctx());
    expect(h.metadata.labels[LABEL_HEADLESS_SERVICE]).toBe('');
  });
});

describe('reconcileEndpointSlices: selection', () => {
  it('manages nothing for a Service without selector', () => {
    const existing = reconcileEndpointSlices(service(), [pod({ name: 'a' })], [], ctx());
    const out = reconcileEndpointSlices(service('web', { selector: undefined }), [], existing, ctx());
    expect(out).toEqual(existing);
    expect(out[0]).toBe(existing[0]);
    expect(reconcileEndpointSlices(service('web', { selector: {} }), [pod({ name: 'a' })], [], ctx())).toEqual([]);
  });

  it('ignores pods of other namespaces and labels, terminal and IP-less pods', () => {
    const pods = [
      pod({ name: 'ok' }),
      pod({ name: 'other-label', labels: { app: 'api' } }),
      pod({ name: 'other-ns', namespace: 'prod' }),
      pod({ name: 'done', phase: 'Succeeded' }),
      pod({ name: 'no-ip', ip: null, phase: 'Pending', ready: false }),
      pod({ name: 'unready', ready: false }),
    ];
    const [s] = reconcileEndpointSlices(service(), pods, [], ctx());
    expect(s.endpoints.map((e) => e.targetRef.name)).toEqual(['ok', 'unready']);
  });

  it('creates one placeholder slice with no ports and no endpoints when nothing matches', () => {
    const out = reconcileEndpointSlices(service(), [], [], ctx());
    expect(out).toHaveLength(1);
    expect(out[0].endpoints).toEqual([]);
    expect(out[0].ports).toEqual([]);
    // and keeps it on the next pass
    const again = reconcileEndpointSlices(service(), [], out, ctx());
    expect(again[0]).toBe(out[0]);
  });

  it('reuses the placeholder (name and uid) when the first endpoint arrives', () => {
    const placeholder = reconcileEndpointSlices(service(), [], [], ctx());
    const out = reconcileEndpointSlices(service(), [pod({ name: 'a' })], placeholder, ctx(9));
    expect(out).toHaveLength(1);
    expect(out[0].metadata.name).toBe(placeholder[0].metadata.name);
    expect(out[0].metadata.uid).toBe(placeholder[0].metadata.uid);
    expect(out[0].endpoints).toHaveLength(1);
    expect(out[0].ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
  });
});

describe('reconcileEndpointSlices: ports', () => {
  it('resolves named targetPorts per pod and splits pods by port mapping', () => {
    const svc = service('web', { ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] });
    const pods = [
      pod({ name: 'a', ports: [{ name: 'http', containerPort: 8080 }] }),
      pod({ name: 'b', ports: [{ name: 'http', containerPort: 9090 }] }),
      pod({ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }),
    ];
    const out = reconcileEndpointSlices(svc, pods, [], ctx());
    expect(out).toHaveLength(2);
    const by = Object.fromEntries(out.map((s) => [s.ports[0].port, s.endpoints.map((e) => e.targetRef.name)]));
    expect(by).toEqual({ 8080: ['a', 'c'], 9090: ['b'] });
    expect(out[0].ports[0].name).toBe('http');
  });

  it('leaves out a named port the pod does not declare (or declares with another protocol)', () => {
    const svc = service('web', {
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' },
      ],
    });
    const p = pod({ name: 'a', ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 5353, protocol: 'TCP' }] });
    const [s] = reconcileEndpointSlices(svc, [p], [], ctx());
    expect(s.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
  });

  it('defaults targetPort to port', () => {
    const [s] = reconcileEndpointSlices(service('web', { ports: [{ port: 80 }] }), [pod({ name: 'a' })], [], ctx());
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
  });
});

describe('reconcileEndpointSlices: 100 endpoints per slice', () => {
  it('splits 250 endpoints into 100 + 100 + 50, in pod-name order', () => {
    const out = reconcileEndpointSlices(service(), manyPods(250), [], ctx());
    expect(out.map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
    expect(out[0].endpoints[0].targetRef.name).toBe('web-000');
    expect(out[2].endpoints[49].targetRef.name).toBe('web-249');
    expect(new Set(out.map((s) => s.metadata.name)).size).toBe(3);
  });

  it('exactly 100 fit in one slice, 101 need two', () => {
    expect(reconcileEndpointSlices(service(), manyPods(100), [], ctx())).toHaveLength(1);
    expect(reconcileEndpointSlices(service(), manyPods(101), [], ctx()).map((s) => s.endpoints.length)).toEqual([100, 1]);
  });

  it('honours a custom maxEndpointsPerSlice', () => {
    const out = reconcileEndpointSlices(service(), manyPods(5), [], { ...ctx(), maxEndpointsPerSlice: 2 });
    expect(out.map((s) => s.endpoints.length)).toEqual([2, 2, 1]);
  });
});

describe('reconcileEndpointSlices: stability', () => {
  const pods = manyPods(150);
  const first = reconcileEndpointSlices(service(), pods, [], ctx());

  it('returns the very same objects when nothing changed', () => {
    const again = reconcileEndpointSlices(service(), pods, first, ctx(50));
    expect(again).toHaveLength(first.length);
    again.forEach((s, i) => expect(s).toBe(first[i]));
    expect(endpointSlicesEqual(first, again)).toBe(true);
  });

  it('updates only the slice holding a changed endpoint, keeping its name and uid', () => {
    const changed = pods.map((p) => (p.metadata.name === 'web-120' ? pod({ name: 'web-120', ip: p.status.podIP, ready: false }) : p));
    const out = reconcileEndpointSlices(service(), changed, first, ctx(60));
    expect(out[0]).toBe(first[0]);
    expect(out[1]).not.toBe(first[1]);
    expect(out[1].metadata.name).toBe(first[1].metadata.name);
    expect(out[1].metadata.uid).toBe(first[1].metadata.uid);
    expect(out[1].metadata.creationTimestamp).toBe(first[1].metadata.creationTimestamp);
    expect(out[1].metadata.generation).toBe((first[1].metadata.generation ?? 1) + 1);
    expect(out[1].endpoints.find((e) => e.targetRef.name === 'web-120')!.conditions.ready).toBe(false);
    expect(endpointSlicesEqual(first, out)).toBe(false);
  });

  it('puts a new endpoint into the slice with room instead of creating one', () => {
    const more = [...pods, pod({ name: 'web-zzz', ip: '10.9.9.9' })];
    const out = reconcileEndpointSlices(service(), more, first, ctx(70));
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(first[0]);
    expect(out[1].metadata.name).toBe(first[1].metadata.name);
    expect(out[1].endpoints.map((e) => e.targetRef.name)).toContain('web-zzz');
  });

  it('deletes an emptied slice and keeps the rest', () => {
    const fewer = pods.slice(0, 100);
    const out = reconcileEndpointSlices(service(), fewer, first, ctx(80));
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(first[0]);
  });

  it('a removed pod leaves its endpoint out of the same slice', () => {
    const out = reconcileEndpointSlices(service(), pods.filter((p) => p.metadata.name !== 'web-005'), first, ctx(90));
    expect(out[0].metadata.name).toBe(first[0].metadata.name);
    expect(out[0].endpoints).toHaveLength(99);
    expect(out[1]).toBe(first[1]);
  });

  it('replaces slices owned by an older Service of the same name, reusing the name', () => {
    const old = reconcileEndpointSlices({ ...service(), metadata: { ...service().metadata, uid: 'old-uid' } }, pods.slice(0, 3), [], ctx());
    const out = reconcileEndpointSlices(service(), pods.slice(0, 3), old, ctx(100));
    expect(out).toHaveLength(1);
    expect(out[0].metadata.name).toBe(old[0].metadata.name);
    expect(out[0].metadata.ownerReferences![0].uid).toBe('svc-uid-web');
  });

  it('follows Service label changes', () => {
    const out = reconcileEndpointSlices(service('web', {}, { team: 'a' }), pods, first, ctx(110));
    expect(out[0].metadata.labels.team).toBe('a');
    expect(out[0].metadata.name).toBe(first[0].metadata.name);
    expect(out[0].metadata.generation).toBe(first[0].metadata.generation);
  });

  it('leaves slices managed by someone else alone', () => {
    const foreign: EndpointSliceObject = {
      ...first[0],
      metadata: { ...first[0].metadata, name: 'web-custom', labels: { [LABEL_SERVICE_NAME]: 'web', [LABEL_MANAGED_BY]: 'me' } },
    };
    const out = reconcileEndpointSlices(service(), pods, [...first, foreign], ctx(120));
    expect(out[out.length - 1]).toBe(foreign);
    expect(out.slice(0, 2)).toEqual(first);
  });
});

describe('reconcileEndpointSlices: a pod being deleted', () => {
  it('stays listed with ready:false, serving:<Ready>, terminating:true until it is gone', () => {
    const live = [pod({ name: 'a' }), pod({ name: 'b' })];
    const s1 = reconcileEndpointSlices(service(), live, [], ctx());
    const s2 = reconcileEndpointSlices(service(), [live[0], pod({ name: 'b', ip: live[1].status.podIP, deleting: true })], s1, ctx());
    expect(s2[0].endpoints.map((e) => [e.targetRef.name, e.conditions])).toEqual([
      ['a', { ready: true, serving: true, terminating: false }],
      ['b', { ready: false, serving: true, terminating: true }],
    ]);
    const s3 = reconcileEndpointSlices(service(), [live[0]], s2, ctx());
    expect(total(s3)).toBe(1);
  });
});
