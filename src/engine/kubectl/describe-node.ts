/**
 * `kubectl describe node` (describeNode, describeNodeResource in k8s.io/kubectl/pkg/describe/describe.go).
 * podsim nodes are always healthy kubelets: the pressure conditions are False and
 * Ready follows the node's `ready` flag.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { ClusterView, NodeObject, PodObject } from '../model/objects';
import { rfc1123z } from '../format/go-time';
import { humanDuration } from '../format/human-duration';
import { cpuQuantity, formatQuantity, memoryQuantity, milliValue, parseQuantity, type Quantity } from '../format/quantity';
import { NODE_INFO, nodeRoles } from './print-nodes';
import { LEVEL_0, LEVEL_1, PrefixWriter, describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './prefix-writer';

type ResourceName = 'cpu' | 'memory';

function sum(a: Quantity | null, b: Quantity | null): Quantity | null {
  if (!a) return b;
  if (!b) return a;
  return { nano: a.nano + b.nano, format: a.format };
}

function max(a: Quantity | null, b: Quantity | null): Quantity | null {
  if (!a) return b;
  if (!b) return a;
  return b.nano > a.nano ? b : a;
}

function containerValue(c: Container, kind: 'requests' | 'limits', r: ResourceName): Quantity | null {
  const v = c.resources?.[kind]?.[r];
  return v === undefined ? null : parseQuantity(v);
}

/** resourcehelper.PodRequestsAndLimits: containers and sidecars add up; a regular init container counts when larger */
export function podRequestsAndLimits(pod: PodObject, kind: 'requests' | 'limits', r: ResourceName): Quantity | null {
  let total: Quantity | null = null;
  for (const c of pod.spec.containers ?? []) total = sum(total, containerValue(c, kind, r));
  let sidecars: Quantity | null = null;
  for (const c of pod.spec.initContainers ?? []) {
    const v = containerValue(c, kind, r);
    if (c.restartPolicy === 'Always') {
      sidecars = sum(sidecars, v);
      total = sum(total, v);
    } else {
      total = max(total, sum(v, sidecars));
    }
  }
  return total;
}

function qstr(q: Quantity | null): string {
  return q ? formatQuantity(q) : '0';
}

function percent(q: Quantity | null, allocatableMilli: bigint): number {
  if (!q || allocatableMilli === 0n) return 0;
  return Math.trunc((Number(milliValue(q)) / Number(allocatableMilli)) * 100);
}

export function describeNode(node: NodeObject, view: ClusterView): string {
  const w = new PrefixWriter();
  const ts = (t: number) => rfc1123z(view.epochMs, t);
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  const roles = nodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${ts(node.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, 'Taints:\t');
  w.writeLine('<none>');
  w.write(LEVEL_0, 'Unschedulable:\tfalse\n');
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(LEVEL_1, 'AcquireTime:\t<unset>\n');
  w.write(LEVEL_1, `RenewTime:\t${ts(view.now)}\n`);

  const created = ts(node.metadata.creationTimestamp);
  const now = ts(view.now);
  const conditions: [string, string, string, string][] = [
    ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    node.status.ready
      ? ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status']
      : ['Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
  ];
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
  w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const [type, status, reason, message] of conditions) w.write(LEVEL_1, `${type} \t${status} \t${now} \t${created} \t${reason} \t${message}\n`);

  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of node.status.addresses) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  const resources = (r: NodeObject['status']['capacity']) => {
    w.write(LEVEL_0, `  cpu:\t${formatQuantity(cpuQuantity(r.cpuMilli))}\n`);
    w.write(LEVEL_0, '  ephemeral-storage:\t100Gi\n');
    w.write(LEVEL_0, '  hugepages-1Gi:\t0\n');
    w.write(LEVEL_0, '  hugepages-2Mi:\t0\n');
    w.write(LEVEL_0, `  memory:\t${formatQuantity(memoryQuantity(r.memoryBytes))}\n`);
    w.write(LEVEL_0, `  pods:\t${r.pods}\n`);
  };
  w.write(LEVEL_0, 'Capacity:\n');
  resources(node.status.capacity);
  w.write(LEVEL_0, 'Allocatable:\n');
  resources(node.status.allocatable);
  w.write(LEVEL_0, 'System Info:\n');
  w.write(LEVEL_0, `  Machine ID:\t${node.metadata.uid.replace(/-/g, '')}\n`);
  w.write(LEVEL_0, `  System UUID:\t${node.metadata.uid}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${node.metadata.uid}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${NODE_INFO.kernelVersion}\n`);
  w.write(LEVEL_0, `  OS Image:\t${NODE_INFO.osImage}\n`);
  w.write(LEVEL_0, `  Operating System:\t${NODE_INFO.operatingSystem}\n`);
  w.write(LEVEL_0, `  Architecture:\t${NODE_INFO.architecture}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${NODE_INFO.containerRuntimeVersion}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${NODE_INFO.kubeletVersion}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${NODE_INFO.kubeProxyVersion}\n`);
  w.write(LEVEL_0, `PodCIDR:\t${node.podCIDR}\n`);
  w.write(LEVEL_0, `PodCIDRs:\t${node.podCIDR}\n`);

  const pods = view.pods
    .filter((p) => p.spec.nodeName === node.metadata.name && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
    .sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1));
  const cpuAlloc = BigInt(Math.round(node.status.allocatable.cpuMilli));
  const memAlloc = BigInt(Math.round(node.status.allocatable.memoryBytes)) * 1000n;
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  let cpuReqs: Quantity | null = null;
  let cpuLims: Quantity | null = null;
  let memReqs: Quantity | null = null;
  let memLims: Quantity | null = null;
  for (const p of pods) {
    const cr = podRequestsAndLimits(p, 'requests', 'cpu');
    const cl = podRequestsAndLimits(p, 'limits', 'cpu');
    const mr = podRequestsAndLimits(p, 'requests', 'memory');
    const ml = podRequestsAndLimits(p, 'limits', 'memory');
    cpuReqs = sum(cpuReqs, cr);
    cpuLims = sum(cpuLims, cl);
    memReqs = sum(memReqs, mr);
    memLims = sum(memLims, ml);
    w.write(
      LEVEL_1,
      `${p.metadata.namespace}\t${p.metadata.name}\t\t${qstr(cr)} (${percent(cr, cpuAlloc)}%)\t${qstr(cl)} (${percent(cl, cpuAlloc)}%)\t` +
        `${qstr(mr)} (${percent(mr, memAlloc)}%)\t${qstr(ml)} (${percent(ml, memAlloc)}%)\t${humanDuration(view.now - p.metadata.creationTimestamp)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  w.write(LEVEL_1, `cpu\t${qstr(cpuReqs)} (${percent(cpuReqs, cpuAlloc)}%)\t${qstr(cpuLims)} (${percent(cpuLims, cpuAlloc)}%)\n`);
  w.write(LEVEL_1, `memory\t${qstr(memReqs)} (${percent(memReqs, memAlloc)}%)\t${qstr(memLims)} (${percent(memLims, memAlloc)}%)\n`);
  w.write(LEVEL_1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  w.write(LEVEL_1, 'hugepages-1Gi\t0 (0%)\t0 (0%)\n');
  w.write(LEVEL_1, 'hugepages-2Mi\t0 (0%)\t0 (0%)\n');
  describeEvents(eventsFor(view.events, { name: node.metadata.name, namespace: node.metadata.namespace }), w, view.now);
  return w.result();
}
