/**
 * `kubectl get endpoints` rows (printEndpoints / formatEndpoints in printers.go): only
 * ready addresses, `ip:port` for each port, first 3 then " + N more...", `<none>` when
 * there are no subsets and a blank cell when the subsets hold only notReadyAddresses.
 */
import type { ClusterView, EndpointsObject } from '../model/objects';
import { age } from './print-pods';
import type { Table, TableColumn } from './table-printer';

/** the API server's warning for v1 Endpoints since v1.33; kubectl prints it on stderr, once per command */
export const ENDPOINTS_DEPRECATION_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

export const ENDPOINTS_COLUMNS: TableColumn[] = [{ name: 'Name', format: 'name' }, { name: 'Endpoints' }, { name: 'Age' }];

/** net.JoinHostPort */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function formatEndpoints(ep: EndpointsObject): string {
  if (ep.subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of ep.subsets) {
    const addresses = ss.addresses ?? [];
    if (ss.ports.length === 0) {
      // headless services may have no ports
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function endpointsTable(eps: EndpointsObject[], view: ClusterView): Table {
  return {
    columns: ENDPOINTS_COLUMNS,
    rows: eps.map((ep) => ({
      cells: [ep.metadata.name, formatEndpoints(ep), age(view.now, ep.metadata.creationTimestamp)],
      namespace: ep.metadata.namespace,
      labels: ep.metadata.labels,
    })),
  };
}
