// The three CKAD multi-container patterns, from the ordinary manifests in scenarios/, as data flows and logs.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulate, kubectl, flows, podRow } from './harness';
import type { Flow } from '../../src/engine/flows';

const scenario = (name: string) => simulate(readFileSync(`scenarios/${name}.yaml`, 'utf8'));

function count(sim: ReturnType<typeof scenario>): number {
  const body = kubectl(sim, 'kubectl exec web -c app -- wget -qO- http://elasticsearch:9200/_count');
  return Number(/"count":(\d+)/.exec(body)?.[1] ?? NaN);
}

const from = (f: Flow) => (f.from.kind === 'container' ? f.from.container : f.from.kind);

describe('sidecar: fluent-bit ships the app log to Elasticsearch', () => {
  it('lines written by the app are read by the sidecar and stored; stopping the sidecar stops shipping, not the app', () => {
    const sim = scenario('sidecar-log-shipping');
    sim.advanceTo(14);
    // Elasticsearch is still starting: deliveries fail, fluent-bit retries
    const early = flows(sim).filter((f) => f.kind === 'ship');
    expect(early.length).toBeGreaterThan(0);
    expect(early.every((f) => !f.arrived)).toBe(true);
    expect(kubectl(sim, 'kubectl logs web -c log-shipper')).toContain('failed to flush chunk, retry in 5 seconds');

    sim.advanceTo(60);
    const fl = flows(sim);
    const write = fl.filter((f) => f.kind === 'write' && from(f) === 'app').pop()!;
    expect(write.to).toEqual({ kind: 'file', pod: 'web', path: '/var/log/app.log' });
    expect(write.what).toMatch(/^2026-01-01T00:01:00Z GET \/cart\/\d+ 200$/);
    // the same line, at the same instant, read by the sidecar and shipped to the Service
    expect(fl.some((f) => f.kind === 'read' && f.t === write.t && from(f) === 'app' && f.to.kind === 'container' && f.to.container === 'log-shipper' && f.what === write.what)).toBe(true);
    const shipped = fl.find((f) => f.kind === 'ship' && f.what === write.what)!;
    expect(shipped).toMatchObject({ t: write.t, arrived: true, to: { kind: 'service', name: 'elasticsearch', pod: 'elasticsearch' } });
    const at60 = count(sim);
    // every line written so far is there (the lines that waited while Elasticsearch started too)
    expect(at60).toBe(30);
    expect(kubectl(sim, 'kubectl exec web -c app -- wget -qO- http://kibana:5601/')).toBe(`Kibana: ${at60} documents in Elasticsearch (http://elasticsearch:9200)\n`);

    sim.advanceTo(110);
    const at110 = count(sim);
    expect(at110).toBeGreaterThan(at60);

    // 2m: the timeline stops the sidecar (exit 0, restartPolicy OnFailure: it stays down)
    sim.advanceTo(180);
    expect(podRow(sim, 'web').ready).toBe('1/2');
    const stopped = count(sim);
    sim.advanceTo(230);
    expect(count(sim)).toBe(stopped);
    const recent = flows(sim).filter((f) => f.t > 200);
    expect(recent.some((f) => f.kind === 'write' && from(f) === 'app')).toBe(true);
    expect(recent.some((f) => f.kind === 'ship' || f.kind === 'read')).toBe(false);
    expect(kubectl(sim, 'kubectl exec web -c app -- tail -n 1 /var/log/app.log')).toMatch(/^2026-01-01T00:03:50Z GET \/cart\/\d+ 200\n$/);
  });

  it('a copy taken mid-run ships exactly what the original ships', () => {
    const a = scenario('sidecar-log-shipping');
    a.advanceTo(45);
    const b = a.clone();
    a.advanceTo(100);
    b.advanceTo(100);
    expect(count(b)).toBe(count(a));
    expect(JSON.stringify(flows(b))).toBe(JSON.stringify(flows(a)));
  });
});

describe('adapter: the app status, normalised as JSON', () => {
  it('kubectl logs -c adapter shows the JSON form, and each transform is a flow', () => {
    const sim = scenario('adapter-log-format');
    sim.advanceTo(60);
    const lines = kubectl(sim, 'kubectl logs status -c adapter').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(10);
    for (const l of lines) expect(JSON.parse(l)).toMatchObject({ status: 'OK' });
    const raw = kubectl(sim, 'kubectl exec status -c app -- cat /var/status/status.txt').trim();
    const [ts, conns] = raw.split('|');
    expect(JSON.parse(lines[lines.length - 1])).toEqual({ time: Number(ts), connections: Number(conns.replace('conns=', '')), status: 'OK' });
    const adapt = flows(sim).filter((f) => f.kind === 'adapt');
    expect(adapt.length).toBeGreaterThan(5);
    const last = adapt[adapt.length - 1];
    expect(last.from).toEqual({ kind: 'container', pod: 'status', container: 'app' });
    expect(last.to).toEqual({ kind: 'container', pod: 'status', container: 'adapter' });
    expect(last.what).toBe(`${raw} → ${lines[lines.length - 1]}`);
    // the app itself prints nothing: everything the adapter shows came from the file
    expect(kubectl(sim, 'kubectl logs status -c app')).toBe('');
  });
});

describe('ambassador: localhost:8080 through HAProxy to the configured backend', () => {
  it('the app only talks to localhost; changing the ambassador upstream switches the real destination', () => {
    const sim = scenario('ambassador-haproxy');
    sim.advanceTo(80);
    const before = kubectl(sim, 'kubectl logs shop -c app').split('\n').filter(Boolean);
    // until HAProxy has started, the first request is refused
    expect(before.slice(-8)).toHaveLength(8);
    for (const l of before.slice(-8)) expect(l).toMatch(/^\d\d:\d\d:\d\d backend-v1$/);
    expect(before.some((l) => l.includes('backend-v2'))).toBe(false);
    const proxied = flows(sim).filter((f) => f.kind === 'proxy');
    expect(proxied.length).toBeGreaterThan(5);
    expect(proxied[proxied.length - 1]).toMatchObject({
      from: { kind: 'container', pod: 'shop', container: 'app' },
      via: { kind: 'container', pod: 'shop', container: 'ambassador' },
      to: { kind: 'service', name: 'backend-v1', pod: 'backend-v1' },
      what: 'GET /hostname',
      arrived: true,
    });
    // 90s: new ambassador configuration, pod recreated; the app is unchanged
    sim.advanceTo(150);
    const after = kubectl(sim, 'kubectl logs shop -c app').split('\n').filter(Boolean);
    expect(after.slice(-8)).toHaveLength(8);
    for (const l of after.slice(-8)) expect(l).toMatch(/^\d\d:\d\d:\d\d backend-v2$/);
    const last = flows(sim).filter((f) => f.kind === 'proxy').pop()!;
    expect(last.to).toEqual({ kind: 'service', name: 'backend-v2', pod: 'backend-v2' });
    expect(kubectl(sim, 'kubectl exec shop -c app -- wget -qO- http://localhost:8080/hostname')).toBe('backend-v2\n');
  });

  it('a proxied request whose backend is down arrives nowhere: 502, and the flow says so', () => {
    const sim = scenario('ambassador-haproxy');
    sim.advanceTo(40);
    sim.run('kubectl delete pod backend-v1 --grace-period=0 --force');
    sim.advanceTo(50);
    const last = flows(sim).filter((f) => f.kind === 'proxy').pop()!;
    expect(last.arrived).toBe(false);
    expect(kubectl(sim, 'kubectl exec shop -c app -- wget -qO- http://localhost:8080/hostname')).toContain('server returned error: HTTP/1.1 502 Bad Gateway');
  });
});
