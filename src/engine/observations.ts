/**
 * What the headless runner prints (`podsim run --json`), one object per line,
 * exactly as shared/spec/scenario-format.md "The headless runner" describes.
 */
import type { Seconds } from '../scenario/model';

export interface ContainerLine {
  name: string;
  state: 'waiting' | 'running' | 'terminated';
  reason: string | null;
  exitCode: number | null;
  ready: boolean;
  started: boolean;
  restartCount: number;
  lastState: { reason: string; exitCode: number; finishedAt: Seconds } | null;
}

export interface PodLine {
  t: Seconds;
  type: 'pod';
  name: string;
  phase: string;
  status: string;
  ready: boolean;
  restarts: number;
  conditions: { PodScheduled: boolean; Initialized: boolean; ContainersReady: boolean; Ready: boolean };
  /** present only when the pod has init containers */
  initContainers?: ContainerLine[];
  containers: ContainerLine[];
}

export interface PodDeletedLine {
  t: Seconds;
  type: 'pod';
  name: string;
  deleted: true;
}

export interface EndpointsLine {
  t: Seconds;
  type: 'endpoints';
  service: string;
  endpoints: { pod: string; ready: boolean; serving: boolean; terminating: boolean }[];
}

export interface EventLine {
  t: Seconds;
  type: 'event';
  /** kind/name in lower case, e.g. pod/web, deployment/web, replicaset/web-7d4b9c8f5 */
  object: string;
  reason: string;
  message: string;
  count: number;
  /** the container an event is about (its involvedObject.fieldPath), where it is about one */
  container?: string;
  /** Normal or Warning (podsim addition) */
  eventType: 'Normal' | 'Warning';
}

export interface CommandLine {
  /** a timeline command ran (podsim addition), with what it printed */
  t: Seconds;
  type: 'command';
  run: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CheckLine {
  /** a scenario check (spec.checks) passed (podsim addition); printed once, when it first holds */
  t: Seconds;
  type: 'check';
  name: string;
  passed: true;
}

export interface SummaryLine {
  t: Seconds;
  type: 'summary';
  requests: Record<string, { ok: number; failed: number }>;
}

export type Observation = PodLine | PodDeletedLine | EndpointsLine | EventLine | CommandLine | CheckLine | SummaryLine;
