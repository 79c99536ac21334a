/**
 * The caps of src/scenario/limits.ts: each gives one FILE:LINE:COLUMN problem naming
 * the field and the cap, quickly (no frozen tab); the bench scenarios, the largest
 * podsim is measured at, still load.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario';
import { formatProblem } from '../../src/scenario/model';
import { SCENARIO_LIMITS, commandLimitProblem } from '../../src/scenario/limits';
// @ts-expect-error the bench scenario generator is plain JavaScript
import { benchScenario } from '../../bench/make-scenario.mjs';

function problems(yaml: string, file = 'big.yaml'): string[] {
  const r = loadScenario(yaml, file);
  return r.ok ? [] : r.problems.map(formatProblem);
}

const scenario = (spec: string) => `apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: big}
spec:
${spec}
`;

const deployment = (replicas: number, containers = 1) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
${Array.from({ length: containers }, (_, i) => `      - {name: c${i}, image: "nginx:1.27"}`).join('\n')}
`;

describe('scenario limits', () => {
  it('the bench scenarios (1,000 and 10,000 pods for an hour) load', () => {
    for (const [replicas, nodes] of [
      [1000, 10],
      [10_000, 100],
    ]) {
      const r = loadScenario(benchScenario({ replicas, nodes }), `bench-${replicas}.yaml`);
      expect(r.ok ? [] : r.problems.map(formatProblem), `${replicas}`).toEqual([]);
    }
  });

  it('a file over 1 MiB is refused before parsing, at 1:1, fast', () => {
    const big = scenario('  duration: 1m') + `# ${'x'.repeat(SCENARIO_LIMITS.fileChars)}\n`;
    const t0 = Date.now();
    const p = problems(big);
    expect(Date.now() - t0).toBeLessThan(200);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^big\.yaml:1:1: the file has 1,048,[0-9]{3} characters; podsim loads scenarios of at most 1,048,576 characters \(1 MiB\)$/);
  });

  it('a file just under 1 MiB is parsed normally', () => {
    const text = scenario('  duration: 1m');
    const pad = `# ${'x'.repeat(SCENARIO_LIMITS.fileChars - text.length - 10)}\n`;
    expect(problems(text + pad)).toEqual([]);
  });

  it('too many replicas points at spec.replicas of the object that crosses the cap', () => {
    const p = problems(scenario('  duration: 1m') + deployment(10_001));
    expect(p).toEqual(['big.yaml:11:3: spec.replicas: this brings the scenario to 10,001 pods; podsim simulates at most 10,000 pods in one scenario']);
  });

  it('counts Pods, Deployments and ReplicaSets together', () => {
    const pod = `---\napiVersion: v1\nkind: Pod\nmetadata: {name: solo}\nspec:\n  containers: [{name: c, image: "nginx:1.27"}]\n`;
    expect(problems(scenario('  duration: 1m') + deployment(9_999) + pod)).toEqual([]);
    const p = problems(scenario('  duration: 1m') + deployment(10_000) + pod);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^big\.yaml:19:1: this brings the scenario to 10,001 pods/);
  });

  it('too many containers in one pod, and in all pods together', () => {
    expect(problems(scenario('  duration: 1m') + deployment(1, 51))).toEqual([
      'big.yaml:16:7: spec.template.spec.containers: 51 containers and init containers in one pod; podsim runs at most 50 per pod',
    ]);
    expect(problems(scenario('  duration: 1m') + deployment(5_000, 5))).toEqual([
      'big.yaml:11:3: spec.replicas: this brings the scenario to 25,000 containers; podsim simulates at most 20,000 containers in one scenario',
    ]);
  });

  it('duration over 24h, and pods × duration over 10,000 pod-hours', () => {
    expect(problems(scenario('  duration: 25h'))).toEqual(['big.yaml:5:3: spec.duration: 25h; a run lasts at most 24h']);
    const p = problems(scenario('  duration: 24h') + deployment(500));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^big\.yaml:5:3: spec\.duration: 500 pods for 24h is 12,000 pod-hours of simulation; podsim runs at most 10,000 .*416 pods for 24h/);
    expect(problems(scenario('  duration: 24h') + deployment(400))).toEqual([]);
  });

  it('timeline: scaling over the cap, too many entries', () => {
    const scale = scenario('  duration: 1m\n  timeline:\n  - {at: 10s, run: "kubectl scale deploy web --replicas=50000"}') + deployment(2);
    expect(problems(scale)).toEqual(['big.yaml:7:15: spec.timeline[0].run: --replicas=50000: podsim simulates at most 10,000 pods in one scenario']);
    const many = Array.from({ length: 5001 }, (_, i) => `  - {at: ${i}, run: "sim crash deploy/web"}`).join('\n');
    const p = problems(scenario(`  duration: 2h\n  timeline:\n${many}`) + deployment(1));
    expect(p).toEqual(['big.yaml:5007:5: spec.timeline[5000]: 5,001 timeline entries; a scenario has at most 5,000']);
  });

  it('timeline applies count their pods', () => {
    const stdin = JSON.stringify(deployment(6_000).replace(/name: web/g, 'name: more').replace(/app: web/g, 'app: more'));
    const p = problems(scenario(`  duration: 1m\n  timeline:\n  - {at: 10s, run: "kubectl apply -f -", stdin: ${stdin}}`) + deployment(5_000));
    expect(p.some((l) => /this brings the scenario to 11,000 pods/.test(l))).toBe(true);
  });

  it('traffic: too many requests per second, too many clients; nodes: too many', () => {
    const svc = `---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`;
    expect(problems(scenario('  duration: 1m\n  traffic:\n  - {service: web, rps: 20000}') + deployment(1) + svc)).toEqual([
      'big.yaml:7:20: spec.traffic[0].rps: 20,000 requests per second; podsim sends at most 10,000 per traffic entry',
    ]);
    const clients = Array.from({ length: 101 }, () => '  - {service: web, rps: 1}').join('\n');
    expect(problems(scenario(`  duration: 1m\n  traffic:\n${clients}`) + deployment(1) + svc)).toEqual(['big.yaml:107:5: spec.traffic[100]: 101 traffic entries; a scenario has at most 100']);
    const nodes = Array.from({ length: 1001 }, (_, i) => `  - {name: n${i}}`).join('\n');
    expect(problems(scenario(`  duration: 1m\n  nodes:\n${nodes}`))).toEqual(['big.yaml:1007:5: spec.nodes[1000]: 1,001 nodes; podsim simulates at most 1,000 nodes']);
  });

  it('a YAML alias bomb is refused quickly', () => {
    let y = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  k: v\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 9; i++) y += `x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const t0 = Date.now();
    expect(problems(y).length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('the console refuses kubectl scale over the cap', () => {
    expect(commandLimitProblem('kubectl scale deploy web --replicas=1000000')).toBe('error: --replicas=1000000: podsim simulates at most 10,000 pods in one scenario\n');
    expect(commandLimitProblem('kubectl scale deploy web --replicas=10000')).toBeNull();
    expect(commandLimitProblem('kubectl get pods')).toBeNull();
  });
});
