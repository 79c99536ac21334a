/**
 * `kubectl describe pod` (describePod in k8s.io/kubectl/pkg/describe/describe.go, v1.33):
 * header fields, init containers, containers, conditions, volumes, QoS, node selectors,
 * tolerations, then events about the pod (oldest first). Aligned by a tabwriter with
 * padding 2, in blocks broken by lines without a tab.
 */
import type { ClusterView, PodObject } from '../model/objects';
import { rfc1123z } from '../format/go-time';
import { humanDuration } from '../format/human-duration';
import { describeContainers, describeVolumes, podFieldResolver } from './describe-containers';
import {
  LEVEL_0,
  LEVEL_1,
  PrefixWriter,
  describeEvents,
  eventsFor,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from './prefix-writer';

/** printController: "Kind/name" of the controlling owner */
export function controllerOf(meta: PodObject['metadata']): string {
  const c = (meta.ownerReferences ?? []).find((o) => o.controller);
  return c ? `${c.kind}/${c.name}` : '';
}

export function describePod(pod: PodObject, view: ClusterView): string {
  const w = new PrefixWriter();
  const spec = pod.spec;
  const st = pod.status;
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  if (!spec.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n');
  else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${st.hostIP ?? ''}\n`);
  if (st.startTime !== undefined) w.write(LEVEL_0, `Start Time:\t${rfc1123z(view.epochMs, st.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp !== undefined && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${humanDuration(view.now - pod.metadata.deletionTimestamp)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${st.phase}\n`);
  }
  if (st.reason) w.write(LEVEL_0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(LEVEL_0, `Message:\t${st.message}\n`);
  if (spec.securityContext?.seccompProfile) {
    w.write(LEVEL_0, `SeccompProfile:\t${spec.securityContext.seccompProfile.type}\n`);
    if (spec.securityContext.seccompProfile.type === 'Localhost') {
      w.write(LEVEL_0, `LocalhostProfile:\t${spec.securityContext.seccompProfile.localhostProfile ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, `IP:\t${st.podIP ?? ''}\n`);
  if (!st.podIP) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    w.write(LEVEL_1, `IP:\t${st.podIP}\n`);
  }
  const controlledBy = controllerOf(pod.metadata);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (st.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);

  const resolve = podFieldResolver(pod);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', spec.initContainers!, st.initContainerStatuses, resolve, '', view.epochMs);
  }
  describeContainers(w, 'Containers', spec.containers ?? [], st.containerStatuses, resolve, '', view.epochMs);
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates!) {
      const c = st.conditions.find((x) => (x.type as string) === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if (st.conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(LEVEL_0, `QoS Class:\t${st.qosClass}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  // searchEvents with the pod's reference minus its kind: name, namespace and uid
  describeEvents(eventsFor(view.events, { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid }), w, view.now);
  return w.result();
}

/**
 * describe of a pod that is gone but still has events (PodDescriber.Describe):
 * "Pod 'web': error 'pods "web" not found', but found events."
 */
export function describeMissingPod(name: string, namespace: string, view: ClusterView): string | null {
  const events = eventsFor(view.events, { name, namespace });
  if (events.length === 0) return null;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Pod '${name}': error 'pods "${name}" not found', but found events.\n`);
  describeEvents(events, w, view.now);
  return w.result();
}
