import { describe, it, expect } from 'vitest';
import { reconcileEndpoints } from '../../src/engine/controllers/endpoints-controller';
import { routableEndpoints } from '../../src/engine/controllers/kube-proxy-routing';
import { reconcileEndpointSlices } from '../../src/engine/controllers/endpointslice-controller';
import { pod, service, counter } from './fixtures';

/** What `kubectl get endpoints` prints in ENDPOINTS: ready ip:port pairs, <none> without subsets. */
function endpointsColumn(subsets: NonNullable<ReturnType<typeof reconcileEndpoints>>['subsets']): string {
  if (subsets.length === 0) return '<none>';
  const pairs: string[] = [];
  for (const s of subsets) for (const a of s.addresses ?? []) for (const p of s.ports) pairs.push(`${a.ip}:${p.port}`);
  return pairs.join(',');
}

describe('reconcileEndpoints (legacy v1 Endpoints)', () => {
  it('no matching pods: an Endpoints object with no subsets (kubectl prints <none>)', () => {
    const ep = reconcileEndpoints(service(), [], undefined, 3, counter('ep-'))!;
    expect(ep.metadata.name).toBe('web');
    expect(ep.metadata.uid).toBe('ep-0');
    expect(ep.subsets).toEqual([]);
    expect(endpointsColumn(ep.subsets)).toBe('<none>');
  });

  it('only an unready pod: a subset with notReadyAddresses only (kubectl prints a blank column)', () => {
    const ep = reconcileEndpoints(service(), [pod({ name: 'web', ip: '10.244.1.7', ready: false })], undefined, 3)!;
    expect(ep.subsets).toEqual([
      {
        notReadyAddresses: [
          { ip: '10.244.1.7', nodeName: 'node-1', targetRef: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'uid-web' } },
        ],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
    expect(endpointsColumn(ep.subsets)).toBe('');
  });

  it('ready pods go to addresses sorted by IP bytes, unready ones to notReadyAddresses', () => {
    const pods = [
      pod({ name: 'c', ip: '10.244.1.9' }),
      pod({ name: 'a', ip: '10.244.1.10' }),
      pod({ name: 'b', ip: '10.244.1.8', ready: false }),
    ];
    const ep = reconcileEndpoints(service(), pods, undefined, 0)!;
    expect(ep.subsets).toHaveLength(1);
    // byte order: "10.244.1.10" < "10.244.1.9"
    expect(ep.subsets[0].addresses!.map((a) => a.ip)).toEqual(['10.244.1.10', '10.244.1.9']);
    expect(ep.subsets[0].notReadyAddresses!.map((a) => a.ip)).toEqual(['10.244.1.8']);
    expect(endpointsColumn(ep.subsets)).toBe('10.244.1.10:8080,10.244.1.9:8080');
  });

  it('drops terminating pods entirely, unless publishNotReadyAddresses', () => {
    const pods = [pod({ name: 'a', ip: '10.0.0.1' }), pod({ name: 'b', ip: '10.0.0.2', deleting: true })];
    const ep = reconcileEndpoints(service(), pods, undefined, 0)!;
    expect(ep.subsets[0].addresses!.map((a) => a.targetRef.name)).toEqual(['a']);
    expect(ep.subsets[0].notReadyAddresses).toBeUndefined();
    const pna = reconcileEndpoints(service('web', { publishNotReadyAddresses: true }), [...pods, pod({ name: 'c', ready: false, ip: '10.0.0.3' })], undefined, 0)!;
    expect(pna.subsets[0].addresses!.map((a) => a.targetRef.name)).toEqual(['a', 'b', 'c']);
  });

  it('groups ports offered by the same addresses; a pod missing a named port forms its own subset', () => {
    const svc = service('web', {
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { name: 'metrics', port: 9090, targetPort: 9090, protocol: 'TCP' },
      ],
    });
    const a = pod({ name: 'a', ip: '10.0.0.1', ports: [{ name: 'http', containerPort: 8080 }] });
    const b = pod({ name: 'b', ip: '10.0.0.2', ports: [{ name: 'web', containerPort: 8080 }] });
    const ep = reconcileEndpoints(svc, [a, b], undefined, 0)!;
    expect(ep.subsets).toEqual([
      { addresses: [expect.objectContaining({ ip: '10.0.0.1' })], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
      {
        addresses: [expect.objectContaining({ ip: '10.0.0.1' }), expect.objectContaining({ ip: '10.0.0.2' })],
        ports: [{ name: 'metrics', port: 9090, protocol: 'TCP' }],
      },
    ]);
  });

  it('returns the same object when nothing changed, a new one otherwise', () => {
    const pods = [pod({ name: 'a', ip: '10.0.0.1' })];
    const first = reconcileEndpoints(service(), pods, undefined, 0)!;
    expect(reconcileEndpoints(service(), pods, first, 10)).toBe(first);
    const next = reconcileEndpoints(service(), [pod({ name: 'a', ip: '10.0.0.1', ready: false })], first, 10)!;
    expect(next).not.toBe(first);
    expect(next.metadata.uid).toBe(first.metadata.uid);
    expect(next.metadata.creationTimestamp).toBe(0);
  });

  it('copies Service labels, adds the headless marker, and leaves selector-less Services alone', () => {
    const ep = reconcileEndpoints(service('db', { clusterIP: 'None' }, { app: 'db' }), [], undefined, 0)!;
    expect(ep.metadata.labels).toEqual({ app: 'db', 'service.kubernetes.io/headless': '' });
    expect(reconcileEndpoints(service('ext', { selector: undefined }), [pod({ name: 'a' })], undefined, 0)).toBeUndefined();
    const manual = { ...ep, subsets: [] };
    expect(reconcileEndpoints(service('ext', { selector: undefined }), [], manual, 0)).toBe(manual);
  });

  it('headless Service without ports lists addresses with no ports', () => {
    const ep = reconcileEndpoints(service('db', { clusterIP: 'None', ports: [] }), [pod({ name: 'db-0', ip: '10.0.0.5' })], undefined, 0)!;
    expect(ep.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: '10.0.0.5' })], ports: [] }]);
  });
});

describe('routableEndpoints (kube-proxy, KEP-1669)', () => {
  const svc = service();
  const slicesFor = (pods: ReturnType<typeof pod>[]) =>
    reconcileEndpointSlices(svc, pods, [], { now: 0, newName: counter('s'), newUid: counter('u') });

  it('routes to ready endpoints only while any exist', () => {
    const out = routableEndpoints(slicesFor([pod({ name: 'a' }), pod({ name: 'b', ready: false }), pod({ name: 'c', deleting: true })]));
    expect(out.map((e) => e.targetRef.name)).toEqual(['a']);
  });

  it('falls back to serving terminating endpoints when nothing is ready', () => {
    const out = routableEndpoints(
      slicesFor([pod({ name: 'b', ready: false }), pod({ name: 'c', deleting: true }), pod({ name: 'd', deleting: true, ready: false })]),
    );
    expect(out.map((e) => e.targetRef.name)).toEqual(['c']);
  });

  it('routes nowhere when there is nothing ready or serving', () => {
    expect(routableEndpoints(slicesFor([pod({ name: 'b', ready: false }), pod({ name: 'd', deleting: true, ready: false })]))).toEqual([]);
    expect(routableEndpoints(slicesFor([]))).toEqual([]);
  });

  it('counts an address present in two slices once', () => {
    const [s] = slicesFor([pod({ name: 'a', ip: '10.0.0.1' })]);
    expect(routableEndpoints([s, { ...s, metadata: { ...s.metadata, name: 'dup' } }])).toHaveLength(1);
  });
});
