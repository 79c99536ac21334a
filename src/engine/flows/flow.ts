/**
 * A data flow between the parts of a (multi-container) application, recorded as plain
 * data so that the renderer can animate it and tests can assert on it: a log line
 * written to a shared volume, read by a sidecar, shipped to a Service; a request
 * entering through a Service; a request to `localhost:PORT` that an ambassador
 * forwards upstream; an adapter turning the app's output into another format.
 */
import type { Seconds } from '../../scenario/model';

export type FlowEnd =
  /** a container of a pod */
  | { kind: 'container'; pod: string; container: string }
  /** a Service, and the pod that answered when one did */
  | { kind: 'service'; name: string; pod?: string }
  /** a pod reached by its IP */
  | { kind: 'pod'; name: string }
  /** a file on a pod's volume */
  | { kind: 'file'; pod: string; path: string }
  /** a host outside the cluster */
  | { kind: 'external'; host: string };

export type FlowKind =
  /** a container appended to a file on a volume other containers mount */
  | 'write'
  /** a container read what another one wrote on a shared volume */
  | 'read'
  /** a container read another's output and wrote it out in another form */
  | 'adapt'
  /** a log shipper sent a line to its output */
  | 'ship'
  /** a request to a Service, a pod or localhost */
  | 'request'
  /** a request to localhost that an ambassador forwarded upstream */
  | 'proxy';

export interface Flow {
  t: Seconds;
  kind: FlowKind;
  from: FlowEnd;
  to: FlowEnd;
  /** the ambassador a proxied request went through */
  via?: FlowEnd;
  /** what travelled: a log line, `GET /path`, `line → formatted` */
  what: string;
  /** false when it did not reach its destination (refused, no endpoint, timed out, 5xx) */
  arrived: boolean;
}
