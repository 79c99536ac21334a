/**
 * `kubectl describe configmap` and `kubectl describe secret` (ConfigMapDescriber, describeSecret).
 * Go ranges over the data map in random order; podsim prints the keys sorted.
 */
import type { ClusterView, ConfigMapObject, SecretObject } from '../model/objects';
import { LEVEL_0, PrefixWriter, describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './prefix-writer';

export function describeConfigMap(cm: ConfigMapObject, view: ClusterView): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cm.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(cm.data).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data[k]}\n`);
    w.write(LEVEL_0, '\n');
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const [k, v] of Object.entries(cm.source.binaryData ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    w.write(LEVEL_0, `${k}: ${Math.floor((v.replace(/=+$/, '').length * 3) / 4)} bytes\n`);
  }
  w.write(LEVEL_0, '\n');
  describeEvents(eventsFor(view.events, { kind: 'ConfigMap', name: cm.metadata.name, namespace: cm.metadata.namespace, uid: cm.metadata.uid }), w, view.now);
  return w.result();
}

/** decoded byte length of each Secret key */
function secretSizes(s: SecretObject): Record<string, number> {
  const sizes: Record<string, number> = {};
  const src = s.source;
  if (src.data || src.stringData) {
    for (const [k, v] of Object.entries(src.data ?? {})) sizes[k] = Math.floor((v.replace(/=+$/, '').length * 3) / 4);
    for (const [k, v] of Object.entries(src.stringData ?? {})) sizes[k] = new TextEncoder().encode(v).length;
  } else {
    for (const [k, v] of Object.entries(s.data)) sizes[k] = new TextEncoder().encode(v).length;
  }
  return sizes;
}

export function describeSecret(s: SecretObject): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', s.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(LEVEL_0, `\nType:\t${s.type}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  const sizes = secretSizes(s);
  for (const k of Object.keys(sizes).sort()) w.write(LEVEL_0, `${k}:\t${sizes[k]} bytes\n`);
  return w.result();
}
