/**
 * The fields of the objects podsim accepts, as the v1 / apps/v1 Go types declare
 * them (k8s.io/api core/v1/types.go, apps/v1/types.go, Kubernetes v1.33), so that
 * strict decoding rejects exactly what a real API server rejects. Large structures
 * podsim does not simulate (affinity, topology spread, most volume sources) are
 * accepted as written.
 */
import {
  anything,
  arrayOf,
  bool,
  bytes,
  i32,
  i64,
  intOrString,
  mapOf,
  named,
  quantity,
  str,
  stringList,
  stringMap,
  struct,
  type ApiType,
} from './strict-decoding';

type StructType = Extract<ApiType, { t: 'struct' }>;

const objectMeta = struct('v1.ObjectMeta', {
  name: str,
  generateName: str,
  namespace: str,
  selfLink: str,
  uid: str,
  resourceVersion: str,
  generation: i64,
  creationTimestamp: anything,
  deletionTimestamp: anything,
  deletionGracePeriodSeconds: i64,
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: anything,
  finalizers: stringList,
  managedFields: anything,
});

const labelSelector = struct('v1.LabelSelector', {
  matchLabels: stringMap,
  matchExpressions: arrayOf(struct('v1.LabelSelectorRequirement', { key: str, operator: named('v1.LabelSelectorOperator'), values: stringList })),
});

const resourceList = mapOf(quantity, 'v1.ResourceList');

const execAction = struct('v1.ExecAction', { command: stringList });
const httpGetAction = struct('v1.HTTPGetAction', {
  path: str,
  port: intOrString,
  host: str,
  scheme: named('v1.URIScheme'),
  httpHeaders: arrayOf(struct('v1.HTTPHeader', { name: str, value: str })),
});
const tcpSocketAction = struct('v1.TCPSocketAction', { port: intOrString, host: str });
const grpcAction = struct('v1.GRPCAction', { port: i32, service: str });

const probe = struct('v1.Probe', {
  exec: execAction,
  httpGet: httpGetAction,
  tcpSocket: tcpSocketAction,
  grpc: grpcAction,
  initialDelaySeconds: i32,
  timeoutSeconds: i32,
  periodSeconds: i32,
  successThreshold: i32,
  failureThreshold: i32,
  terminationGracePeriodSeconds: i64,
});

const lifecycleHandler = struct('v1.LifecycleHandler', {
  exec: execAction,
  httpGet: httpGetAction,
  tcpSocket: tcpSocketAction,
  sleep: struct('v1.SleepAction', { seconds: i64 }),
});

const seccompProfile = struct('v1.SeccompProfile', { type: str, localhostProfile: str });
const appArmorProfile = struct('v1.AppArmorProfile', { type: str, localhostProfile: str });
const seLinuxOptions = struct('v1.SELinuxOptions', { user: str, role: str, type: str, level: str });
const windowsOptions = struct('v1.WindowsSecurityContextOptions', {
  gmsaCredentialSpecName: str,
  gmsaCredentialSpec: str,
  runAsUserName: str,
  hostProcess: bool,
});

const securityContext = struct('v1.SecurityContext', {
  capabilities: struct('v1.Capabilities', { add: stringList, drop: stringList }),
  privileged: bool,
  seLinuxOptions,
  windowsOptions,
  runAsUser: i64,
  runAsGroup: i64,
  runAsNonRoot: bool,
  readOnlyRootFilesystem: bool,
  allowPrivilegeEscalation: bool,
  procMount: str,
  seccompProfile,
  appArmorProfile,
});

const podSecurityContext = struct('v1.PodSecurityContext', {
  seLinuxOptions,
  windowsOptions,
  runAsUser: i64,
  runAsGroup: i64,
  runAsNonRoot: bool,
  supplementalGroups: arrayOf(i64),
  supplementalGroupsPolicy: str,
  fsGroup: i64,
  sysctls: arrayOf(struct('v1.Sysctl', { name: str, value: str })),
  fsGroupChangePolicy: str,
  seccompProfile,
  appArmorProfile,
  seLinuxChangePolicy: str,
});

const keyToPath = struct('v1.KeyToPath', { key: str, path: str, mode: i32 });

const container = struct('v1.Container', {
  name: str,
  image: str,
  command: stringList,
  args: stringList,
  workingDir: str,
  ports: arrayOf(
    struct('v1.ContainerPort', { name: str, hostPort: i32, containerPort: i32, protocol: named('v1.Protocol'), hostIP: str }),
  ),
  envFrom: arrayOf(
    struct('v1.EnvFromSource', {
      prefix: str,
      configMapRef: struct('v1.ConfigMapEnvSource', { name: str, optional: bool }),
      secretRef: struct('v1.SecretEnvSource', { name: str, optional: bool }),
    }),
  ),
  env: arrayOf(
    struct('v1.EnvVar', {
      name: str,
      value: str,
      valueFrom: struct('v1.EnvVarSource', {
        fieldRef: struct('v1.ObjectFieldSelector', { apiVersion: str, fieldPath: str }),
        resourceFieldRef: struct('v1.ResourceFieldSelector', { containerName: str, resource: str, divisor: quantity }),
        configMapKeyRef: struct('v1.ConfigMapKeySelector', { name: str, key: str, optional: bool }),
        secretKeyRef: struct('v1.SecretKeySelector', { name: str, key: str, optional: bool }),
        fileKeyRef: anything,
      }),
    }),
  ),
  resources: struct('v1.ResourceRequirements', {
    limits: resourceList,
    requests: resourceList,
    claims: arrayOf(struct('v1.ResourceClaim', { name: str, request: str })),
  }),
  resizePolicy: arrayOf(struct('v1.ContainerResizePolicy', { resourceName: str, restartPolicy: str })),
  restartPolicy: named('v1.ContainerRestartPolicy'),
  restartPolicyRules: anything,
  volumeMounts: arrayOf(
    struct('v1.VolumeMount', {
      name: str,
      readOnly: bool,
      recursiveReadOnly: str,
      mountPath: str,
      subPath: str,
      mountPropagation: str,
      subPathExpr: str,
    }),
  ),
  volumeDevices: arrayOf(struct('v1.VolumeDevice', { name: str, devicePath: str })),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: struct('v1.Lifecycle', { postStart: lifecycleHandler, preStop: lifecycleHandler, stopSignal: str }),
  terminationMessagePath: str,
  terminationMessagePolicy: named('v1.TerminationMessagePolicy'),
  imagePullPolicy: named('v1.PullPolicy'),
  securityContext,
  stdin: bool,
  stdinOnce: bool,
  tty: bool,
});

/** Volume sources in the order validateVolumeSource checks them. */
export const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'quobyte',
  'cinder',
  'cephfs',
  'downwardAPI',
  'fc',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'configMap',
  'csi',
  'ephemeral',
  'image',
  'flexVolume',
] as const;

const volumeFields: Record<string, ApiType> = { name: str };
for (const source of VOLUME_SOURCES) volumeFields[source] = anything;
Object.assign(volumeFields, {
  hostPath: struct('v1.HostPathVolumeSource', { path: str, type: str }),
  emptyDir: struct('v1.EmptyDirVolumeSource', { medium: str, sizeLimit: quantity }),
  secret: struct('v1.SecretVolumeSource', { secretName: str, items: arrayOf(keyToPath), defaultMode: i32, optional: bool }),
  configMap: struct('v1.ConfigMapVolumeSource', { name: str, items: arrayOf(keyToPath), defaultMode: i32, optional: bool }),
  persistentVolumeClaim: struct('v1.PersistentVolumeClaimVolumeSource', { claimName: str, readOnly: bool }),
  projected: struct('v1.ProjectedVolumeSource', { sources: anything, defaultMode: i32 }),
  downwardAPI: struct('v1.DownwardAPIVolumeSource', { items: anything, defaultMode: i32 }),
  image: struct('v1.ImageVolumeSource', { reference: str, pullPolicy: str }),
});

const podSpec = struct('v1.PodSpec', {
  volumes: arrayOf(struct('v1.Volume', volumeFields)),
  initContainers: arrayOf(container),
  containers: arrayOf(container),
  ephemeralContainers: anything,
  restartPolicy: named('v1.RestartPolicy'),
  terminationGracePeriodSeconds: i64,
  activeDeadlineSeconds: i64,
  dnsPolicy: named('v1.DNSPolicy'),
  nodeSelector: stringMap,
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  nodeName: str,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  shareProcessNamespace: bool,
  securityContext: podSecurityContext,
  imagePullSecrets: arrayOf(struct('v1.LocalObjectReference', { name: str })),
  hostname: str,
  subdomain: str,
  affinity: anything,
  schedulerName: str,
  tolerations: arrayOf(
    struct('v1.Toleration', { key: str, operator: str, value: str, effect: str, tolerationSeconds: i64 }),
  ),
  hostAliases: arrayOf(struct('v1.HostAlias', { ip: str, hostnames: stringList })),
  priorityClassName: str,
  priority: i32,
  dnsConfig: struct('v1.PodDNSConfig', {
    nameservers: stringList,
    searches: stringList,
    options: arrayOf(struct('v1.PodDNSConfigOption', { name: str, value: str })),
  }),
  readinessGates: arrayOf(struct('v1.PodReadinessGate', { conditionType: str })),
  runtimeClassName: str,
  enableServiceLinks: bool,
  preemptionPolicy: str,
  overhead: resourceList,
  topologySpreadConstraints: anything,
  setHostnameAsFQDN: bool,
  os: struct('v1.PodOS', { name: str }),
  hostUsers: bool,
  schedulingGates: arrayOf(struct('v1.PodSchedulingGate', { name: str })),
  resourceClaims: anything,
  resources: anything,
  hostnameOverride: str,
});

const podTemplateSpec = struct('v1.PodTemplateSpec', { metadata: objectMeta, spec: podSpec });

const typeMeta = { apiVersion: str, kind: str };

export const POD_TYPE: StructType = struct('v1.Pod', { ...typeMeta, metadata: objectMeta, spec: podSpec, status: anything }) as StructType;

export const SERVICE_TYPE: StructType = struct('v1.Service', {
  ...typeMeta,
  metadata: objectMeta,
  spec: struct('v1.ServiceSpec', {
    ports: arrayOf(
      struct('v1.ServicePort', {
        name: str,
        protocol: named('v1.Protocol'),
        appProtocol: str,
        port: i32,
        targetPort: intOrString,
        nodePort: i32,
      }),
    ),
    selector: stringMap,
    clusterIP: str,
    clusterIPs: stringList,
    type: named('v1.ServiceType'),
    externalIPs: stringList,
    sessionAffinity: named('v1.ServiceAffinity'),
    loadBalancerIP: str,
    loadBalancerSourceRanges: stringList,
    externalName: str,
    externalTrafficPolicy: str,
    healthCheckNodePort: i32,
    publishNotReadyAddresses: bool,
    sessionAffinityConfig: anything,
    ipFamilies: stringList,
    ipFamilyPolicy: str,
    allocateLoadBalancerNodePorts: bool,
    loadBalancerClass: str,
    internalTrafficPolicy: str,
    trafficDistribution: str,
  }),
  status: anything,
}) as StructType;

export const CONFIG_MAP_TYPE: StructType = struct('v1.ConfigMap', {
  ...typeMeta,
  metadata: objectMeta,
  immutable: bool,
  data: stringMap,
  binaryData: mapOf(bytes),
}) as StructType;

export const SECRET_TYPE: StructType = struct('v1.Secret', {
  ...typeMeta,
  metadata: objectMeta,
  immutable: bool,
  data: mapOf(bytes),
  stringData: stringMap,
  type: named('v1.SecretType'),
}) as StructType;

export const DEPLOYMENT_TYPE: StructType = struct('v1.Deployment', {
  ...typeMeta,
  metadata: objectMeta,
  spec: struct('v1.DeploymentSpec', {
    replicas: i32,
    selector: labelSelector,
    template: podTemplateSpec,
    strategy: struct('v1.DeploymentStrategy', {
      type: named('v1.DeploymentStrategyType'),
      rollingUpdate: struct('v1.RollingUpdateDeployment', { maxUnavailable: intOrString, maxSurge: intOrString }),
    }),
    minReadySeconds: i32,
    revisionHistoryLimit: i32,
    paused: bool,
    progressDeadlineSeconds: i32,
  }),
  status: anything,
}) as StructType;

export const REPLICA_SET_TYPE: StructType = struct('v1.ReplicaSet', {
  ...typeMeta,
  metadata: objectMeta,
  spec: struct('v1.ReplicaSetSpec', {
    replicas: i32,
    minReadySeconds: i32,
    selector: labelSelector,
    template: podTemplateSpec,
  }),
  status: anything,
}) as StructType;
