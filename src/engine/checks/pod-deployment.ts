/**
 * The Deployment a pod belongs to, by controller ownerReferences (pod → ReplicaSet →
 * Deployment), as `kubectl logs deploy/NAME` and the `deploy/NAME` of checks mean it.
 */
import type { Engine } from '../runtime/engine';

export function deploymentOfPod(eng: Engine, pod: string): string | undefined {
  const rsName = eng.pods.get(pod)?.obj.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet')?.name;
  const rs = rsName === undefined ? undefined : eng.replicaSets.get(rsName);
  return rs?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment')?.name;
}
