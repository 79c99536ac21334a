/**
 * What a Simulation keeps from one snapshot to the next so that the next one reuses
 * every object and list that did not change (Simulation.view / snapshot). It lives on
 * the Simulation: a checkpoint copy or a seek starts with an empty one, and every
 * cache checks what it was made from, so nothing from another moment leaks in.
 *
 * What the caches rely on (true of the kubelet today; a change there must keep it or
 * tell these caches): a pod's status is replaced, not edited, on every status write (the
 * IPs and start time are set once, at admission, before its first status write); container
 * and probe specs are never edited in place; a container's probes are made in the order
 * startup, liveness, readiness (container-views.ts). tests/engine/snapshot-reuse.test.ts
 * compares incremental snapshots with from-scratch ones.
 */
import type { ConfigMapObject, DeploymentObject, EndpointSliceObject, EndpointsObject, LogReader, NodeObject, PodObject, ReplicaSetObject, SecretObject, ServiceObject } from '../model/objects';
import type { Flow } from '../flows/flow';
import { MetricsViews } from '../metrics/metrics-view';
import { ContainerViews } from './container-views';
import { PodWorkerStates } from './pod-worker-states';
import { ServiceTrafficViews } from './service-traffic-views';
import { StableList } from './stable-list';

export class SnapshotReuse {
  readonly nodes = new StableList<NodeObject>();
  readonly pods = new StableList<PodObject>();
  readonly services = new StableList<ServiceObject>();
  readonly endpointSlices = new StableList<EndpointSliceObject>();
  readonly endpoints = new StableList<EndpointsObject>();
  readonly deployments = new StableList<DeploymentObject>();
  readonly replicaSets = new StableList<ReplicaSetObject>();
  readonly configMaps = new StableList<ConfigMapObject>();
  readonly secrets = new StableList<SecretObject>();
  readonly metrics = new MetricsViews();
  readonly containers = new ContainerViews();
  readonly podWorkers = new PodWorkerStates();
  readonly traffic = new ServiceTrafficViews();
  readonly flows = new StableList<Flow>();
  /** the log reader of the last view and its time (it generates periodic lines up to then) */
  logs: { now: number; reader: LogReader } | null = null;
}
