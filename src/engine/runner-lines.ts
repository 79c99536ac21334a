/**
 * The runner's `pod` and `endpoints` lines (scenario-format.md), from API objects.
 */
import type { ContainerStatus, EndpointSliceObject, PodObject } from './model/objects';
import type { ContainerLine, EndpointsLine, PodLine } from './observations';
import { summarizePod } from './kubectl/pod-status-column';
import type { PodRuntime } from './kubelet/pod-runtime';

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
  // the STATUS and RESTARTS columns (podStatusColumn, podRestarts) from one summary
  const summary = summarizePod(pod);
  const line: PodLine = {
    t,
    type: 'pod',
    name: pod.metadata.name,
    phase: pod.status.phase,
    status: summary.reason,
    ready: cond('Ready'),
    restarts: summary.restarts,
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

/**
 * The pod's line with its JSON when it says something new (its time aside), else null;
 * remembers it as the last printed. A line is made from the pod's status, its deletion
 * timestamp and its spec: while none of these objects has been replaced, it is the last one.
 */
export function changedPodLine(pod: PodRuntime, t: number): { line: PodLine; json: string } | null {
  const obj = pod.obj;
  const from = pod.lineFrom;
  if (from && from[0] === obj.status && from[1] === obj.metadata.deletionTimestamp && from[2] === obj.spec && from[3] === obj.metadata.name) return null;
  pod.lineFrom = [obj.status, obj.metadata.deletionTimestamp, obj.spec, obj.metadata.name];
  const line = podLine(t, obj);
  const json = JSON.stringify(line);
  // the line without its time says whether anything changed ({"t":…, is its first field)
  const key = json.slice(json.indexOf(','));
  if (key === pod.lastLine) return null;
  pod.lastLine = key;
  return { line, json };
}

export function endpointsLine(t: number, service: string, slices: EndpointSliceObject[]): EndpointsLine {
  const endpoints = slices
    .flatMap((s) => s.endpoints)
    .map((e) => ({ pod: e.targetRef.name, ready: e.conditions.ready, serving: e.conditions.serving, terminating: e.conditions.terminating }))
    .sort((a, b) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
  return { t, type: 'endpoints', service, endpoints };
}
