// Well-known images as data: tag-independent rows, subcommands, programs that read their configuration.
import { describe, it, expect } from 'vitest';
import { wellKnownFor, wellKnownImage } from '../../src/engine/apps/well-known-images';
import { resolveBehaviour } from '../../src/engine/apps/app-behaviour';
import { simulate, kubectl, flows } from './harness';

describe('the table', () => {
  it('matches whatever the tag or registry prefix', () => {
    expect(wellKnownImage('registry.k8s.io/busybox:1.27.2')?.shell).toBe(true);
    expect(wellKnownImage('docker.io/library/redis:7.4@sha256:abc')?.ports).toEqual([6379]);
    expect(wellKnownImage('bitnami/redis:7')?.ports).toEqual([6379]);
    expect(wellKnownImage('myco/shop:1')).toBeUndefined();
  });

  it('agnhost runs its subcommand', () => {
    expect(wellKnownFor({ name: 'x', image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['liveness'] })?.spec?.http?.['/healthz']).toHaveLength(2);
    expect(wellKnownFor({ name: 'x', image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['netexec', '--http-port=9090'] })?.ports).toEqual([9090]);
    expect(wellKnownFor({ name: 'x', image: 'registry.k8s.io/e2e-test-images/agnhost:2.40', args: ['grpc-health-checking'] })?.ports).toEqual([5000, 8080]);
  });

  it('an unknown image is a plain server on its declared ports, and says so', () => {
    const b = resolveBehaviour({ name: 'x', image: 'myco/shop:1', ports: [{ containerPort: 9000 }] }, undefined, null);
    expect(b).toMatchObject({ kind: 'default', ports: [9000] });
    expect(b.description).toBe('unknown image: a plain long-running server on its declared ports');
    const s = resolveBehaviour({ name: 'x', image: 'myco/shop:1' }, undefined, 'python3 app.py');
    expect(s.kind).toBe('default');
    expect(s.description).toContain('`python3`');
  });
});

describe('programs', () => {
  it('the old docs liveness image (/server) fails /healthz after 10 s', () => {
    const sim = simulate(`apiVersion: v1
kind: Pod
metadata: {name: liveness-http}
spec:
  containers:
  - name: liveness
    image: k8s.gcr.io/liveness
    args: [/server]
    livenessProbe:
      httpGet: {path: /healthz, port: 8080}
      initialDelaySeconds: 3
      periodSeconds: 3
`);
    sim.advanceTo(40);
    const killing = sim.observations().filter((o) => o.type === 'event' && o.reason === 'Killing');
    expect(killing.length).toBeGreaterThan(0);
  });

  it('kodekloud/event-simulator logs events to /log/app.log; filebeat-configured ships them to elasticsearch', () => {
    const sim = simulate(`apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers:
  - name: app
    image: kodekloud/event-simulator
    volumeMounts: [{name: log-volume, mountPath: /log}]
  - name: sidecar
    image: kodekloud/filebeat-configured
    volumeMounts: [{name: log-volume, mountPath: /var/log/event-simulator/}]
  volumes:
  - {name: log-volume, emptyDir: {}}
---
apiVersion: v1
kind: Pod
metadata: {name: es, labels: {app: es}}
spec:
  containers:
  - {name: es, image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0}
---
apiVersion: v1
kind: Service
metadata: {name: elasticsearch}
spec:
  selector: {app: es}
  ports: [{port: 9200}]
`);
    sim.advanceTo(60);
    const log = kubectl(sim, 'kubectl logs app -c app').split('\n').filter(Boolean);
    expect(log.length).toBeGreaterThan(50);
    expect(log[0]).toMatch(/^\[2026-01-01 00:00:0\d,000\] (INFO|WARNING) in event-simulator: USER\d /);
    expect(kubectl(sim, 'kubectl exec app -c app -- cat /log/app.log').split('\n').filter(Boolean)).toEqual(log);
    const body = kubectl(sim, 'kubectl exec app -c app -- wget -qO- http://elasticsearch:9200/filebeat/_count');
    // filebeat reads a new file from its start: every line is there once Elasticsearch is up
    expect(Number(/"count":(\d+)/.exec(body)?.[1])).toBe(log.length);
    expect(flows(sim).some((f) => f.kind === 'ship' && f.arrived && f.to.kind === 'service' && f.to.name === 'elasticsearch')).toBe(true);
  });

  it('fluentd follows its <source> and ships to the <match> host; nginx proxy_pass forwards localhost traffic', () => {
    const sim = simulate(`apiVersion: v1
kind: ConfigMap
metadata: {name: conf}
data:
  fluent.conf: |
    <source>
      @type tail
      path /var/log/app/*.log
      pos_file /tmp/app.pos
      read_from_head true
      <parse>
        @type none
      </parse>
    </source>
    <match **>
      @type elasticsearch
      host logs-db
      port 9200
      index_name app
    </match>
  default.conf: |
    upstream api { server api-svc:80; }
    server {
      listen 9000;
      location / { proxy_pass http://api; }
    }
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: busybox
    command: [sh, -c, 'while true; do echo "$(date +%s) hit" >> /var/log/app/a.log; echo "$(wget -qO- http://localhost:9000/hostname)"; sleep 3; done']
    volumeMounts: [{name: logs, mountPath: /var/log/app}]
  - name: fluentd
    image: fluent/fluentd:v1.16-1
    volumeMounts: [{name: logs, mountPath: /var/log/app}, {name: conf, mountPath: /fluentd/etc}]
  - name: proxy
    image: nginx:1.27
    volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]
  volumes:
  - {name: logs, emptyDir: {}}
  - {name: conf, configMap: {name: conf}}
---
apiVersion: v1
kind: Pod
metadata: {name: logs-db, labels: {app: logs-db}}
spec:
  containers: [{name: es, image: elasticsearch:8.15.0}]
---
apiVersion: v1
kind: Service
metadata: {name: logs-db}
spec: {selector: {app: logs-db}, ports: [{port: 9200}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, labels: {app: api}}
spec:
  containers: [{name: api, image: registry.k8s.io/e2e-test-images/agnhost:2.40, args: [serve-hostname]}]
---
apiVersion: v1
kind: Service
metadata: {name: api-svc}
spec: {selector: {app: api}, ports: [{port: 80, targetPort: 9376}]}
`);
    sim.advanceTo(90);
    expect(kubectl(sim, 'kubectl logs web -c app').split('\n').filter(Boolean).pop()).toBe('api');
    const n = Number(/"count":(\d+)/.exec(kubectl(sim, 'kubectl exec web -c app -- wget -qO- http://logs-db:9200/app/_count'))?.[1]);
    const lines = kubectl(sim, 'kubectl exec web -c app -- cat /var/log/app/a.log').split('\n').filter(Boolean).length;
    expect(n).toBe(lines);
    const proxied = flows(sim).filter((f) => f.kind === 'proxy').pop()!;
    expect(proxied.via).toEqual({ kind: 'container', pod: 'web', container: 'proxy' });
    expect(proxied.to).toEqual({ kind: 'service', name: 'api-svc', pod: 'api' });
  });
});
