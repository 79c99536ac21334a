/**
 * `kubectl describe TYPE [NAME...] [-l selector]` (k8s.io/kubectl/pkg/cmd/describe/describe.go):
 * each description separated by a blank line; missing names are NotFound errors; no match
 * prints `No resources found in default namespace.` on stderr.
 */
import type { KubectlCommand, ResourceKind } from '../../scenario/commands/command-ast';
import type { ClusterView, ConfigMapObject, DeploymentObject, EndpointSliceObject, EndpointsObject, NodeObject, PodObject, ReplicaSetObject, SecretObject, ServiceObject } from '../model/objects';
import type { CommandOutput } from '../simulation-api';
import type { ClusterObject } from './api-object';
import { notFoundMessage } from './api-errors';
import { describeConfigMap, describeSecret } from './describe-configmap';
import { describeDeployment, describeReplicaSet } from './describe-deployment';
import { describeEndpointSlice, describeEndpoints } from './describe-endpoints';
import { describeNode } from './describe-node';
import { describeMissingPod, describePod } from './describe-pod';
import { describeService } from './describe-service';
import { NAMESPACE, inScope } from './kubectl-get';
import { matchesSelector } from './label-selector';
import { ENDPOINTS_DEPRECATION_WARNING } from './print-endpoints';

export type DescribeCommand = Extract<KubectlCommand, { verb: 'describe' }>;

function describeOne(resource: ResourceKind, obj: ClusterObject, view: ClusterView): string | null {
  switch (resource) {
    case 'pods':
      return describePod(obj as PodObject, view);
    case 'services':
      return describeService(obj as ServiceObject, view);
    case 'deployments':
      return describeDeployment(obj as DeploymentObject, view);
    case 'replicasets':
      return describeReplicaSet(obj as ReplicaSetObject, view);
    case 'endpoints':
      return describeEndpoints(obj as EndpointsObject, view);
    case 'endpointslices':
      return describeEndpointSlice(obj as EndpointSliceObject, view);
    case 'configmaps':
      return describeConfigMap(obj as ConfigMapObject, view);
    case 'secrets':
      return describeSecret(obj as SecretObject);
    case 'nodes':
      return describeNode(obj as NodeObject, view);
    case 'events':
      return null;
  }
}

export function runDescribe(cmd: DescribeCommand, view: ClusterView): CommandOutput {
  if (cmd.resource === 'events') {
    return { stdout: '', stderr: 'error: podsim cannot describe events; use kubectl get events\n', exitCode: 1 };
  }
  if (cmd.names.length > 0 && cmd.selector) {
    return { stdout: '', stderr: 'error: name cannot be provided when a selector is specified\n', exitCode: 1 };
  }
  const scope = inScope(view, cmd.resource, false);
  const errors: string[] = [];
  const descriptions: string[] = [];
  if (cmd.names.length > 0) {
    for (const name of cmd.names) {
      const obj = scope.find((o) => o.metadata.name === name);
      if (obj) descriptions.push(describeOne(cmd.resource, obj, view) ?? '');
      else {
        const gone = cmd.resource === 'pods' ? describeMissingPod(name, NAMESPACE, view) : null;
        if (gone !== null) descriptions.push(gone);
        else errors.push(notFoundMessage(cmd.resource, name));
      }
    }
  } else {
    for (const obj of scope.filter((o) => matchesSelector(o.metadata.labels, cmd.selector))) {
      descriptions.push(describeOne(cmd.resource, obj, view) ?? '');
    }
  }
  const stderr: string[] = [];
  if (cmd.resource === 'endpoints') stderr.push(ENDPOINTS_DEPRECATION_WARNING);
  stderr.push(...errors);
  if (descriptions.length === 0 && errors.length === 0) stderr.push(`No resources found in ${NAMESPACE} namespace.`);
  return { stdout: descriptions.join('\n\n'), stderr: stderr.map((l) => l + '\n').join(''), exitCode: errors.length > 0 ? 1 : 0 };
}
