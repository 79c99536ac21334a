/**
 * Label selectors as the controllers evaluate them.
 * - Service selectors are plain maps (k8s.io/apimachinery labels.SelectorFromSet):
 *   every key must be present with the same value.
 * - Deployment/ReplicaSet selectors are metav1.LabelSelector (matchLabels AND
 *   matchExpressions), per apimachinery pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export function mapSelectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  const have = labels ?? {};
  for (const [k, v] of Object.entries(selector)) {
    if (have[k] !== v) return false;
  }
  return true;
}

/**
 * A Service "has a selector" only when spec.selector holds at least one key: an
 * empty map does not survive JSON (omitempty) and a nil selector selects nothing
 * (endpointslice util/controller_utils.go getServicesForPod).
 */
export function serviceSelector(selector: Record<string, string> | undefined | null): Record<string, string> | undefined {
  if (!selector || Object.keys(selector).length === 0) return undefined;
  return selector;
}

export function labelSelectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  // LabelSelectorAsSelector: a nil selector matches nothing, an empty one everything.
  if (!selector) return false;
  const have = labels ?? {};
  if (selector.matchLabels && !mapSelectorMatches(selector.matchLabels, have)) return false;
  for (const req of selector.matchExpressions ?? []) {
    const present = Object.prototype.hasOwnProperty.call(have, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!present || !values.includes(have[req.key])) return false;
        break;
      case 'NotIn':
        if (present && values.includes(have[req.key])) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        throw new Error(`"${req.operator}" is not a valid label selector operator`);
    }
  }
  return true;
}
