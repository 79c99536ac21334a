/**
 * API defaults, applied as the API server applies them after decoding and before
 * validation. Sources: k8s.io/kubernetes pkg/apis/core/v1/defaults.go
 * (SetDefaults_Pod, _PodSpec, _Container, _Probe, _HTTPGetAction, _Volume, _Service,
 * _Secret, _ObjectFieldSelector ...) and pkg/apis/apps/v1/defaults.go
 * (SetDefaults_Deployment, SetDefaults_ReplicaSet).
 */
import type {
  ConfigMap,
  Container,
  HTTPGetAction,
  LifecycleHandler,
  Pod,
  PodSpec,
  Probe,
  Secret,
  Service,
  Volume,
} from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { defaultPullPolicy } from './image-reference';

/** 0644: the default file mode of configMap, secret, downwardAPI and projected volumes. */
const DEFAULT_FILE_MODE = 420;

function setHttpGetDefaults(h: HTTPGetAction | undefined): void {
  if (!h) return;
  if (!h.path) h.path = '/';
  if (!h.scheme) h.scheme = 'HTTP';
}

function setProbeDefaults(p: Probe | undefined): void {
  if (!p) return;
  // zero means "not set" for these int32 fields
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  if (p.initialDelaySeconds === undefined) p.initialDelaySeconds = 0;
  setHttpGetDefaults(p.httpGet);
}

function setHandlerDefaults(h: LifecycleHandler | undefined): void {
  if (h) setHttpGetDefaults(h.httpGet);
}

function setContainerDefaults(c: Container, hostNetwork: boolean): void {
  // with no image the tag is "": IfNotPresent (and validation reports the image)
  if (!c.imagePullPolicy) c.imagePullPolicy = typeof c.image === 'string' && c.image ? defaultPullPolicy(c.image) : 'IfNotPresent';
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  if (!c.resources) c.resources = {};
  for (const port of c.ports ?? []) {
    if (!port.protocol) port.protocol = 'TCP';
    if (hostNetwork && !port.hostPort) port.hostPort = port.containerPort;
  }
  // SetDefaults_Pod: a limit without a request makes the request equal to the limit
  const limits = c.resources.limits;
  if (limits && Object.keys(limits).length > 0) {
    const requests = (c.resources.requests ??= {});
    for (const [name, q] of Object.entries(limits)) if (requests[name] === undefined) requests[name] = q;
  }
  for (const env of c.env ?? []) {
    const fieldRef = env.valueFrom?.fieldRef;
    if (fieldRef && !fieldRef.apiVersion) fieldRef.apiVersion = 'v1';
  }
  setProbeDefaults(c.livenessProbe);
  setProbeDefaults(c.readinessProbe);
  setProbeDefaults(c.startupProbe);
  setHandlerDefaults(c.lifecycle?.postStart);
  setHandlerDefaults(c.lifecycle?.preStop);
}

function setVolumeDefaults(v: Volume): void {
  const sources = Object.keys(v).filter((k) => k !== 'name');
  if (sources.every((k) => (v as unknown as Record<string, unknown>)[k] == null)) v.emptyDir = {};
  if (v.configMap && v.configMap.defaultMode === undefined) v.configMap.defaultMode = DEFAULT_FILE_MODE;
  if (v.secret && v.secret.defaultMode === undefined) v.secret.defaultMode = DEFAULT_FILE_MODE;
  if (v.downwardAPI && v.downwardAPI.defaultMode === undefined) v.downwardAPI.defaultMode = DEFAULT_FILE_MODE;
  if (v.projected && v.projected.defaultMode === undefined) v.projected.defaultMode = DEFAULT_FILE_MODE;
  if (v.hostPath && v.hostPath.type === undefined) v.hostPath.type = '';
}

export function setPodSpecDefaults(spec: PodSpec): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    spec.terminationGracePeriodSeconds = 30;
  }
  // a negative grace period is accepted and treated as 1 (pkg/api/pod/util.go, since v1.21)
  if (spec.terminationGracePeriodSeconds < 0) spec.terminationGracePeriodSeconds = 1;
  if (!spec.securityContext) spec.securityContext = {};
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  const hostNetwork = spec.hostNetwork === true;
  for (const c of spec.initContainers ?? []) setContainerDefaults(c, hostNetwork);
  for (const c of spec.containers ?? []) setContainerDefaults(c, hostNetwork);
  for (const v of spec.volumes ?? []) setVolumeDefaults(v);
}

function setMetaDefaults(meta: ObjectMeta | undefined, namespaced = true): ObjectMeta {
  const m = meta ?? {};
  if (namespaced && !m.namespace) m.namespace = 'default';
  return m;
}

export function setPodDefaults(pod: Pod): void {
  pod.metadata = setMetaDefaults(pod.metadata);
  pod.spec ??= { containers: [] };
  pod.spec.containers ??= [];
  setPodSpecDefaults(pod.spec);
}

export function setServiceDefaults(svc: Service): void {
  svc.metadata = setMetaDefaults(svc.metadata);
  const spec = (svc.spec ??= {});
  if (!spec.type) spec.type = 'ClusterIP';
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  for (const port of spec.ports ?? []) {
    if (!port.protocol) port.protocol = 'TCP';
    // SetDefaults_Service: a zero targetPort means "same as port"
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  if (spec.type !== 'ExternalName' && !spec.internalTrafficPolicy) spec.internalTrafficPolicy = 'Cluster';
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !spec.externalTrafficPolicy) {
    spec.externalTrafficPolicy = 'Cluster';
  }
}

export function setConfigMapDefaults(cm: ConfigMap): void {
  cm.metadata = setMetaDefaults(cm.metadata);
}

/** UTF-8 text to base64 without Node's Buffer (the browser bundle uses this too). */
function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function setSecretDefaults(secret: Secret): void {
  secret.metadata = setMetaDefaults(secret.metadata);
  if (!secret.type) secret.type = 'Opaque';
  // the API server folds stringData into data (pkg/registry/core/secret/strategy.go)
  if (secret.stringData) {
    const data = (secret.data ??= {});
    for (const [k, v] of Object.entries(secret.stringData)) data[k] = base64Utf8(v);
    delete secret.stringData;
  }
}

export function setDeploymentDefaults(d: Deployment): void {
  d.metadata = setMetaDefaults(d.metadata);
  const spec = (d.spec ??= { selector: {}, template: {} });
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  const strategy = (spec.strategy ??= {});
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%';
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null) spec.progressDeadlineSeconds = 600;
  const template = (spec.template ??= {});
  template.spec ??= { containers: [] };
  template.spec.containers ??= [];
  setPodSpecDefaults(template.spec);
}

export function setReplicaSetDefaults(rs: ReplicaSet): void {
  rs.metadata = setMetaDefaults(rs.metadata);
  const spec = (rs.spec ??= { selector: {} });
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
  const template = (spec.template ??= {});
  template.spec ??= { containers: [] };
  template.spec.containers ??= [];
  setPodSpecDefaults(template.spec);
}
