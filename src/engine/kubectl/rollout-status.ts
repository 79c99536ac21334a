/**
 * `kubectl rollout status deployment/NAME`: the line DeploymentStatusViewer.Status
 * (k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go) prints for the current state.
 * Real kubectl keeps watching until `done`; the caller decides whether to wait.
 */
import type { DeploymentObject } from '../model/objects';

export interface RolloutStatus {
  message: string;
  done: boolean;
  /** set when the rollout failed (progress deadline exceeded) */
  error?: string;
}

export function rolloutStatus(d: DeploymentObject): RolloutStatus {
  const name = d.metadata.name;
  const st = d.status;
  if ((d.metadata.generation ?? 0) <= st.observedGeneration) {
    const progressing = st.conditions.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
      return { message: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
    }
    const replicas = d.spec.replicas ?? 1;
    if (st.updatedReplicas < replicas) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${st.updatedReplicas} out of ${replicas} new replicas have been updated...\n`, done: false };
    }
    if (st.replicas > st.updatedReplicas) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${st.replicas - st.updatedReplicas} old replicas are pending termination...\n`, done: false };
    }
    if (st.availableReplicas < st.updatedReplicas) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas} of ${st.updatedReplicas} updated replicas are available...\n`, done: false };
    }
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}
