/**
 * Resolve a Service port's targetPort on one pod (k8s.io/endpointslice utils.go FindPort,
 * same as pkg/api/v1/pod FindPort). A number is used as is; a name is looked up in the
 * pod's container ports (then in restartable init containers, i.e. native sidecars) with
 * the same protocol. Unresolvable → undefined (the pod then offers no such port).
 */
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { PodObject } from '../model/objects';

export function findPort(pod: PodObject, servicePort: ServicePort): number | undefined {
  // API defaulting: targetPort defaults to port, protocol to TCP.
  const target = servicePort.targetPort ?? servicePort.port;
  const protocol = servicePort.protocol ?? 'TCP';
  if (typeof target === 'number') return target;
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}
