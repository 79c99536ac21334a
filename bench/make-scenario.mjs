// Writes the bench scenarios: a Deployment of N pods on M nodes with readiness and
// liveness probes every 10 s, traffic at 50 rps, and faults during the hour.
export function benchScenario({ replicas, nodes, duration = '1h', faults = true }) {
  const nodeList = Array.from({ length: nodes }, (_, i) => `  - {name: node-${i + 1}, cpu: "64", memory: 256Gi, maxPods: ${Math.ceil(replicas / nodes) + 10}}`).join('\n');
  const timeline = faults
    ? [
        '  - {at: 10m, run: "sim probe deploy/web readiness fail"}',
        '  - {at: 12m, run: "sim probe deploy/web readiness auto"}',
        '  - {at: 20m, run: "sim http deploy/web /healthz 500"}',
        '  - {at: 30m, run: "kubectl scale deploy web --replicas=' + Math.floor(replicas * 0.9) + '"}',
        '  - {at: 40m, run: "kubectl scale deploy web --replicas=' + replicas + '"}',
        '  - {at: 50m, run: "sim hang deploy/web on"}',
      ].map((l) => '\n' + l).join('')
    : ' []';
  return `apiVersion: podsim/v1alpha1
kind: Scenario
metadata:
  name: bench-${replicas}
spec:
  seed: 42
  duration: ${duration}
  nodes:
${nodeList}
  images:
    sim/web:1: {pull: 3s}
  apps:
    web/web:
      startup: 5s
      shutdown: {after: 1s, code: 0}
  traffic:
  - {service: web, rps: 50}
  timeline:${timeline}
---
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
      - name: web
        image: sim/web:1
        ports: [{containerPort: 8080}]
        resources: {requests: {cpu: 10m, memory: 16Mi}}
        readinessProbe:
          httpGet: {path: /ready, port: 8080}
          periodSeconds: 10
        livenessProbe:
          httpGet: {path: /healthz, port: 8080}
          periodSeconds: 10
          failureThreshold: 3
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`;
}
