/**
 * What every container must satisfy, init or not (validation.go
 * validateContainerCommon: name, image, ports, env, envFrom, volumeMounts,
 * imagePullPolicy, resources, terminationMessagePolicy).
 */
import type { Container, ContainerPort, EnvFromSource, EnvVar, ResourceRequirements, VolumeMount } from 'kubernetes-types/core/v1';
import { compareQuantities, tryParseQuantity, type Quantity } from '../quantity';
import { duplicate, FieldPath, invalid, notFound, notSupported, required, type FieldProblem } from './field-errors';
import {
  isConfigMapKey,
  isDNS1123Subdomain,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidPortName,
  isValidPortNum,
  validateDNS1123Label,
} from './name-validation';
import { validateLocalDescendingPath } from './validate-volumes';

const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
/** validEnvDownwardAPIFieldPathExpressions */
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
/** field labels ConvertDownwardAPIFieldLabel knows */
const DOWNWARD_API_LABELS = new Set([
  ...ENV_FIELD_PATHS,
  'metadata.annotations',
  'metadata.labels',
  'spec.restartPolicy',
  'spec.schedulerName',
  'status.phase',
]);
const RESOURCE_FIELD_REFS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

function validatePorts(ports: ContainerPort[] | undefined, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const ip = p.index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) for (const m of msgs) out.push(invalid(ip.child('name'), port.name, m));
      else if (names.has(port.name)) out.push(duplicate(ip.child('name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) out.push(required(ip.child('containerPort')));
    else for (const m of isValidPortNum(port.containerPort)) out.push(invalid(ip.child('containerPort'), port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) out.push(invalid(ip.child('hostPort'), port.hostPort, m));
    if (!port.protocol) out.push(required(ip.child('protocol')));
    else if (!PORT_PROTOCOLS.includes(port.protocol)) out.push(notSupported(ip.child('protocol'), port.protocol, PORT_PROTOCOLS));
  });
  return out;
}

function validateKeySelector(ref: { name?: string; key: string }, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const m of isDNS1123Subdomain(ref.name ?? '')) out.push(invalid(p.child('name'), ref.name ?? '', m));
  if (!ref.key) out.push(required(p.child('key')));
  else for (const m of isConfigMapKey(ref.key)) out.push(invalid(p.child('key'), ref.key, m));
  return out;
}

function validateFieldRef(ref: { apiVersion?: string; fieldPath: string }, p: FieldPath): FieldProblem[] {
  if (!ref.apiVersion) return [required(p.child('apiVersion'))];
  if (!ref.fieldPath) return [required(p.child('fieldPath'))];
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(ref.fieldPath);
  if (sub) {
    const key = sub[1] === 'metadata.annotations' ? sub[2].toLowerCase() : sub[2];
    return isQualifiedName(key).map((m) => invalid(p, key, m));
  }
  if (!DOWNWARD_API_LABELS.has(ref.fieldPath)) {
    return [invalid(p.child('fieldPath'), ref.fieldPath, `error converting fieldPath: field label not supported: ${ref.fieldPath}`)];
  }
  return ENV_FIELD_PATHS.includes(ref.fieldPath) ? [] : [notSupported(p.child('fieldPath'), ref.fieldPath, ENV_FIELD_PATHS)];
}

function validateEnv(env: EnvVar[] | undefined, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  (env ?? []).forEach((ev, i) => {
    const ip = p.index(i);
    if (!ev.name) out.push(required(ip.child('name')));
    else for (const m of isRelaxedEnvVarName(ev.name)) out.push(invalid(ip.child('name'), ev.name, m));
    const from = ev.valueFrom;
    if (!from) return;
    const fp = ip.child('valueFrom');
    let sources = 0;
    if (from.fieldRef) {
      sources++;
      out.push(...validateFieldRef(from.fieldRef, fp.child('fieldRef')));
    }
    if (from.resourceFieldRef) {
      sources++;
      const r = from.resourceFieldRef.resource;
      if (!r) out.push(required(fp.child('resourceFieldRef', 'resource')));
      else if (!RESOURCE_FIELD_REFS.includes(r)) out.push(notSupported(fp.child('resourceFieldRef', 'resource'), r, RESOURCE_FIELD_REFS));
    }
    if (from.configMapKeyRef) {
      sources++;
      out.push(...validateKeySelector(from.configMapKeyRef, fp.child('configMapKeyRef')));
    }
    if (from.secretKeyRef) {
      sources++;
      out.push(...validateKeySelector(from.secretKeyRef, fp.child('secretKeyRef')));
    }
    if (sources === 0) {
      out.push(invalid(fp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    } else if (ev.value) {
      out.push(invalid(fp, '', 'may not be specified when `value` is not empty'));
    } else if (sources > 1) {
      out.push(invalid(fp, '', 'may not have more than one field specified at a time'));
    }
  });
  return out;
}

function validateEnvFrom(envFrom: EnvFromSource[] | undefined, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  (envFrom ?? []).forEach((ef, i) => {
    const ip = p.index(i);
    if (ef.prefix) for (const m of isRelaxedEnvVarName(ef.prefix)) out.push(invalid(ip.child('prefix'), ef.prefix, m));
    let sources = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      const ref = ef[kind];
      if (!ref) continue;
      sources++;
      if (!ref.name) out.push(required(ip.child(kind, 'name')));
      else for (const m of isDNS1123Subdomain(ref.name)) out.push(invalid(ip.child(kind, 'name'), ref.name, m));
    }
    if (sources === 0) out.push(invalid(p, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) out.push(invalid(p, '', 'may not have more than one field specified at a time'));
  });
  return out;
}

function validateVolumeMounts(mounts: VolumeMount[] | undefined, volumes: Set<string>, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  const paths = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const ip = p.index(i);
    if (!m.name) out.push(required(ip.child('name')));
    if (!volumes.has(m.name)) out.push(notFound(ip.child('name'), m.name ?? ''));
    if (!m.mountPath) out.push(required(ip.child('mountPath')));
    if (paths.has(m.mountPath)) out.push(invalid(ip.child('mountPath'), m.mountPath, 'must be unique'));
    paths.add(m.mountPath);
    // as in the Go source, subPath errors name the list's path, not the item's
    if (m.subPath) out.push(...validateLocalDescendingPath(m.subPath, p.child('subPath')));
  });
  return out;
}

function isExtendedResourceName(name: string): boolean {
  const [domain, rest] = name.split('/', 2);
  return !domain.endsWith('kubernetes.io') && !domain.startsWith('requests.') && isQualifiedName(name).length === 0 && !!rest;
}

function validateResources(res: ResourceRequirements | undefined, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  const limits = new Map<string, Quantity>();
  const check = (list: Record<string, string | number> | undefined, lp: FieldPath, into?: Map<string, Quantity>) => {
    for (const [name, value] of Object.entries(list ?? {})) {
      const kp = lp.key(name);
      if (!name.includes('/')) {
        if (!STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
          out.push(invalid(kp, name, 'must be a standard resource for containers'));
          continue;
        }
      } else if (!isExtendedResourceName(name)) {
        out.push(invalid(kp, name, "doesn't follow extended resource name standard"));
        continue;
      }
      const q = tryParseQuantity(value);
      if (!q.ok) continue; // reported by strict decoding
      if (q.quantity.negative) out.push(invalid(kp, q.quantity.text, 'must be greater than or equal to 0'));
      into?.set(name, q.quantity);
    }
  };
  check(res?.limits, p.child('limits'), limits);
  const reqPath = p.child('requests');
  check(res?.requests, reqPath);
  for (const [name, value] of Object.entries(res?.requests ?? {})) {
    const limit = limits.get(name);
    const q = tryParseQuantity(value);
    if (!limit || !q.ok) continue;
    if (compareQuantities(q.quantity, limit) > 0) {
      out.push(invalid(reqPath, q.quantity.text, `must be less than or equal to ${name} limit of ${limit.text}`));
    }
  }
  return out;
}

/** validateContainerCommon: everything but names' uniqueness, probes and lifecycle. */
export function validateContainerCommon(c: Container, volumes: Set<string>, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  const namePath = p.child('name');
  if (!c.name) out.push(required(namePath));
  else out.push(...validateDNS1123Label(c.name, namePath));
  if (!c.image) out.push(required(p.child('image')));
  const tmp = c.terminationMessagePolicy ?? '';
  if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) {
    out.push(tmp ? notSupported(p.child('terminationMessagePolicy'), tmp, TERMINATION_MESSAGE_POLICIES) : required(p.child('terminationMessagePolicy')));
  }
  out.push(...validatePorts(c.ports, p.child('ports')));
  out.push(...validateEnv(c.env, p.child('env')));
  out.push(...validateEnvFrom(c.envFrom, p.child('envFrom')));
  out.push(...validateVolumeMounts(c.volumeMounts, volumes, p.child('volumeMounts')));
  const pull = c.imagePullPolicy ?? '';
  if (!PULL_POLICIES.includes(pull)) {
    out.push(pull ? notSupported(p.child('imagePullPolicy'), pull, PULL_POLICIES) : required(p.child('imagePullPolicy')));
  }
  out.push(...validateResources(c.resources, p.child('resources')));
  return out;
}
