/**
 * `kubectl get events` rows (printEvent in printers.go). The table is printed by the API
 * server, so rows come in list order, i.e. by event name (etcd key order); event names are
 * `<object>.<hex timestamp>`, which groups them by object and then by creation time.
 */
import type { ClusterView, EventObject } from '../model/objects';
import { age } from './print-pods';
import type { Table, TableColumn } from './table-printer';

export const EVENT_COLUMNS: TableColumn[] = [
  { name: 'Last Seen' },
  { name: 'Type' },
  { name: 'Reason' },
  { name: 'Object' },
  { name: 'Subobject', priority: 1 },
  { name: 'Source', priority: 1 },
  { name: 'Message' },
  { name: 'First Seen', priority: 1 },
  { name: 'Count', priority: 1 },
  { name: 'Name', priority: 1, format: 'name' },
];

/** formatEventSource: "component, host" without an empty host */
export function eventSource(e: EventObject): string {
  return e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component;
}

export function eventCells(e: EventObject, view: ClusterView): string[] {
  const target = e.involvedObject.name ? `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}` : e.involvedObject.kind.toLowerCase();
  return [
    age(view.now, e.lastTimestamp),
    e.type,
    e.reason,
    target,
    e.involvedObject.fieldPath ?? '',
    eventSource(e),
    e.message.trim(),
    age(view.now, e.firstTimestamp),
    String(e.count === 0 ? 1 : e.count),
    e.metadata.name,
  ];
}

export function eventTable(events: EventObject[], view: ClusterView): Table {
  return {
    columns: EVENT_COLUMNS,
    rows: events.map((e) => ({ cells: eventCells(e, view), namespace: e.metadata.namespace, labels: e.metadata.labels })),
  };
}
