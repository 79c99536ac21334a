/** `kubectl get configmaps` and `kubectl get secrets` rows (printConfigMap, printSecret in printers.go). */
import type { ClusterView, ConfigMapObject, SecretObject } from '../model/objects';
import { age } from './print-pods';
import type { Table } from './table-printer';

export function configMapTable(cms: ConfigMapObject[], view: ClusterView): Table {
  return {
    columns: [{ name: 'Name', format: 'name' }, { name: 'Data' }, { name: 'Age' }],
    rows: cms.map((cm) => ({
      cells: [cm.metadata.name, String(Object.keys(cm.data).length + Object.keys(cm.source.binaryData ?? {}).length), age(view.now, cm.metadata.creationTimestamp)],
      namespace: cm.metadata.namespace,
      labels: cm.metadata.labels,
    })),
  };
}

export function secretTable(secrets: SecretObject[], view: ClusterView): Table {
  return {
    columns: [{ name: 'Name', format: 'name' }, { name: 'Type' }, { name: 'Data' }, { name: 'Age' }],
    rows: secrets.map((s) => ({
      cells: [s.metadata.name, s.type, String(Object.keys(s.data).length), age(view.now, s.metadata.creationTimestamp)],
      namespace: s.metadata.namespace,
      labels: s.metadata.labels,
    })),
  };
}
