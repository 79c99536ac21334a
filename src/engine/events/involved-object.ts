/**
 * The involvedObject of an event about a pod or one of its containers, as
 * kubecontainer.GenerateContainerRef builds it (k/k:pkg/kubelet/container/ref.go):
 * container events carry `spec.containers{name}` / `spec.initContainers{name}`.
 */
import type { InvolvedObject, PodObject } from '../model/objects';

export function containerFieldPath(pod: Pick<PodObject, 'spec'>, containerName: string): string {
  const isInit = (pod.spec.initContainers ?? []).some((c) => c.name === containerName);
  return isInit ? `spec.initContainers{${containerName}}` : `spec.containers{${containerName}}`;
}

export function podInvolvedObject(pod: Pick<PodObject, 'metadata' | 'spec'>, containerName?: string): InvolvedObject {
  const ref: InvolvedObject = {
    kind: 'Pod',
    name: pod.metadata.name,
    namespace: pod.metadata.namespace,
    uid: pod.metadata.uid,
  };
  if (containerName !== undefined) ref.fieldPath = containerFieldPath(pod, containerName);
  return ref;
}
