import { describe, it, expect } from 'vitest';
import type { PodSpec } from 'kubernetes-types/core/v1';
import { generatePodConditions, isPodReady, type PodConditionsInput } from '../../src/engine/kubelet/pod-conditions';
import { getPhase } from '../../src/engine/kubelet/get-phase';
import type { PodCondition, PodObject } from '../../src/engine/model/objects';
import { running, terminated, waiting } from './status-builders';

const boot: PodSpec = {
  initContainers: [
    { name: 'init-db', image: 'busybox' },
    { name: 'init-cfg', image: 'busybox' },
  ],
  containers: [{ name: 'app', image: 'busybox' }],
};

function input(over: Partial<PodConditionsInput> & Pick<PodConditionsInput, 'spec' | 'statuses'>): PodConditionsInput {
  const initStatuses = over.initStatuses ?? [];
  return {
    phase: getPhase(over.spec, initStatuses, over.statuses, false),
    initStatuses,
    scheduled: true,
    sandboxReady: true,
    anyContainerStarted: false,
    previous: [],
    now: 100,
    ...over,
  };
}

const byType = (cs: PodCondition[], type: PodCondition['type']) => cs.find((c) => c.type === type)!;
const brief = (c: PodCondition) => [c.status, c.reason, c.message];

describe('generatePodConditions (§1.4, status/generate.go)', () => {
  it('emits the five kubelet conditions in kubelet order', () => {
    const cs = generatePodConditions(input({ spec: { containers: [{ name: 'web', image: 'x' }] }, statuses: [running('web')] }));
    expect(cs.map((c) => c.type)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    expect(cs.every((c) => c.status === 'True' && c.lastTransitionTime === 100)).toBe(true);
  });

  it('unschedulable pod: only PodScheduled False/Unschedulable with the scheduler message', () => {
    const msg = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.';
    const cs = generatePodConditions(
      input({ spec: { containers: [{ name: 'web', image: 'x' }] }, statuses: [], scheduled: false, unschedulableMessage: msg, sandboxReady: false }),
    );
    expect(cs).toEqual([{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg, lastTransitionTime: 100, lastProbeTime: null }]);
  });

  it('pod not yet tried by the scheduler has no conditions', () => {
    expect(generatePodConditions(input({ spec: boot, statuses: [], scheduled: false }))).toEqual([]);
  });

  it('GC-01: running but unready → Ready/ContainersReady False ContainersNotReady [web]', () => {
    const cs = generatePodConditions(input({ spec: { containers: [{ name: 'web', image: 'x' }] }, statuses: [running('web', { ready: false })] }));
    expect(brief(byType(cs, 'ContainersReady'))).toEqual(['False', 'ContainersNotReady', 'containers with unready status: [web]']);
    expect(brief(byType(cs, 'Ready'))).toEqual(['False', 'ContainersNotReady', 'containers with unready status: [web]']);
    expect(byType(cs, 'Initialized').status).toBe('True');
  });

  it('lists several unready containers Go-style, space separated, in spec order', () => {
    const spec: PodSpec = { containers: ['a', 'b', 'c'].map((name) => ({ name, image: 'x' })) };
    const cs = generatePodConditions(input({ spec, statuses: [running('a', { ready: false }), running('b'), waiting('c')] }));
    expect(byType(cs, 'Ready').message).toBe('containers with unready status: [a c]');
  });

  it('reports containers with no status as unknown, before the unready ones', () => {
    const spec: PodSpec = { containers: ['a', 'b'].map((name) => ({ name, image: 'x' })) };
    const cs = generatePodConditions(input({ spec, statuses: [running('a', { ready: false })] }));
    expect(byType(cs, 'ContainersReady').message).toBe('containers with unknown status: [b], containers with unready status: [a]');
  });

  describe('GC-07 init container ordering', () => {
    const rows: { at: string; init: ReturnType<typeof running>[]; app: ReturnType<typeof running>; initialized: (string | undefined)[]; ready: string }[] = [
      {
        at: 'init-db running',
        init: [running('init-db', { ready: false }), waiting('init-cfg', 'PodInitializing')],
        app: waiting('app', 'PodInitializing'),
        initialized: ['False', 'ContainersNotInitialized', 'containers with incomplete status: [init-db init-cfg]'],
        ready: 'containers with unready status: [app]',
      },
      {
        at: 'init-cfg running',
        init: [terminated('init-db', 0, { ready: true }), running('init-cfg', { ready: false })],
        app: waiting('app', 'PodInitializing'),
        initialized: ['False', 'ContainersNotInitialized', 'containers with incomplete status: [init-cfg]'],
        ready: 'containers with unready status: [app]',
      },
      {
        at: 'both done, app waiting',
        init: [terminated('init-db', 0, { ready: true }), terminated('init-cfg', 0, { ready: true })],
        app: waiting('app', 'PodInitializing'),
        initialized: ['True', undefined, undefined],
        ready: 'containers with unready status: [app]',
      },
    ];
    for (const r of rows) {
      it(r.at, () => {
        const cs = generatePodConditions(input({ spec: boot, initStatuses: r.init, statuses: [r.app] }));
        expect(brief(byType(cs, 'Initialized'))).toEqual(r.initialized);
        expect(byType(cs, 'Ready').message).toBe(r.ready);
      });
    }
    it('app running → all True', () => {
      const init = [terminated('init-db', 0, { ready: true }), terminated('init-cfg', 0, { ready: true })];
      const cs = generatePodConditions(input({ spec: boot, initStatuses: init, statuses: [running('app')] }));
      expect(cs.every((c) => c.status === 'True')).toBe(true);
    });
    it('once the app has started, Initialized stays True even if init statuses look incomplete (sandbox kept)', () => {
      const init = [waiting('init-db', 'PodInitializing'), waiting('init-cfg', 'PodInitializing')];
      const cs = generatePodConditions(input({ spec: boot, initStatuses: init, statuses: [waiting('app', 'CrashLoopBackOff', 1)], anyContainerStarted: true }));
      expect(byType(cs, 'Initialized').status).toBe('True');
    });
  });

  it('GC-09 Succeeded: Initialized True/PodCompleted, Ready and ContainersReady False/PodCompleted, no message', () => {
    const spec: PodSpec = { restartPolicy: 'OnFailure', containers: [{ name: 'task', image: 'x' }] };
    const statuses = [terminated('task', 0)];
    const cs = generatePodConditions(input({ spec, statuses }));
    expect(byType(cs, 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' });
    expect(brief(byType(cs, 'Ready'))).toEqual(['False', 'PodCompleted', undefined]);
    expect(brief(byType(cs, 'ContainersReady'))).toEqual(['False', 'PodCompleted', undefined]);
  });

  it('Failed pod: Ready/ContainersReady False/PodFailed even while a container is still running', () => {
    const spec: PodSpec = { restartPolicy: 'Never', containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'x' }] };
    const cs = generatePodConditions(input({ spec, phase: 'Failed', statuses: [terminated('a', 1), running('b')] }));
    expect(brief(byType(cs, 'Ready'))).toEqual(['False', 'PodFailed', undefined]);
    expect(byType(cs, 'Initialized').reason).toBeUndefined();
  });

  describe('sidecars (§5.3)', () => {
    const spec: PodSpec = {
      initContainers: [{ name: 'proxy', image: 'x', restartPolicy: 'Always' }, { name: 'init-db', image: 'x' }],
      containers: [{ name: 'app', image: 'x' }],
    };
    it('a sidecar not yet started keeps Initialized False; regular init waits behind it', () => {
      const cs = generatePodConditions(
        input({ spec, initStatuses: [running('proxy', { started: false, ready: false }), waiting('init-db', 'PodInitializing')], statuses: [waiting('app', 'PodInitializing')] }),
      );
      expect(byType(cs, 'Initialized').message).toBe('containers with incomplete status: [proxy init-db]');
    });
    it('a started sidecar counts as initialized and its readiness counts in ContainersReady', () => {
      const cs = generatePodConditions(
        input({ spec, initStatuses: [running('proxy', { ready: false }), terminated('init-db', 0, { ready: true })], statuses: [running('app')] }),
      );
      expect(byType(cs, 'Initialized').status).toBe('True');
      expect(byType(cs, 'ContainersReady').message).toBe('containers with unready status: [proxy]');
    });
  });

  it('PodReadyToStartContainers follows the sandbox', () => {
    const cs = generatePodConditions(input({ spec: { containers: [{ name: 'web', image: 'x' }] }, statuses: [waiting('web')], sandboxReady: false }));
    expect(byType(cs, 'PodReadyToStartContainers')).toMatchObject({ status: 'False' });
    expect(byType(cs, 'PodReadyToStartContainers').reason).toBeUndefined();
  });

  it('readiness gates: Ready False ReadinessGatesNotReady while ContainersReady is True', () => {
    const spec: PodSpec = { containers: [{ name: 'web', image: 'x' }], readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }] };
    const cs = generatePodConditions(input({ spec, statuses: [running('web')], readinessGateConditions: { 'example.com/dns': 'False' } }));
    expect(byType(cs, 'ContainersReady').status).toBe('True');
    expect(brief(byType(cs, 'Ready'))).toEqual([
      'False',
      'ReadinessGatesNotReady',
      'corresponding condition of pod readiness gate "example.com/lb" does not exist., the status of pod readiness gate "example.com/dns" is not "True", but False',
    ]);
  });

  it('keeps lastTransitionTime while the status is unchanged (even if the message changes), resets it on a flip', () => {
    const spec: PodSpec = { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'x' }] };
    const t10 = generatePodConditions(input({ spec, statuses: [running('a', { ready: false }), running('b')], now: 10 }));
    const t20 = generatePodConditions(input({ spec, statuses: [running('a', { ready: false }), running('b', { ready: false })], previous: t10, now: 20 }));
    expect(byType(t20, 'Ready').message).toBe('containers with unready status: [a b]');
    expect(byType(t20, 'Ready').lastTransitionTime).toBe(10);
    const t30 = generatePodConditions(input({ spec, statuses: [running('a'), running('b')], previous: t20, now: 30 }));
    expect(byType(t30, 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: 30 });
    expect(byType(t30, 'PodScheduled').lastTransitionTime).toBe(10);
  });

  it('PodScheduled keeps the bind time from previous when the kubelet re-asserts it', () => {
    const previous: PodCondition[] = [{ type: 'PodScheduled', status: 'True', lastTransitionTime: 3 }];
    const cs = generatePodConditions(input({ spec: { containers: [{ name: 'web', image: 'x' }] }, statuses: [waiting('web')], previous, now: 5 }));
    expect(byType(cs, 'PodScheduled').lastTransitionTime).toBe(3);
  });
});

describe('isPodReady', () => {
  const pod = (conditions: PodCondition[]): PodObject => ({
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'u', labels: {}, annotations: {}, creationTimestamp: 0, resourceVersion: '1' },
    spec: { containers: [{ name: 'web', image: 'x' }] },
    status: { phase: 'Running', conditions, initContainerStatuses: [], containerStatuses: [], qosClass: 'BestEffort' },
  });
  it('is true only with Ready=True', () => {
    expect(isPodReady(pod([{ type: 'ContainersReady', status: 'True', lastTransitionTime: 0 }, { type: 'Ready', status: 'True', lastTransitionTime: 0 }]))).toBe(true);
    expect(isPodReady(pod([{ type: 'ContainersReady', status: 'True', lastTransitionTime: 0 }, { type: 'Ready', status: 'False', lastTransitionTime: 0 }]))).toBe(false);
    expect(isPodReady(pod([]))).toBe(false);
  });
});
