/**
 * The read-only kubectl verbs, printed from a ClusterView: get, describe, logs, top and
 * (one status line of) rollout status. Verbs that change the cluster (exec, delete, scale,
 * apply, set image) belong to the engine: for those this returns null.
 */
import type { KubectlCommand } from '../../scenario/commands/command-ast';
import type { ClusterView } from '../model/objects';
import type { CommandOutput } from '../simulation-api';
import { notFoundMessage } from './api-errors';
import { runDescribe } from './kubectl-describe';
import { NAMESPACE, runGet } from './kubectl-get';
import { runLogs } from './print-logs';
import { runTop } from './print-top';
import { rolloutStatus } from './rollout-status';

export function runKubectlRead(cmd: KubectlCommand, view: ClusterView): CommandOutput | null {
  switch (cmd.verb) {
    case 'get':
      return runGet(cmd, view);
    case 'describe':
      return runDescribe(cmd, view);
    case 'logs':
      return runLogs(cmd, view);
    case 'top':
      return runTop(cmd, view);
    case 'rollout-status': {
      const d = view.deployments.find((x) => x.metadata.name === cmd.deployment && x.metadata.namespace === NAMESPACE);
      if (!d) return { stdout: '', stderr: notFoundMessage('deployments', cmd.deployment) + '\n', exitCode: 1 };
      const s = rolloutStatus(d);
      if (s.error) return { stdout: '', stderr: `error: ${s.error}\n`, exitCode: 1 };
      return { stdout: s.message, stderr: '', exitCode: 0 };
    }
    case 'exec':
    case 'delete':
    case 'scale':
    case 'apply':
    case 'set-image':
      return null;
  }
}
