import { parseYamlDocuments } from '../../src/scenario/yaml-documents';
import {it} from "vitest"; it("x", () => {
const text = `# comment
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - name: web
    image: nginx
    ports: [{containerPort: 8080}, {containerPort: 9090, name: x}]
    readinessProbe:
      httpGet:
        path: /ready
        port: 8080
      periodSeconds:
        5
    args:
    -
    - b
    env:
      - name: A
        value: "x"
---
---
a: &x {b: 1}
c: *x
d:
e: [1, 2, {f: g}]
h: |
  line1
  line2
i: {j, k: 1}
`;
const r = parseYamlDocuments(text);
if (!r.ok) { console.log(r.error); return; }
for (const d of r.documents) {
  console.log('doc', d.index, d.start, JSON.stringify(d.value));
  for (const [k, v] of (d as any).keys) console.log('  ', k.split('\u0001').join(' '), JSON.stringify((d as any).lines.position(v)));
}
const bad = parseYamlDocuments("a: 1\nb: [1,\nc: 2\n");
console.log(bad);
console.log(parseYamlDocuments("a: 1\na: 2\n"));
console.log(JSON.stringify(parseYamlDocuments("x: 0644\ny: yes\nz: on\nw: 1_000\nv: 08\nu: 2024-01-01\n").ok && (parseYamlDocuments("x: 0644\ny: yes\nz: on\nw: 1_000\nv: 08\nu: 2024-01-01\n") as any).documents[0].value));
});
