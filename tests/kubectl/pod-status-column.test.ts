import { describe, it, expect } from 'vitest';
import { podReadyColumn, podRestarts, podRestartsColumn, podStatusColumn } from '../../src/engine/kubectl/pod-status-column';
import type { PodObject } from '../../src/engine/model/objects';
import { lastTerminated, makePod, running, terminated, waiting, type PodFixture } from './fixtures';

const c = (name: string, rest: Partial<PodFixture['containers'][number]> = {}) => ({ name, ...rest });

describe('STATUS column (printPod)', () => {
  const cases: [string, PodObject, string, string][] = [
    ['unscheduled pod: the phase', makePod({ name: 'p', nodeName: null, containers: [c('app', { noStatus: true })] }), 'Pending', '0/1'],
    [
      'scheduling gated',
      makePod({
        name: 'p',
        nodeName: null,
        containers: [c('app', { noStatus: true })],
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates', lastTransitionTime: 0 }],
      }),
      'SchedulingGated',
      '0/1',
    ],
    ['status.reason (Evicted) replaces the phase', makePod({ name: 'p', phase: 'Failed', reason: 'Evicted', containers: [c('app', { state: terminated({ exitCode: 137, reason: 'ContainerStatusUnknown' }) })] }), 'ContainerStatusUnknown', '0/1'],
    ['Evicted with no container reason', makePod({ name: 'p', phase: 'Failed', reason: 'Evicted', containers: [c('app', { noStatus: true })] }), 'Evicted', '0/1'],
    ['container creating', makePod({ name: 'p', containers: [c('app', { state: waiting('ContainerCreating') })] }), 'ContainerCreating', '0/1'],
    ['running and ready', makePod({ name: 'p', containers: [c('app')] }), 'Running', '1/1'],
    ['running, not ready: STATUS stays Running', makePod({ name: 'p', containers: [c('app', { ready: false })], ready: false }), 'Running', '0/1'],
    ['crash loop', makePod({ name: 'p', containers: [c('app', { state: waiting('CrashLoopBackOff'), restartCount: 3, lastState: lastTerminated({ exitCode: 1, reason: 'Error' }) })] }), 'CrashLoopBackOff', '0/1'],
    ['image pull back-off', makePod({ name: 'p', containers: [c('app', { state: waiting('ImagePullBackOff') })] }), 'ImagePullBackOff', '0/1'],
    ['terminated with a reason', makePod({ name: 'p', containers: [c('app', { state: terminated({ exitCode: 1, reason: 'Error' }) })] }), 'Error', '0/1'],
    ['OOMKilled', makePod({ name: 'p', containers: [c('app', { state: terminated({ exitCode: 137, reason: 'OOMKilled' }) })] }), 'OOMKilled', '0/1'],
    ['terminated by a signal, no reason', makePod({ name: 'p', containers: [c('app', { state: terminated({ exitCode: 137, signal: 9 }) })] }), 'Signal:9', '0/1'],
    ['terminated, no reason, no signal', makePod({ name: 'p', containers: [c('app', { state: terminated({ exitCode: 2 }) })] }), 'ExitCode:2', '0/1'],
    ['all completed', makePod({ name: 'p', phase: 'Succeeded', containers: [c('app', { state: terminated({ exitCode: 0, reason: 'Completed' }) })], ready: false }), 'Completed', '0/1'],
    [
      'Completed but another container runs, pod Ready: Running',
      makePod({ name: 'p', containers: [c('job', { state: terminated({ exitCode: 0, reason: 'Completed' }) }), c('app')], ready: true }),
      'Running',
      '1/2',
    ],
    [
      'Completed but another container runs, pod not Ready: NotReady',
      makePod({ name: 'p', containers: [c('job', { state: terminated({ exitCode: 0, reason: 'Completed' }) }), c('app')], ready: false }),
      'NotReady',
      '1/2',
    ],
    [
      'the lowest-index container with a reason wins',
      makePod({ name: 'p', containers: [c('web', { state: waiting('ImagePullBackOff') }), c('log', { state: waiting('CrashLoopBackOff') })] }),
      'ImagePullBackOff',
      '0/2',
    ],
    [
      'a running ready container does not hide a later waiting one',
      makePod({ name: 'p', containers: [c('web'), c('log', { state: waiting('CreateContainerConfigError') })] }),
      'CreateContainerConfigError',
      '1/2',
    ],
    [
      'Init:0/2 while the first init container runs',
      makePod({ name: 'p', initContainers: [c('init-db', { state: running(0) }), c('init-cfg', { state: waiting('PodInitializing') })], containers: [c('app', { state: waiting('PodInitializing') })] }),
      'Init:0/2',
      '0/1',
    ],
    [
      'Init:1/2 once the first completed',
      makePod({
        name: 'p',
        initContainers: [c('init-db', { state: terminated({ exitCode: 0, reason: 'Completed' }) }), c('init-cfg', { state: running(6) })],
        containers: [c('app', { state: waiting('PodInitializing') })],
      }),
      'Init:1/2',
      '0/1',
    ],
    [
      'PodInitializing once every init container completed',
      makePod({
        name: 'p',
        initContainers: [c('init-db', { state: terminated({ exitCode: 0, reason: 'Completed' }) }), c('init-cfg', { state: terminated({ exitCode: 0, reason: 'Completed' }) })],
        containers: [c('app', { state: waiting('PodInitializing') })],
      }),
      'PodInitializing',
      '0/1',
    ],
    [
      'Init:Error',
      makePod({ name: 'p', initContainers: [c('init-db', { state: terminated({ exitCode: 1, reason: 'Error' }) })], containers: [c('app', { state: waiting('PodInitializing') })] }),
      'Init:Error',
      '0/1',
    ],
    [
      'Init:CrashLoopBackOff',
      makePod({ name: 'p', initContainers: [c('init-db', { state: waiting('CrashLoopBackOff'), restartCount: 2 })], containers: [c('app', { state: waiting('PodInitializing') })] }),
      'Init:CrashLoopBackOff',
      '0/1',
    ],
    [
      'Init:ExitCode:N when the runtime gave no reason',
      makePod({ name: 'p', initContainers: [c('init-db', { state: terminated({ exitCode: 3 }) })], containers: [c('app', { state: waiting('PodInitializing') })] }),
      'Init:ExitCode:3',
      '0/1',
    ],
    [
      'Init:Signal:N',
      makePod({ name: 'p', initContainers: [c('init-db', { state: terminated({ exitCode: 137, signal: 9 }) })], containers: [c('app', { state: waiting('PodInitializing') })] }),
      'Init:Signal:9',
      '0/1',
    ],
    [
      'an init container waiting with PodInitializing counts as Init:i/n',
      makePod({ name: 'p', initContainers: [c('init-db', { state: waiting('PodInitializing') })], containers: [c('app', { state: waiting('PodInitializing') })] }),
      'Init:0/1',
      '0/1',
    ],
    [
      'a started, ready sidecar is passed over and counts in READY',
      makePod({ name: 'p', initContainers: [c('proxy', { sidecar: true })], containers: [c('app')] }),
      'Running',
      '2/2',
    ],
    [
      'a sidecar not yet started holds initialization (total includes it)',
      makePod({ name: 'p', initContainers: [c('proxy', { sidecar: true, started: false, ready: false })], containers: [c('app', { state: waiting('PodInitializing') })] }),
      'Init:0/1',
      '0/2',
    ],
    [
      'an unready sidecar counts in the total only',
      makePod({ name: 'p', initContainers: [c('proxy', { sidecar: true, ready: false })], containers: [c('app')], ready: false }),
      'Running',
      '1/2',
    ],
    [
      'Initialized=True lets regular containers overwrite an init reason',
      makePod({ name: 'p', initContainers: [c('init-db', { state: terminated({ exitCode: 1, reason: 'Error' }) })], initialized: true, containers: [c('app', { state: waiting('CrashLoopBackOff') })] }),
      'CrashLoopBackOff',
      '0/1',
    ],
    [
      'Initialized=True with a running container keeps the init reason but counts READY',
      makePod({ name: 'p', initContainers: [c('init-db', { state: terminated({ exitCode: 1, reason: 'Error' }) })], initialized: true, containers: [c('app')] }),
      'Init:Error',
      '1/1',
    ],
    ['deleted and not terminal: Terminating', makePod({ name: 'p', deletionTimestamp: 100, containers: [c('app')] }), 'Terminating', '1/1'],
    [
      'deleted but already Succeeded: the container reason',
      makePod({ name: 'p', deletionTimestamp: 100, phase: 'Succeeded', containers: [c('app', { state: terminated({ exitCode: 0, reason: 'Completed' }) })], ready: false }),
      'Completed',
      '0/1',
    ],
    ['deleted with reason NodeLost: Unknown', makePod({ name: 'p', deletionTimestamp: 100, reason: 'NodeLost', containers: [c('app')] }), 'Unknown', '1/1'],
  ];

  it.each(cases)('%s', (_, pod, status, ready) => {
    expect(podStatusColumn(pod)).toBe(status);
    expect(podReadyColumn(pod)).toBe(ready);
  });
});

describe('RESTARTS column', () => {
  it('shows the count and how long ago the last container died (GC-03 at t=300)', () => {
    const pod = makePod({
      name: 'crasher',
      containers: [c('crasher', { state: waiting('CrashLoopBackOff'), restartCount: 5, lastState: lastTerminated({ exitCode: 1, reason: 'Error', startedAt: 160, finishedAt: 162 }) })],
    });
    expect(podRestarts(pod)).toBe(5);
    expect(podRestartsColumn(pod, 300)).toBe('5 (2m18s ago)');
    expect(podRestartsColumn(pod, 600)).toBe('5 (7m18s ago)');
  });

  it('is a bare number when nothing restarted, or when no termination time is known', () => {
    expect(podRestartsColumn(makePod({ name: 'p', containers: [c('app')] }), 50)).toBe('0');
    expect(podRestartsColumn(makePod({ name: 'p', containers: [c('app', { restartCount: 2 })] }), 50)).toBe('2');
  });

  it('uses the latest finishedAt over all containers', () => {
    const pod = makePod({
      name: 'p',
      containers: [
        c('a', { restartCount: 1, lastState: lastTerminated({ exitCode: 1, reason: 'Error', finishedAt: 10 }) }),
        c('b', { restartCount: 2, lastState: lastTerminated({ exitCode: 1, reason: 'Error', finishedAt: 40 }) }),
      ],
    });
    expect(podRestartsColumn(pod, 85)).toBe('3 (45s ago)');
  });

  it('counts init-container restarts while initializing', () => {
    const pod = makePod({
      name: 'p',
      initContainers: [c('init-db', { state: waiting('CrashLoopBackOff'), restartCount: 4, lastState: lastTerminated({ exitCode: 1, reason: 'Error', finishedAt: 50 }) })],
      containers: [c('app', { state: waiting('PodInitializing') })],
    });
    expect(podStatusColumn(pod)).toBe('Init:CrashLoopBackOff');
    expect(podRestartsColumn(pod, 60)).toBe('4 (10s ago)');
  });

  it('after initialization counts sidecars and regular containers but not regular init containers', () => {
    const pod = makePod({
      name: 'p',
      initContainers: [
        c('init-db', { state: terminated({ exitCode: 0, reason: 'Completed' }), restartCount: 1, lastState: lastTerminated({ exitCode: 1, reason: 'Error', finishedAt: 90 }) }),
        c('proxy', { sidecar: true, restartCount: 2, lastState: lastTerminated({ exitCode: 1, reason: 'Error', finishedAt: 20 }) }),
      ],
      containers: [c('app', { restartCount: 1, lastState: lastTerminated({ exitCode: 143, reason: 'Error', finishedAt: 30 }) })],
    });
    expect(podRestarts(pod)).toBe(3);
    // the init container's later finishedAt (90) is not counted either
    expect(podRestartsColumn(pod, 100)).toBe('3 (70s ago)');
  });
});
