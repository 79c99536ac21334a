/**
 * The cluster as the API server would hold it, with times as virtual seconds.
 * The engine writes these; kubectl printers, the runner and the renderer read them.
 * Field names follow the Kubernetes API (core/v1, apps/v1, discovery/v1) so that a
 * reader can map each one to the real object; `toApiObject` (kubectl/api-object.ts)
 * turns them into the exact v1 shape with RFC 3339 timestamps for `-o yaml|json`.
 */
import type { PodSpec, ServiceSpec, ConfigMap, Secret } from 'kubernetes-types/core/v1';
import type { DeploymentSpec, ReplicaSetSpec } from 'kubernetes-types/apps/v1';
import type { Seconds } from '../../scenario/model';

export type { Seconds };

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace: string;
  uid: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  creationTimestamp: Seconds;
  deletionTimestamp?: Seconds;
  deletionGracePeriodSeconds?: number;
  ownerReferences?: OwnerReference[];
  generateName?: string;
  generation?: number;
  resourceVersion: string;
}

export interface ContainerStateWaiting {
  waiting: { reason?: string; message?: string };
}
export interface ContainerStateRunning {
  running: { startedAt: Seconds };
}
export interface ContainerStateTerminated {
  terminated: {
    exitCode: number;
    reason: string;
    message?: string;
    startedAt: Seconds;
    finishedAt: Seconds;
    containerID?: string;
  };
}
export type ContainerState = ContainerStateWaiting | ContainerStateRunning | ContainerStateTerminated;

export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  state: ContainerState;
  /** the previous instance's termination, or {} when none (as the API prints it) */
  lastState: Partial<ContainerStateTerminated>;
  ready: boolean;
  started: boolean;
  restartCount: number;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface PodCondition {
  type: 'PodReadyToStartContainers' | 'Initialized' | 'Ready' | 'ContainersReady' | 'PodScheduled';
  status: ConditionStatus;
  reason?: string;
  message?: string;
  lastTransitionTime: Seconds;
  lastProbeTime?: null;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface PodStatus {
  phase: PodPhase;
  /** in the order the kubelet generates them: PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled */
  conditions: PodCondition[];
  hostIP?: string;
  podIP?: string;
  startTime?: Seconds;
  initContainerStatuses: ContainerStatus[];
  containerStatuses: ContainerStatus[];
  qosClass: 'Guaranteed' | 'Burstable' | 'BestEffort';
  reason?: string;
  message?: string;
  nominatedNodeName?: string;
}

export interface PodObject {
  kind: 'Pod';
  metadata: ObjectMeta;
  /** with API defaults applied (restartPolicy, terminationGracePeriodSeconds, probe fields, nodeName once bound...) */
  spec: PodSpec;
  status: PodStatus;
}

export interface NodeObject {
  kind: 'Node';
  metadata: ObjectMeta;
  status: {
    capacity: { cpuMilli: number; memoryBytes: number; pods: number };
    allocatable: { cpuMilli: number; memoryBytes: number; pods: number };
    addresses: { type: 'InternalIP' | 'Hostname'; address: string }[];
    ready: boolean;
  };
  /** the node's pod CIDR, e.g. 10.244.1.0/24 */
  podCIDR: string;
}

export interface ServiceObject {
  kind: 'Service';
  metadata: ObjectMeta;
  /** with defaults: type ClusterIP, clusterIP allocated, ports with protocol TCP and targetPort */
  spec: ServiceSpec;
}

export interface EndpointConditions {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface Endpoint {
  addresses: string[];
  conditions: EndpointConditions;
  nodeName?: string;
  targetRef: { kind: 'Pod'; name: string; namespace: string; uid: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
}

export interface EndpointSliceObject {
  kind: 'EndpointSlice';
  /** name `<service>-<5 chars>`, labels kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by */
  metadata: ObjectMeta;
  addressType: 'IPv4';
  endpoints: Endpoint[];
  ports: EndpointPort[];
}

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; name: string; namespace: string; uid: string };
}

export interface EndpointsObject {
  kind: 'Endpoints';
  metadata: ObjectMeta;
  subsets: { addresses?: EndpointAddress[]; notReadyAddresses?: EndpointAddress[]; ports: EndpointPort[] }[];
}

export interface DeploymentObject {
  kind: 'Deployment';
  metadata: ObjectMeta;
  spec: DeploymentSpec;
  status: {
    observedGeneration: number;
    replicas: number;
    updatedReplicas: number;
    readyReplicas: number;
    availableReplicas: number;
    unavailableReplicas: number;
    conditions: { type: string; status: ConditionStatus; reason: string; message: string; lastTransitionTime: Seconds; lastUpdateTime: Seconds }[];
  };
}

export interface ReplicaSetObject {
  kind: 'ReplicaSet';
  metadata: ObjectMeta;
  spec: ReplicaSetSpec;
  status: { replicas: number; readyReplicas: number; availableReplicas: number; fullyLabeledReplicas: number; observedGeneration: number };
}

export interface ConfigMapObject {
  kind: 'ConfigMap';
  metadata: ObjectMeta;
  data: Record<string, string>;
  source: ConfigMap;
}

export interface SecretObject {
  kind: 'Secret';
  metadata: ObjectMeta;
  data: Record<string, string>;
  type: string;
  source: Secret;
}

export interface InvolvedObject {
  kind: string;
  name: string;
  namespace: string;
  uid: string;
  /** e.g. spec.containers{web}, spec.initContainers{init-db} */
  fieldPath?: string;
}

export interface EventObject {
  kind: 'Event';
  metadata: ObjectMeta;
  involvedObject: InvolvedObject;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: { component: string; host?: string };
  count: number;
  firstTimestamp: Seconds;
  lastTimestamp: Seconds;
}

export interface LogLine {
  t: Seconds;
  text: string;
  stream: 'stdout' | 'stderr';
}

/** Per-container usage as metrics-server serves it (its latest window). */
export interface ContainerMetrics {
  name: string;
  cpuMilli: number;
  memoryBytes: number;
}
export interface PodMetrics {
  name: string;
  namespace: string;
  timestamp: Seconds;
  window: Seconds;
  containers: ContainerMetrics[];
}
export interface NodeMetrics {
  name: string;
  timestamp: Seconds;
  window: Seconds;
  cpuMilli: number;
  memoryBytes: number;
}

export interface MetricsView {
  /** metrics-server installed (metrics.k8s.io registered) */
  available: boolean;
  pods: Map<string, PodMetrics>;
  nodes: Map<string, NodeMetrics>;
}

/**
 * Read access to container logs: only the current and the previous instance
 * are kept, as the kubelet does.
 */
export interface LogReader {
  /** lines of the current instance (or, per §6, the last terminated one when waiting after a crash) */
  current(pod: string, container: string): LogLine[] | undefined;
  previous(pod: string, container: string): LogLine[] | undefined;
}

/** Everything kubectl can read at one moment. */
export interface ClusterView {
  now: Seconds;
  /** wall-clock milliseconds of virtual time 0, for absolute timestamps */
  epochMs: number;
  nodes: NodeObject[];
  pods: PodObject[];
  services: ServiceObject[];
  endpointSlices: EndpointSliceObject[];
  endpoints: EndpointsObject[];
  deployments: DeploymentObject[];
  replicaSets: ReplicaSetObject[];
  configMaps: ConfigMapObject[];
  secrets: SecretObject[];
  events: EventObject[];
  logs: LogReader;
  metrics: MetricsView;
}
