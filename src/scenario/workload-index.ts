/**
 * The names a scenario file defines — pods, Deployments, ReplicaSets with their
 * containers, Services, ConfigMaps, Secrets, images — read leniently from the raw
 * documents so that references can be checked even in a file with other problems.
 */
import { isPlainObject } from './manifests/strict-decoding';

export interface WorkloadInfo {
  kind: 'Pod' | 'Deployment' | 'ReplicaSet';
  name: string;
  containers: string[];
  initContainers: string[];
  images: string[];
}

const KIND_OF: Record<string, WorkloadInfo['kind'] | 'Service' | 'ConfigMap' | 'Secret'> = {
  'v1/Pod': 'Pod',
  'apps/v1/Deployment': 'Deployment',
  'apps/v1/ReplicaSet': 'ReplicaSet',
  'v1/Service': 'Service',
  'v1/ConfigMap': 'ConfigMap',
  'v1/Secret': 'Secret',
};

function containerList(v: unknown): { names: string[]; images: string[] } {
  const names: string[] = [];
  const images: string[] = [];
  if (Array.isArray(v)) {
    for (const c of v) {
      if (!isPlainObject(c)) continue;
      if (typeof c.name === 'string') names.push(c.name);
      if (typeof c.image === 'string') images.push(c.image);
    }
  }
  return { names, images };
}

export class WorkloadIndex {
  readonly pods = new Map<string, WorkloadInfo>();
  readonly deployments = new Map<string, WorkloadInfo>();
  readonly replicaSets = new Map<string, WorkloadInfo>();
  readonly services = new Set<string>();
  readonly configMaps = new Set<string>();
  readonly secrets = new Set<string>();
  readonly images = new Set<string>();

  clone(): WorkloadIndex {
    const c = new WorkloadIndex();
    for (const [k, v] of this.pods) c.pods.set(k, v);
    for (const [k, v] of this.deployments) c.deployments.set(k, v);
    for (const [k, v] of this.replicaSets) c.replicaSets.set(k, v);
    for (const s of this.services) c.services.add(s);
    for (const s of this.configMaps) c.configMaps.add(s);
    for (const s of this.secrets) c.secrets.add(s);
    for (const s of this.images) c.images.add(s);
    return c;
  }

  /** Adds an object (or the items of a v1 List) from a raw document value. */
  add(value: unknown): void {
    if (!isPlainObject(value)) return;
    if (value.apiVersion === 'v1' && value.kind === 'List' && Array.isArray(value.items)) {
      for (const item of value.items) this.add(item);
      return;
    }
    const kind = KIND_OF[`${String(value.apiVersion)}/${String(value.kind)}`];
    const meta = value.metadata;
    const name = isPlainObject(meta) && typeof meta.name === 'string' ? meta.name : undefined;
    if (!kind || !name) return;
    if (kind === 'Service') this.services.add(name);
    else if (kind === 'ConfigMap') this.configMaps.add(name);
    else if (kind === 'Secret') this.secrets.add(name);
    else {
      const spec = isPlainObject(value.spec) ? value.spec : {};
      const podSpec = kind === 'Pod' ? spec : isPlainObject(spec.template) && isPlainObject(spec.template.spec) ? spec.template.spec : {};
      const regular = containerList(podSpec.containers);
      const init = containerList(podSpec.initContainers);
      const info: WorkloadInfo = { kind, name, containers: regular.names, initContainers: init.names, images: [...regular.images, ...init.images] };
      for (const image of info.images) this.images.add(image);
      (kind === 'Pod' ? this.pods : kind === 'Deployment' ? this.deployments : this.replicaSets).set(name, info);
    }
  }

  /** Every workload named `name`, pods first. */
  workloadsNamed(name: string): WorkloadInfo[] {
    return [this.pods.get(name), this.deployments.get(name), this.replicaSets.get(name)].filter((w): w is WorkloadInfo => !!w);
  }

  /** e.g. `pods: web, api; deployments: front` or `no pods, deployments or replicasets`. */
  describeWorkloads(): string {
    const parts: string[] = [];
    if (this.pods.size) parts.push(`pods: ${[...this.pods.keys()].join(', ')}`);
    if (this.deployments.size) parts.push(`deployments: ${[...this.deployments.keys()].join(', ')}`);
    if (this.replicaSets.size) parts.push(`replicasets: ${[...this.replicaSets.keys()].join(', ')}`);
    return parts.length ? parts.join('; ') : 'no pods, deployments or replicasets';
  }
}

/** `app, sidecar (init: setup)` */
export function describeContainers(w: WorkloadInfo): string {
  const regular = w.containers.join(', ') || 'none';
  return w.initContainers.length ? `${regular} (init: ${w.initContainers.join(', ')})` : regular;
}
