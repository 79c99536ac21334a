/**
 * `kubectl top pod|node` (k8s.io/kubectl/pkg/cmd/top/top_pod.go, top_node.go and
 * pkg/metricsutil/metrics_printer.go). Every value is tab-terminated, so lines carry
 * trailing padding exactly as kubectl prints them. CPU is Quantity.MilliValue()
 * (rounded up), memory Value()/2^20 (rounded down); node percentages are of Allocatable.
 */
import type { KubectlCommand } from '../../scenario/commands/command-ast';
import type { ClusterView, NodeMetrics, PodMetrics, PodObject } from '../model/objects';
import type { CommandOutput } from '../simulation-api';
import { goDuration } from '../format/go-duration';
import { cpuQuantity, memoryQuantity, milliValue, value, type Quantity } from '../format/quantity';
import { KUBECTL_GET_TABWRITER, tabwrite } from '../format/tab-writer';
import { fromServer, notFoundMessage } from './api-errors';
import { NAMESPACE } from './kubectl-get';

export type TopCommand = Extract<KubectlCommand, { verb: 'top' }>;

/** top_pod.go metricsCreationDelay */
const METRICS_CREATION_DELAY = 120;

interface Usage {
  cpu: Quantity;
  memory: Quantity;
}

function add(a: Usage, b: Usage): Usage {
  return { cpu: { nano: a.cpu.nano + b.cpu.nano, format: 'DecimalSI' }, memory: { nano: a.memory.nano + b.memory.nano, format: 'BinarySI' } };
}

const ZERO: Usage = { cpu: cpuQuantity(0), memory: memoryQuantity(0) };

function usage(cpuMilli: number, memoryBytes: number): Usage {
  return { cpu: cpuQuantity(cpuMilli), memory: memoryQuantity(memoryBytes) };
}

function cpuText(q: Quantity): string {
  return `${milliValue(q)}m`;
}

function memoryText(q: Quantity): string {
  return `${value(q) / 1048576n}Mi`;
}

function podUsage(m: PodMetrics): Usage {
  return m.containers.reduce((acc, c) => add(acc, usage(c.cpuMilli, c.memoryBytes)), ZERO);
}

function bySortKey<T>(items: T[], sortBy: TopCommand['sortBy'], u: (x: T) => Usage, name: (x: T) => string): T[] {
  return [...items].sort((a, b) => {
    if (sortBy === 'cpu') return Number(milliValue(u(b).cpu) - milliValue(u(a).cpu));
    if (sortBy === 'memory') return Number(value(u(b).memory) - value(u(a).memory));
    return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;
  });
}

function ok(text: string, stderr = ''): CommandOutput {
  return { stdout: tabwrite(text, KUBECTL_GET_TABWRITER), stderr, exitCode: 0 };
}

function fail(line: string): CommandOutput {
  return { stdout: '', stderr: line + '\n', exitCode: 1 };
}

/** checkPodAge: metrics may be missing for the first two minutes of a pod */
function podAgeError(pod: PodObject, now: number): string | null {
  const age = now - pod.metadata.creationTimestamp;
  return age > METRICS_CREATION_DELAY ? `error: Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${goDuration(age)}` : null;
}

/** PrintPodMetrics */
function printPodMetrics(metrics: PodMetrics[], cmd: TopCommand): string {
  let out = '';
  let columnWidth = 3;
  if (!cmd.noHeaders) {
    if (cmd.allNamespaces) {
      out += 'NAMESPACE\t';
      columnWidth++;
    }
    if (cmd.containers) {
      out += 'POD\t';
      columnWidth++;
    }
    out += 'NAME\tCPU(cores)\tMEMORY(bytes)\t\n';
  }
  const sorted = bySortKey(metrics, cmd.sortBy, podUsage, (m) => (cmd.allNamespaces ? `${m.namespace}\u0000${m.name}` : m.name));
  for (const m of sorted) {
    const ns = cmd.allNamespaces ? `${m.namespace}\t` : '';
    if (cmd.containers) {
      const cs = bySortKey(m.containers, cmd.sortBy, (c) => usage(c.cpuMilli, c.memoryBytes), (c) => c.name);
      for (const c of cs) {
        const u = usage(c.cpuMilli, c.memoryBytes);
        out += `${ns}${m.name}\t${c.name}\t${cpuText(u.cpu)}\t${memoryText(u.memory)}\t\n`;
      }
    } else {
      const u = podUsage(m);
      out += `${ns}${m.name}\t${cpuText(u.cpu)}\t${memoryText(u.memory)}\t\n`;
    }
  }
  if (cmd.sum) {
    // printPodResourcesSum: a rule of underscores under the two value columns, then the totals
    const total = metrics.reduce((acc, m) => add(acc, podUsage(m)), ZERO);
    out += '\t'.repeat(Math.max(0, columnWidth - 2)) + '________\t________\t\n';
    out += '\t'.repeat(Math.max(0, columnWidth - 3)) + `\t${cpuText(total.cpu)}\t${memoryText(total.memory)}\t\n`;
  }
  return out;
}

function runTopPod(cmd: TopCommand, view: ClusterView): CommandOutput {
  if (cmd.names.length > 1) return fail(`error: unexpected arguments: [${cmd.names.slice(1).join(' ')}]`);
  const inScope = (ns: string) => cmd.allNamespaces || ns === NAMESPACE;
  const pods = view.pods.filter((p) => inScope(p.metadata.namespace));
  const metricsOf = (p: PodObject) => [...view.metrics.pods.values()].find((m) => m.name === p.metadata.name && m.namespace === p.metadata.namespace);

  if (cmd.names.length === 1) {
    const pod = view.pods.find((p) => p.metadata.name === cmd.names[0] && p.metadata.namespace === NAMESPACE);
    if (!pod) return fail(notFoundMessage('pods', cmd.names[0]));
    const m = metricsOf(pod);
    if (m) return ok(printPodMetrics([m], cmd));
    // shared/spec golden case GC-11: a named pod without metrics reports like a listed one
    // (metrics-server itself would answer NotFound for podmetrics.metrics.k8s.io "default/<pod>")
    return fail(podAgeError(pod, view.now) ?? 'error: metrics not available yet');
  }

  const metrics = pods.map(metricsOf).filter((m): m is PodMetrics => m !== undefined);
  if (metrics.length === 0) {
    // verifyEmptyMetrics
    const nsPods = [...view.pods.filter((p) => p.metadata.namespace === NAMESPACE)].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    if (nsPods.length === 0) {
      return { stdout: '', stderr: cmd.allNamespaces ? 'No resources found\n' : `No resources found in ${NAMESPACE} namespace.\n`, exitCode: 0 };
    }
    for (const p of nsPods) {
      const err = podAgeError(p, view.now);
      if (err) return fail(err);
    }
    return fail('error: metrics not available yet');
  }
  return ok(printPodMetrics(metrics, cmd));
}

function runTopNode(cmd: TopCommand, view: ClusterView): CommandOutput {
  if (cmd.names.length > 1) return fail(`error: unexpected arguments: [${cmd.names.slice(1).join(' ')}]`);
  const metricsOf = (name: string) => [...view.metrics.nodes.values()].find((m) => m.name === name);
  let nodes = view.nodes;
  let metrics: NodeMetrics[];
  if (cmd.names.length === 1) {
    const node = view.nodes.find((n) => n.metadata.name === cmd.names[0]);
    if (!node) return fail(notFoundMessage('nodes', cmd.names[0]));
    const m = metricsOf(node.metadata.name);
    if (!m) return fail(fromServer('NotFound', `nodemetrics.metrics.k8s.io "${node.metadata.name}" not found`));
    nodes = [node];
    metrics = [m];
  } else {
    metrics = view.nodes.map((n) => metricsOf(n.metadata.name)).filter((m): m is NodeMetrics => m !== undefined);
    if (metrics.length === 0) return fail('error: metrics not available yet');
  }
  const alloc = new Map(nodes.map((n) => [n.metadata.name, n.status.allocatable]));
  let out = cmd.noHeaders ? '' : 'NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n';
  for (const m of bySortKey(metrics, cmd.sortBy, (x) => usage(x.cpuMilli, x.memoryBytes), (x) => x.name)) {
    const u = usage(m.cpuMilli, m.memoryBytes);
    const a = alloc.get(m.name);
    out += `${m.name}\t${cpuText(u.cpu)}\t`;
    if (a) out += `${Math.trunc((Number(milliValue(u.cpu)) / a.cpuMilli) * 100)}%\t`;
    out += `${memoryText(u.memory)}\t`;
    if (a) out += `${Math.trunc((Number(milliValue(u.memory)) / (a.memoryBytes * 1000)) * 100)}%\t`;
    out += '\n';
    alloc.delete(m.name);
  }
  // nodes the metrics API has nothing for
  for (const name of [...alloc.keys()].sort()) out += `${name}\t<unknown>\t<unknown>\t<unknown>\t<unknown>\t\n`;
  return ok(out);
}

export function runTop(cmd: TopCommand, view: ClusterView): CommandOutput {
  if (!view.metrics.available) return fail('error: Metrics API not available');
  return cmd.resource === 'pod' ? runTopPod(cmd, view) : runTopNode(cmd, view);
}
