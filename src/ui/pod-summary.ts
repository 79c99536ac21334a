/**
 * kubectl's READY / STATUS / RESTARTS of a pod (summarizePod), worked out once per
 * status the kubelet writes: panels that list every pod on every snapshot then pay a
 * lookup per pod, not printPod's logic. The engine replaces a pod's status object when
 * it writes a new one (pod-status.ts); what else summarizePod reads (the containers in
 * the spec, the deletion timestamp) is compared too.
 */
import type { PodObject, PodStatus } from '../engine/model/objects';
import { summarizePod, type PodSummary } from '../engine/kubectl/pod-status-column';

const summaries = new WeakMap<PodStatus, { spec: PodObject['spec']; deletion: number | undefined; summary: PodSummary }>();

export function podSummary(pod: PodObject): PodSummary {
  const s = summaries.get(pod.status);
  if (s && s.spec === pod.spec && s.deletion === pod.metadata.deletionTimestamp) return s.summary;
  const summary = summarizePod(pod);
  summaries.set(pod.status, { spec: pod.spec, deletion: pod.metadata.deletionTimestamp, summary });
  return summary;
}
