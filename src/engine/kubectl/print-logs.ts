/**
 * `kubectl logs` (k8s.io/kubectl/pkg/cmd/logs, polymorphichelpers/logsforobject.go) over the
 * kubelet's checks (validateContainerLogStatus in k8s.io/kubernetes/pkg/kubelet/kubelet_pods.go).
 */
import type { KubectlCommand } from '../../scenario/commands/command-ast';
import type { ClusterView, ContainerStatus, LogLine, PodObject } from '../model/objects';
import type { CommandOutput } from '../simulation-api';
import { rfc3339Nano } from '../format/go-time';
import { fromServer, notFoundMessage } from './api-errors';
import { NAMESPACE } from './kubectl-get';
import { labelSelectorMatches } from './label-selector';

export type LogsCommand = Extract<KubectlCommand, { verb: 'logs' }>;

/** podcmd.DefaultContainerAnnotationName */
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** podcmd.AllContainerNames: regular containers, then init containers marked "(init)" */
export function allContainerNames(pod: PodObject): string {
  return [...(pod.spec.containers ?? []).map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
}

function isPodReady(p: PodObject): boolean {
  return p.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

function readyTime(p: PodObject): number | null {
  const c = p.status.conditions.find((x) => x.type === 'Ready' && x.status === 'True');
  return c ? c.lastTransitionTime : null;
}

function maxRestarts(p: PodObject): number {
  return Math.max(0, ...p.status.containerStatuses.map((s) => s.restartCount));
}

/** podutils.ByLogging: which pod of a controller `kubectl logs deploy/x` reads */
export function byLogging(a: PodObject, b: PodObject): number {
  const an = a.spec.nodeName ?? '';
  const bn = b.spec.nodeName ?? '';
  // 1. assigned < unassigned
  if (an !== bn && (an === '' || bn === '')) return an !== '' ? -1 : 1;
  // 2. Running < Unknown < Pending (other phases rank with Running, as the Go map lookup gives 0)
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const ar = rank[a.status.phase] ?? 0;
  const br = rank[b.status.phase] ?? 0;
  if (ar !== br) return ar - br;
  // 3. ready < not ready
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? -1 : 1;
  // 4. ready for longer < ready for less time
  const at = readyTime(a);
  const bt = readyTime(b);
  if (isPodReady(a) && isPodReady(b) && at !== bt && at !== null && bt !== null) return at - bt;
  // 5. more restarts < fewer restarts
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  // 6. older < newer
  return a.metadata.creationTimestamp - b.metadata.creationTimestamp;
}

function statusOf(pod: PodObject, container: string): ContainerStatus | undefined {
  return pod.status.containerStatuses.find((s) => s.name === container) ?? pod.status.initContainerStatuses.find((s) => s.name === container);
}

type Fetch = { lines: LogLine[] } | { error: string };

/** the API server / kubelet side of GET pods/log for one container */
function fetchLogs(pod: PodObject, container: string, previous: boolean, view: ClusterView): Fetch {
  const podName = pod.metadata.name;
  // an unscheduled pod has no log location: the API returns an empty body
  if (!pod.spec.nodeName) return { lines: [] };
  const status = statusOf(pod, container);
  if (!status) return { error: fromServer('BadRequest', `container "${container}" in pod "${podName}" is not available`) };
  const last = status.lastState.terminated;
  if (previous) {
    if (!last) return { error: fromServer('BadRequest', `previous terminated container "${container}" in pod "${podName}" not found`) };
    return { lines: view.logs.previous(podName, container) ?? [] };
  }
  const st = status.state;
  if ('running' in st || 'terminated' in st || last) {
    // running: this instance; terminated: that instance; waiting after a crash: the dead instance
    return { lines: view.logs.current(podName, container) ?? [] };
  }
  const reason = st.waiting.reason ?? '';
  if (reason === 'ErrImagePull') return { error: fromServer('BadRequest', `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`) };
  if (reason === 'ImagePullBackOff') return { error: fromServer('BadRequest', `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`) };
  return { error: fromServer('BadRequest', `container "${container}" in pod "${podName}" is waiting to start: ${reason}`) };
}

function formatLines(lines: LogLine[], cmd: LogsCommand, prefix: string, view: ClusterView): string {
  const shown = cmd.tail >= 0 ? lines.slice(Math.max(0, lines.length - cmd.tail)) : lines;
  return shown.map((l) => `${prefix}${cmd.timestamps ? rfc3339Nano(view.epochMs, l.t) + ' ' : ''}${l.text}\n`).join('');
}

export function runLogs(cmd: LogsCommand, view: ClusterView): CommandOutput {
  const stderr: string[] = [];
  let pod: PodObject | undefined;
  if (cmd.podIsDeployment) {
    const d = view.deployments.find((x) => x.metadata.name === cmd.pod && x.metadata.namespace === NAMESPACE);
    if (!d) return { stdout: '', stderr: notFoundMessage('deployments', cmd.pod) + '\n', exitCode: 1 };
    const pods = view.pods
      .filter((p) => p.metadata.namespace === NAMESPACE && labelSelectorMatches(d.spec.selector, p.metadata.labels))
      .sort(byLogging);
    // kubectl waits --pod-running-timeout (20s) for a pod to show up
    if (pods.length === 0) return { stdout: '', stderr: 'error: timed out waiting for the condition\n', exitCode: 1 };
    pod = pods[0];
    if (pods.length > 1) stderr.push(`Found ${pods.length} pods, using pod/${pod.metadata.name}`);
  } else {
    pod = view.pods.find((p) => p.metadata.name === cmd.pod && p.metadata.namespace === NAMESPACE);
    if (!pod) return { stdout: '', stderr: notFoundMessage('pods', cmd.pod) + '\n', exitCode: 1 };
  }

  const containers = (pod.spec.containers ?? []).map((c) => c.name);
  const inits = (pod.spec.initContainers ?? []).map((c) => c.name);
  let targets: string[];
  if (cmd.allContainers) {
    targets = [...inits, ...containers];
  } else {
    let container = cmd.container;
    if (!container) {
      const annotated = pod.metadata.annotations[DEFAULT_CONTAINER_ANNOTATION];
      if (annotated) {
        if ([...containers, ...inits].includes(annotated)) container = annotated;
        else stderr.push(`Default container name "${annotated}" not found in pod ${pod.metadata.name}`);
      }
    }
    if (!container) {
      container = containers[0];
      if (containers.length > 1 || inits.length > 0) stderr.push(`Defaulted container "${container}" out of: ${allContainerNames(pod)}`);
    }
    if (!containers.includes(container) && !inits.includes(container)) {
      stderr.push(`error: container ${container} is not valid for pod ${pod.metadata.name}`);
      return { stdout: '', stderr: stderr.map((l) => l + '\n').join(''), exitCode: 1 };
    }
    targets = [container];
  }

  let stdout = '';
  for (const c of targets) {
    const got = fetchLogs(pod, c, cmd.previous, view);
    if ('error' in got) {
      // sequentialConsumeRequest stops at the first failing container
      stderr.push(got.error);
      return { stdout, stderr: stderr.map((l) => l + '\n').join(''), exitCode: 1 };
    }
    const prefix = cmd.prefix ? `[pod/${pod.metadata.name}/${c}] ` : '';
    stdout += formatLines(got.lines, cmd, prefix, view);
  }
  return { stdout, stderr: stderr.map((l) => l + '\n').join(''), exitCode: 0 };
}
