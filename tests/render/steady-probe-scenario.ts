/** One pod whose liveness probe fails once while the app starts (5 s), then passes steadily: the engine skips the steady ticks. */
export const STEADY_PROBE_YAML = `apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: steady}
spec:
  apps:
    app/app: {startup: 5s}
---
apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - name: app
    image: sim/app:1
    ports: [{containerPort: 8080}]
    livenessProbe:
      httpGet: {path: /healthz, port: 8080}
      periodSeconds: 10
`;
