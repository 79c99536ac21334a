/**
 * How kubectl reports failures: API status errors as `Error from server (Reason): message`
 * (k8s.io/kubectl/pkg/cmd/util/helpers.go StandardErrorMessage), other errors as
 * `error: message` (cmdutil.CheckErr), both on stderr with exit code 1.
 */
import type { ResourceKind } from '../../scenario/commands/command-ast';
import { API_RESOURCES, qualifiedResource } from './api-resources';

export type ApiReason = 'NotFound' | 'BadRequest' | 'ServiceUnavailable';

export function fromServer(reason: ApiReason, message: string): string {
  return `Error from server (${reason}): ${message}`;
}

/** `Error from server (NotFound): pods "web" not found` */
export function notFoundMessage(resource: ResourceKind | string, name: string): string {
  const qualified = resource in API_RESOURCES ? qualifiedResource(resource as ResourceKind) : resource;
  return fromServer('NotFound', `${qualified} "${name}" not found`);
}
