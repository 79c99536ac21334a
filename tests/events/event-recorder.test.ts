import { describe, it, expect } from 'vitest';
import { EventRecorder, type EventInput } from '../../src/engine/events/event-recorder';
import { podInvolvedObject, containerFieldPath } from '../../src/engine/events/involved-object';

const web = { kind: 'Pod', name: 'web', namespace: 'default', uid: 'uid-web' };
const kubelet = { component: 'kubelet', host: 'node-1' };

const unhealthy = (msg = 'Readiness probe failed: HTTP probe failed with statuscode: 503'): EventInput => ({
  involvedObject: { ...web, fieldPath: 'spec.containers{web}' },
  reason: 'Unhealthy',
  message: msg,
  type: 'Warning',
  source: kubelet,
});

describe('EventRecorder dedupe (client-go eventLogger)', () => {
  it('identical events → one event, count+1, firstTimestamp kept, lastTimestamp = now, same name', () => {
    const r = new EventRecorder();
    const a = r.record(unhealthy(), 30)!;
    const b = r.record(unhealthy(), 35)!;
    const c = r.record(unhealthy(), 40)!;
    expect(a.count).toBe(1);
    expect(c).toMatchObject({ count: 3, firstTimestamp: 30, lastTimestamp: 40 });
    expect(b.metadata.name).toBe(a.metadata.name);
    expect(c.metadata.name).toBe(a.metadata.name);
    expect(r.list()).toHaveLength(1);
    expect(r.list()[0].count).toBe(3);
    expect(r.list()[0].metadata.creationTimestamp).toBe(30);
  });

  it('names are `<object>.<16 hex>`, unique, and deterministic across recorders', () => {
    const r1 = new EventRecorder();
    const r2 = new EventRecorder();
    const names1 = [r1.record(unhealthy('a'), 1)!.metadata.name, r1.record(unhealthy('b'), 1)!.metadata.name];
    const names2 = [r2.record(unhealthy('a'), 1)!.metadata.name, r2.record(unhealthy('b'), 1)!.metadata.name];
    expect(names1).toEqual(names2);
    expect(names1[0]).toMatch(/^web\.[0-9a-f]{16}$/);
    expect(names1[0]).not.toBe(names1[1]);
  });

  it('fieldPath, message, type, reason and source host each make a different event', () => {
    const r = new EventRecorder();
    const e = unhealthy();
    r.record(e, 0);
    r.record({ ...e, involvedObject: { ...e.involvedObject, fieldPath: 'spec.containers{sidecar}' } }, 0);
    r.record({ ...e, message: 'Liveness probe failed: x' }, 0);
    r.record({ ...e, type: 'Normal' }, 0);
    r.record({ ...e, reason: 'ProbeWarning' }, 0);
    r.record({ ...e, source: { component: 'kubelet', host: 'node-2' } }, 0);
    r.record(e, 1);
    expect(r.list().map((x) => x.count)).toEqual([2, 1, 1, 1, 1, 1]);
  });

  it('list() is creation order; forObject filters by kind and name', () => {
    const r = new EventRecorder();
    r.record({ involvedObject: web, reason: 'Scheduled', message: 'Successfully assigned default/web to node-1', type: 'Normal', source: { component: 'default-scheduler' } }, 0);
    r.record({ involvedObject: { ...web, name: 'api', uid: 'uid-api' }, reason: 'Scheduled', message: 'Successfully assigned default/api to node-1', type: 'Normal', source: { component: 'default-scheduler' } }, 1);
    r.record(unhealthy(), 2);
    expect(r.list().map((e) => e.reason)).toEqual(['Scheduled', 'Scheduled', 'Unhealthy']);
    expect(r.forObject('Pod', 'web').map((e) => e.reason)).toEqual(['Scheduled', 'Unhealthy']);
    expect(r.forObject('Pod', 'api')).toHaveLength(1);
    expect(r.forObject('Service', 'web')).toHaveLength(0);
    expect(r.forObject('Pod', 'web', 'other')).toHaveLength(0);
  });

  it('returned and listed events are copies', () => {
    const r = new EventRecorder();
    const e = r.record(unhealthy(), 0)!;
    e.count = 99;
    r.list()[0].message = 'changed';
    expect(r.list()[0]).toMatchObject({ count: 1, message: unhealthy().message });
  });

  it('clone() is an independent checkpoint and its state is structuredClone-able', () => {
    const r = new EventRecorder();
    r.record(unhealthy(), 0);
    const snap = r.clone();
    r.record(unhealthy(), 5);
    r.record(unhealthy('other'), 5);
    expect(snap.list()).toHaveLength(1);
    expect(snap.list()[0].count).toBe(1);
    // the checkpoint continues exactly as the original would have
    expect(snap.record(unhealthy(), 5)).toEqual(r.list()[0]);
    expect(structuredClone(r.state)).toEqual(r.state);
    expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
  });
});

describe('spam filter (burst 25, refill 1 per 300 s per source+object)', () => {
  const ev = (reason: string): EventInput => ({ involvedObject: web, reason, message: 'm', type: 'Normal', source: kubelet });

  it('drops the 26th event about an object, then lets one through per 300 s', () => {
    const r = new EventRecorder();
    for (let i = 0; i < 25; i++) expect(r.record(ev(`R${i}`), 0)).not.toBeNull();
    expect(r.record(ev('R25'), 0)).toBeNull();
    expect(r.record(ev('R26'), 299)).toBeNull();
    expect(r.record(ev('R27'), 300)).not.toBeNull();
    expect(r.record(ev('R28'), 301)).toBeNull();
    expect(r.list()).toHaveLength(26);
    // another object, or another source, has its own bucket
    expect(r.record({ ...ev('R0'), involvedObject: { ...web, name: 'api', uid: 'uid-api' } }, 1)).not.toBeNull();
    expect(r.record({ ...ev('R0'), source: { component: 'default-scheduler' } }, 1)).not.toBeNull();
  });

  it('fieldPath does not split the bucket (containers of one pod share it)', () => {
    const r = new EventRecorder();
    for (let i = 0; i < 25; i++) {
      r.record({ ...ev(`R${i}`), involvedObject: { ...web, fieldPath: `spec.containers{c${i}}` } }, 0);
    }
    expect(r.record({ ...ev('X'), involvedObject: { ...web, fieldPath: 'spec.containers{other}' } }, 0)).toBeNull();
  });

  it('dropped repeats are still counted: the next accepted one shows the full count', () => {
    const r = new EventRecorder();
    const backOff: EventInput = {
      involvedObject: { ...web, fieldPath: 'spec.containers{web}' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container web in pod web_default(uid-web)',
      type: 'Warning',
      source: kubelet,
    };
    const results = Array.from({ length: 30 }, (_, i) => r.record(backOff, i));
    expect(results.filter((x) => x !== null)).toHaveLength(25);
    expect(r.list()[0].count).toBe(25);
    const later = r.record(backOff, 29 + 300)!;
    expect(later.count).toBe(31);
    expect(r.list()).toHaveLength(1);
  });

  it('correlate:false turns the filter off', () => {
    const r = new EventRecorder({ correlate: false });
    for (let i = 0; i < 40; i++) expect(r.record(ev(`R${i}`), 0)).not.toBeNull();
    expect(r.list()).toHaveLength(40);
  });
});

describe('aggregation (10 similar events in 600 s)', () => {
  const created = (pod: string): EventInput => ({
    involvedObject: { kind: 'ReplicaSet', name: 'web-7d4b9', namespace: 'default', uid: 'uid-rs' },
    reason: 'SuccessfulCreate',
    message: `Created pod: ${pod}`,
    type: 'Normal',
    source: { component: 'replicaset-controller' },
  });

  it('the 10th distinct message with the same reason becomes "(combined from similar events): …"', () => {
    const r = new EventRecorder();
    for (let i = 1; i <= 9; i++) expect(r.record(created(`web-7d4b9-p${i}`), i)!.message).toBe(`Created pod: web-7d4b9-p${i}`);
    const tenth = r.record(created('web-7d4b9-p10'), 10)!;
    expect(tenth.message).toBe('(combined from similar events): Created pod: web-7d4b9-p10');
    expect(tenth.count).toBe(1);
    const eleventh = r.record(created('web-7d4b9-p11'), 11)!;
    expect(eleventh).toMatchObject({ count: 2, message: '(combined from similar events): Created pod: web-7d4b9-p11' });
    expect(eleventh.metadata.name).toBe(tenth.metadata.name);
    expect(r.list()).toHaveLength(10);
  });

  it('an exact repeat of an already-seen message is not aggregated', () => {
    const r = new EventRecorder();
    for (let i = 1; i <= 10; i++) r.record(created(`p${i}`), i);
    const again = r.record(created('p3'), 20)!;
    expect(again).toMatchObject({ message: 'Created pod: p3', count: 2 });
  });

  it('a gap of more than 600 s since the last similar event starts over', () => {
    const r = new EventRecorder();
    for (let i = 1; i <= 9; i++) r.record(created(`p${i}`), i);
    expect(r.record(created('p10'), 9 + 601)!.message).toBe('Created pod: p10');
  });

  it('correlate:false never aggregates', () => {
    const r = new EventRecorder({ correlate: false });
    for (let i = 1; i <= 12; i++) r.record(created(`p${i}`), i);
    expect(r.list().every((e) => !e.message.startsWith('(combined'))).toBe(true);
    expect(r.list()).toHaveLength(12);
  });
});

describe('involvedObject for pods and containers', () => {
  const pod = {
    metadata: { name: 'boot', namespace: 'default', uid: 'u1', labels: {}, annotations: {}, creationTimestamp: 0, resourceVersion: '1' },
    spec: { initContainers: [{ name: 'init-db', image: 'x' }], containers: [{ name: 'app', image: 'x' }] },
  };
  it('container events carry spec.containers{…} / spec.initContainers{…}', () => {
    expect(containerFieldPath(pod, 'init-db')).toBe('spec.initContainers{init-db}');
    expect(podInvolvedObject(pod, 'app')).toEqual({ kind: 'Pod', name: 'boot', namespace: 'default', uid: 'u1', fieldPath: 'spec.containers{app}' });
    expect(podInvolvedObject(pod)).toEqual({ kind: 'Pod', name: 'boot', namespace: 'default', uid: 'u1' });
  });
});

describe('the compact event store', () => {
  const created = (pod: string, at = 'web-7d4b9'): EventInput => ({
    involvedObject: { kind: 'ReplicaSet', name: at, namespace: 'default', uid: `uid-${at}` },
    reason: 'SuccessfulCreate',
    message: `Created pod: ${pod}`,
    type: 'Normal',
    source: { component: 'replicaset-controller' },
  });

  it('a recorder restored from its JSON state goes on exactly as the original', () => {
    const r = new EventRecorder();
    for (let i = 1; i <= 12; i++) r.record(created(`p${i}`), i);
    r.record(unhealthy(), 20);
    const restored = EventRecorder.fromState(JSON.parse(JSON.stringify(r.state)));
    for (const x of [r, restored]) {
      x.record(unhealthy(), 30);
      x.record(created('p13'), 31);
      x.record(created('p3'), 32);
      x.record(unhealthy('Readiness probe failed: other'), 33);
    }
    expect(restored.list()).toEqual(r.list());
    expect(restored.list().find((e) => e.reason === 'Unhealthy')!.count).toBe(2);
    expect(restored.list()).toHaveLength(r.list().length);
  });

  it('forgets similar-message records idle for more than 600 s, and records the same as if it kept them', () => {
    const r = new EventRecorder();
    for (let i = 1; i <= 9; i++) r.record(created(`p${i}`), i);
    expect(Object.keys(r.state.cache.aggregator)).toHaveLength(1);
    // another object long after: the idle record goes, and the old object starts over
    r.record(created('q1', 'api-5f6'), 700);
    expect(Object.keys(r.state.cache.aggregator)).toHaveLength(1);
    expect(r.record(created('p10'), 701)!.message).toBe('Created pod: p10');
    // exact repeats are still counted on the event they were first recorded as
    expect(r.record(created('p1'), 702)).toMatchObject({ message: 'Created pod: p1', count: 2, firstTimestamp: 1 });
  });

  it('keeps each involvedObject as its first event gave it, field order included', () => {
    const r = new EventRecorder();
    r.record({ ...unhealthy(), involvedObject: { uid: 'uid-web', name: 'web', kind: 'Pod', namespace: 'default', fieldPath: 'spec.containers{web}' } }, 0);
    r.record(unhealthy('Liveness probe failed: x'), 1);
    const [a, b] = r.list();
    expect(Object.keys(a.involvedObject)).toEqual(['uid', 'name', 'kind', 'namespace', 'fieldPath']);
    expect(Object.keys(b.involvedObject)).toEqual(['kind', 'name', 'namespace', 'uid', 'fieldPath']);
    // both are the same object for the logger: a repeat counts on the first
    expect(r.record(unhealthy(), 2)).toMatchObject({ count: 2, firstTimestamp: 0 });
    // an empty host and no host are one source for the logger (getEventKey), but each
    // new event keeps the source it was given
    r.record({ ...unhealthy('m'), source: { component: 'kubelet', host: '' } }, 3);
    expect(r.record({ ...unhealthy('m'), source: { component: 'kubelet' } }, 4)).toMatchObject({ count: 2, source: { component: 'kubelet', host: '' } });
    expect(r.record({ ...unhealthy('n'), source: { component: 'kubelet' } }, 5)!.source).toEqual({ component: 'kubelet' });
    expect(r.list().slice(2).map((e) => 'host' in e.source)).toEqual([true, false]);
  });

  it('stores each distinct message once', () => {
    const r = new EventRecorder();
    for (let t = 0; t < 50; t++) r.record({ ...unhealthy(), involvedObject: { ...web, name: `web-${t % 5}`, uid: `u${t % 5}`, fieldPath: 'spec.containers{web}' } }, t);
    expect(r.state.messages).toEqual([unhealthy().message]);
    expect(r.state.subjects).toHaveLength(5);
    expect(r.list().map((e) => e.count)).toEqual([10, 10, 10, 10, 10]);
  });
});
