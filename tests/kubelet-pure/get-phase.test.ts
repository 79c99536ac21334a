import { describe, it, expect } from 'vitest';
import type { PodSpec } from 'kubernetes-types/core/v1';
import { getPhase, hasAnyRegularContainerStarted } from '../../src/engine/kubelet/get-phase';
import type { ContainerStatus, PodPhase } from '../../src/engine/model/objects';
import { running, terminated, waiting } from './status-builders';

function spec(containers: string[], opts: { init?: string[]; sidecars?: string[]; restartPolicy?: string } = {}): PodSpec {
  // sidecars come first in initContainers, then regular init containers
  return {
    restartPolicy: opts.restartPolicy,
    initContainers: [
      ...(opts.sidecars ?? []).map((name) => ({ name, image: 'busybox', restartPolicy: 'Always' })),
      ...(opts.init ?? []).map((name) => ({ name, image: 'busybox' })),
    ],
    containers: containers.map((name) => ({ name, image: 'busybox' })),
  };
}

interface Case {
  name: string;
  spec: PodSpec;
  init?: ContainerStatus[];
  regular: ContainerStatus[];
  terminal?: boolean;
  want: PodPhase;
}

const cases: Case[] = [
  // §1.2 consequences
  { name: 'never-run container (ContainerCreating) → Pending', spec: spec(['app']), regular: [waiting('app')], want: 'Pending' },
  { name: 'ImagePullBackOff, never ran → Pending', spec: spec(['app']), regular: [waiting('app', 'ImagePullBackOff')], want: 'Pending' },
  { name: 'running → Running', spec: spec(['app']), regular: [running('app')], want: 'Running' },
  { name: 'Always + CrashLoopBackOff (waiting after exit 1) → Running', spec: spec(['app']), regular: [waiting('app', 'CrashLoopBackOff', 1)], want: 'Running' },
  { name: 'Always + exit 0 (to be restarted) → Running', spec: spec(['app']), regular: [terminated('app', 0)], want: 'Running' },
  { name: 'Always + exit 1 not yet restarted → Running', spec: spec(['app']), regular: [terminated('app', 1)], want: 'Running' },
  { name: 'OnFailure + exit 0 → Succeeded (GC-09)', spec: spec(['task'], { restartPolicy: 'OnFailure' }), regular: [terminated('task', 0)], want: 'Succeeded' },
  { name: 'OnFailure + exit 1 → Running (restarting)', spec: spec(['task'], { restartPolicy: 'OnFailure' }), regular: [terminated('task', 1)], want: 'Running' },
  { name: 'OnFailure + CrashLoopBackOff → Running', spec: spec(['task'], { restartPolicy: 'OnFailure' }), regular: [waiting('task', 'CrashLoopBackOff', 1)], want: 'Running' },
  { name: 'Never + exit 1 → Failed', spec: spec(['app'], { restartPolicy: 'Never' }), regular: [terminated('app', 1)], want: 'Failed' },
  { name: 'Never + exit 0 → Succeeded', spec: spec(['app'], { restartPolicy: 'Never' }), regular: [terminated('app', 0)], want: 'Succeeded' },
  { name: 'Never + 137 (liveness kill, GC-02 variant B) → Failed', spec: spec(['api'], { restartPolicy: 'Never' }), regular: [terminated('api', 137)], want: 'Failed' },
  { name: 'Never: one failed, one still running → Running', spec: spec(['a', 'b'], { restartPolicy: 'Never' }), regular: [terminated('a', 1), running('b')], want: 'Running' },
  { name: 'Never: one 0, one 1 → Failed', spec: spec(['a', 'b'], { restartPolicy: 'Never' }), regular: [terminated('a', 0), terminated('b', 1)], want: 'Failed' },
  { name: 'one running, one never ran → Pending (waiting > 0)', spec: spec(['a', 'b']), regular: [running('a'), waiting('b')], want: 'Pending' },
  { name: 'one running, one crash-looping → Running', spec: spec(['a', 'b']), regular: [running('a'), waiting('b', 'CrashLoopBackOff', 1)], want: 'Running' },
  { name: 'missing status for one container, other running → Pending (unknown)', spec: spec(['a', 'b']), regular: [running('a')], want: 'Pending' },
  { name: 'no statuses at all → Pending', spec: spec(['a']), regular: [], want: 'Pending' },
  // terminal pods (being deleted)
  { name: 'terminal + Always + all exit 0 → Succeeded', spec: spec(['a', 'b']), regular: [terminated('a', 0), terminated('b', 0)], terminal: true, want: 'Succeeded' },
  { name: 'terminal + Always + 143 → Failed', spec: spec(['a']), regular: [terminated('a', 143)], terminal: true, want: 'Failed' },
  { name: 'terminal + OnFailure + 1 → Failed', spec: spec(['a'], { restartPolicy: 'OnFailure' }), regular: [terminated('a', 1)], terminal: true, want: 'Failed' },
  { name: 'terminal but still running → Running', spec: spec(['a']), regular: [running('a')], terminal: true, want: 'Running' },
  // GC-07 init containers
  {
    name: 'GC-07 init-db running → Pending',
    spec: spec(['app'], { init: ['init-db', 'init-cfg'] }),
    init: [running('init-db', { ready: false }), waiting('init-cfg', 'PodInitializing')],
    regular: [waiting('app', 'PodInitializing')],
    want: 'Pending',
  },
  {
    name: 'GC-07 init-cfg running → Pending',
    spec: spec(['app'], { init: ['init-db', 'init-cfg'] }),
    init: [terminated('init-db', 0, { ready: true }), running('init-cfg', { ready: false })],
    regular: [waiting('app', 'PodInitializing')],
    want: 'Pending',
  },
  {
    name: 'GC-07 inits done, app not yet started → Pending',
    spec: spec(['app'], { init: ['init-db', 'init-cfg'] }),
    init: [terminated('init-db', 0, { ready: true }), terminated('init-cfg', 0, { ready: true })],
    regular: [waiting('app', 'PodInitializing')],
    want: 'Pending',
  },
  {
    name: 'GC-07 app running → Running',
    spec: spec(['app'], { init: ['init-db', 'init-cfg'] }),
    init: [terminated('init-db', 0, { ready: true }), terminated('init-cfg', 0, { ready: true })],
    regular: [running('app')],
    want: 'Running',
  },
  {
    name: 'init container missing a status → Pending',
    spec: spec(['app'], { init: ['init-db'] }),
    init: [],
    regular: [waiting('app', 'PodInitializing')],
    want: 'Pending',
  },
  {
    name: 'init exit 1 + Never → Failed',
    spec: spec(['app'], { init: ['init-db'], restartPolicy: 'Never' }),
    init: [terminated('init-db', 1)],
    regular: [waiting('app', 'PodInitializing')],
    want: 'Failed',
  },
  {
    name: 'init Init:CrashLoopBackOff + Always → Pending',
    spec: spec(['app'], { init: ['init-db'] }),
    init: [waiting('init-db', 'CrashLoopBackOff', 1)],
    regular: [waiting('app', 'PodInitializing')],
    want: 'Pending',
  },
  {
    name: 'init waiting after a failure + Never → Failed',
    spec: spec(['app'], { init: ['init-db'], restartPolicy: 'Never' }),
    init: [waiting('init-db', 'CrashLoopBackOff', 2)],
    regular: [waiting('app', 'PodInitializing')],
    want: 'Failed',
  },
  // §5.3 sidecars
  {
    name: 'sidecar running but not started (startup probe) → Pending',
    spec: spec(['app'], { sidecars: ['proxy'] }),
    init: [running('proxy', { started: false, ready: false })],
    regular: [waiting('app', 'PodInitializing')],
    want: 'Pending',
  },
  {
    name: 'sidecar never ran → Pending',
    spec: spec(['app'], { sidecars: ['proxy'] }),
    init: [waiting('proxy', 'PodInitializing')],
    regular: [waiting('app', 'PodInitializing')],
    want: 'Pending',
  },
  {
    name: 'sidecar started and app running → Running',
    spec: spec(['app'], { sidecars: ['proxy'] }),
    init: [running('proxy')],
    regular: [running('app')],
    want: 'Running',
  },
  {
    name: 'sidecar running-not-started after app started (restart) → Running, not back to Pending',
    spec: spec(['app'], { sidecars: ['proxy'] }),
    init: [running('proxy', { started: false, ready: false })],
    regular: [running('app')],
    want: 'Running',
  },
  {
    name: 'started sidecar running, app crash-looping → Running (sidecar not pending)',
    spec: spec(['app'], { sidecars: ['proxy'] }),
    init: [running('proxy')],
    regular: [waiting('app', 'CrashLoopBackOff', 1)],
    want: 'Running',
  },
  {
    name: 'sidecar crash-looping while app runs → Running',
    spec: spec(['app'], { sidecars: ['proxy'] }),
    init: [waiting('proxy', 'CrashLoopBackOff', 1)],
    regular: [running('app')],
    want: 'Running',
  },
  {
    name: 'Job-like: app exit 0, sidecar still running, OnFailure → Running (sidecar not stopped yet)',
    spec: spec(['task'], { sidecars: ['proxy'], restartPolicy: 'OnFailure' }),
    init: [running('proxy')],
    regular: [terminated('task', 0)],
    want: 'Running',
  },
  {
    name: 'Job-like: app exit 0, sidecar stopped with 137, Never → Succeeded (sidecar exit ignored)',
    spec: spec(['task'], { sidecars: ['proxy'], restartPolicy: 'Never' }),
    init: [terminated('proxy', 137)],
    regular: [terminated('task', 0)],
    want: 'Succeeded',
  },
  {
    name: 'sidecar status missing → unknown → Pending even with app running',
    spec: spec(['app'], { sidecars: ['proxy'] }),
    init: [],
    regular: [running('app')],
    want: 'Pending',
  },
];

describe('getPhase (kubelet_pods.go, §1.2)', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(getPhase(c.spec, c.init ?? [], c.regular, c.terminal ?? false)).toBe(c.want);
    });
  }

  it('restartPolicy undefined defaults to Always', () => {
    const s = spec(['app']);
    delete s.restartPolicy;
    expect(getPhase(s, [], [terminated('app', 0)], false)).toBe('Running');
  });

  it('podHasInitialized override keeps a restarting-sidecar pod out of Pending', () => {
    const s = spec(['app'], { sidecars: ['proxy'] });
    // app waiting after a run counts as stopped; the sidecar is running-not-started
    const init = [running('proxy', { started: false, ready: false })];
    const regular = [waiting('app', 'CrashLoopBackOff', 1)];
    expect(getPhase(s, init, regular, false, false)).toBe('Pending');
    expect(getPhase(s, init, regular, false, true)).toBe('Running');
  });

  it('hasAnyRegularContainerStarted ignores init containers', () => {
    const s = spec(['app'], { init: ['init-db'] });
    expect(hasAnyRegularContainerStarted(s, [running('init-db'), waiting('app', 'PodInitializing')])).toBe(false);
    expect(hasAnyRegularContainerStarted(s, [terminated('app', 1)])).toBe(true);
  });
});
