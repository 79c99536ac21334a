/**
 * The runner's `pod` and `endpoints` lines (scenario-format.md), from API objects.
 */
import type { ContainerStatus, EndpointSliceObject, PodObject } from './model/objects';
import type { ContainerLine, EndpointsLine, PodLine } from './observations';
import { podStatusColumn, podRestarts } from './kubectl/pod-status-column';

function containerLine(s: ContainerStatus): ContainerLine {
  const st = s.state;
  const last = s.lastState.terminated;
  if ('running' in st)
    return { name: s.name, state: 'running', reason: null, exitCode: null, ready: s.ready, started: s.started, restartCount: s.restartCount, lastState: last ? { reason: last.reason, exitCode: last.exitCode, finishedAt: last.finishedAt } : null };
  if ('terminated' in st)
    return {
      name: s.name,
      state: 'terminated',
      reason: st.terminated.reason,
      exitCode: st.terminated.exitCode,
      ready: s.ready,
      started: s.started,
      restartCount: s.restartCount,
      lastState: last ? { reason: last.reason, exitCode: last.exitCode, finishedAt: last.finishedAt } : null,
    };
  return {
    name: s.name,
    state: 'waiting',
    reason: st.waiting.reason ?? null,
    exitCode: null,
    ready: s.ready,
    started: s.started,
    restartCount: s.restartCount,
    lastState: last ? { reason: last.reason, exitCode: last.exitCode, finishedAt: last.finishedAt } : null,
  };
}

/** containers without a status yet are shown waiting for ContainerCreating (or PodInitializing) */
function placeholder(name: string, reason: string): ContainerLine {
  return { name, state: 'waiting', reason, exitCode: null, ready: false, started: false, restartCount: 0, lastState: null };
}

export function podLine(t: number, pod: PodObject): PodLine {
  const cond = (type: string) => pod.status.conditions.find((c) => c.type === type)?.status === 'True';
  const hasInit = (pod.spec.initContainers ?? []).length > 0;
  const statuses = pod.status.containerStatuses;
  const initStatuses = pod.status.initContainerStatuses;
  const line: PodLine = {
    t,
    type: 'pod',
    name: pod.metadata.name,
    phase: pod.status.phase,
    status: podStatusColumn(pod),
    ready: cond('Ready'),
    restarts: podRestarts(pod),
    conditions: { PodScheduled: cond('PodScheduled'), Initialized: cond('Initialized'), ContainersReady: cond('ContainersReady'), Ready: cond('Ready') },
    containers: pod.spec.containers.map((c) => {
      const s = statuses.find((x) => x.name === c.name);
      return s ? containerLine(s) : placeholder(c.name, hasInit ? 'PodInitializing' : 'ContainerCreating');
    }),
  };
  if (hasInit) {
    line.initContainers = (pod.spec.initContainers ?? []).map((c) => {
      const s = initStatuses.find((x) => x.name === c.name);
      return s ? containerLine(s) : placeholder(c.name, 'ContainerCreating');
    });
    // keep the documented key order: initContainers before containers
    const { containers, ...rest } = line;
    return { ...rest, initContainers: line.initContainers, containers };
  }
  return line;
}

export function endpointsLine(t: number, service: string, slices: EndpointSliceObject[]): EndpointsLine {
  const endpoints = slices
    .flatMap((s) => s.endpoints)
    .map((e) => ({ pod: e.targetRef.name, ready: e.conditions.ready, serving: e.conditions.serving, terminating: e.conditions.terminating }))
    .sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
  return { t, type: 'endpoints', service, endpoints };
}
