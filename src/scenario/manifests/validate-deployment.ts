/**
 * apps/v1 Deployment and ReplicaSet validation (pkg/apis/apps/validation:
 * ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment,
 * ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet).
 */
import type { Deployment, DeploymentStrategy, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import {
  FieldPath,
  forbidden,
  GoSyntax,
  goIntOrString,
  goStringMap,
  invalid,
  notSupported,
  required,
  validateNonnegative,
  type FieldProblem,
} from './field-errors';
import { goLabelSelector, labelSelectorMatches, validateLabelSelector } from './label-selector';
import { isDNS1123Subdomain, isValidPercent } from './name-validation';
import { validateObjectMeta } from './validate-object-meta';
import { validatePodTemplateSpec } from './validate-pod-spec';

type IntOrPercent = string | number | undefined;

function validateSelector(sel: LabelSelector | undefined, p: FieldPath): FieldProblem[] {
  if (!sel) return [required(p)];
  const out = validateLabelSelector(sel, p);
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    // the same text for ReplicaSets, as in the Go source
    out.push(invalid(p, new GoSyntax(goLabelSelector(sel)), 'empty selector is invalid for deployment'));
  }
  return out;
}

function validateTemplateForReplicaSet(template: PodTemplateSpec | undefined, selector: LabelSelector | undefined, p: FieldPath): FieldProblem[] {
  if (!template) return [required(p)];
  const out: FieldProblem[] = [];
  const empty = !selector || Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
  if (!empty && !labelSelectorMatches(selector, template.metadata?.labels)) {
    out.push(invalid(p.child('metadata', 'labels'), goStringMap(template.metadata?.labels), '`selector` does not match template `labels`'));
  }
  out.push(...validatePodTemplateSpec(template, p));
  const rp = template.spec?.restartPolicy;
  if (rp !== 'Always') {
    out.push(notSupported(p.child('spec', 'restartPolicy'), rp ?? '', ['Always']));
  }
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    out.push(forbidden(p.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return out;
}

function percentValue(v: IntOrPercent): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) return Number(v.slice(0, -1));
  return undefined;
}

function validatePositiveIntOrPercent(v: IntOrPercent, p: FieldPath): FieldProblem[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(p, goIntOrString(v), m));
  return validateNonnegative(v, p);
}

function validateStrategy(strategy: DeploymentStrategy | undefined, p: FieldPath): FieldProblem[] {
  const s = strategy ?? {};
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate ? [forbidden(p.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      const ru = s.rollingUpdate ?? {};
      const rp = p.child('rollingUpdate');
      const out = [
        ...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')),
        ...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')),
      ];
      if (percentValue(ru.maxUnavailable) === 0 && percentValue(ru.maxSurge) === 0) {
        const mu = ru.maxUnavailable ?? 0;
        out.push(invalid(rp.child('maxUnavailable'), goIntOrString(mu), 'may not be 0 when `maxSurge` is 0'));
      }
      const mu = ru.maxUnavailable;
      if (typeof mu === 'string' && (percentValue(mu) ?? 0) > 100) {
        out.push(invalid(rp.child('maxUnavailable'), goIntOrString(mu), 'must not be greater than 100%'));
      }
      return out;
    }
    default:
      return [notSupported(p.child('type'), s.type ?? '', ['Recreate', 'RollingUpdate'])];
  }
}

export function validateDeployment(d: Deployment): FieldProblem[] {
  const spec = d.spec!;
  const p = FieldPath.of('spec');
  const out = [...validateObjectMeta(d.metadata, isDNS1123Subdomain)];
  out.push(...validateNonnegative(spec.replicas, p.child('replicas')));
  out.push(...validateSelector(spec.selector, p.child('selector')));
  out.push(...validateTemplateForReplicaSet(spec.template, spec.selector, p.child('template')));
  out.push(...validateStrategy(spec.strategy, p.child('strategy')));
  out.push(...validateNonnegative(spec.minReadySeconds, p.child('minReadySeconds')));
  out.push(...validateNonnegative(spec.revisionHistoryLimit, p.child('revisionHistoryLimit')));
  const pds = spec.progressDeadlineSeconds;
  if (pds !== undefined) {
    out.push(...validateNonnegative(pds, p.child('progressDeadlineSeconds')));
    if (pds <= (spec.minReadySeconds ?? 0)) out.push(invalid(p.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
  }
  return out;
}

export function validateReplicaSet(rs: ReplicaSet): FieldProblem[] {
  const spec = rs.spec!;
  const p = FieldPath.of('spec');
  return [
    ...validateObjectMeta(rs.metadata, isDNS1123Subdomain),
    ...validateNonnegative(spec.replicas, p.child('replicas')),
    ...validateNonnegative(spec.minReadySeconds, p.child('minReadySeconds')),
    ...validateSelector(spec.selector, p.child('selector')),
    ...validateTemplateForReplicaSet(spec.template, spec.selector, p.child('template')),
  ];
}
