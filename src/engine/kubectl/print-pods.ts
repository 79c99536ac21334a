/** `kubectl get pods` rows (printPod in k8s.io/kubernetes/pkg/printers/internalversion/printers.go). */
import type { ClusterView, PodObject, Seconds } from '../model/objects';
import { humanDuration } from '../format/human-duration';
import { summarizePod } from './pod-status-column';
import type { Table, TableColumn } from './table-printer';

export const POD_COLUMNS: TableColumn[] = [
  { name: 'Name', format: 'name' },
  { name: 'Ready' },
  { name: 'Status' },
  { name: 'Restarts' },
  { name: 'Age' },
  { name: 'IP', priority: 1 },
  { name: 'Node', priority: 1 },
  { name: 'Nominated Node', priority: 1 },
  { name: 'Readiness Gates', priority: 1 },
];

/** translateTimestampSince: the AGE of something created at t */
export function age(now: Seconds, t: Seconds): string {
  return humanDuration(now - t);
}

export function podCells(pod: PodObject, now: Seconds): string[] {
  const s = summarizePod(pod);
  const restarts =
    s.restarts !== 0 && s.lastRestart !== null ? `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)` : String(s.restarts);
  const gates = pod.spec.readinessGates ?? [];
  let readinessGates = '<none>';
  if (gates.length > 0) {
    const trueConditions = gates.filter((g) =>
      pod.status.conditions.some((c) => (c.type as string) === g.conditionType && c.status === 'True'),
    ).length;
    readinessGates = `${trueConditions}/${gates.length}`;
  }
  return [
    pod.metadata.name,
    `${s.readyContainers}/${s.totalContainers}`,
    s.reason,
    restarts,
    age(now, pod.metadata.creationTimestamp),
    pod.status.podIP || '<none>',
    pod.spec.nodeName || '<none>',
    pod.status.nominatedNodeName || '<none>',
    readinessGates,
  ];
}

export function podTable(pods: PodObject[], view: ClusterView): Table {
  return {
    columns: POD_COLUMNS,
    rows: pods.map((p) => ({ cells: podCells(p, view.now), namespace: p.metadata.namespace, labels: p.metadata.labels })),
  };
}
