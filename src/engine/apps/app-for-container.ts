/**
 * Which `apps` entry of the scenario describes a container's program. A key names the
 * container through its workload — `<pod>/<container>`, `<replicaset>/<container>`,
 * `<deployment>/<container>`, most specific first — or through its image: `nginx:1.27`
 * (that image exactly) before `nginx` (any tag of it), matched against the image the
 * container has when it starts, so a `kubectl set image` picks the new image's entry.
 * The loader accepts the same keys (src/scenario/app-spec.ts checkAppKey).
 */
import type { AppSpec } from '../../scenario/model';
import { imageKeyMatches } from '../../scenario/manifests/image-reference';

export interface ContainerOwners {
  pod: string;
  /** the ReplicaSet that controls the pod, if any */
  replicaSet?: string;
  /** the Deployment that controls that ReplicaSet, if any */
  deployment?: string;
}

export function appForContainer(apps: readonly AppSpec[], owners: ContainerOwners, container: { name: string; image?: string }): AppSpec | undefined {
  if (!apps.length) return undefined;
  for (const workload of [owners.pod, owners.replicaSet, owners.deployment]) {
    if (!workload) continue;
    const key = `${workload}/${container.name}`;
    const a = apps.find((x) => x.key === key);
    if (a) return a;
  }
  const image = container.image;
  if (!image) return undefined;
  return apps.find((x) => x.key === image) ?? apps.find((x) => imageKeyMatches(x.key, image));
}
