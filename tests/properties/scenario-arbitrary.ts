import fc from 'fast-check';

/** A random but valid scenario: a few pods with random probes, programs and faults behind one Service. */
export const scenarioArb = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    publishNotReady: fc.boolean(),
    pods: fc.array(
      fc.record({
        restartPolicy: fc.constantFrom('Always', 'OnFailure', 'Never'),
        readiness: fc.option(fc.record({ period: fc.integer({ min: 1, max: 15 }), ft: fc.integer({ min: 1, max: 4 }), st: fc.integer({ min: 1, max: 3 }), delay: fc.integer({ min: 0, max: 10 }) }), { nil: undefined }),
        liveness: fc.option(fc.record({ period: fc.integer({ min: 1, max: 15 }), ft: fc.integer({ min: 1, max: 4 }), delay: fc.integer({ min: 0, max: 10 }) }), { nil: undefined }),
        startup: fc.option(fc.record({ period: fc.integer({ min: 1, max: 10 }), ft: fc.integer({ min: 1, max: 10 }) }), { nil: undefined }),
        startupTime: fc.integer({ min: 0, max: 40 }),
        exitAfter: fc.option(fc.record({ after: fc.integer({ min: 1, max: 200 }), code: fc.constantFrom(0, 1, 2) }), { nil: undefined }),
        badHealthAt: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
        shutdown: fc.constantFrom('ignore', '{after: 1s, code: 143}', '{after: 0s, code: 0}'),
        grace: fc.integer({ min: 0, max: 40 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    faults: fc.array(
      fc.record({
        at: fc.integer({ min: 1, max: 500 }),
        pod: fc.nat(2),
        cmd: fc.constantFrom('sim probe P readiness fail', 'sim probe P readiness auto', 'sim probe P liveness fail', 'sim probe P liveness auto', 'sim crash P', 'sim crash P 0', 'sim hang P on', 'sim hang P off', 'kubectl delete pod P', 'sim http P /healthz 500', 'sim http P /healthz 200'),
      }),
      { maxLength: 6 },
    ),
  })
  .map((g) => {
    const n = g.pods.length;
    const docs: string[] = [];
    const apps: string[] = [];
    g.pods.forEach((p, i) => {
      const name = `p${i}`;
      const probe = (kind: string, body: string) => `    ${kind}:\n      httpGet: {path: /healthz, port: 8080}\n${body}`;
      const probes: string[] = [];
      if (p.readiness) probes.push(probe('readinessProbe', `      periodSeconds: ${p.readiness.period}\n      failureThreshold: ${p.readiness.ft}\n      successThreshold: ${p.readiness.st}\n      initialDelaySeconds: ${p.readiness.delay}\n`));
      if (p.liveness) probes.push(probe('livenessProbe', `      periodSeconds: ${p.liveness.period}\n      failureThreshold: ${p.liveness.ft}\n      initialDelaySeconds: ${p.liveness.delay}\n`));
      if (p.startup) probes.push(probe('startupProbe', `      periodSeconds: ${p.startup.period}\n      failureThreshold: ${p.startup.ft}\n`));
      docs.push(`apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: web}}
spec:
  restartPolicy: ${p.restartPolicy}
  terminationGracePeriodSeconds: ${p.grace}
  containers:
  - name: app
    image: sim/app:1
    ports: [{containerPort: 8080}]
${probes.join('')}`);
      const http = p.badHealthAt !== undefined ? `\n      http: {"/healthz": [{after: 0s, status: 200}, {after: ${p.badHealthAt}s, status: 500}]}` : '';
      const exit = p.exitAfter ? `\n      exit: {after: ${p.exitAfter.after}s, code: ${p.exitAfter.code}}` : '';
      apps.push(`    ${name}/app:\n      startup: ${p.startupTime}s\n      shutdown: ${p.shutdown}${http}${exit}`);
    });
    const timeline = g.faults
      .map((f) => ({ ...f, pod: f.pod % n }))
      .filter((f, i, all) => !(f.cmd.startsWith('kubectl delete') && all.slice(0, i).some((x) => x.pod === f.pod && x.cmd.startsWith('kubectl delete'))))
      .map((f) => `  - {at: ${f.at}s, run: "${f.cmd.replace('P', `p${f.pod}`)}"}`);
    const scenario = `apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: generated}
spec:
  seed: ${g.seed}
  duration: 10m
  apps:
${apps.join('\n')}
  traffic:
  - {service: web, rps: 5}
  timeline:
${timeline.length ? timeline.join('\n') : '  []'}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  publishNotReadyAddresses: ${g.publishNotReady}
  ports: [{port: 80, targetPort: 8080}]
`;
    return { text: [scenario.replace('  timeline:\n  []', '  timeline: []'), ...docs].join('---\n'), publishNotReady: g.publishNotReady };
  });
