/**
 * `kubectl describe deployment` and `kubectl describe replicaset` (describeDeployment,
 * describeReplicaSet in k8s.io/kubectl/pkg/describe/describe.go).
 */
import type { ClusterView, DeploymentObject, PodObject, ReplicaSetObject } from '../model/objects';
import { rfc1123z } from '../format/go-time';
import { describePodTemplate } from './describe-containers';
import { controllerOf } from './describe-pod';
import { formatLabelSelector, labelSelectorString } from './label-selector';
import { LEVEL_0, LEVEL_1, PrefixWriter, describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './prefix-writer';

function ownedBy(meta: { ownerReferences?: { uid: string; controller: boolean }[] }, uid: string): boolean {
  return (meta.ownerReferences ?? []).some((o) => o.controller && o.uid === uid);
}

/** the template without the pod-template-hash label (deploymentutil.EqualIgnoreHash) */
function templateKey(t: DeploymentObject['spec']['template'] | undefined): string {
  const copy = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } };
  if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
  return JSON.stringify(copy);
}

/** deploymentutil.GetAllReplicaSets: the new ReplicaSet (template matches) and all the old ones */
export function replicaSetsOf(d: DeploymentObject, view: ClusterView): { oldRSs: ReplicaSetObject[]; newRS: ReplicaSetObject | null } {
  const owned = view.replicaSets
    .filter((rs) => ownedBy(rs.metadata, d.metadata.uid))
    .sort((a, b) => a.metadata.creationTimestamp - b.metadata.creationTimestamp || (a.metadata.name < b.metadata.name ? -1 : 1));
  const key = templateKey(d.spec.template);
  const newRS = owned.find((rs) => templateKey(rs.spec.template) === key) ?? null;
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

function replicaSetsByLabels(rss: ReplicaSetObject[]): string {
  const list = rss.map((rs) => `${rs.metadata.name} (${rs.status.replicas}/${rs.spec.replicas ?? 1} replicas created)`).join(', ');
  return list === '' ? '<none>' : list;
}

function intOrPercent(v: number | string | undefined, def: string): string {
  return v === undefined ? def : String(v);
}

export function describeDeployment(d: DeploymentObject, view: ClusterView): string {
  const w = new PrefixWriter();
  const st = d.status;
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(view.epochMs, d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(d.spec.selector)}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${d.spec.replicas ?? 1} desired | ${st.updatedReplicas} updated | ${st.replicas} total | ${st.availableReplicas} available | ${st.unavailableReplicas} unavailable\n`,
  );
  const strategy = d.spec.strategy?.type ?? 'RollingUpdate';
  w.write(LEVEL_0, `StrategyType:\t${strategy}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  if (strategy === 'RollingUpdate') {
    const ru = d.spec.strategy?.rollingUpdate;
    w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrPercent(ru?.maxUnavailable, '25%')} max unavailable, ${intOrPercent(ru?.maxSurge, '25%')} max surge\n`);
  }
  describePodTemplate(w, d.spec.template, view.epochMs);
  if (st.conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason}\n`);
  }
  const { oldRSs, newRS } = replicaSetsOf(d, view);
  if (oldRSs.length > 0 || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(eventsFor(view.events, { kind: 'Deployment', name: d.metadata.name, namespace: d.metadata.namespace, uid: d.metadata.uid }), w, view.now);
  return w.result();
}

/** getPodStatusForController: the controller's pods by phase */
function podStatusFor(pods: PodObject[], uid: string): [number, number, number, number] {
  const mine = pods.filter((p) => ownedBy(p.metadata, uid));
  const n = (phase: string) => mine.filter((p) => p.status.phase === phase).length;
  return [n('Running'), n('Pending'), n('Succeeded'), n('Failed')];
}

export function describeReplicaSet(rs: ReplicaSetObject, view: ClusterView): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const controlledBy = controllerOf(rs.metadata);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status.replicas} current / ${rs.spec.replicas ?? 1} desired\n`);
  const [running, waiting, succeeded, failed] = podStatusFor(view.pods, rs.metadata.uid);
  w.write(LEVEL_0, 'Pods Status:\t');
  w.write(LEVEL_0, `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`);
  describePodTemplate(w, rs.spec.template, view.epochMs);
  describeEvents(eventsFor(view.events, { kind: 'ReplicaSet', name: rs.metadata.name, namespace: rs.metadata.namespace, uid: rs.metadata.uid }), w, view.now);
  return w.result();
}
