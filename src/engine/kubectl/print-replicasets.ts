/** `kubectl get replicasets` rows (printReplicaSet in printers.go). */
import type { ClusterView, ReplicaSetObject } from '../model/objects';
import { formatLabelSelector } from './label-selector';
import { layoutContainerCells } from './print-deployments';
import { age } from './print-pods';
import type { Table, TableColumn } from './table-printer';

export const REPLICASET_COLUMNS: TableColumn[] = [
  { name: 'Name', format: 'name' },
  { name: 'Desired' },
  { name: 'Current' },
  { name: 'Ready' },
  { name: 'Age' },
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

export function replicaSetTable(replicaSets: ReplicaSetObject[], view: ClusterView): Table {
  return {
    columns: REPLICASET_COLUMNS,
    rows: replicaSets.map((rs) => {
      const [names, images] = layoutContainerCells(rs.spec.template?.spec?.containers);
      return {
        cells: [
          rs.metadata.name,
          String(rs.spec.replicas ?? 1),
          String(rs.status.replicas),
          String(rs.status.readyReplicas),
          age(view.now, rs.metadata.creationTimestamp),
          names,
          images,
          formatLabelSelector(rs.spec.selector),
        ],
        namespace: rs.metadata.namespace,
        labels: rs.metadata.labels,
      };
    }),
  };
}
