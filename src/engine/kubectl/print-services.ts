/** `kubectl get services` rows (printService, getServiceExternalIP, makePortString in printers.go). */
import type { ClusterView, ServiceObject } from '../model/objects';
import { formatLabels } from './label-selector';
import { age } from './print-pods';
import type { Table, TableColumn } from './table-printer';

export const SERVICE_COLUMNS: TableColumn[] = [
  { name: 'Name', format: 'name' },
  { name: 'Type' },
  { name: 'Cluster-IP' },
  { name: 'External-IP' },
  { name: 'Port(s)' },
  { name: 'Age' },
  { name: 'Selector', priority: 1 },
];

/** getServiceExternalIP (no load balancer controller runs in podsim, so LoadBalancer stays <pending>) */
function externalIP(svc: ServiceObject): string {
  const ips = svc.spec.externalIPs ?? [];
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ips.length > 0 ? ips.join(',') : '<none>';
    case 'LoadBalancer':
      return ips.length > 0 ? ips.join(',') : '<pending>';
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: 80/TCP, 80:30080/TCP, joined by "," */
export function servicePorts(svc: ServiceObject): string {
  const s = (svc.spec.ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
  return s === '' ? '<none>' : s;
}

export function clusterIP(svc: ServiceObject): string {
  return svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '<none>';
}

export function serviceTable(services: ServiceObject[], view: ClusterView): Table {
  return {
    columns: SERVICE_COLUMNS,
    rows: services.map((svc) => ({
      cells: [
        svc.metadata.name,
        svc.spec.type ?? 'ClusterIP',
        clusterIP(svc),
        externalIP(svc),
        servicePorts(svc),
        age(view.now, svc.metadata.creationTimestamp),
        formatLabels(svc.spec.selector),
      ],
      namespace: svc.metadata.namespace,
      labels: svc.metadata.labels,
    })),
  };
}
