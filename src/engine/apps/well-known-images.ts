/**
 * Images course material uses, as data: what their program does when the scenario
 * has no `apps` entry for the container. Matched by repository, whatever the tag.
 * Anyone can add a row; an image not listed behaves as a plain long-running server.
 */
import type { AppSpec } from '../../scenario/model';

export interface WellKnownImage {
  /** repository names (without tag or digest), as written or with docker.io/library/ */
  names: string[];
  description: string;
  /** ports it listens on; undefined = its declared containerPorts */
  ports?: number[];
  spec?: Partial<AppSpec>;
  /** the image has a shell: a shell-script command runs in it */
  shell?: boolean;
  /** what runs when the pod gives no command (a shell image runs `sh`, which exits at once without a terminal) */
  defaultScript?: string;
}

const MiB = 1024 * 1024;

export const WELL_KNOWN_IMAGES: WellKnownImage[] = [
  { names: ['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'bash'], description: 'shell image', ports: [], shell: true, defaultScript: 'exit 0', spec: { cpuMilli: 0, memoryBytes: 1 * MiB, shutdown: 'ignore' } },
  { names: ['nginx', 'nginxinc/nginx-unprivileged'], description: 'nginx web server on port 80', ports: [80, 8080], spec: { startup: 0, cpuMilli: 1, memoryBytes: 5 * MiB, shutdown: { after: 0, code: 0 } } },
  { names: ['httpd'], description: 'Apache httpd on port 80', ports: [80], spec: { cpuMilli: 1, memoryBytes: 8 * MiB, shutdown: { after: 0, code: 0 } } },
  { names: ['registry.k8s.io/goproxy', 'k8s.gcr.io/goproxy'], description: 'goproxy, TCP 8080', ports: [8080], spec: { cpuMilli: 1, memoryBytes: 3 * MiB } },
  { names: ['redis'], description: 'Redis on 6379', ports: [6379], spec: { startup: 1, cpuMilli: 2, memoryBytes: 3 * MiB } },
  { names: ['mysql', 'mariadb'], description: 'MySQL on 3306 after about 15 s of start-up', ports: [3306], spec: { startup: 15, cpuMilli: 10, memoryBytes: 360 * MiB } },
  { names: ['postgres'], description: 'PostgreSQL on 5432 after about 5 s of start-up', ports: [5432], spec: { startup: 5, cpuMilli: 5, memoryBytes: 40 * MiB } },
  { names: ['jenkins/jenkins', 'jenkins'], description: 'Jenkins on 8080 after about a minute of start-up', ports: [8080, 50000], spec: { startup: 60, cpuMilli: 200, memoryBytes: 500 * MiB } },
];

/** repository part of an image reference: "docker.io/library/nginx:1.27@sha256:…" → "nginx" */
export function imageRepository(image: string): string {
  let ref = image.split('@')[0];
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  return ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
}

export function wellKnownImage(image: string): WellKnownImage | undefined {
  const repo = imageRepository(image);
  return WELL_KNOWN_IMAGES.find((w) => w.names.includes(repo));
}
