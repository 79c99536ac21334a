/**
 * kubectl describe's PrefixWriter over a tabwriter, and the shared multi-line printers
 * (printLabelsMultiline, printAnnotationsMultiline, printPodTolerationsMultiline,
 * DescribeEvents) from k8s.io/kubectl/pkg/describe/describe.go.
 */
import type { Toleration } from 'kubernetes-types/core/v1';
import type { EventObject, Seconds } from '../model/objects';
import { humanDuration } from '../format/human-duration';
import { KUBECTL_DESCRIBE_TABWRITER, TabWriter } from '../format/tab-writer';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class PrefixWriter {
  private readonly tw = new TabWriter(KUBECTL_DESCRIBE_TABWRITER);

  /** text at an indentation level (two spaces per level); tabs separate cells */
  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text);
  }

  /** fmt.Sprintln: the text and a newline */
  writeLine(text: string): void {
    this.tw.write(text + '\n');
  }

  flush(): void {
    this.tw.flush();
  }

  /** tabbedString: everything aligned */
  result(): string {
    return this.tw.finish();
  }
}

/** printLabelsMultilineWithIndent: sorted key=value, one per line, <none> when empty */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** annotations that describe never shows (corev1.LastAppliedConfigAnnotation) */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s;
}

/** printAnnotationsMultiline: "key: value"; long or multi-line values on their own indented lines */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** printTolerationsMultilineWithIndent, e.g. node.kubernetes.io/not-ready:NoExecute op=Exists for 300s */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  const ts = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (ts.length === 0) {
    w.writeLine('<none>');
    return;
  }
  ts.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    // operator Exists without a value tolerates everything (with a key: everything of that key)
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, s + '\n');
  });
}

/**
 * DescribeEvents: oldest first (event.SortableEvents orders by last timestamp);
 * Age is "<since last> (x<count> over <since first>)" for repeated events.
 * Messages are printed as the kubelet wrote them: kubectl 1.35 prefixes container
 * events with their field path ("spec.containers{web}: ..."); podsim prints the
 * v1.33/v1.34 form without it.
 */
export function describeEvents(events: EventObject[], w: PrefixWriter, now: Seconds): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => a.lastTimestamp - b.lastTimestamp);
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = humanDuration(now - e.firstTimestamp);
    const interval = e.count > 1 ? `${humanDuration(now - e.lastTimestamp)} (x${e.count} over ${first})` : first;
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${e.source.component}\t${e.message.trim()}\n`);
  }
}

/** the events describe shows for an object: same namespace and name (and uid when known) */
export function eventsFor(events: EventObject[], ref: { kind?: string; name: string; namespace: string; uid?: string }): EventObject[] {
  return events.filter(
    (e) =>
      e.involvedObject.name === ref.name &&
      e.involvedObject.namespace === ref.namespace &&
      (ref.kind === undefined || e.involvedObject.kind === ref.kind) &&
      (ref.uid === undefined || e.involvedObject.uid === ref.uid),
  );
}
