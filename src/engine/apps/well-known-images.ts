/**
 * Images course material uses, as data: what their program does when the scenario
 * has no `apps` entry for the container. Matched by repository, whatever the tag
 * (`registry.k8s.io/busybox:1.27.2` is busybox); a repository not listed is matched by
 * its last path segment (`bitnami/redis` is redis). Anyone can add a row; an image not
 * listed behaves as a plain long-running server on its declared ports.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { AppSpec } from '../../scenario/model';
import { EVENT_SIMULATOR_SCRIPT } from './programs/event-simulator';

/** A program podsim runs natively (src/engine/apps/programs) rather than as a shell script. */
export type ProgramSpec =
  /** tails the files it is configured for and ships each new line to its output Service */
  | { kind: 'shipper'; flavor: 'fluentd' | 'fluent-bit' | 'filebeat'; defaultPaths: string[] }
  /** forwards what reaches its listening port to its configured upstream (an ambassador) */
  | { kind: 'proxy'; flavor: 'nginx' | 'haproxy' | 'envoy' }
  /** stores the documents shipped to it and counts them (`GET /_count`) */
  | { kind: 'elasticsearch' }
  /** shows how many documents Elasticsearch holds */
  | { kind: 'kibana' }
  /** agnhost netexec: `/hostname`, `/echo?msg=`, `/healthz`... */
  | { kind: 'netexec'; hostnameOnly?: boolean };

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
  program?: ProgramSpec;
  /** behaviour per subcommand (the first argument), as agnhost has */
  subcommands?: Record<string, Omit<WellKnownImage, 'names' | 'subcommands'> & { portFlag?: string }>;
}

const MiB = 1024 * 1024;

export const WELL_KNOWN_IMAGES: WellKnownImage[] = [
  {
    names: ['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'bash', 'registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox'],
    description: 'shell image',
    ports: [],
    shell: true,
    defaultScript: 'exit 0',
    spec: { cpuMilli: 0, memoryBytes: 1 * MiB, shutdown: 'ignore' },
  },
  {
    names: ['nginx', 'nginxinc/nginx-unprivileged'],
    description: 'nginx web server on port 80 (a reverse proxy where its configuration has proxy_pass)',
    ports: [80, 8080],
    program: { kind: 'proxy', flavor: 'nginx' },
    spec: { startup: 0, cpuMilli: 1, memoryBytes: 5 * MiB, shutdown: { after: 0, code: 0 } },
  },
  { names: ['httpd'], description: 'Apache httpd on port 80', ports: [80], spec: { cpuMilli: 1, memoryBytes: 8 * MiB, shutdown: { after: 0, code: 0 } } },
  // docs: /healthz answers 200 for the first 10 s of the process, then 500 (test/images/liveness/server.go)
  {
    names: ['registry.k8s.io/liveness', 'k8s.gcr.io/liveness', 'gcr.io/google_containers/liveness'],
    description: 'the docs\' liveness server: /healthz 200 for 10 s, then 500 (port 8080)',
    ports: [8080],
    spec: { http: { '/healthz': [{ after: 0, value: 200 }, { after: 10, value: 500 }] }, cpuMilli: 1, memoryBytes: 2 * MiB },
  },
  {
    names: ['registry.k8s.io/e2e-test-images/agnhost', 'k8s.gcr.io/e2e-test-images/agnhost', 'gcr.io/kubernetes-e2e-test-images/agnhost'],
    description: 'agnhost (Kubernetes test image); runs its subcommand',
    spec: { cpuMilli: 1, memoryBytes: 8 * MiB },
    subcommands: {
      // test/images/agnhost/liveness/server.go: /healthz 200 for 10 s after start, then 500
      liveness: { description: 'agnhost liveness: /healthz 200 for 10 s, then 500 (port 8080)', ports: [8080], spec: { http: { '/healthz': [{ after: 0, value: 200 }, { after: 10, value: 500 }] } } },
      netexec: { description: 'agnhost netexec: HTTP server (/, /hostname, /echo, /healthz)', ports: [8080], portFlag: '--http-port', program: { kind: 'netexec' } },
      'serve-hostname': { description: 'agnhost serve-hostname: answers its pod name (port 9376)', ports: [9376], portFlag: '--port', program: { kind: 'netexec', hostnameOnly: true } },
      // test/images/agnhost/grpc-health-checking: gRPC health on 5000, control HTTP on 8080
      'grpc-health-checking': { description: 'agnhost grpc-health-checking: gRPC health on 5000, HTTP control on 8080', ports: [5000, 8080] },
      pause: { description: 'agnhost pause: does nothing, forever', ports: [] },
    },
  },
  { names: ['registry.k8s.io/goproxy', 'k8s.gcr.io/goproxy'], description: 'goproxy, TCP 8080', ports: [8080], spec: { cpuMilli: 1, memoryBytes: 3 * MiB } },
  { names: ['registry.k8s.io/pause', 'k8s.gcr.io/pause'], description: 'pause: does nothing, forever', ports: [], spec: { cpuMilli: 0, memoryBytes: 1 * MiB, shutdown: { after: 0, code: 0 } } },
  { names: ['redis', 'valkey/valkey'], description: 'Redis on 6379', ports: [6379], spec: { startup: 1, cpuMilli: 2, memoryBytes: 3 * MiB } },
  { names: ['mysql', 'mariadb'], description: 'MySQL on 3306 after about 15 s of start-up', ports: [3306], spec: { startup: 15, cpuMilli: 10, memoryBytes: 360 * MiB } },
  { names: ['postgres'], description: 'PostgreSQL on 5432 after about 5 s of start-up', ports: [5432], spec: { startup: 5, cpuMilli: 5, memoryBytes: 40 * MiB } },
  { names: ['mongo'], description: 'MongoDB on 27017 after about 3 s of start-up', ports: [27017], spec: { startup: 3, cpuMilli: 5, memoryBytes: 80 * MiB, shutdown: { after: 1, code: 0 } } },
  { names: ['jenkins/jenkins', 'jenkins'], description: 'Jenkins on 8080 after about a minute of start-up', ports: [8080, 50000], spec: { startup: 60, cpuMilli: 200, memoryBytes: 500 * MiB } },
  {
    names: ['elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch', 'opensearchproject/opensearch'],
    description: 'Elasticsearch on 9200 after about 20 s: stores and counts shipped log documents (GET /_count)',
    ports: [9200, 9300],
    program: { kind: 'elasticsearch' },
    spec: { startup: 20, cpuMilli: 300, memoryBytes: 1100 * MiB, shutdown: { after: 2, code: 0 } },
  },
  {
    names: ['kibana', 'docker.elastic.co/kibana/kibana'],
    description: 'Kibana on 5601 after about 15 s: shows how many documents Elasticsearch holds',
    ports: [5601],
    program: { kind: 'kibana' },
    spec: { startup: 15, cpuMilli: 100, memoryBytes: 400 * MiB, shutdown: { after: 1, code: 0 } },
  },
  {
    names: ['fluent/fluentd', 'fluentd', 'fluent/fluentd-kubernetes-daemonset', 'registry.k8s.io/fluentd-gcp', 'k8s.gcr.io/fluentd-gcp'],
    description: 'fluentd: tails the files its configuration names and ships each line to its output',
    ports: [],
    program: { kind: 'shipper', flavor: 'fluentd', defaultPaths: ['/var/log/*.log'] },
    spec: { cpuMilli: 5, memoryBytes: 60 * MiB, shutdown: { after: 0, code: 0 } },
  },
  {
    names: ['fluent/fluent-bit', 'fluent-bit', 'cr.fluentbit.io/fluent/fluent-bit'],
    description: 'fluent-bit: tails the files its configuration names and ships each line to its output',
    ports: [2020],
    program: { kind: 'shipper', flavor: 'fluent-bit', defaultPaths: ['/var/log/*.log'] },
    spec: { cpuMilli: 2, memoryBytes: 15 * MiB, shutdown: { after: 0, code: 0 } },
  },
  {
    names: ['elastic/filebeat', 'docker.elastic.co/beats/filebeat', 'filebeat'],
    description: 'filebeat: tails the files its configuration names and ships each line to Elasticsearch',
    ports: [],
    program: { kind: 'shipper', flavor: 'filebeat', defaultPaths: ['/var/log/*.log'] },
    spec: { cpuMilli: 3, memoryBytes: 40 * MiB, shutdown: { after: 0, code: 0 } },
  },
  {
    names: ['kodekloud/filebeat-configured'],
    description: 'filebeat configured for the KodeKloud lab: ships /var/log/event-simulator/*.log to elasticsearch:9200',
    ports: [],
    program: { kind: 'shipper', flavor: 'filebeat', defaultPaths: ['/var/log/event-simulator/*.log'] },
    spec: { cpuMilli: 3, memoryBytes: 40 * MiB, shutdown: { after: 0, code: 0 } },
  },
  {
    names: ['haproxy', 'haproxytech/haproxy-alpine'],
    description: 'HAProxy: forwards what reaches its frontend to its configured backend',
    program: { kind: 'proxy', flavor: 'haproxy' },
    spec: { cpuMilli: 2, memoryBytes: 10 * MiB, shutdown: { after: 0, code: 0 } },
  },
  {
    names: ['envoyproxy/envoy'],
    description: 'Envoy: forwards what reaches its listener to its configured cluster',
    program: { kind: 'proxy', flavor: 'envoy' },
    spec: { cpuMilli: 3, memoryBytes: 30 * MiB, shutdown: { after: 0, code: 0 } },
  },
  {
    names: ['kodekloud/event-simulator'],
    description: 'KodeKloud event simulator: writes user events to /log/app.log and its output, one a second',
    ports: [],
    defaultScript: EVENT_SIMULATOR_SCRIPT,
    spec: { cpuMilli: 2, memoryBytes: 20 * MiB, shutdown: { after: 0, code: 0 } },
  },
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
  const exact = WELL_KNOWN_IMAGES.find((w) => w.names.includes(repo));
  if (exact) return exact;
  const last = repo.slice(repo.lastIndexOf('/') + 1);
  return last === repo ? undefined : WELL_KNOWN_IMAGES.find((w) => w.names.includes(last));
}

/** The row for a container: its image's, narrowed to the subcommand it runs (agnhost liveness). */
export function wellKnownFor(container: Container): WellKnownImage | undefined {
  const known = wellKnownImage(container.image ?? '');
  if (!known?.subcommands) return known;
  const argv = [...(container.command ?? []), ...(container.args ?? [])].filter((a) => !/(^|\/)agnhost$/.test(a));
  const sub = argv[0] !== undefined ? known.subcommands[argv[0]] : undefined;
  if (!sub) return { ...known, ports: known.ports };
  const { portFlag, ...rest } = sub;
  let ports = rest.ports;
  if (portFlag) {
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i];
      const v = a.startsWith(portFlag + '=') ? a.slice(portFlag.length + 1) : a === portFlag ? argv[i + 1] : undefined;
      if (v !== undefined && /^[0-9]+$/.test(v)) ports = [Number(v)];
    }
  }
  return { ...known, ...rest, ports, spec: { ...known.spec, ...rest.spec }, subcommands: undefined };
}
