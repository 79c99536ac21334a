/** `kubectl get deployments` rows (printDeployment in printers.go). */
import type { Container } from 'kubernetes-types/core/v1';
import type { ClusterView, DeploymentObject } from '../model/objects';
import { labelSelectorString } from './label-selector';
import { age } from './print-pods';
import type { Table, TableColumn } from './table-printer';

export const DEPLOYMENT_COLUMNS: TableColumn[] = [
  { name: 'Name', format: 'name' },
  { name: 'Ready' },
  { name: 'Up-to-date' },
  { name: 'Available' },
  { name: 'Age' },
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

/** layoutContainerCells: names and images joined by "," */
export function layoutContainerCells(containers: Container[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

export function deploymentTable(deployments: DeploymentObject[], view: ClusterView): Table {
  return {
    columns: DEPLOYMENT_COLUMNS,
    rows: deployments.map((d) => {
      const [names, images] = layoutContainerCells(d.spec.template.spec?.containers);
      return {
        cells: [
          d.metadata.name,
          `${d.status.readyReplicas}/${d.spec.replicas ?? 1}`,
          String(d.status.updatedReplicas),
          String(d.status.availableReplicas),
          age(view.now, d.metadata.creationTimestamp),
          names,
          images,
          labelSelectorString(d.spec.selector),
        ],
        namespace: d.metadata.namespace,
        labels: d.metadata.labels,
      };
    }),
  };
}
