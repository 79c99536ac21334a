// Scripts outside the shell subset are reported when the scenario loads, at their place in the file.
import { describe, it, expect } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario';
import { readFileSync, readdirSync } from 'node:fs';

function problems(text: string) {
  const r = loadScenario(text, 'lesson.yaml');
  return r.ok ? [] : r.problems;
}

const pod = (image: string, command: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: ${image}
    command: ${command}
`;

describe('unsupported shell constructs at load time', () => {
  it('names the construct, the line and column of the command in the file, and the apps entry to use', () => {
    const ps = problems(pod('busybox', `["sh", "-c", "echo start; [[ -f /tmp/x ]] && echo yes"]`));
    expect(ps).toHaveLength(1);
    expect(ps[0].line).toBe(9);
    // the column of `[[` inside the flow sequence item
    const lineText = pod('busybox', `["sh", "-c", "echo start; [[ -f /tmp/x ]] && echo yes"]`).split('\n')[8];
    expect(ps[0].column).toBe(lineText.indexOf('[[') + 1);
    expect(ps[0].path).toBe('spec.containers[0].command[2]');
    expect(ps[0].message).toContain('[[');
    expect(ps[0].message).toContain('`apps` entry');
    expect(ps[0].message).toContain('"web/app"');
  });

  it('reports a command a shell image lacks, on its own line of a block script', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: api
        image: registry.k8s.io/busybox:1.27.2
        command: ["/bin/sh", "-c"]
        args:
        - |
          echo starting
          python3 -m http.server 8080
`;
    const ps = problems(text);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ line: 17, column: 11, path: 'spec.template.spec.containers[0].args[0]' });
    expect(ps[0].message).toContain('command `python3` is not simulated');
  });

  it('an apps entry for the container silences it', () => {
    const text = `${pod('busybox', `["sh", "-c", "python3 app.py"]`)}---
apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: x}
spec:
  apps:
    web/app: {startup: 5s}
`;
    expect(problems(text)).toEqual([]);
  });

  it('an unknown image may run its own programs: no problem, and it runs as a plain server', () => {
    expect(problems(pod('myco/shop:1.2', `["sh", "-c", "python3 app.py"]`))).toEqual([]);
    // but a construct the shell cannot parse is still reported
    expect(problems(pod('myco/shop:1.2', `["sh", "-c", "select x in a b; do echo $x; done"]`))).toHaveLength(1);
  });

  it('a well-known image that is not a shell image: the script is not run, not checked', () => {
    expect(problems(pod('nginx:1.27', `["sh", "-c", "nginx -g 'daemon off;'"]`))).toEqual([]);
  });

  it('every scenario shipped in scenarios/ loads without problems', () => {
    for (const f of readdirSync('scenarios').filter((n) => n.endsWith('.yaml'))) {
      const r = loadScenario(readFileSync(`scenarios/${f}`, 'utf8'), f);
      expect(r.ok ? [] : r.problems.map((p) => `${f}:${p.line}: ${p.message}`)).toEqual([]);
    }
  });
});
