/**
 * Probe and lifecycle-hook validation, as pkg/apis/core/validation/validation.go
 * (validateProbe, validateLivenessProbe/Readiness/Startup, validateHandler,
 * validateLifecycle, validateSleepAction).
 */
import type { Lifecycle, LifecycleHandler, Probe } from 'kubernetes-types/core/v1';
import { FieldPath, forbidden, invalid, notSupported, required, validateNonnegative, type FieldProblem } from './field-errors';
import { isValidPortNum, validatePortNumOrName } from './name-validation';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

type AnyHandler = Record<string, unknown>;

function validateAction(kind: string, action: AnyHandler, p: FieldPath, gracePeriod: number): FieldProblem[] {
  const out: FieldProblem[] = [];
  switch (kind) {
    case 'exec':
      if (!Array.isArray(action.command) || action.command.length === 0) out.push(required(p.child('command')));
      break;
    case 'httpGet': {
      if (!action.path) out.push(required(p.child('path')));
      out.push(...validatePortNumOrName(action.port as string | number | undefined, p.child('port')));
      const scheme = action.scheme as string;
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') out.push(notSupported(p.child('scheme'), scheme, ['HTTP', 'HTTPS']));
      break;
    }
    case 'tcpSocket':
      out.push(...validatePortNumOrName(action.port as string | number | undefined, p.child('port')));
      break;
    case 'grpc': {
      const port = (action.port as number | undefined) ?? 0;
      for (const m of isValidPortNum(port)) out.push(invalid(p.child('port'), port, m));
      break;
    }
    case 'sleep': {
      // PodLifecycleSleepActionAllowZero (beta, on by default since v1.33) allows 0
      const seconds = (action.seconds as number | undefined) ?? 0;
      if (seconds < 0 || seconds > gracePeriod) {
        out.push(invalid(p, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`));
      }
      break;
    }
  }
  return out;
}

function validateHandler(h: AnyHandler, kinds: readonly string[], gracePeriod: number, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  let n = 0;
  for (const kind of kinds) {
    const action = h[kind];
    if (action === undefined || action === null) continue;
    if (n > 0) out.push(forbidden(p.child(kind), 'may not specify more than 1 handler type'));
    else {
      n++;
      out.push(...validateAction(kind, action as AnyHandler, p.child(kind), gracePeriod));
    }
  }
  if (n === 0) out.push(required(p, 'must specify a handler type'));
  return out;
}

function validateProbe(probe: Probe, gracePeriod: number, p: FieldPath): FieldProblem[] {
  const out = validateHandler(probe as AnyHandler, PROBE_HANDLERS, gracePeriod, p);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    out.push(...validateNonnegative(probe[f], p.child(f)));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps !== undefined && tgps <= 0) out.push(invalid(p.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  return out;
}

export function validateLivenessProbe(probe: Probe | undefined, gracePeriod: number, p: FieldPath): FieldProblem[] {
  if (!probe) return [];
  const out = validateProbe(probe, gracePeriod, p);
  if (probe.successThreshold !== 1) out.push(invalid(p.child('successThreshold'), probe.successThreshold, 'must be 1'));
  return out;
}

export function validateStartupProbe(probe: Probe | undefined, gracePeriod: number, p: FieldPath): FieldProblem[] {
  return validateLivenessProbe(probe, gracePeriod, p);
}

export function validateReadinessProbe(probe: Probe | undefined, gracePeriod: number, p: FieldPath): FieldProblem[] {
  if (!probe) return [];
  const out = validateProbe(probe, gracePeriod, p);
  if (probe.terminationGracePeriodSeconds !== undefined) {
    out.push(invalid(p.child('terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return out;
}

export function validateLifecycle(lifecycle: Lifecycle, gracePeriod: number, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  const hooks: [string, LifecycleHandler | undefined][] = [
    ['postStart', lifecycle.postStart],
    ['preStop', lifecycle.preStop],
  ];
  for (const [name, handler] of hooks) {
    if (handler) out.push(...validateHandler(handler as AnyHandler, LIFECYCLE_HANDLERS, gracePeriod, p.child(name)));
  }
  return out;
}
