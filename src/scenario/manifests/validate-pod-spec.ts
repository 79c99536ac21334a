/**
 * Pod spec validation (validation.go ValidatePodSpec, validateContainers,
 * validateInitContainers, ValidatePodTemplateSpec) and the Pod object itself.
 */
import type { Container, Pod, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { duplicate, FieldPath, forbidden, invalid, notSupported, required, type FieldProblem } from './field-errors';
import {
  inclusiveRangeError,
  isDNS1123Subdomain,
  isQualifiedName,
  validateAnnotations,
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateLabels,
} from './name-validation';
import { validateContainerCommon } from './validate-container';
import { validateObjectMeta } from './validate-object-meta';
import { validateLifecycle, validateLivenessProbe, validateReadinessProbe, validateStartupProbe } from './validate-probes';
import { validateVolumes } from './validate-volumes';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TOLERATION_OPERATORS = ['Equal', 'Exists'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const INIT_ONLY = 'may not be set for init containers without restartPolicy=Always';

function hostPortKeys(c: Container): { key: string; port: number }[] {
  return (c.ports ?? []).filter((port) => port.hostPort).map((port, i) => ({ key: `${port.hostPort}/${port.protocol}`, port: i }));
}

function validateContainers(spec: PodSpec, volumes: Set<string>, grace: number, p: FieldPath): FieldProblem[] {
  const containers = spec.containers ?? [];
  if (containers.length === 0) return [required(p)];
  const out: FieldProblem[] = [];
  const names = new Set<string>();
  const hostPorts = new Set<string>();
  containers.forEach((c, i) => {
    const cp = p.index(i);
    out.push(...validateContainerCommon(c, volumes, cp));
    if (names.has(c.name)) out.push(duplicate(cp.child('name'), c.name));
    else names.add(c.name);
    if (c.lifecycle) out.push(...validateLifecycle(c.lifecycle, grace, cp.child('lifecycle')));
    out.push(...validateLivenessProbe(c.livenessProbe, grace, cp.child('livenessProbe')));
    out.push(...validateReadinessProbe(c.readinessProbe, grace, cp.child('readinessProbe')));
    out.push(...validateStartupProbe(c.startupProbe, grace, cp.child('startupProbe')));
    if (c.restartPolicy !== undefined) out.push(forbidden(cp.child('restartPolicy'), 'may not be set for non-init containers'));
    for (const { key, port } of hostPortKeys(c)) {
      if (hostPorts.has(key)) out.push(duplicate(cp.child('ports').index(port).child('hostPort'), key));
      hostPorts.add(key);
    }
  });
  return out;
}

function validateInitContainers(spec: PodSpec, volumes: Set<string>, grace: number, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  const names = new Set((spec.containers ?? []).map((c) => c.name));
  (spec.initContainers ?? []).forEach((c, i) => {
    const cp = p.index(i);
    out.push(...validateContainerCommon(c, volumes, cp));
    let restartAlways = false;
    if (c.restartPolicy !== undefined) {
      if (c.restartPolicy === 'Always') restartAlways = true;
      else out.push(notSupported(cp.child('restartPolicy'), c.restartPolicy, ['Always']));
    }
    if (names.has(c.name)) out.push(duplicate(cp.child('name'), c.name));
    else if (c.name) names.add(c.name);
    if (restartAlways) {
      // a native sidecar (KEP-753) may have probes and hooks
      if (c.lifecycle) out.push(...validateLifecycle(c.lifecycle, grace, cp.child('lifecycle')));
      out.push(...validateLivenessProbe(c.livenessProbe, grace, cp.child('livenessProbe')));
      out.push(...validateReadinessProbe(c.readinessProbe, grace, cp.child('readinessProbe')));
      out.push(...validateStartupProbe(c.startupProbe, grace, cp.child('startupProbe')));
    } else {
      if (c.lifecycle) out.push(forbidden(cp.child('lifecycle'), INIT_ONLY));
      if (c.livenessProbe) out.push(forbidden(cp.child('livenessProbe'), INIT_ONLY));
      if (c.readinessProbe) out.push(forbidden(cp.child('readinessProbe'), INIT_ONLY));
      if (c.startupProbe) out.push(forbidden(cp.child('startupProbe'), INIT_ONLY));
    }
  });
  return out;
}

function validateTolerations(spec: PodSpec, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  (spec.tolerations ?? []).forEach((t, i) => {
    const tp = p.index(i);
    if (t.key) for (const m of isQualifiedName(t.key)) out.push(invalid(tp.child('key'), t.key, m));
    const op = t.operator ?? '';
    if (!t.key && op !== 'Exists') {
      out.push(invalid(tp.child('operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (op !== '' && !TOLERATION_OPERATORS.includes(op)) out.push(notSupported(tp.child('operator'), op, TOLERATION_OPERATORS));
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) out.push(notSupported(tp.child('effect'), t.effect, TAINT_EFFECTS));
  });
  return out;
}

export function validatePodSpec(spec: PodSpec, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  const grace = spec.terminationGracePeriodSeconds ?? 30;
  const vols = validateVolumes(spec.volumes, p.child('volumes'));
  out.push(...vols.problems);
  out.push(...validateContainers(spec, vols.names, grace, p.child('containers')));
  out.push(...validateInitContainers(spec, vols.names, grace, p.child('initContainers')));
  const rp = spec.restartPolicy ?? '';
  if (!RESTART_POLICIES.includes(rp)) out.push(rp ? notSupported(p.child('restartPolicy'), rp, RESTART_POLICIES) : required(p.child('restartPolicy')));
  const dns = spec.dnsPolicy ?? '';
  if (!DNS_POLICIES.includes(dns)) out.push(dns ? notSupported(p.child('dnsPolicy'), dns, DNS_POLICIES) : required(p.child('dnsPolicy')));
  out.push(...validateLabels(spec.nodeSelector, p.child('nodeSelector')));
  if (spec.serviceAccountName) out.push(...validateDNS1123Subdomain(spec.serviceAccountName, p.child('serviceAccountName')));
  if (spec.nodeName) for (const m of isDNS1123Subdomain(spec.nodeName)) out.push(invalid(p.child('nodeName'), spec.nodeName, m));
  const ads = spec.activeDeadlineSeconds;
  if (ads !== undefined && (ads < 1 || ads > 2147483647)) {
    out.push(invalid(p.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, 2147483647)));
  }
  if (spec.hostname) out.push(...validateDNS1123Label(spec.hostname, p.child('hostname')));
  if (spec.subdomain) out.push(...validateDNS1123Label(spec.subdomain, p.child('subdomain')));
  out.push(...validateTolerations(spec, p.child('tolerations')));
  (spec.readinessGates ?? []).forEach((g, i) => {
    const gp = p.child('readinessGates').index(i).child('conditionType');
    for (const m of isQualifiedName(g.conditionType ?? '')) out.push(invalid(gp, g.conditionType ?? '', m));
  });
  return out;
}

/** ValidatePodTemplateSpec: the template's labels and annotations, then its spec. */
export function validatePodTemplateSpec(template: PodTemplateSpec, p: FieldPath): FieldProblem[] {
  return [
    ...validateLabels(template.metadata?.labels, p.child('metadata', 'labels')),
    ...validateAnnotations(template.metadata?.annotations, p.child('metadata', 'annotations')),
    ...validatePodSpec(template.spec ?? { containers: [] }, p.child('spec')),
  ];
}

export function validatePod(pod: Pod): FieldProblem[] {
  return [...validateObjectMeta(pod.metadata, isDNS1123Subdomain), ...validatePodSpec(pod.spec!, FieldPath.of('spec'))];
}
