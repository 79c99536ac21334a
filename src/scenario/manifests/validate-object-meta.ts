/**
 * metadata checks: what `kubectl apply` itself demands of a name, then
 * ValidateObjectMeta (name format per kind, namespace, labels, annotations).
 * podsim has one namespace, "default": any other is reported as the API server
 * reports a namespace that does not exist.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { FieldPath, invalid, located, type FieldProblem } from './field-errors';
import { validateAnnotations, validateLabels } from './name-validation';

export function validateObjectMeta(meta: ObjectMeta | undefined, nameRule: (name: string) => string[]): FieldProblem[] {
  const p = FieldPath.of('metadata');
  const out: FieldProblem[] = [];
  const name = meta?.name;
  if (!name) {
    // kubectl apply looks the object up by name before sending it
    out.push(located(p, meta?.generateName ? 'cannot use generate name with apply' : 'resource name may not be empty'));
  } else {
    for (const m of nameRule(name)) out.push(invalid(p.child('name'), name, m));
  }
  const ns = meta?.namespace;
  if (ns && ns !== 'default') out.push(located(p.child('namespace'), `namespaces ${JSON.stringify(ns)} not found`));
  out.push(...validateLabels(meta?.labels, p.child('labels')));
  out.push(...validateAnnotations(meta?.annotations, p.child('annotations')));
  return out;
}
