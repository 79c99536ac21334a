import { describe, expect, it } from 'vitest';
import type { Pod, Service, Secret } from 'kubernetes-types/core/v1';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { loadManifests, loadScenario } from '../../src/scenario/load-scenario';
import { formatProblem, type Manifest } from '../../src/scenario/model';

/** Every problem of a file, formatted as `podsim validate` prints it. */
function problems(yaml: string): string[] {
  const r = loadScenario(yaml, 'f.yaml');
  return r.ok ? [] : r.problems.map(formatProblem);
}

function manifests(yaml: string): Manifest[] {
  const r = loadScenario(yaml, 'f.yaml');
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.scenario.manifests;
}

const pod = (spec: string, meta = '{name: web}') => `apiVersion: v1\nkind: Pod\nmetadata: ${meta}\nspec:\n${spec}`;

describe('API defaults', () => {
  it('fills in what the API server fills in for a Pod', () => {
    const [m] = manifests(
      pod(`  containers:
  - name: app
    image: nginx
    ports: [{containerPort: 80}]
    resources: {limits: {cpu: 500m, memory: 128Mi}}
    readinessProbe: {httpGet: {port: 80}}
    livenessProbe: {exec: {command: [/bin/true]}, periodSeconds: 5}
  - name: pinned
    image: nginx:1.27
  volumes: [{name: scratch}, {name: cfg, configMap: {name: app-config}}]
`),
    );
    const p = m.object as Pod;
    expect(m.kind).toBe('Pod');
    expect(p.metadata?.namespace).toBe('default');
    expect(p.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler' });
    const [app, pinned] = p.spec!.containers;
    expect(app.imagePullPolicy).toBe('Always'); // no tag means :latest
    expect(pinned.imagePullPolicy).toBe('IfNotPresent');
    expect(app.ports![0].protocol).toBe('TCP');
    expect(app.terminationMessagePath).toBe('/dev/termination-log');
    expect(app.resources!.requests).toEqual({ cpu: '500m', memory: '128Mi' }); // requests default to limits
    expect(app.readinessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      initialDelaySeconds: 0,
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(app.livenessProbe!.periodSeconds).toBe(5);
    expect(p.spec!.volumes).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'app-config', defaultMode: 420 } },
    ]);
    expect(m.loc).toEqual({ file: 'f.yaml', line: 1, column: 1 });
  });

  it('fills in Service and Deployment defaults', () => {
    const [svc, deploy] = manifests(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}, {name: admin, port: 9000, targetPort: http-admin}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: nginx@sha256:abc}]
`.replace('ports: [{port: 80}, ', 'ports: [{name: http, port: 80}, '));
    const s = svc.object as Service;
    expect(s.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None' });
    expect(s.spec!.ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 80 },
      { name: 'admin', port: 9000, protocol: 'TCP', targetPort: 'http-admin' },
    ]);
    const d = deploy.object as Deployment;
    expect(d.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    });
    expect(d.spec!.template.spec!.restartPolicy).toBe('Always');
    expect(d.spec!.template.spec!.containers[0].imagePullPolicy).toBe('IfNotPresent'); // a digest, no tag
  });

  it('folds Secret stringData into base64 data', () => {
    const [m] = manifests('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {password: "pä55"}\n');
    const s = m.object as Secret;
    expect(s.type).toBe('Opaque');
    expect(s.data).toEqual({ password: 'cMOkNTU=' });
    expect(s.stringData).toBeUndefined();
  });

  it('keeps YAML anchors shared between objects independent', () => {
    const ms = manifests(`apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: &c [{name: app, image: "nginx:1"}]}}
- {apiVersion: v1, kind: Pod, metadata: {name: b}, spec: {containers: *c}}
`);
    (ms[0].object as Pod).spec!.containers[0].image = 'changed';
    expect((ms[1].object as Pod).spec!.containers[0].image).toBe('nginx:1');
  });

  it('accepts a v1 List of objects', () => {
    const ms = manifests(`apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}, data: {k: v}}
- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
`);
    expect(ms.map((m) => m.object.metadata?.name)).toEqual(['a', 'b']);
  });

  it('accepts the fields real manifests carry: status, creationTimestamp, securityContext, lifecycle, env sources', () => {
    expect(
      problems(
        pod(
          `  securityContext: {runAsNonRoot: true, fsGroup: 2000, seccompProfile: {type: RuntimeDefault}}
  nodeSelector: {disktype: ssd}
  readinessGates: [{conditionType: example.com/ready}]
  tolerations: [{key: dedicated, operator: Equal, value: web, effect: NoSchedule}]
  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}}}
  initContainers:
  - name: proxy
    image: envoy:1
    restartPolicy: Always
    readinessProbe: {tcpSocket: {port: 9901}}
  containers:
  - name: app
    image: nginx:1.27
    command: [nginx]
    args: ["-g", "daemon off;"]
    env:
    - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    - {name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
    - {name: LEVEL, valueFrom: {configMapKeyRef: {name: cfg, key: level, optional: true}}}
    envFrom: [{configMapRef: {name: cfg}, prefix: CFG_}]
    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, readOnlyRootFilesystem: true}
    lifecycle:
      preStop: {exec: {command: [sleep, "5"]}}
      postStart: {httpGet: {port: 80, path: /warm}}
    startupProbe: {httpGet: {port: 80, path: /healthz}, failureThreshold: 30, periodSeconds: 10}
    volumeMounts: [{name: cache, mountPath: /cache}, {name: cfg, mountPath: /etc/app, readOnly: true}]
  volumes:
  - {name: cache, emptyDir: {medium: Memory, sizeLimit: 64Mi}}
  - {name: cfg, configMap: {name: cfg, items: [{key: level, path: level.txt}], defaultMode: 0644}}
  - {name: host, hostPath: {path: /var/log, type: Directory}}
status: {phase: Pending}
`,
          '{name: web, creationTimestamp: null, labels: {app: web}, annotations: {kubernetes.io/description: x}}',
        ),
      ),
    ).toEqual([]);
  });
});

describe('strict decoding (kubectl apply --validate=strict)', () => {
  it('rejects unknown fields with their full path', () => {
    expect(problems(pod('  containers:\n  - name: app\n    image: nginx\n    imagePullPolcy: Always\n'))).toEqual([
      'f.yaml:8:5: unknown field "spec.containers[0].imagePullPolcy"',
    ]);
  });

  it('field names are case-sensitive', () => {
    expect(problems(pod('  containers: [{name: app, image: nginx, ImagePullPolicy: Always}]\n'))).toEqual([
      'f.yaml:5:42: unknown field "spec.containers[0].ImagePullPolicy"',
    ]);
  });

  it('rejects values of the wrong JSON type with the Go decoder message', () => {
    expect(
      problems(
        pod(`  containers:
  - name: app
    image: nginx
    env: [{name: PORT, value: 8080}]
    readinessProbe: {exec: {command: [x]}, periodSeconds: "5"}
  terminationGracePeriodSeconds: 1.5
`),
      ),
    ).toEqual([
      'f.yaml:8:24: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string',
      'f.yaml:9:44: json: cannot unmarshal string into Go struct field Probe.spec.containers.readinessProbe.periodSeconds of type int32',
      'f.yaml:10:3: json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    ]);
  });

  it('reads YAML 1.1 booleans as kubectl does: an unquoted yes is not a string', () => {
    expect(problems(pod('  containers: [{name: app, image: nginx, env: [{name: DEBUG, value: yes}]}]\n'))).toEqual([
      'f.yaml:5:62: json: cannot unmarshal bool into Go struct field EnvVar.spec.containers.env.value of type string',
    ]);
  });

  it('reports a list where an object is expected, and bad quantities and base64', () => {
    expect(
      problems(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: {name: app}
---
apiVersion: v1
kind: Secret
metadata: {name: s}
data: {password: "not base64!"}
---
apiVersion: v1
kind: Pod
metadata: {name: api}
spec:
  containers: [{name: app, image: nginx, resources: {limits: {memory: 1GB}}}]
`),
    ).toEqual([
      'f.yaml:5:3: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
      'f.yaml:10:8: data[password]: illegal base64 data at input byte 3',
      "f.yaml:16:63: spec.containers[0].resources.limits[memory]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ]);
  });
});

describe('validation (API server field errors)', () => {
  it('reports probe rules', () => {
    expect(
      problems(
        pod(`  containers:
  - name: app
    image: nginx
    livenessProbe:
      httpGet: {path: /healthz, port: 8080}
      tcpSocket: {port: 8080}
      successThreshold: 2
      periodSeconds: -1
    readinessProbe:
      exec: {command: [cat, /tmp/ready]}
      terminationGracePeriodSeconds: 10
    startupProbe:
      periodSeconds: 5
`),
      ),
    ).toEqual([
      'f.yaml:10:7: spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
      'f.yaml:11:7: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'f.yaml:12:7: spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0',
      'f.yaml:15:7: spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
      'f.yaml:16:5: spec.containers[0].startupProbe: Required value: must specify a handler type',
    ]);
  });

  it('forbids probes on init containers unless they are native sidecars', () => {
    expect(
      problems(
        pod(`  initContainers:
  - name: setup
    image: busybox
    readinessProbe: {exec: {command: [x]}}
  - name: proxy
    image: envoy
    restartPolicy: OnFailure
  containers: [{name: app, image: nginx}]
`),
      ),
    ).toEqual([
      'f.yaml:8:5: spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      'f.yaml:11:5: spec.initContainers[1].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  it('reports names, required fields, duplicates, ports and enums', () => {
    expect(
      problems(
        pod(
          `  restartPolicy: Sometimes
  containers:
  - name: App
    ports: [{containerPort: 70000}, {containerPort: 80, protocol: HTTP}]
    imagePullPolicy: Sometimes
  - name: sidecar
    image: busybox
    restartPolicy: Always
  - name: sidecar
    image: busybox
`,
          '{name: Web_1}',
        ),
      ),
    ).toEqual([
      `f.yaml:3:12: metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      'f.yaml:5:3: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      `f.yaml:7:5: spec.containers[0].name: Invalid value: "App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      'f.yaml:7:5: spec.containers[0].image: Required value',
      'f.yaml:8:14: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'f.yaml:8:57: spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'f.yaml:9:5: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      'f.yaml:12:5: spec.containers[1].restartPolicy: Forbidden: may not be set for non-init containers',
      'f.yaml:13:5: spec.containers[2].name: Duplicate value: "sidecar"',
    ]);
  });

  it('checks container names across containers and init containers, and volume mounts', () => {
    expect(
      problems(
        pod(`  initContainers: [{name: app, image: busybox}]
  containers:
  - name: app
    image: nginx
    volumeMounts: [{name: data, mountPath: /data}, {name: cache, mountPath: /data}]
  volumes: [{name: cache}]
`),
      ),
    ).toEqual([
      'f.yaml:5:21: spec.initContainers[0].name: Duplicate value: "app"',
      'f.yaml:9:21: spec.containers[0].volumeMounts[0].name: Not found: "data"',
      'f.yaml:9:66: spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
    ]);
  });

  it('checks resources: requests above limits and unknown resource names', () => {
    expect(problems(pod('  containers: [{name: app, image: nginx, resources: {requests: {cpu: "1", gpu: "1"}, limits: {cpu: 500m}}}]\n'))).toEqual([
      'f.yaml:5:54: spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
      'f.yaml:5:75: spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
    ]);
  });

  it('checks env sources', () => {
    expect(problems(pod('  containers: [{name: app, image: nginx, env: [{name: A, value: x, valueFrom: {fieldRef: {fieldPath: status.phase}}}, {name: "B=1"}]}]\n'))).toEqual([
      'f.yaml:5:68: spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
      'f.yaml:5:91: spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      `f.yaml:5:120: spec.containers[0].env[1].name: Invalid value: "B=1": a valid environment variable name must consist only of printable ASCII characters other than '='`,
    ]);
  });

  it('checks Services', () => {
    expect(
      problems(`apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: Balanced
  clusterIP: 192.168.1.1
  ports:
  - {port: 80, targetPort: 8080}
  - {port: 80, nodePort: 30080}
`),
    ).toEqual([
      'f.yaml:5:3: spec.type: Unsupported value: "Balanced": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      'f.yaml:6:3: spec.clusterIP: Invalid value: []string{"192.168.1.1"}: failed to allocate IP 192.168.1.1: provided IP is not in the valid range. The range of valid IPs is 10.96.0.0/12',
      'f.yaml:8:5: spec.ports[0].name: Required value',
      'f.yaml:9:5: spec.ports[1].name: Required value',
      'f.yaml:9:5: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });

  it('checks Deployments: selector, template labels, restart policy, strategy', () => {
    expect(
      problems(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: -1
  selector: {matchLabels: {app: web}}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 0%}}
  template:
    metadata: {labels: {app: api}}
    spec:
      restartPolicy: OnFailure
      containers: [{name: app, image: nginx}]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  template:
    spec:
      containers: [{name: app, image: nginx}]
`),
    ).toEqual([
      'f.yaml:5:3: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'f.yaml:7:64: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
      'f.yaml:9:16: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
      'f.yaml:11:7: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      'f.yaml:17:1: spec.selector: Required value',
    ]);
  });

  it('names what kubectl apply needs: kind, apiVersion, name, namespace', () => {
    expect(
      problems(`kind: Pod
metadata: {name: a}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: b}
---
apiVersion: apps/v1
kind: Deploymnet
metadata: {name: c}
---
apiVersion: v1
kind: ConfigMap
metadata: {generateName: d-}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: e, namespace: prod}
---
- just a list
`),
    ).toEqual([
      'f.yaml:1:1: error validating data: [apiVersion not set]',
      'f.yaml:5:1: podsim does not simulate apps/v1 StatefulSet; it supports v1 Pod, Service, ConfigMap, Secret, List and apps/v1 Deployment, ReplicaSet',
      'f.yaml:9:1: no matches for kind "Deploymnet" in version "apps/v1": podsim supports v1 Pod, Service, ConfigMap, Secret, List and apps/v1 Deployment, ReplicaSet',
      'f.yaml:14:1: cannot use generate name with apply',
      'f.yaml:18:21: namespaces "prod" not found',
      'f.yaml:20:1: expected a Kubernetes object (a mapping with apiVersion and kind), found a list',
    ]);
  });

  it('reports an object defined twice', () => {
    expect(problems('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n')).toEqual([
      'f.yaml:8:3: metadata.name: Duplicate value: "a": a ConfigMap with this name is already defined at line 1',
    ]);
  });
});

describe('loadManifests (kubectl apply -f -)', () => {
  it('loads plain manifests and refuses a Scenario document', () => {
    const ok = loadManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n', 'stdin');
    expect(ok.ok && ok.manifests.map((m) => m.kind)).toEqual(['ConfigMap']);
    const bad = loadManifests('apiVersion: podsim/v1alpha1\nkind: Scenario\nmetadata: {name: a}\n', 'stdin');
    expect(bad.ok ? [] : bad.problems.map(formatProblem)).toEqual([
      'stdin:2:1: no matches for kind "Scenario" in version "podsim/v1alpha1": podsim supports v1 Pod, Service, ConfigMap, Secret, List and apps/v1 Deployment, ReplicaSet',
    ]);
  });
});
