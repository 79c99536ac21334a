/** `kubectl get nodes` rows (printNode, findNodeRoles in printers.go). */
import type { ClusterView, NodeObject } from '../model/objects';
import { age } from './print-pods';
import type { Table, TableColumn } from './table-printer';

/** what podsim's nodes report as their NodeSystemInfo (a kind-like node) */
export const NODE_INFO = {
  kubeletVersion: 'v1.33.0',
  kubeProxyVersion: 'v1.33.0',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  kernelVersion: '6.8.0-1015-gke',
  containerRuntimeVersion: 'containerd://2.0.4',
  operatingSystem: 'linux',
  architecture: 'amd64',
};

export const NODE_COLUMNS: TableColumn[] = [
  { name: 'Name', format: 'name' },
  { name: 'Status' },
  { name: 'Roles' },
  { name: 'Age' },
  { name: 'Version' },
  { name: 'Internal-IP', priority: 1 },
  { name: 'External-IP', priority: 1 },
  { name: 'OS-Image', priority: 1 },
  { name: 'Kernel-Version', priority: 1 },
  { name: 'Container-Runtime', priority: 1 },
];

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role=<role>, sorted */
export function nodeRoles(node: NodeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels)) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

export function nodeAddress(node: NodeObject, type: string): string {
  return node.status.addresses.find((a) => a.type === type)?.address ?? '<none>';
}

export function nodeTable(nodes: NodeObject[], view: ClusterView): Table {
  return {
    columns: NODE_COLUMNS,
    rows: nodes.map((n) => {
      const roles = nodeRoles(n).join(',');
      return {
        cells: [
          n.metadata.name,
          n.status.ready ? 'Ready' : 'NotReady',
          roles === '' ? '<none>' : roles,
          age(view.now, n.metadata.creationTimestamp),
          NODE_INFO.kubeletVersion,
          nodeAddress(n, 'InternalIP'),
          nodeAddress(n, 'ExternalIP'),
          NODE_INFO.osImage,
          NODE_INFO.kernelVersion,
          NODE_INFO.containerRuntimeVersion,
        ],
        namespace: n.metadata.namespace,
        labels: n.metadata.labels,
      };
    }),
  };
}
