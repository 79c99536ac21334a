// The Kubernetes documentation's own examples, unchanged, give the outcome the docs describe.
import { describe, it, expect } from 'vitest';
import { simulate, kubectl, podRow, events } from './harness';

// content/en/examples/pods/probe/exec-liveness.yaml
const EXEC_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

// content/en/examples/pods/probe/http-liveness.yaml
const HTTP_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  labels:
    test: liveness
  name: liveness-http
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args:
    - liveness
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080
        httpHeaders:
        - name: Custom-Header
          value: Awesome
      initialDelaySeconds: 3
      periodSeconds: 3
`;

// content/en/examples/pods/probe/tcp-liveness-readiness.yaml
const TCP_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  name: goproxy
  labels:
    app.kubernetes.io/name: goproxy
spec:
  containers:
  - name: goproxy
    image: registry.k8s.io/goproxy:0.1
    ports:
    - containerPort: 8080
    readinessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
    livenessProbe:
      tcpSocket:
        port: 8080
      initialDelaySeconds: 15
      periodSeconds: 10
`;

// concepts/workloads/pods/init-containers.md
const INIT_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app.kubernetes.io/name: MyApp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
`;

const INIT_SERVICES = `---
apiVersion: v1
kind: Service
metadata:
  name: myservice
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9376
---
apiVersion: v1
kind: Service
metadata:
  name: mydb
spec:
  ports:
  - protocol: TCP
    port: 80
    targetPort: 9377
`;

// content/en/examples/admin/logging/two-files-counter-pod-streaming-sidecar.yaml
const STREAMING_SIDECARS = `apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  containers:
  - name: count
    image: busybox:1.28
    args:
    - /bin/sh
    - -c
    - >
      i=0;
      while true;
      do
        echo "$i: $(date)" >> /var/log/1.log;
        echo "$(date) INFO $i" >> /var/log/2.log;
        i=$((i+1));
        sleep 1;
      done
    volumeMounts:
    - name: varlog
      mountPath: /var/log
  - name: count-log-1
    image: busybox:1.28
    args: [/bin/sh, -c, 'tail -n+1 -f /var/log/1.log']
    volumeMounts:
    - name: varlog
      mountPath: /var/log
  - name: count-log-2
    image: busybox:1.28
    args: [/bin/sh, -c, 'tail -n+1 -f /var/log/2.log']
    volumeMounts:
    - name: varlog
      mountPath: /var/log
  volumes:
  - name: varlog
    emptyDir: {}
`;

describe('Kubernetes docs examples, unchanged', () => {
  it('exec liveness: Unhealthy after about 35 s, then killed and recreated; RESTARTS grows', () => {
    const sim = simulate(EXEC_LIVENESS);
    sim.advanceTo(30);
    expect(podRow(sim, 'liveness-exec')).toMatchObject({ status: 'Running', restarts: '0' });
    expect(events(sim, 'Unhealthy')).toHaveLength(0);
    sim.advanceTo(60);
    const unhealthy = events(sim, 'Unhealthy');
    expect(unhealthy.length).toBeGreaterThan(0);
    // the file goes at ~30 s (after the 2 s image pull); the next probe fails
    expect(unhealthy[0].t).toBeGreaterThanOrEqual(32);
    expect(unhealthy[0].t).toBeLessThanOrEqual(40);
    expect(unhealthy[0].message).toContain('Liveness probe failed: cat: can\'t open \'/tmp/healthy\': No such file or directory');
    const killing = events(sim, 'Killing');
    expect(killing[0].message).toBe('Container liveness failed liveness probe, will be restarted');
    expect(killing[0].t - unhealthy[0].t).toBe(10); // three failures, 5 s apart
    sim.advanceTo(300);
    expect(Number(podRow(sim, 'liveness-exec').restarts.split(' ')[0])).toBeGreaterThanOrEqual(2);
  });

  it('HTTP liveness (agnhost liveness): /healthz fails after 10 s and the container is restarted', () => {
    const sim = simulate(HTTP_LIVENESS);
    sim.advanceTo(60);
    const unhealthy = events(sim, 'Unhealthy');
    expect(unhealthy[0].message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    // first failing probe: the first tick after 10 s of the process' life
    const started = events(sim, 'Started')[0].t;
    expect(unhealthy[0].t - started).toBeGreaterThan(10);
    expect(unhealthy[0].t - started).toBeLessThanOrEqual(13);
    expect(events(sim, 'Killing')[0].message).toBe('Container liveness failed liveness probe, will be restarted');
    expect(Number(podRow(sim, 'liveness-http').restarts.split(' ')[0])).toBeGreaterThanOrEqual(1);
  });

  it('TCP probes (goproxy): ready after 15 s, never restarted', () => {
    const sim = simulate(TCP_LIVENESS);
    sim.advanceTo(10);
    expect(podRow(sim, 'goproxy')).toMatchObject({ ready: '0/1', status: 'Running' });
    sim.advanceTo(20);
    expect(podRow(sim, 'goproxy')).toMatchObject({ ready: '1/1', status: 'Running', restarts: '0' });
    sim.advanceTo(300);
    expect(podRow(sim, 'goproxy').restarts).toBe('0');
    expect(events(sim, 'Unhealthy')).toHaveLength(0);
  });

  it('init containers wait for myservice and mydb: Init:0/2 until the Services exist', () => {
    const sim = simulate(INIT_CONTAINERS);
    sim.advanceTo(60);
    expect(podRow(sim, 'myapp-pod')).toMatchObject({ ready: '0/1', status: 'Init:0/2' });
    expect(kubectl(sim, 'kubectl logs myapp-pod -c init-myservice')).toContain('waiting for myservice');
    expect(kubectl(sim, 'kubectl logs myapp-pod -c init-myservice')).toContain("** server can't find myservice.default.svc.cluster.local: NXDOMAIN");
    const out = sim.run('kubectl apply -f -', INIT_SERVICES);
    expect(out.stdout).toContain('service/myservice created');
    sim.advanceTo(70);
    expect(podRow(sim, 'myapp-pod')).toMatchObject({ ready: '1/1', status: 'Running' });
    expect(kubectl(sim, 'kubectl logs myapp-pod -c myapp-container')).toBe('The app is running!\n');
  });

  it('init containers: with a timeline, Init:1/2 once only myservice exists', () => {
    const text = `${INIT_CONTAINERS}---
apiVersion: podsim/v1alpha1
kind: Scenario
metadata: {name: init}
spec:
  timeline:
  - at: 30s
    run: kubectl apply -f -
    stdin: |
      apiVersion: v1
      kind: Service
      metadata:
        name: myservice
      spec:
        ports:
        - protocol: TCP
          port: 80
          targetPort: 9376
`;
    const sim = simulate(text);
    sim.advanceTo(29);
    expect(podRow(sim, 'myapp-pod').status).toBe('Init:0/2');
    sim.advanceTo(40);
    expect(podRow(sim, 'myapp-pod').status).toBe('Init:1/2');
  });

  it('logging architecture: two streaming sidecars print the files as logs', () => {
    const sim = simulate(STREAMING_SIDECARS);
    sim.advanceTo(10);
    const one = kubectl(sim, 'kubectl logs counter count-log-1').split('\n').filter(Boolean);
    expect(one[0]).toMatch(/^0: Thu Jan  1 00:00:0\d UTC 2026$/);
    expect(one[1]).toMatch(/^1: Thu Jan  1 00:00:0\d UTC 2026$/);
    expect(one.length).toBeGreaterThanOrEqual(5);
    const two = kubectl(sim, 'kubectl logs counter count-log-2').split('\n').filter(Boolean);
    expect(two[0]).toMatch(/^Thu Jan  1 00:00:0\d UTC 2026 INFO 0$/);
    // the app's own log is empty: it writes only to the files
    expect(kubectl(sim, 'kubectl logs counter count')).toBe('');
  });
});
