import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { loadScenario, nameFromFile } from '../../src/scenario/load-scenario';
import { loadScenarioFile, loadScenarioFileSync } from '../../src/scenario/load-scenario-file';
import { formatProblem, type Scenario } from '../../src/scenario/model';
import { SCENARIO_LIMITS } from '../../src/scenario/limits';

const FIXTURES = join(__dirname, 'fixtures');

function load(yaml: string, file = 'f.yaml'): Scenario {
  const r = loadScenario(yaml, file);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.scenario;
}

function problems(yaml: string): string[] {
  const r = loadScenario(yaml, 'f.yaml');
  return r.ok ? [] : r.problems.map(formatProblem);
}

const WEB = `---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - {name: app, image: "nginx:1.27", ports: [{containerPort: 8080}]}
  - {name: sidecar, image: "busybox:1.36"}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: front}
spec:
  selector: {matchLabels: {app: front}}
  template:
    metadata: {labels: {app: front}}
    spec:
      containers: [{name: app, image: "nginx:1.27"}]
`;

const scenario = (spec: string, meta = 'name: s') => `apiVersion: podsim/v1alpha1\nkind: Scenario\nmetadata: {${meta}}\nspec:\n${spec}${WEB}`;

describe('valid files', () => {
  it('loads the contract example with every field read', () => {
    const s = loadScenarioFileSync(join(FIXTURES, 'contract-example.yaml'));
    if (!s.ok) throw new Error(s.problems.map(formatProblem).join('\n'));
    const sc = s.scenario;
    expect(sc.name).toBe('readiness-slow-start');
    expect(sc.seed).toBe(7);
    expect(sc.duration).toBe(300);
    expect(sc.images).toEqual({ 'jenkins/jenkins:lts': { pull: 20, missing: false }, 'nginx:no-such-tag': { pull: 2, missing: true } });
    const [jenkins, web] = sc.apps;
    expect(jenkins).toMatchObject({
      key: 'jenkins/jenkins',
      startup: 60,
      http: { '/login': [{ after: 0, value: 200 }], '*': [{ after: 0, value: 200 }] },
      tcp: [8080],
      files: ['/tmp/healthy'],
      exit: { after: 30, code: 1 },
      latency: 0.05,
      preStop: 10,
      shutdown: { after: 2, code: 0 },
      logs: { every: 5, lines: ['GET /login 200'] },
      cpuMilli: 250,
      memoryBytes: 100 * 2 ** 20,
    });
    expect(web.http['/healthz']).toEqual([
      { after: 0, value: 200 },
      { after: 25, value: 500 },
    ]);
    expect(web.shutdown).toBe('ignore');
    expect(sc.traffic).toMatchObject([{ service: 'jenkins', rps: 2, from: 90, path: '/' }]);
    expect(sc.timeline.map((t) => [t.at, t.run])).toEqual([
      [90, 'sim http jenkins/jenkins /login 503'],
      [120, 'kubectl exec web -- rm /tmp/healthy'],
    ]);
    expect(sc.manifests.map((m) => `${m.kind}/${m.object.metadata?.name}`)).toEqual(['Pod/jenkins', 'Service/jenkins', 'Pod/web']);
  });

  it.each(readdirSync(FIXTURES).filter((f) => f.startsWith('gc-') || f.startsWith('kubernetes-docs')))('%s (plain manifests) loads with every default', (f) => {
    const r = loadScenarioFileSync(join(FIXTURES, f));
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.scenario.manifests.length).toBeGreaterThan(0);
    expect(r.scenario.name).toBe(f.replace('.yaml', ''));
  });

  it('gives a file without a Scenario document every default', () => {
    const s = load(WEB, 'courses/Probe Basics.yml');
    expect(s).toMatchObject({
      file: 'courses/Probe Basics.yml',
      name: 'probe-basics',
      seed: 1,
      duration: 600,
      nodes: [{ name: 'node-1', cpuMilli: 4000, memoryBytes: 8 * 2 ** 30, maxPods: 110 }],
      images: {},
      apps: [],
      traffic: [],
      timeline: [],
      metricsServer: true,
      metricResolution: 15,
    });
    expect(s.title).toBeUndefined();
    expect(s.manifests).toHaveLength(3);
  });

  it('gives a Scenario with only a name the same defaults', () => {
    const s = load(scenario(''));
    expect(s).toMatchObject({ name: 's', seed: 1, duration: 600, metricsServer: true, metricResolution: 15 });
    expect(s.nodes).toEqual([{ name: 'node-1', cpuMilli: 4000, memoryBytes: 8 * 2 ** 30, maxPods: 110 }]);
  });

  it('reads our additions: metrics-server settings, localized text, traffic path, node sizes', () => {
    const s = load(
      scenario(
        `  metricsServer: false
  metricResolution: 30s
  nodes: [{name: small, cpu: 500m, memory: 1Gi, maxPods: 10}, {name: big}]
  traffic: [{service: web, rps: 0.5, from: 10s, to: 1m, path: /api}]
`,
        'name: s, title: {en: Readiness, ja: レディネス}, description: "Plain *Markdown*"',
      ),
    );
    expect(s.metricsServer).toBe(false);
    expect(s.metricResolution).toBe(30);
    expect(s.title).toEqual({ en: 'Readiness', ja: 'レディネス' });
    expect(s.description).toBe('Plain *Markdown*');
    expect(s.nodes).toEqual([
      { name: 'small', cpuMilli: 500, memoryBytes: 2 ** 30, maxPods: 10 },
      { name: 'big', cpuMilli: 4000, memoryBytes: 8 * 2 ** 30, maxPods: 110 },
    ]);
    expect(s.traffic).toEqual([{ service: 'web', rps: 0.5, from: 10, to: 60, path: '/api', loc: { file: 'f.yaml', line: 8, column: 13 } }]);
  });

  it('normalises apps: plain statuses, steps after a default start, log lists, defaults', () => {
    const s = load(
      scenario(`  apps:
    web/app:
      http: {"/": 204, "/ready": [{after: 10s, status: 503}, {after: 20s, status: 200}]}
      logs: ["started"]
    front/app: {}
    busybox:1.36: {exit: {after: 5s}}
`),
    );
    const [app, front, byImage] = s.apps;
    expect(app.http).toEqual({
      '/': [{ after: 0, value: 204 }],
      '/ready': [
        { after: 0, value: 200 },
        { after: 10, value: 503 },
        { after: 20, value: 200 },
      ],
      '*': [{ after: 0, value: 200 }],
    });
    expect(app.logs).toEqual({ every: 0, lines: ['started'] });
    expect(front).toEqual({
      key: 'front/app',
      startup: 0,
      http: { '*': [{ after: 0, value: 200 }] },
      files: [],
      latency: 0,
      preStop: 0,
      shutdown: { after: 0, code: 143 },
      cpuMilli: 1,
      memoryBytes: 8 * 2 ** 20,
      loc: { file: 'f.yaml', line: 9, column: 5 },
    });
    expect(byImage.key).toBe('busybox:1.36');
    expect(byImage.exit).toEqual({ after: 5, code: 0 });
  });

  it('takes kubectl apply -f - manifests from stdin and lets later entries name what they create', () => {
    const s = load(
      scenario(`  timeline:
  - {at: 3m, run: "kubectl delete pod late"}
  - at: 1m
    run: kubectl apply -f -
    stdin: |
      apiVersion: v1
      kind: Pod
      metadata: {name: late}
      spec:
        containers: [{name: app, image: nginx}]
  - {at: 2m, run: "sim crash late"}
  - {at: 2m, run: "kubectl scale deploy/front --replicas=5"}
`),
    );
    expect(s.timeline.map((t) => [t.at, t.run])).toEqual([
      [60, 'kubectl apply -f -'],
      [120, 'sim crash late'],
      [120, 'kubectl scale deploy/front --replicas=5'],
      [180, 'kubectl delete pod late'],
    ]);
    expect(s.timeline[0].stdin).toContain('name: late');
    expect(s.timeline[0].loc).toEqual({ file: 'f.yaml', line: 7, column: 5 });
  });

  it('loads a file with 1,000-replica Deployments quickly (validation is per object)', () => {
    const deployments = Array.from(
      { length: 200 },
      (_, i) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d${i}}
spec:
  replicas: 1000
  selector: {matchLabels: {app: d${i}}}
  template:
    metadata: {labels: {app: d${i}}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        readinessProbe: {httpGet: {path: /, port: 80}}
`,
    ).join('');
    const started = performance.now();
    // 200,000 pods is over podsim's caps (src/scenario/limits.ts), lifted here: this measures validation alone
    const r = loadScenario(deployments, 'f.yaml', { ...SCENARIO_LIMITS, pods: Infinity, containers: Infinity, podHours: Infinity });
    const ms = performance.now() - started;
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const s = r.scenario;
    expect(s.manifests).toHaveLength(200);
    expect((s.manifests[0].object as Deployment).spec!.replicas).toBe(1000);
    expect(ms).toBeLessThan(1000);
  });
});

describe('problems, each at FILE:LINE:COLUMN', () => {
  it('malformed YAML', () => {
    expect(problems('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n   labels: {}\n')).toEqual([
      'f.yaml:5:10: YAML syntax error: bad indentation of a mapping entry',
    ]);
  });

  it('unknown fields in the Scenario, with their path', () => {
    expect(problems(scenario('  seeds: 3\n  apps:\n    web/app: {startp: 1s}\n'))).toEqual([
      'f.yaml:5:3: unknown field "spec.seeds"',
      'f.yaml:7:15: unknown field "spec.apps[web/app].startp"',
    ]);
  });

  it('wrong types and out-of-range values', () => {
    expect(
      problems(
        scenario(`  seed: seven
  metricsServer: "no"
  metricResolution: 5s
  nodes: [{name: node-1, maxPods: 0}]
  apps:
    web/app: {http: {"/": 700}, tcp: [0], exit: {code: 300}, files: [tmp/x]}
  traffic: [{service: web, rps: -1}]
`),
      ),
    ).toEqual([
      'f.yaml:5:3: spec.seed: must be a whole number, not "seven"',
      'f.yaml:6:3: spec.metricsServer: must be true or false, not "no"',
      'f.yaml:7:3: spec.metricResolution: must be at least 10s, not "5s"',
      'f.yaml:8:26: spec.nodes[0].maxPods: must be between 1 and 10000, not 0',
      'f.yaml:10:22: spec.apps[web/app].http[/]: must be between 100 and 599, not 700',
      'f.yaml:10:39: spec.apps[web/app].tcp[0]: must be between 1 and 65535, not 0',
      'f.yaml:10:50: spec.apps[web/app].exit.code: must be between 0 and 255, not 300',
      'f.yaml:10:70: spec.apps[web/app].files[0]: a file is an absolute path, not "tmp/x"',
      'f.yaml:11:28: spec.traffic[0].rps: must be greater than 0, not -1',
    ]);
  });

  it('bad durations and quantities', () => {
    expect(problems(scenario('  duration: 5x\n  nodes: [{name: n, memory: 8GB}]\n  apps:\n    web/app: {startup: 1m30, cpu: lots}\n'))).toEqual([
      'f.yaml:5:3: spec.duration: time: unknown unit "x" in duration "5x"',
      'f.yaml:6:12: spec.nodes[0].name: must be a string, not false: quote it, as YAML reads y, n, yes, no, on and off as true or false',
      "f.yaml:6:21: spec.nodes[0].memory: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      'f.yaml:8:15: spec.apps[web/app].startup: time: missing unit in duration "1m30"',
      "f.yaml:8:30: spec.apps[web/app].cpu: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ]);
  });

  it('apps keys that name nothing in the file', () => {
    expect(problems(scenario('  apps:\n    web/ap: {}\n    webb/app: {}\n    redis: {}\n'))).toEqual([
      'f.yaml:6:5: spec.apps[web/ap]: Pod "web" has no container "ap"; its containers: app, sidecar',
      'f.yaml:7:5: spec.apps[webb/app]: no pod, deployment or replicaset named "webb" (the file has pods: web; deployments: front), and no container uses the image "webb/app"',
      'f.yaml:8:5: spec.apps[redis]: an apps key is "<pod, deployment or replicaset name>/<container name>" or a container image of the file; no container uses the image "redis" (the file has pods: web; deployments: front)',
    ]);
  });

  it('a traffic entry for a Service the file does not define', () => {
    expect(problems(scenario('  traffic: [{service: api, rps: 1}]\n'))).toEqual([
      'f.yaml:5:14: spec.traffic[0].service: services "api" not found (the file has services: web)',
    ]);
  });

  it('timeline commands that do not parse, pointing at the bad word', () => {
    expect(
      problems(
        scenario(`  timeline:
  - {at: 10s, run: "kubectl frob"}
  - {at: 20s, run: sim probe web/app ready fail}
  - {at: 30s, run: 'kubectl get pdo'}
  - at: 40s
    run: >-
      kubectl logs
      web --tial=5
`),
      ),
    ).toEqual([
      'f.yaml:6:29: spec.timeline[0].run: error: unknown command "frob" for "kubectl"',
      'f.yaml:7:38: spec.timeline[1].run: sim probe: "ready" is not a probe type; use readiness, liveness or startup',
      `f.yaml:8:33: spec.timeline[2].run: error: the server doesn't have a resource type "pdo"`,
      'f.yaml:10:10: spec.timeline[3].run: error: unknown flag: --tial',
    ]);
  });

  it('timeline commands naming pods, deployments or containers that do not exist', () => {
    expect(
      problems(
        scenario(`  timeline:
  - {at: 1s, run: "sim crash webb"}
  - {at: 2s, run: "sim crash web"}
  - {at: 3s, run: "kubectl logs web -c nope"}
  - {at: 4s, run: "kubectl scale deploy back --replicas=2"}
  - {at: 5s, run: "kubectl delete pod front-7d4b9-x2x"}
  - {at: 6s, run: "sim hang deploy/front/web on"}
  - {at: 7s, run: "kubectl exec web -c sidecar -- touch /tmp/x"}
  - {at: 8s, run: "kubectl get svc api"}
  - {at: 9s, run: "kubectl top node node-2"}
  - {at: 10s, run: "kubectl set image deploy/front web=nginx:1.28"}
  - {at: 11s, run: "kubectl rollout status deploy/back"}
  - {at: 12s, run: "kubectl logs deploy/front -c app"}
`),
      ),
    ).toEqual([
      'f.yaml:6:30: spec.timeline[0].run: pods "webb" not found (the file has pods: web)',
      'f.yaml:7:30: spec.timeline[1].run: pod "web" has 2 containers (app, sidecar): name one, as web/CONTAINER',
      'f.yaml:8:40: spec.timeline[2].run: container "nope" not found in pod "web" (its containers: app, sidecar)',
      'f.yaml:9:41: spec.timeline[3].run: deployments.apps "back" not found (the file has deployments: front)',
      'f.yaml:10:39: spec.timeline[4].run: pods "front-7d4b9-x2x" not found (the file has pods: web); pods of Deployment "front" get generated names: name them as deploy/front',
      'f.yaml:11:42: spec.timeline[5].run: container "web" not found in deployment "front" (its containers: app)',
      'f.yaml:13:36: spec.timeline[7].run: services "api" not found (the file has services: web)',
      'f.yaml:14:37: spec.timeline[8].run: nodes "node-2" not found (the file has nodes: node-1)',
      'f.yaml:15:52: spec.timeline[9].run: container "web" not found in deployment "front" (its containers: app)',
      'f.yaml:16:51: spec.timeline[10].run: deployments.apps "back" not found (the file has deployments: front)',
    ]);
  });

  it('apply entries without stdin, stdin on other commands, and invalid applied manifests at their own line', () => {
    expect(
      problems(
        scenario(`  timeline:
  - {at: 1s, run: "kubectl apply -f -"}
  - {at: 2s, run: "kubectl get pods", stdin: "x"}
  - at: 3s
    run: kubectl apply -f -
    stdin: |
      apiVersion: v1
      kind: Pod
      metadata: {name: late}
      spec:
        containers: [{name: app, image: nginx, imagePullPolcy: Never}]
`),
      ),
    ).toEqual([
      'f.yaml:6:5: spec.timeline[0]: "kubectl apply -f -" needs its manifest in a stdin: field',
      'f.yaml:7:39: spec.timeline[1].stdin: only "kubectl apply -f -" reads stdin',
      'f.yaml:15:48: unknown field "spec.containers[0].imagePullPolcy"',
    ]);
  });

  it('collects problems from every document, sorted by position', () => {
    const out = problems(`apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: s}
spec:
  timeline: [{at: 1s, run: "sim crash nobody/app"}]
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: app}]
---
apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: t}
`);
    expect(out).toEqual([
      'f.yaml:5:39: spec.timeline[0].run: pods "nobody" not found (the file has pods: web)',
      'f.yaml:11:16: spec.containers[0].image: Required value',
      'f.yaml:13:1: a scenario file has at most one Scenario document; the first one starts at line 1',
    ]);
  });

  it('a Scenario with a wrong apiVersion or a bad name', () => {
    expect(problems('apiVersion: podsim/v1\nkind: Scenario\nmetadata: {name: s}\n')).toEqual([
      'f.yaml:1:1: no matches for kind "Scenario" in version "podsim/v1": the scenario document is apiVersion podsim/v1alpha1, kind Scenario',
    ]);
    expect(problems('apiVersion: podsim/v1alpha1\nkind: Scenario\nmetadata: {title: x}\n')).toEqual(['f.yaml:3:1: metadata.name: Required value']);
    expect(problems('# scenario\nkind: Scenario\nmetadata: {name: s}\n')).toEqual(['f.yaml:2:1: error validating data: [apiVersion not set]']);
  });
});

describe('files on disk', () => {
  it('reports a missing file as a problem, not a stack trace', async () => {
    const r = await loadScenarioFile(join(FIXTURES, 'no-such-file.yaml'));
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([`${join(FIXTURES, 'no-such-file.yaml')}:1:1: cannot read the file: no such file`]);
  });

  it('loads asynchronously the same as synchronously', async () => {
    const path = join(FIXTURES, 'gc-01.yaml');
    expect(await loadScenarioFile(path)).toEqual(loadScenario(readFileSync(path, 'utf8'), path));
  });

  it('derives a DNS-label name from the file name', () => {
    expect(nameFromFile('/x/y/GC_01 Readiness.yaml')).toBe('gc-01-readiness');
    expect(nameFromFile('___.yaml')).toBe('scenario');
  });
});
