// spec.checks as a course author writes them: what loads, and the FILE:LINE:COLUMN problems of what cannot pass.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load-scenario';
import { formatProblem, type CheckSpec } from '../../src/scenario/model';
import { CHECK_EVENT_FIELDS, CHECK_FIELDS } from '../../src/scenario/check-spec';
import { isPodStatusWord } from '../../src/scenario/pod-status-word';

const OBJECTS = `---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - {name: app, image: nginx:1.27}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - {name: app, image: nginx:1.27}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
`;

/** a Scenario document whose spec is `checks` (lines 5 on), then the objects above */
function file(checks: string, extraSpec = ''): string {
  return `apiVersion: podsim/v1alpha1\nkind: Scenario\nmetadata: {name: lesson}\nspec:\n${checks}${extraSpec}${OBJECTS}`;
}

function checksOf(text: string): CheckSpec[] {
  const r = loadScenario(text, 'lesson.yaml');
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.scenario.checks;
}

function problems(text: string): string[] {
  const r = loadScenario(text, 'lesson.yaml');
  if (r.ok) throw new Error('expected problems');
  return r.problems.map(formatProblem);
}

describe('spec.checks: what loads', () => {
  it('reads each subject with its conditions, defaults and source location, in file order', () => {
    const checks = checksOf(
      file(`  checks:
  - name: web-ready
    title: {en: Make web Ready again, ja: web を再び Ready にする}
    after: 1m30s
    pod: web
    ready: true
    status: Running
    phase: Running
    restarts: 2
  - name: any-api
    pod: deploy/api
  - name: two-endpoints
    title: Get traffic back to two endpoints
    service: web
    readyEndpoints: 2
  - name: saw-restart
    event: {reason: Killing, object: pod/web}
  - {name: any-backoff, event: {reason: BackOff}}
  - {name: scaled, event: {reason: ScalingReplicaSet, object: deployment/api}}
  - {name: api-pod-started, event: {reason: Started, object: deploy/api}}
  - {name: init-status, pod: web, status: "Init:0/1"}
`),
    );
    expect(checks.map((c) => c.name)).toEqual(['web-ready', 'any-api', 'two-endpoints', 'saw-restart', 'any-backoff', 'scaled', 'api-pod-started', 'init-status']);
    expect(checks[0]).toEqual({
      name: 'web-ready',
      title: { en: 'Make web Ready again', ja: 'web を再び Ready にする' },
      after: 90,
      expect: { kind: 'pod', pod: 'web', ready: true, status: 'Running', phase: 'Running', restarts: 2 },
      loc: { file: 'lesson.yaml', line: 6, column: 5 },
    });
    expect(checks[1]).toMatchObject({ after: 0, expect: { kind: 'pod', pod: 'deploy/api' } });
    expect(checks[1]).not.toHaveProperty('title');
    expect(checks[2]).toMatchObject({ title: 'Get traffic back to two endpoints', expect: { kind: 'service', service: 'web', readyEndpoints: 2 } });
    expect(checks[3].expect).toEqual({ kind: 'event', reason: 'Killing', object: 'pod/web' });
    expect(checks[4].expect).toEqual({ kind: 'event', reason: 'BackOff' });
    expect(checks[6].expect).toEqual({ kind: 'event', reason: 'Started', object: 'deploy/api' });
    expect(checks[7].expect).toEqual({ kind: 'pod', pod: 'web', status: 'Init:0/1' });
  });

  it('is empty for a scenario without checks', () => {
    expect(checksOf(file('  duration: 1m\n'))).toEqual([]);
  });

  it('accepts objects the timeline applies later', () => {
    const checks = checksOf(
      file(
        `  timeline:
  - at: 10s
    run: kubectl apply -f -
    stdin: |
      apiVersion: v1
      kind: Pod
      metadata: {name: late}
      spec:
        containers:
        - {name: app, image: nginx:1.27}
  checks:
  - {name: late-ready, pod: late, ready: true}
`,
      ),
    );
    expect(checks[0].expect).toEqual({ kind: 'pod', pod: 'late', ready: true });
  });

  it('every bundled scenario with checks loads them', () => {
    const counts: Record<string, number> = {};
    for (const f of ['readiness-moves-traffic.yaml', 'liveness-restart.yaml', 'crashloop-backoff.yaml']) {
      const r = loadScenario(readFileSync(join('scenarios', f), 'utf8'), f);
      expect(r.ok, f).toBe(true);
      if (r.ok) counts[f] = r.scenario.checks.length;
    }
    expect(counts).toEqual({ 'readiness-moves-traffic.yaml': 3, 'liveness-restart.yaml': 2, 'crashloop-backoff.yaml': 3 });
  });
});

describe('spec.checks: problems, each at FILE:LINE:COLUMN', () => {
  it('names a pod, Deployment or Service the file lacks, and says how to name a Deployment’s pods', () => {
    expect(
      problems(
        file(`  checks:
  - {name: a, pod: webb}
  - {name: b, pod: api}
  - {name: c, pod: deploy/nope}
  - {name: d, pod: rs/web}
  - {name: e, service: db, readyEndpoints: 1}
`),
      ),
    ).toEqual([
      'lesson.yaml:6:15: spec.checks[0].pod: no pod named "webb" (the file has pods: web; deployments: api)',
      'lesson.yaml:7:15: spec.checks[1].pod: no pod named "api": the pods of Deployment "api" get generated names; write deploy/api for any pod of it',
      'lesson.yaml:8:15: spec.checks[2].pod: no Deployment named "nope" (the file has pods: web; deployments: api)',
      'lesson.yaml:9:15: spec.checks[3].pod: a pod name, or deploy/NAME for any pod of a Deployment, not "rs/web"',
      'lesson.yaml:10:15: spec.checks[4].service: no Service named "db" (the file has services: web)',
    ]);
  });

  it('rejects a STATUS or phase kubectl never shows, suggesting the word meant', () => {
    const out = problems(
      file(`  checks:
  - name: a
    pod: web
    status: Runing
  - name: b
    pod: web
    status: crashloopbackoff
  - name: c
    pod: web
    phase: running
`),
    );
    expect(out[0]).toMatch(/^lesson\.yaml:8:5: spec\.checks\[0\]\.status: "Runing" is not a STATUS kubectl get pods shows \(did you mean "Running"\?\)/);
    expect(out[1]).toMatch(/^lesson\.yaml:11:5: spec\.checks\[1\]\.status: "crashloopbackoff" is not a STATUS .*did you mean "CrashLoopBackOff"/);
    expect(out[2]).toBe('lesson.yaml:14:5: spec.checks[2].phase: Unsupported value: "running": supported values: "Pending", "Running", "Succeeded", "Failed", "Unknown"');
    expect(out).toHaveLength(3);
  });

  it('reports duplicate and malformed names, unknown fields, bad durations and types', () => {
    expect(
      problems(
        file(`  checks:
  - name: web-ready
    pod: web
    ready: yes-please
  - name: web-ready
    pod: web
    colour: green
  - name: Bad_Name
    after: soon
    pod: web
`),
      ),
    ).toEqual([
      'lesson.yaml:8:5: spec.checks[0].ready: must be true or false, not "yes-please"',
      'lesson.yaml:9:5: spec.checks[1].name: Duplicate value: "web-ready"',
      'lesson.yaml:11:5: unknown field "spec.checks[1].colour"',
      "lesson.yaml:12:5: spec.checks[2].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      'lesson.yaml:13:5: spec.checks[2].after: time: invalid duration "soon"',
    ]);
  });

  it('wants exactly one subject, and conditions only with theirs', () => {
    expect(
      problems(
        file(`  checks:
  - name: none
    after: 5s
  - name: two
    pod: web
    service: web
    readyEndpoints: 1
  - name: svc
    service: web
  - name: misplaced
    service: web
    readyEndpoints: 1
    ready: true
  - name: zero
    pod: web
    restarts: 0
`),
      ),
    ).toEqual([
      'lesson.yaml:6:5: spec.checks[0]: Required value: a check needs one of "pod", "service" or "event": what it looks at',
      'lesson.yaml:10:5: spec.checks[1].service: Forbidden: a check looks at one thing, and this one already has "pod"; write another check',
      'lesson.yaml:11:5: spec.checks[1].readyEndpoints: Forbidden: only with "service"',
      'lesson.yaml:12:5: spec.checks[2].readyEndpoints: Required value: how many ready endpoints the Service must have',
      'lesson.yaml:17:5: spec.checks[3].ready: Forbidden: only with "pod"',
      'lesson.yaml:20:5: spec.checks[4].restarts: Invalid value: 0: the check passes at this many restarts or more, so 0 always holds; use 1 or more',
    ]);
  });

  it('checks an event’s reason and object', () => {
    expect(
      problems(
        file(`  checks:
  - {name: a, event: {reason: killing, object: pod/nope}}
  - {name: b, event: {reason: Killing, object: deployment/web}}
  - {name: c, event: {reason: Started, object: node/node-9}}
  - {name: d, event: {object: pod/web}}
  - {name: e, event: {reason: Killing, object: web}}
  - {name: f, event: {reason: Killing, object: pod/web, container: app}}
`),
      ),
    ).toEqual([
      'lesson.yaml:6:23: spec.checks[0].event.reason: an event reason is one CamelCase word as kubectl get events shows it (Killing, Unhealthy, BackOff, Started...), not "killing"',
      'lesson.yaml:6:40: spec.checks[0].event.object: no pod named "nope" (the file has pods: web; deployments: api)',
      'lesson.yaml:7:40: spec.checks[1].event.object: no Deployment named "web" (the file has deployments: api)',
      'lesson.yaml:8:40: spec.checks[2].event.object: no node named "node-9" (the cluster has nodes: node-1)',
      'lesson.yaml:9:15: spec.checks[3].event.reason: Required value',
      'lesson.yaml:10:40: spec.checks[4].event.object: an event\'s object is KIND/NAME as the runner prints it (pod/web, deployment/web, replicaset/web-5d8f9c7b6d, node/node-1), or deploy/NAME for any pod of a Deployment; not "web"',
      'lesson.yaml:11:57: unknown field "spec.checks[5].event.container"',
    ]);
  });

  it('points at the right line in a file whose checks follow other settings', () => {
    const out = problems(file(`  duration: 2m\n  traffic:\n  - {service: web, rps: 1}\n  checks:\n  - {name: x, pod: nginx}\n`));
    expect(out).toEqual(['lesson.yaml:9:15: spec.checks[0].pod: no pod named "nginx" (the file has pods: web; deployments: api)']);
  });
});

describe('STATUS words', () => {
  it('are the words printPod produces, including its computed forms', () => {
    for (const w of ['Running', 'CrashLoopBackOff', 'Init:0/2', 'Init:CrashLoopBackOff', 'Init:ExitCode:1', 'Signal:9', 'ExitCode:2', 'Terminating', 'NotReady', 'Completed', 'OOMKilled']) {
      expect(isPodStatusWord(w), w).toBe(true);
    }
    for (const w of ['running', 'Init:', 'Init:Runnin', 'Crashed', 'Ready']) expect(isPodStatusWord(w), w).toBe(false);
  });
});

describe('public/scenario.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../public/scenario.schema.json'), 'utf8'));
  it('describes exactly the check fields the loader accepts', () => {
    expect(schema.$defs.ScenarioSpec.properties.checks.items.$ref).toBe('#/$defs/Check');
    expect(Object.keys(schema.$defs.Check.properties).sort()).toEqual([...CHECK_FIELDS].sort());
    expect(Object.keys(schema.$defs.Check.properties.event.properties).sort()).toEqual([...CHECK_EVENT_FIELDS].sort());
    expect(schema.$defs.Check.additionalProperties).toBe(false);
  });
});
