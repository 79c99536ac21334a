/**
 * What each kind of scenario check asks of the runner's lines: a pod line, the ready
 * endpoints of an endpoints line, an event line. Pure predicates over observations.
 */
import type { CheckSpec } from '../../scenario/model';
import type { EndpointsLine, EventLine, PodLine } from '../observations';

export type PodExpect = Extract<CheckSpec['expect'], { kind: 'pod' }>;
export type ServiceExpect = Extract<CheckSpec['expect'], { kind: 'service' }>;
export type EventExpect = Extract<CheckSpec['expect'], { kind: 'event' }>;

/** the Deployment a pod belongs to (through its ReplicaSet), or undefined */
export type DeploymentOf = (pod: string) => string | undefined;

/** `deploy/NAME` → NAME; a plain pod name → undefined */
export function deploymentReference(ref: string): string | undefined {
  return ref.startsWith('deploy/') ? ref.slice('deploy/'.length) : undefined;
}

/** whether the pod `name` is the one `ref` names (a pod name, or deploy/NAME: any pod of it) */
export function podIsSubject(ref: string, name: string, deploymentOf: DeploymentOf): boolean {
  const deployment = deploymentReference(ref);
  return deployment === undefined ? name === ref : deploymentOf(name) === deployment;
}

/** every condition the check gives holds of the pod line (none given: the pod exists) */
export function podLineMatches(e: PodExpect, line: PodLine): boolean {
  if (e.ready !== undefined && line.ready !== e.ready) return false;
  if (e.status !== undefined && line.status !== e.status) return false;
  if (e.phase !== undefined && line.phase !== e.phase) return false;
  if (e.restarts !== undefined && line.restarts < e.restarts) return false;
  return true;
}

/** endpoints the EndpointSlice controller marks ready (a terminating endpoint never is) */
export function readyEndpointCount(line: EndpointsLine): number {
  return line.endpoints.filter((e) => e.ready).length;
}

export function eventMatches(e: EventExpect, line: EventLine, deploymentOf: DeploymentOf): boolean {
  if (line.reason !== e.reason) return false;
  if (e.object === undefined) return true;
  const deployment = deploymentReference(e.object);
  if (deployment === undefined) return line.object === e.object;
  return line.object.startsWith('pod/') && deploymentOf(line.object.slice('pod/'.length)) === deployment;
}
