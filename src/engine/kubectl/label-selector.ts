/**
 * Label selection and the label strings kubectl prints
 * (k8s.io/apimachinery/pkg/labels FormatLabels, metav1.FormatLabelSelector).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** -l key=value[,key2=value2]: equality only, as the command language allows */
export function matchesSelector(labels: Record<string, string> | undefined, selector: Record<string, string> | undefined): boolean {
  if (!selector) return true;
  return Object.entries(selector).every(([k, v]) => (labels ?? {})[k] === v);
}

/** labels.FormatLabels: sorted k=v joined by ",", or <none> */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** LabelSelectorAsSelector(s).String(): requirements sorted by key; "" when empty */
export function labelSelectorString(s: LabelSelector | undefined): string {
  if (!s) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(s.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of s.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In' ? `${e.key} in (${values})`
      : e.operator === 'NotIn' ? `${e.key} notin (${values})`
      : e.operator === 'Exists' ? e.key
      : `!${e.key}`;
    reqs.push({ key: e.key, text });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: like labelSelectorString but <none> when empty */
export function formatLabelSelector(s: LabelSelector | undefined): string {
  const l = labelSelectorString(s);
  return l === '' ? '<none>' : l;
}

/** does a LabelSelector (matchLabels and matchExpressions) select these labels? */
export function labelSelectorMatches(s: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!s) return false;
  if (!matchesSelector(labels, s.matchLabels)) return false;
  return (s.matchExpressions ?? []).every((e) => {
    const has = e.key in labels;
    const val = labels[e.key];
    switch (e.operator) {
      case 'In':
        return has && (e.values ?? []).includes(val);
      case 'NotIn':
        return !has || !(e.values ?? []).includes(val);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });
}
