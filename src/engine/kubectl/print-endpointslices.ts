/**
 * `kubectl get endpointslices` rows (printEndpointSlice, formatDiscoveryPorts,
 * formatDiscoveryEndpoints in printers.go): addresses regardless of readiness,
 * first 3 then " + N more...", `<unset>` when empty.
 */
import type { ClusterView, EndpointSliceObject } from '../model/objects';
import { age } from './print-pods';
import type { Table, TableColumn } from './table-printer';

export const ENDPOINTSLICE_COLUMNS: TableColumn[] = [
  { name: 'Name', format: 'name' },
  { name: 'AddressType' },
  { name: 'Ports' },
  { name: 'Endpoints' },
  { name: 'Age' },
];

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

export function formatDiscoveryPorts(slice: EndpointSliceObject): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const port of slice.ports) {
    if (list.length < max) list.push(port.port !== undefined ? String(port.port) : port.name ?? '*');
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMore(list, more, count, max);
}

export function formatDiscoveryEndpoints(slice: EndpointSliceObject): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ep of slice.endpoints) {
    for (const address of ep.addresses) {
      if (list.length < max) list.push(address);
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, max);
}

export function endpointSliceTable(slices: EndpointSliceObject[], view: ClusterView): Table {
  return {
    columns: ENDPOINTSLICE_COLUMNS,
    rows: slices.map((s) => ({
      cells: [s.metadata.name, s.addressType, formatDiscoveryPorts(s), formatDiscoveryEndpoints(s), age(view.now, s.metadata.creationTimestamp)],
      namespace: s.metadata.namespace,
      labels: s.metadata.labels,
    })),
  };
}
