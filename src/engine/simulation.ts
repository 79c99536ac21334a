/**
 * A running simulation of one scenario: the loop that takes tasks off the virtual
 * clock, runs the kubelet and the controllers, and prints what changed at the end
 * of each instant. Deterministic: the same scenario and seed give the same output.
 */
import type { Scenario } from '../scenario/model';
import { recentFlows } from './flows';
import type { ClusterView, LogLine, LogReader, NodeObject, PodObject } from './model/objects';
import type { Observation } from './observations';
import type { CommandOutput, SimSnapshot, SimulationApi } from './simulation-api';
import { Engine, EPOCH_MS, type NodeRuntime } from './runtime/engine';
import { Kubelet } from './kubelet/kubelet';
import { newPodRuntime, type PodRuntime } from './kubelet/pod-runtime';
import { refreshPodStatus } from './kubelet/pod-status';
import { schedulePod, podRequests, type NodeLoad } from './scheduler/scheduler';
import { applyPodAdmission, createConfigMapObject, createDeploymentObject, createPodObject, createReplicaSetObject, createSecretObject, createServiceObject } from './cluster/api-objects';
import { reconcileEndpointSlices, endpointSlicesEqual } from './controllers/endpointslice-controller';
import { reconcileEndpoints } from './controllers/endpoints-controller';
import { reconcileReplicaSet, newPodFromTemplate, replicaSetStatus, successfulCreateEvent, successfulDeleteEvent } from './controllers/replicaset-controller';
import { randomSuffix } from './controllers/pod-template-hash';
import { mapSelectorMatches, labelSelectorMatches } from './controllers/label-selector';
import { newClients, settleTraffic, currentRoutes, type ClientState } from './traffic/service-traffic';
import { changedPodLine, endpointsLine } from './runner-lines';
import { SnapshotReuse } from './snapshot/snapshot-reuse';
import { runCommand } from './commands/run-command';
import { cloneSimulation } from './checkpoint';
import { CheckTracker, type CheckResult } from './checks/check-tracker';
import { deploymentOfPod } from './checks/pod-deployment';
import type { Manifest } from '../scenario/model';

/** a manifest as applied: its kind and object (the source location is not needed) */
export type ManifestInput = { [K in Manifest['kind']]: Pick<Extract<Manifest, { kind: K }>, 'kind' | 'object'> }[Manifest['kind']];
import { runDeploymentController } from './controllers/deployment-sync';
import { podInvolvedObject } from './events/involved-object';

export class Simulation implements SimulationApi {
  readonly eng: Engine;
  readonly kubelet: Kubelet;
  readonly clients: ClientState[];
  /** commands run so far (timeline and interactive), for replay and share links */
  readonly history: { at: number; run: string; stdin?: string }[] = [];
  /** the scenario's checks, fed every line printed (check-tracker.ts) */
  readonly checkTracker: CheckTracker;

  constructor(
    readonly scenario: Scenario,
    options: { keepObservations?: boolean } = {},
  ) {
    const eng = (this.eng = new Engine(scenario));
    eng.keepObservations = options.keepObservations ?? true;
    this.kubelet = new Kubelet(eng);
    scenario.nodes.forEach((n, i) => {
      const obj: NodeObject = {
        kind: 'Node',
        metadata: { name: n.name, namespace: '', uid: eng.newUid(), labels: { 'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' }, annotations: {}, creationTimestamp: -86400, resourceVersion: eng.nextResourceVersion() },
        status: {
          capacity: { cpuMilli: n.cpuMilli, memoryBytes: n.memoryBytes, pods: n.maxPods },
          allocatable: { cpuMilli: n.cpuMilli, memoryBytes: n.memoryBytes, pods: n.maxPods },
          addresses: [
            { type: 'InternalIP', address: `192.168.49.${i + 2}` },
            { type: 'Hostname', address: n.name },
          ],
          ready: true,
        },
        podCIDR: `10.244.${i + 1}.0/24`,
      };
      eng.nodes.push({ obj, images: new Set(), pulls: new Map(), ipCounter: 0, index: i });
    });
    this.clients = newClients(scenario.traffic);
    this.checkTracker = new CheckTracker(scenario.checks, (pod) => deploymentOfPod(eng, pod));
    if (scenario.checks.length > 0) eng.subscribe((o) => this.checkTracker.observe(o));
    scenario.timeline.forEach((entry, i) => eng.schedule(entry.at, { kind: 'command', index: i }));
  }

  // ---- the API objects

  applyManifest(m: ManifestInput): string {
    const eng = this.eng;
    eng.controllersDirty = true;
    switch (m.kind) {
      case 'ConfigMap': {
        const o = createConfigMapObject(eng, m.object);
        const existed = eng.configMaps.has(o.metadata.name);
        eng.configMaps.set(o.metadata.name, o);
        return `configmap/${o.metadata.name} ${existed ? 'configured' : 'created'}`;
      }
      case 'Secret': {
        const o = createSecretObject(eng, m.object);
        const existed = eng.secrets.has(o.metadata.name);
        eng.secrets.set(o.metadata.name, o);
        return `secret/${o.metadata.name} ${existed ? 'configured' : 'created'}`;
      }
      case 'Service': {
        const name = m.object.metadata?.name ?? '';
        if (eng.services.has(name)) return `service/${name} unchanged`;
        const o = createServiceObject(eng, m.object);
        eng.services.set(name, o);
        eng.dirtyServices.add(name);
        return `service/${name} created`;
      }
      case 'Deployment': {
        const name = m.object.metadata?.name ?? '';
        const existing = eng.deployments.get(name);
        if (existing) {
          const before = JSON.stringify(existing.spec);
          existing.spec = structuredClone(m.object.spec!);
          if (JSON.stringify(existing.spec) === before) return `deployment.apps/${name} unchanged`;
          if (JSON.stringify(existing.spec.template) !== JSON.stringify(JSON.parse(before).template)) existing.metadata.generation = (existing.metadata.generation ?? 1) + 1;
          return `deployment.apps/${name} configured`;
        }
        eng.deployments.set(name, createDeploymentObject(eng, m.object));
        return `deployment.apps/${name} created`;
      }
      case 'ReplicaSet': {
        const name = m.object.metadata?.name ?? '';
        const existing = eng.replicaSets.get(name);
        if (existing) {
          existing.spec = structuredClone(m.object.spec!);
          return `replicaset.apps/${name} configured`;
        }
        eng.replicaSets.set(name, createReplicaSetObject(eng, m.object));
        return `replicaset.apps/${name} created`;
      }
      case 'Pod': {
        const name = m.object.metadata?.name ?? '';
        if (eng.pods.has(name)) return `pod/${name} unchanged`;
        this.addPod(createPodObject(eng, m.object));
        return `pod/${name} created`;
      }
    }
  }

  addPod(obj: PodObject): PodRuntime {
    applyPodAdmission(this.eng, obj);
    const pod = newPodRuntime(obj, this.eng.dirtyPods);
    this.eng.pods.set(obj.metadata.name, pod);
    this.eng.controllersDirty = true;
    this.schedule(pod);
    return pod;
  }

  private nodeLoads(): NodeLoad[] {
    const loads = new Map<string, NodeLoad>();
    for (const n of this.eng.nodes) loads.set(n.obj.metadata.name, { node: n.obj, cpuMilli: 0, memoryBytes: 0, pods: 0 });
    for (const p of this.eng.pods.values()) {
      const l = p.obj.spec.nodeName ? loads.get(p.obj.spec.nodeName) : undefined;
      if (!l || p.obj.status.phase === 'Succeeded' || p.obj.status.phase === 'Failed') continue;
      const r = podRequests(p.obj);
      l.cpuMilli += r.cpuMilli;
      l.memoryBytes += r.memoryBytes;
      l.pods++;
    }
    return [...loads.values()];
  }

  private loadCache: NodeLoad[] | null = null;

  /** the scheduler binds the pod to a node, or records why it cannot */
  private schedule(pod: PodRuntime): void {
    const eng = this.eng;
    if (pod.obj.metadata.deletionTimestamp !== undefined) return;
    const loads = (this.loadCache ??= this.nodeLoads());
    const r = schedulePod(pod.obj, loads);
    if (!r.ok) {
      const first = pod.unschedulable === undefined;
      pod.unschedulable = r.message;
      pod.dirty = true;
      if (first || true)
        eng.event({ involvedObject: podInvolvedObject(pod.obj), reason: 'FailedScheduling', message: r.message, type: 'Warning', source: { component: 'default-scheduler' } });
      return;
    }
    pod.unschedulable = undefined;
    pod.obj.spec.nodeName = r.node;
    const l = loads.find((x) => x.node.metadata.name === r.node)!;
    const req = podRequests(pod.obj);
    l.cpuMilli += req.cpuMilli;
    l.memoryBytes += req.memoryBytes;
    l.pods++;
    eng.event({
      involvedObject: podInvolvedObject(pod.obj),
      reason: 'Scheduled',
      message: `Successfully assigned ${pod.obj.metadata.namespace}/${pod.name} to ${r.node}`,
      type: 'Normal',
      source: { component: 'default-scheduler' },
    });
    this.kubelet.admit(pod);
  }

  /** pods waiting for room get another try when something frees up */
  private retryUnschedulable(): void {
    for (const p of this.eng.pods.values()) if (p.unschedulable !== undefined && !p.deleted) this.schedule(p);
  }

  // ---- checkpoints

  /** a copy that continues exactly as this simulation would (checkpoint.ts) */
  clone(): Simulation {
    return cloneSimulation(this, () => new Simulation(this.scenario));
  }

  /** the parts of a run that live on the Simulation itself; used by cloneSimulation */
  restoreRunState(from: Simulation): void {
    this.clients.length = 0;
    this.clients.push(...structuredClone(from.clients));
    this.history.length = 0;
    this.history.push(...from.history.map((h) => ({ ...h })));
    this.started = from.started;
    this.checkTracker.restoreFrom(from.checkTracker);
  }

  // ---- the loop

  now(): number {
    return this.eng.now();
  }

  private started = false;

  advanceTo(t: number): void {
    const eng = this.eng;
    if (!this.started) {
      // the manifests are applied at time 0, in file order, once observers are listening
      this.started = true;
      for (const m of this.scenario.manifests) this.applyManifest(m);
      this.endOfInstant();
    }
    for (;;) {
      const next = eng.clock.peekTime();
      if (next === null || next > t) break;
      this.checkTicks(next, false);
      // every task of this instant, including those it schedules for the same instant
      for (let round = 0; round < 1000; round++) {
        let task = eng.clock.popDue(next);
        if (!task) break;
        while (task) {
          this.dispatch(task.task);
          task = eng.clock.popDue(next);
        }
        this.endOfInstant();
        if (eng.clock.peekTime() !== next) break;
      }
    }
    this.checkTicks(t, true);
    eng.clock.advance(t);
  }

  /** checks whose `after` comes before `until` (or at it): tested against the state then */
  private checkTicks(until: number, inclusive: boolean): void {
    for (let at = this.checkTracker.nextTickAt(); at !== null && (at < until || (inclusive && at === until)); at = this.checkTracker.nextTickAt()) {
      this.checkTracker.tick(at);
    }
    this.emitChecks();
  }

  /** a `check` line for each check passed since the last call */
  private emitChecks(): void {
    for (const line of this.checkTracker.takePassed()) this.eng.emit(line);
  }

  /** each check of the scenario, with when it passed (null: not yet) */
  checkResults(): CheckResult[] {
    return this.checkTracker.results();
  }

  nextChangeAt(): number | null {
    return this.eng.clock.peekTime();
  }

  private dispatch(task: { kind: string; [k: string]: unknown }): void {
    const eng = this.eng;
    if (task.kind === 'command') {
      const entry = this.scenario.timeline[task.index as number];
      const out = this.run(entry.run, entry.stdin);
      eng.emit({ t: eng.now(), type: 'command', run: entry.run, exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr });
      return;
    }
    if (task.kind === 'controllers') {
      eng.controllersWoken(task.at as number);
      eng.controllersDirty = true;
      return;
    }
    const pod = eng.pods.get(task.pod as string);
    if (!pod) return;
    this.kubelet.handle(task, pod);
  }

  /** controllers, scheduling, statuses, endpoints; then print what changed */
  private endOfInstant(): void {
    const eng = this.eng;
    const now = eng.now();
    this.loadCache = null;
    for (let round = 0; round < 20; round++) {
      let changed = false;
      // pod statuses first: controllers read them
      for (const p of [...eng.dirtyPods]) {
        {
          const before = controllerView(p.obj);
          refreshPodStatus(p, now);
          p.dirty = false;
          eng.linePods.add(p);
          // controllers and endpoints only care about readiness, phase, deletion and address
          if (controllerView(p.obj) !== before) {
            for (const s of eng.services.values()) if (s.spec.selector && mapSelectorMatches(s.spec.selector, p.obj.metadata.labels)) eng.dirtyServices.add(s.metadata.name);
            eng.controllersDirty = true;
          }
        }
      }
      if (eng.controllersDirty) {
        eng.controllersDirty = false;
        changed = runDeploymentController(this) || changed;
        changed = this.runReplicaSets() || changed;
      }
      if (!changed) break;
    }
    // pod lines
    const removed: PodRuntime[] = [];
    for (const p of eng.linePods) {
      const changed = changedPodLine(p, now);
      if (changed) {
        // every status write is a new version of the object
        p.obj.metadata.resourceVersion = eng.nextResourceVersion();
        eng.emit(changed.line, changed.json);
      }
      if (p.deleted) removed.push(p);
    }
    eng.linePods.clear();
    // requests that went to a pod about to vanish are counted while it is still known
    if (removed.length) settleTraffic(eng, this.clients, now);
    for (const p of removed) {
      eng.pods.delete(p.name);
      eng.dirtyPods.delete(p);
      eng.emit({ t: now, type: 'pod', name: p.name, deleted: true });
      for (const s of eng.services.values()) if (s.spec.selector && mapSelectorMatches(s.spec.selector, p.obj.metadata.labels)) eng.dirtyServices.add(s.metadata.name);
      eng.controllersDirty = true;
    }
    if (removed.length) {
      this.retryUnschedulable();
      if (eng.controllersDirty) {
        eng.controllersDirty = false;
        runDeploymentController(this);
        this.runReplicaSets();
      }
      for (const p of [...eng.dirtyPods]) {
        refreshPodStatus(p, now);
        p.dirty = false;
        const changed = changedPodLine(p, now);
        if (changed) {
          p.obj.metadata.resourceVersion = eng.nextResourceVersion();
          eng.emit(changed.line, changed.json);
        }
      }
    }
    // endpoints
    let routingChanged = false;
    for (const name of eng.dirtyServices) {
      const svc = eng.services.get(name);
      if (!svc) continue;
      const pods = [...eng.pods.values()].filter((p) => !p.deleted).map((p) => p.obj);
      const before = eng.slices.get(name) ?? [];
      const after = reconcileEndpointSlices(svc, pods, before, {
        now,
        newName: () => randomSuffix(() => eng.rng.next()),
        newUid: () => eng.newUid(),
      });
      const ep = reconcileEndpoints(svc, pods, eng.endpoints.get(name), now, () => eng.newUid());
      if (ep) eng.endpoints.set(name, ep);
      if (!endpointSlicesEqual(before, after) || !eng.slices.has(name)) {
        // count what left before this change with the old routing
        if (!routingChanged) settleTraffic(eng, this.clients, now);
        routingChanged = true;
        eng.slices.set(name, after);
        eng.emit(endpointsLine(now, name, after));
      }
    }
    eng.dirtyServices.clear();
    this.emitChecks();
  }

  private runReplicaSets(): boolean {
    const eng = this.eng;
    const now = eng.now();
    let changed = false;
    const byOwner = new Map<string, PodObject[]>();
    for (const p of eng.pods.values()) {
      const o = p.obj.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
      if (!o || p.deleted) continue;
      let list = byOwner.get(o.name);
      if (!list) byOwner.set(o.name, (list = []));
      list.push(p.obj);
    }
    for (const rs of eng.replicaSets.values()) {
      const owned = byOwner.get(rs.metadata.name) ?? [];
      const d = reconcileReplicaSet(rs, owned, { now });
      // one involvedObject for this sync's events (the recorder knows it after the first)
      const involved = { kind: 'ReplicaSet', name: rs.metadata.name, namespace: 'default', uid: rs.metadata.uid };
      for (let i = 0; i < d.create; i++) {
        let name = '';
        do name = `${rs.metadata.name}-${randomSuffix(() => eng.rng.next())}`;
        while (eng.pods.has(name));
        const obj = newPodFromTemplate(rs, name, eng.newUid(), now);
        obj.metadata.resourceVersion = eng.nextResourceVersion();
        const ev = successfulCreateEvent(name);
        eng.event({ involvedObject: involved, reason: ev.reason, message: ev.message, type: ev.type, source: { component: 'replicaset-controller' } });
        this.addPod(obj);
        changed = true;
      }
      for (const p of d.delete) {
        const pod = eng.pods.get(p.metadata.name);
        if (!pod || pod.obj.metadata.deletionTimestamp !== undefined) continue;
        this.kubelet.delete(pod, undefined);
        const ev = successfulDeleteEvent(p.metadata.name);
        eng.event({ involvedObject: involved, reason: ev.reason, message: ev.message, type: ev.type, source: { component: 'replicaset-controller' } });
        changed = true;
      }
      rs.status = replicaSetStatus(rs, byOwner.get(rs.metadata.name) ?? [], now);
    }
    return changed;
  }

  // ---- commands

  run(command: string, stdin?: string): CommandOutput {
    this.history.push({ at: this.now(), run: command, ...(stdin !== undefined ? { stdin } : {}) });
    const out = runCommand(this, command, stdin);
    // a command may change state at this instant: settle it now
    this.endOfInstant();
    return out;
  }

  // ---- reading

  observations(): readonly Observation[] {
    return this.eng.observations;
  }

  /** `cb` gets each observation as it is printed, and its JSON line when that is already made */
  onObservation(cb: (o: Observation, json?: string) => void): () => void {
    return this.eng.subscribe(cb);
  }

  /** what the next snapshot may reuse of this one (snapshot-reuse.ts) */
  private reuse = new SnapshotReuse();

  /**
   * The cluster now. Every list and object that did not change since the last view is
   * the same object as then (snapshot-reuse.ts), so readers must not change them; pods,
   * nodes and the other API objects are the engine's own (a pod's resourceVersion moves
   * with each status write).
   */
  view(): ClusterView {
    const eng = this.eng;
    const now = eng.now();
    const r = this.reuse;
    for (const p of eng.dirtyPods) refreshPodStatus(p, now);
    r.pods.begin();
    for (const p of eng.pods.values()) if (!p.deleted) r.pods.add(p.obj);
    const pods = r.pods.end();
    r.nodes.begin();
    for (const n of eng.nodes) r.nodes.add(n.obj);
    const nodes = r.nodes.end();
    r.endpointSlices.begin();
    for (const list of eng.slices.values()) for (const sl of list) r.endpointSlices.add(sl);
    const endpointSlices = r.endpointSlices.end();
    if (r.logs?.now !== now) r.logs = { now, reader: this.logReader(now) };
    const podRuntimes = { [Symbol.iterator]: () => eng.pods.values() };
    return {
      now,
      epochMs: EPOCH_MS,
      nodes,
      pods,
      services: r.services.of(eng.services.values()),
      endpointSlices,
      endpoints: r.endpoints.of(eng.endpoints.values()),
      deployments: r.deployments.of(eng.deployments.values()),
      replicaSets: r.replicaSets.of(eng.replicaSets.values()),
      configMaps: r.configMaps.of(eng.configMaps.values()),
      secrets: r.secrets.of(eng.secrets.values()),
      // shared, never changed (event-recorder.ts objects)
      events: eng.recorder.objects() as ClusterView['events'],
      logs: r.logs.reader,
      metrics: r.metrics.view(this.scenario.metricsServer, this.scenario.metricResolution, podRuntimes, nodes.map((n) => n.metadata.name), now),
    };
  }

  /** container logs as of `now` (the periodic lines of an `apps` entry are generated up to it) */
  private logReader(now: number): LogReader {
    const eng = this.eng;
    return {
      current: (pod, container) => {
        const c = eng.pods.get(pod)?.containers.find((x) => x.name === container);
        if (!c?.current) return undefined;
        return instanceLogs(c.current.logs, c.behaviour.spec.logs, c.current.startedAt, c.current.finishedAt ?? now);
      },
      previous: (pod, container) => {
        const c = eng.pods.get(pod)?.containers.find((x) => x.name === container);
        if (!c?.previous) return undefined;
        return instanceLogs(c.previous.logs, c.behaviour.spec.logs, c.previous.startedAt, c.previous.finishedAt ?? now);
      },
    };
  }

  /**
   * One frame for the renderer. Built incrementally: a container, a client or a list
   * that did not change since the last snapshot is the same object (snapshot-reuse.ts),
   * so the work follows what changed and readers can skip unchanged parts by identity.
   */
  snapshot(): SimSnapshot {
    const eng = this.eng;
    const r = this.reuse;
    const view = this.view();
    const containers = r.containers.views(eng.pods.values());
    const podWorkers = r.podWorkers.of(eng.pods.values());
    settleTraffic(eng, this.clients, eng.now());
    currentRoutes(eng, this.clients, eng.now());
    const traffic = r.traffic.of(this.clients, view.now);
    return { view, containers, traffic, podWorkers, flows: r.flows.of(recentFlows(eng.pods.values(), eng.now())) };
  }

  /** run to the end of the scenario (or `until`) and add the summary line */
  runToEnd(until = this.scenario.duration): readonly Observation[] {
    this.advanceTo(until);
    settleTraffic(this.eng, this.clients, until);
    const requests: Record<string, { ok: number; failed: number }> = {};
    for (const cl of this.clients) {
      const r = (requests[cl.spec.service] ??= { ok: 0, failed: 0 });
      r.ok += cl.ok;
      r.failed += cl.failed;
    }
    this.eng.emit({ t: until, type: 'summary', requests });
    return this.eng.observations;
  }
}

/** what the controllers and the EndpointSlice controller read from a pod */
function controllerView(pod: PodObject): string {
  const ready = pod.status.conditions.find((c) => c.type === 'Ready');
  return `${pod.status.phase}|${ready?.status}|${ready?.lastTransitionTime}|${pod.metadata.deletionTimestamp}|${pod.status.podIP}|${pod.spec.nodeName}`;
}

/** explicit log lines plus the periodic lines an `apps` entry describes, generated on read */
function instanceLogs(explicit: LogLine[], spec: { every: number; lines: string[] } | undefined, from: number, to: number): LogLine[] {
  if (!spec || spec.every <= 0 || !spec.lines.length) return explicit;
  const gen: LogLine[] = [];
  let k = 0;
  for (let t = from + spec.every; t <= to + 1e-9 && gen.length < 100_000; t = from + spec.every * ++k + spec.every) gen.push({ t, text: spec.lines[k % spec.lines.length], stream: 'stdout' });
  if (!explicit.length) return gen;
  return [...explicit, ...gen].sort((a, b) => a.t - b.t);
}

export type { NodeRuntime };
export { labelSelectorMatches };
