/**
 * metav1.LabelSelector: validation (apimachinery meta/v1/validation
 * ValidateLabelSelector) and matching (LabelSelectorAsSelector(...).Matches).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { FieldPath, forbidden, invalid, required, type FieldProblem } from './field-errors';
import { isQualifiedName, validateLabels } from './name-validation';

export function validateLabelSelector(sel: LabelSelector, p: FieldPath): FieldProblem[] {
  const out: FieldProblem[] = [];
  (sel.matchExpressions ?? []).forEach((req, i) => {
    const rp = p.child('matchExpressions').index(i);
    switch (req.operator) {
      case 'In':
      case 'NotIn':
        if (!req.values || req.values.length === 0) {
          out.push(required(rp.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (req.values && req.values.length > 0) {
          out.push(forbidden(rp.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        }
        break;
      default:
        out.push(invalid(rp.child('operator'), req.operator, 'not a valid selector operator'));
    }
    for (const m of isQualifiedName(req.key ?? '')) out.push(invalid(rp.child('key'), req.key ?? '', m));
  });
  out.push(...validateLabels(sel.matchLabels, p.child('matchLabels')));
  return out;
}

/** Whether the labels satisfy the selector (an empty selector matches everything). */
export function labelSelectorMatches(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const req of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(l[req.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** `%#v` of a *metav1.LabelSelector, as the API server prints it in errors. */
export function goLabelSelector(sel: LabelSelector): string {
  const ml = sel.matchLabels;
  const labels = ml
    ? `map[string]string{${Object.keys(ml)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${JSON.stringify(ml[k])}`)
        .join(', ')}}`
    : 'map[string]string(nil)';
  const exprs = sel.matchExpressions ? `[]v1.LabelSelectorRequirement{...}` : '[]v1.LabelSelectorRequirement(nil)';
  return `&v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
}
