/**
 * The kubelet: admits a bound pod, pulls images, starts init containers one at a
 * time and then the app containers, restarts them per restartPolicy with the
 * crash-loop back-off, acts on probe verdicts, and tears pods down gracefully.
 * After pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions, SyncPod,
 * doBackOff) and kuberuntime_container.go (startContainer, killContainer).
 */
import type { Engine, NodeRuntime } from '../runtime/engine';
import { ContainerFs, newVolume, normalizePath, type Mount } from '../apps/container-fs';
import { newOverrides, resolveBehaviour } from '../apps/app-behaviour';
import { commandToScript } from '../apps/shell/command-to-script';
import { appForContainer } from '../apps/app-for-container';
import type { Container } from 'kubernetes-types/core/v1';
import { podInvolvedObject } from '../events/involved-object';
import {
  backOffNext,
  crashLoopBackOffMessage,
  backOffRestartingEventMessage,
  decideContainerRestart,
  formatGoDuration,
  isInBackOffSinceUpdate,
  IMAGE_PULL_BACKOFF,
} from './crash-loop-backoff';
import { newContainerRuntime, stateString, type ContainerRuntime, type InstanceRuntime, type PodRuntime } from './pod-runtime';
import { cancelProbe, planProbe, runProbe, triggerReadiness, type ProbeEffects } from './prober';
import { cachedResult, fullImageRef } from './pod-status';
import { sigterm, startProcess, stepShell, type ProcessEvents } from './container-process';
import { isRestartableInitContainer, podRestartPolicy } from './get-phase';
import type { Task } from '../clock/virtual-clock';

/** PLEG relist period: the kubelet notices a container exit this much later (pkg/kubelet/kubelet.go plegRelistPeriod). */
export const PLEG_RELIST = 1;
/** pod worker retry after a sync error (pod_workers.go backOffPeriod, jitter left out) */
const SYNC_ERROR_RETRY = 10;
/** a requeue while in CrashLoopBackOff waits at most this long (v1.35 pod worker: min(remaining, resync)) */
const BACKOFF_REQUEUE_MAX = 60;
/** kuberuntime_manager.go minimumGracePeriodInSeconds */
const MIN_GRACE_AFTER_PRESTOP = 2;

function src(pod: PodRuntime) {
  return { component: 'kubelet', host: pod.obj.spec.nodeName };
}

function podEvent(eng: Engine, pod: PodRuntime, c: ContainerRuntime | null, type: 'Normal' | 'Warning', reason: string, message: string) {
  eng.event({ involvedObject: c ? (c.involved ??= podInvolvedObject(pod.obj, c.name)) : podInvolvedObject(pod.obj), reason, message, type, source: src(pod) });
}

function state(c: ContainerRuntime): string {
  return stateString(c.actor.getSnapshot().value);
}

export function isRunning(c: ContainerRuntime): boolean {
  return state(c) === 'Running';
}

function isTerminated(c: ContainerRuntime): boolean {
  return state(c) === 'Terminated';
}

function lastExit(c: ContainerRuntime) {
  const ctx = c.actor.getSnapshot().context;
  return ctx.terminated ?? ctx.lastTerminated;
}

function everStarted(c: ContainerRuntime): boolean {
  return c.actor.getSnapshot().context.instances > 0;
}

function isStarted(c: ContainerRuntime): boolean {
  return isRunning(c) && (!c.probes.startup || cachedResult(c.probes.startup) === 'Success');
}

function nodeOf(eng: Engine, pod: PodRuntime): NodeRuntime | undefined {
  return eng.nodes.find((n) => n.obj.metadata.name === pod.obj.spec.nodeName);
}

export class Kubelet implements ProbeEffects, ProcessEvents {
  constructor(private eng: Engine) {}

  /** queue a sync of the pod at `at` (the earliest request wins) */
  requestSync(pod: PodRuntime, at: number): void {
    if (pod.syncTimer !== null) {
      // keep the earlier one
      const pending = (pod as PodRuntime & { syncAt?: number }).syncAt ?? Infinity;
      if (pending <= at) return;
      this.eng.clock.cancel(pod.syncTimer);
    }
    pod.syncTimer = this.eng.schedule(at, { kind: 'sync', pod: pod.name });
    (pod as PodRuntime & { syncAt?: number }).syncAt = at;
  }

  /** The pod is bound to a node: create its sandbox and start syncing it. */
  admit(pod: PodRuntime): void {
    const eng = this.eng;
    const node = nodeOf(eng, pod);
    if (!node) return;
    pod.worker.send({ type: 'BOUND' });
    node.ipCounter++;
    pod.obj.status.podIP = `10.244.${node.index + 1}.${node.ipCounter % 254 + 1}`;
    pod.obj.status.hostIP = node.obj.status.addresses[0].address;
    pod.obj.status.startTime = eng.now();
    // volumes of the pod (emptyDir shared by its containers, configMap/secret projected)
    for (const v of pod.obj.spec.volumes ?? []) {
      if (v.configMap) {
        const cm = eng.configMaps.get(v.configMap.name ?? '');
        const files: Record<string, string> = {};
        if (cm) for (const [k, val] of Object.entries(cm.data)) files['/' + k] = val;
        pod.volumes[v.name] = newVolume(true, files);
      } else if (v.secret) {
        const s = eng.secrets.get(v.secret.secretName ?? '');
        const files: Record<string, string> = {};
        if (s) for (const [k, val] of Object.entries(s.data)) files['/' + k] = val;
        pod.volumes[v.name] = newVolume(true, files);
      } else if (v.hostPath) {
        // the same directory for every pod on this node, and it outlives them
        const paths = (node.hostPaths ??= new Map());
        let vol = paths.get(v.hostPath.path);
        if (!vol) paths.set(v.hostPath.path, (vol = newVolume(false)));
        pod.volumes[v.name] = vol;
      } else if (v.projected && v.name.startsWith('kube-api-access-')) {
        pod.volumes[v.name] = newVolume(true, {
          '/namespace': pod.obj.metadata.namespace,
          '/token': 'eyJhbGciOiJSUzI1NiIsImtpZCI6InBvZHNpbSJ9.e30.c2lnbmF0dXJl',
          '/ca.crt': '-----BEGIN CERTIFICATE-----\n(podsim cluster CA)\n-----END CERTIFICATE-----\n',
        });
      } else pod.volumes[v.name] = newVolume(false);
    }
    const spec = pod.obj.spec;
    const hasInit = (spec.initContainers ?? []).length > 0;
    const apps = eng.scenario.apps;
    const owner = pod.obj.metadata.ownerReferences?.[0];
    const deployName = owner?.kind === 'ReplicaSet' ? eng.replicaSets.get(owner.name)?.metadata.ownerReferences?.[0]?.name : undefined;
    const owners = { pod: pod.name, replicaSet: owner?.kind === 'ReplicaSet' ? owner.name : undefined, deployment: deployName };
    const appFor = (c: Container) => appForContainer(apps, owners, c);
    (spec.initContainers ?? []).forEach((c, i) => {
      const beh = resolveBehaviour(c, appFor(c), commandToScript(c.command, c.args));
      pod.containers.push(newContainerRuntime(c, isRestartableInitContainer(c) ? 'sidecar' : 'init', i, beh, hasInit));
    });
    spec.containers.forEach((c, i) => {
      const beh = resolveBehaviour(c, appFor(c), commandToScript(c.command, c.args));
      pod.containers.push(newContainerRuntime(c, 'regular', i, beh, hasInit));
    });
    pod.dirty = true;
    const missing = this.missingVolumeSource(pod);
    if (missing) {
      podEvent(eng, pod, null, 'Warning', 'FailedMount', missing);
      this.requestSync(pod, eng.now() + SYNC_ERROR_RETRY);
      return;
    }
    pod.sandboxReady = true;
    this.requestSync(pod, eng.now());
  }

  private missingVolumeSource(pod: PodRuntime): string | null {
    for (const v of pod.obj.spec.volumes ?? []) {
      if (v.configMap && !v.configMap.optional && !this.eng.configMaps.has(v.configMap.name ?? ''))
        return `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found`;
      if (v.secret && !v.secret.optional && !this.eng.secrets.has(v.secret.secretName ?? ''))
        return `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName}" not found`;
    }
    return null;
  }

  /** computePodActions + SyncPod, in one pass. */
  sync(pod: PodRuntime): void {
    const eng = this.eng;
    pod.syncTimer = null;
    if (pod.deleted) return;
    const worker = stateString(pod.worker.getSnapshot().value);
    if (worker === 'TerminatedPod' || worker === 'Unscheduled') return;
    if (worker === 'TerminatingPod') {
      this.continueTermination(pod);
      return;
    }
    if (!pod.sandboxReady) {
      const missing = this.missingVolumeSource(pod);
      if (missing) {
        podEvent(eng, pod, null, 'Warning', 'FailedMount', missing);
        this.requestSync(pod, eng.now() + SYNC_ERROR_RETRY);
        return;
      }
      pod.sandboxReady = true;
      pod.dirty = true;
    }
    const policy = podRestartPolicy(pod.obj.spec);

    // 1. init containers, in order: regular ones must exit 0, sidecars must be started
    if (worker === 'SyncPod.Initializing') {
      for (const c of pod.containers) {
        if (c.kind === 'regular') break;
        if (c.kind === 'sidecar') {
          if (isStarted(c)) continue;
          if (!isRunning(c)) this.ensureStart(pod, c);
          return;
        }
        if (isTerminated(c) && lastExit(c)?.exitCode === 0) continue;
        if (isRunning(c)) return;
        if (isTerminated(c) || state(c) === 'Waiting.CrashLoopBackOff') {
          if (policy === 'Never') {
            this.finish(pod);
            return;
          }
        }
        this.ensureStart(pod, c);
        return;
      }
      pod.worker.send({ type: 'INITIALIZED' });
      pod.dirty = true;
    }

    // 2. sidecars that exited restart whatever the pod's policy
    for (const c of pod.containers) {
      if (c.kind === 'sidecar' && !isRunning(c) && everStarted(c)) this.ensureStart(pod, c);
    }

    // 3. app containers, started in spec order (each waits for its image pull)
    for (const c of pod.containers) {
      if (c.kind !== 'regular' || isRunning(c)) continue;
      if (c.pulling) return;
      if (!everStarted(c)) {
        if (this.ensureStart(pod, c) === 'pulling') return;
        continue;
      }
      const exit = lastExit(c);
      const restart = policy === 'Always' || (policy === 'OnFailure' && (exit?.exitCode ?? 1) !== 0);
      if (restart) {
        if (this.ensureStart(pod, c) === 'pulling') return;
      }
    }

    // 4. everything ran to an end that will not restart: terminal phase
    const regular = pod.containers.filter((c) => c.kind === 'regular');
    const allDone = regular.every((c) => {
      if (isRunning(c) || !everStarted(c)) return false;
      const exit = lastExit(c);
      return policy === 'Never' || (policy === 'OnFailure' && exit?.exitCode === 0);
    });
    if (allDone) this.finish(pod);
  }

  /** all app containers are done for good: stop sidecars, then the pod is terminal */
  private finish(pod: PodRuntime): void {
    const sidecarsRunning = pod.containers.filter((c) => c.kind === 'sidecar' && isRunning(c));
    if (sidecarsRunning.length) {
      // sidecars stop after the main containers, in reverse order (sidecar-containers.md)
      for (const c of [...sidecarsRunning].reverse()) if (!c.current?.stopping) this.stopContainer(pod, c, 'delete', false);
      return;
    }
    for (const c of pod.containers) {
      for (const pr of Object.values(c.probes)) if (pr) {
        cancelProbe(this.eng, pr);
        pr.actor.send({ type: 'POD_TERMINAL' });
      }
      if (c.backOffUntil !== null) c.backOffUntil = null;
    }
    pod.worker.send({ type: 'ALL_STOPPED' });
    pod.dirty = true;
  }

  /**
   * Start a container unless it is in back-off or its image is not there yet.
   * `afterKill` carries the finish time of the instance before the one just killed:
   * the kubelet's back-off check in the kill-and-restart sync sees that one (§3.5).
   */
  ensureStart(pod: PodRuntime, c: ContainerRuntime, afterKill?: { prevFinishedAt: number | undefined }): 'started' | 'waiting' | 'pulling' {
    const eng = this.eng;
    const now = eng.now();
    if (isRunning(c) || c.pulling) return c.pulling ? 'pulling' : 'started';
    // crash-loop back-off (doBackOff): measured from the newest exited instance
    if (everStarted(c) && !c.pulled) {
      const finishedAt = afterKill ? afterKill.prevFinishedAt : lastExit(c)?.finishedAt;
      if (finishedAt !== undefined) {
        const d = decideContainerRestart(c.backoff, finishedAt, now);
        if (!d.start) {
          const retryAt = afterKill ? (lastExit(c)?.finishedAt ?? now) + d.entry.backoff : d.retryAt;
          c.actor.send({ type: 'BACK_OFF', message: crashLoopBackOffMessage(d.entry.backoff, c.name, podRef(pod)) });
          c.backOffUntil = retryAt;
          podEvent(eng, pod, c, 'Warning', 'BackOff', backOffRestartingEventMessage(c.name, podRef(pod)));
          this.requestSync(pod, Math.min(retryAt, now + BACKOFF_REQUEUE_MAX));
          pod.dirty = true;
          return 'waiting';
        }
        c.backoff = d.entry;
      }
    }
    c.backOffUntil = null;
    // configuration the container needs (CreateContainerConfigError, no back-off: retried by the pod worker)
    const configError = this.configError(c);
    if (configError) {
      c.actor.send({ type: 'CONFIG_ERROR', message: configError });
      podEvent(eng, pod, c, 'Warning', 'Failed', `Error: ${configError}`);
      this.requestSync(pod, now + SYNC_ERROR_RETRY);
      pod.dirty = true;
      return 'waiting';
    }
    // image
    if (!c.pulled) {
      const r = this.ensureImage(pod, c);
      if (r !== 'present') return r === 'pulling' ? 'pulling' : 'waiting';
    }
    c.pulled = false;
    this.startInstance(pod, c);
    return 'started';
  }

  private configError(c: ContainerRuntime): string | null {
    const eng = this.eng;
    for (const e of c.spec.env ?? []) {
      const cmr = e.valueFrom?.configMapKeyRef;
      if (cmr && !cmr.optional) {
        const cm = eng.configMaps.get(cmr.name ?? '');
        if (!cm) return `configmap "${cmr.name}" not found`;
        if (!(cmr.key in cm.data)) return `couldn't find key ${cmr.key} in ConfigMap default/${cmr.name}`;
      }
      const sr = e.valueFrom?.secretKeyRef;
      if (sr && !sr.optional) {
        const s = eng.secrets.get(sr.name ?? '');
        if (!s) return `secret "${sr.name}" not found`;
        if (!(sr.key in s.data)) return `couldn't find key ${sr.key} in Secret default/${sr.name}`;
      }
    }
    for (const f of c.spec.envFrom ?? []) {
      if (f.configMapRef && !f.configMapRef.optional && !eng.configMaps.has(f.configMapRef.name ?? '')) return `configmap "${f.configMapRef.name}" not found`;
      if (f.secretRef && !f.secretRef.optional && !eng.secrets.has(f.secretRef.name ?? '')) return `secret "${f.secretRef.name}" not found`;
    }
    return null;
  }

  /** image presence per pull policy; starts a pull when needed */
  private ensureImage(pod: PodRuntime, c: ContainerRuntime): 'present' | 'pulling' | 'failed' {
    const eng = this.eng;
    const now = eng.now();
    const node = nodeOf(eng, pod)!;
    const image = c.spec.image ?? '';
    const policy = c.spec.imagePullPolicy ?? (/:latest$/.test(image) || !/:[^/]+$/.test(image) ? 'Always' : 'IfNotPresent');
    const present = node.images.has(image);
    if (present && policy !== 'Always') {
      podEvent(eng, pod, c, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
      return 'present';
    }
    if (!present && policy === 'Never') {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      c.actor.send({ type: 'CONFIG_ERROR', message: msg });
      podEvent(eng, pod, c, 'Warning', 'ErrImageNeverPull', msg);
      this.requestSync(pod, now + SYNC_ERROR_RETRY);
      return 'failed';
    }
    // image pull back-off (separate from the crash-loop back-off)
    if (isInBackOffSinceUpdate(c.imagePullBackoff, now)) {
      const err = pullError(image);
      c.actor.send({ type: 'PULL_BACKOFF', message: `Back-off pulling image "${image}": ErrImagePull: ${err}` });
      podEvent(eng, pod, c, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
      podEvent(eng, pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      this.requestSync(pod, c.imagePullBackoff!.lastUpdate + c.imagePullBackoff!.backoff);
      pod.dirty = true;
      return 'failed';
    }
    const spec = eng.scenario.images[image] ?? eng.scenario.images[image.replace(/:[^:/]+$/, '')];
    const missing = spec?.missing ?? false;
    // a re-pull of a present image only checks the registry
    const duration = missing ? Math.min(spec?.pull ?? 2, 1) : present ? 0.5 : spec?.pull ?? 2;
    const podHasInit = pod.containers.some((x) => x.kind !== 'regular');
    if (!(podHasInit && !everStarted(c))) {
      if (state(c) !== 'Waiting.ContainerCreating') c.actor.send({ type: 'PULLING' });
    }
    podEvent(eng, pod, c, 'Normal', 'Pulling', `Pulling image "${image}"`);
    c.pulling = true;
    pod.dirty = true;
    // one pull per image per node at a time: a second request waits for the first
    const running = node.pulls.get(image);
    const until = running && running.until > now ? running.until : now + duration;
    if (!running || running.until <= now) node.pulls.set(image, { until, startedAt: now, failed: missing });
    eng.schedule(until, { kind: 'pulled', pod: pod.name, container: c.name, requestedAt: now, failed: missing });
    return 'pulling';
  }

  /** an image pull finished */
  pulled(pod: PodRuntime, c: ContainerRuntime, requestedAt: number, failed: boolean): void {
    const eng = this.eng;
    const now = eng.now();
    c.pulling = false;
    if (pod.deleted) return;
    const image = c.spec.image ?? '';
    const node = nodeOf(eng, pod)!;
    if (failed) {
      const err = pullError(image);
      podEvent(eng, pod, c, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
      podEvent(eng, pod, c, 'Warning', 'Failed', 'Error: ErrImagePull');
      c.imagePullBackoff = backOffNext(c.imagePullBackoff, now, IMAGE_PULL_BACKOFF);
      c.actor.send({ type: 'PULL_FAILED', message: err });
      pod.dirty = true;
      // the pod worker retries after its error back-off; the image back-off decides what it then shows
      this.requestSync(pod, now + PLEG_RELIST);
      return;
    }
    node.images.add(image);
    const took = now - requestedAt;
    const size = eng.scenario.images[image]?.sizeBytes ?? imageSize(image);
    podEvent(eng, pod, c, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${formatGoDuration(took)} (${formatGoDuration(took)} including waiting). Image size: ${size} bytes.`);
    c.pulled = true;
    this.requestSync(pod, now);
  }

  private startInstance(pod: PodRuntime, c: ContainerRuntime): void {
    const eng = this.eng;
    const now = eng.now();
    const prevInst = c.current;
    const containerID = eng.newContainerId();
    const mounts: Mount[] = [];
    for (const vm of c.spec.volumeMounts ?? []) {
      const vol = pod.volumes[vm.name];
      if (vol) mounts.push({ mountPath: normalizePath(vm.mountPath), volume: vol, readOnly: !!vm.readOnly });
    }
    const layer = newVolume(false);
    const fs = new ContainerFs(layer, mounts);
    for (const f of c.behaviour.spec.files) fs.write(f, '', false) ?? undefined;
    const inst: InstanceRuntime = {
      id: containerID,
      index: prevInst ? prevInst.index + 1 : 0,
      startedAt: now,
      fs,
      logs: [],
      overrides: newOverrides(),
      timers: [],
    };
    if (prevInst) c.previous = prevInst;
    c.current = inst;
    podEvent(eng, pod, c, 'Normal', 'Created', `Created container ${c.name}`);
    c.actor.send({ type: 'START', at: now, containerID });
    podEvent(eng, pod, c, 'Normal', 'Started', `Started container ${c.name}`);
    pod.dirty = true;
    for (const pr of Object.values(c.probes)) {
      if (!pr) continue;
      pr.actor.send({ type: 'CONTAINER_STARTED' });
      // liveness and startup runs start again with each container (readiness keeps its run)
      if (pr.type !== 'readiness') pr.repeats = 0;
    }
    startProcess(eng, pod, c, inst, this);
    if (!isRunning(c)) return; // exited at once
    for (const pr of Object.values(c.probes)) if (pr) planProbe(eng, pod, c, pr);
    // the sync after a container start pokes readiness (manual trigger)
    triggerReadiness(eng, pod, this);
    // a sidecar or init container start lets the pod go on
    if (c.kind !== 'regular') this.requestSync(pod, now);
  }

  // ---- ProcessEvents

  exited(pod: PodRuntime, c: ContainerRuntime, code: number, reason: string): void {
    this.containerExited(pod, c, code, reason);
  }

  filesChanged(pod: PodRuntime): void {
    const eng = this.eng;
    // exec probes read files; followers (tail -f) wake up
    for (const c of pod.containers) {
      if (!c.current || !isRunning(c)) continue;
      for (const pr of Object.values(c.probes)) if (pr?.spec.exec) planProbe(eng, pod, c, pr);
      if (c.current.waitsOnFile) {
        c.current.waitsOnFile = undefined;
        c.current.timers.push(eng.schedule(eng.now(), { kind: 'shell', pod: pod.name, container: c.name, instance: c.current.id }));
      }
    }
  }

  // ---- ProbeEffects

  onVerdict(pod: PodRuntime, c: ContainerRuntime, pr: { type: string }, verdict: 'ready' | 'unready' | 'started' | 'kill'): void {
    const eng = this.eng;
    pod.dirty = true;
    if (verdict === 'started') {
      // liveness and readiness start probing now; readiness is poked at once (#101738)
      for (const other of Object.values(c.probes)) if (other && other.type !== 'startup') planProbe(eng, pod, c, other);
      triggerReadiness(eng, pod, this);
      if (c.kind === 'sidecar') this.requestSync(pod, eng.now());
      return;
    }
    if (verdict === 'unready') {
      triggerReadiness(eng, pod, this);
      return;
    }
    if (verdict === 'kill') {
      const restart = podRestartPolicy(pod.obj.spec) !== 'Never' || c.kind === 'sidecar';
      const why = pr.type === 'startup' ? 'startup' : 'liveness';
      podEvent(eng, pod, c, 'Normal', 'Killing', `Container ${c.name} failed ${why} probe${restart ? ', will be restarted' : ''}`);
      this.stopContainer(pod, c, why, restart);
    }
  }

  /**
   * Stop a running container (killContainer): preStop hook, SIGTERM, SIGKILL when the
   * grace period runs out. Liveness/startup kills use the probe's
   * terminationGracePeriodSeconds when set, else the pod's.
   */
  stopContainer(pod: PodRuntime, c: ContainerRuntime, reason: 'liveness' | 'startup' | 'delete' | 'replace', restart: boolean): void {
    const eng = this.eng;
    const inst = c.current;
    if (!inst || !isRunning(c) || inst.stopping) return;
    const now = eng.now();
    const probe = reason === 'liveness' ? c.probes.liveness : reason === 'startup' ? c.probes.startup : undefined;
    let grace = probe?.spec.terminationGracePeriodSeconds ?? pod.obj.spec.terminationGracePeriodSeconds ?? 30;
    if (reason === 'delete' && pod.obj.metadata.deletionGracePeriodSeconds !== undefined) {
      // the remaining budget of the pod's deletion
      grace = Math.max(0, (pod.obj.metadata.deletionTimestamp ?? now) - now);
    }
    let preStop = 0;
    if (c.spec.lifecycle?.preStop) preStop = Math.min(grace, preStopDuration(c));
    const termAt = now + preStop;
    const killAt = Math.max(now + grace, termAt + (preStop > 0 ? MIN_GRACE_AFTER_PRESTOP : 0));
    inst.stopping = { reason, restart, killAt, termAt };
    c.actor.send({ type: 'STOP' });
    for (const pr of Object.values(c.probes)) if (pr && pr.type !== 'readiness') cancelProbe(eng, pr);
    inst.timers.push(eng.schedule(termAt, { kind: 'sigterm', pod: pod.name, container: c.name, instance: inst.id }));
    inst.timers.push(eng.schedule(killAt, { kind: 'exit', pod: pod.name, container: c.name, instance: inst.id, code: 137, reason: 'Error' }));
    pod.dirty = true;
  }

  sigtermTask(pod: PodRuntime, c: ContainerRuntime): void {
    const inst = c.current;
    if (!inst) return;
    sigterm(this.eng, pod, c, inst, this);
  }

  /** the current instance's process is gone */
  containerExited(pod: PodRuntime, c: ContainerRuntime, code: number, reason: string): void {
    const eng = this.eng;
    const inst = c.current;
    if (!inst || !isRunning(c)) return;
    const now = eng.now();
    const stopping = inst.stopping;
    const prevFinishedAt = c.actor.getSnapshot().context.lastTerminated?.finishedAt;
    for (const id of inst.timers) eng.clock.cancel(id);
    inst.timers = [];
    inst.finishedAt = now;
    inst.waitsOnFile = undefined;
    c.actor.send({ type: 'EXIT', at: now, exitCode: code, reason });
    for (const pr of Object.values(c.probes)) {
      if (!pr) continue;
      cancelProbe(eng, pr);
      pr.actor.send({ type: 'CONTAINER_STOPPED' });
    }
    pod.dirty = true;
    if (stopping) {
      // The kubelet stopped it itself, synchronously, and goes on in the same sync.
      const worker = stateString(pod.worker.getSnapshot().value);
      if (worker === 'TerminatingPod') {
        this.continueTermination(pod);
        return;
      }
      if (stopping.restart) {
        this.ensureStart(pod, c, { prevFinishedAt });
        this.requestSync(pod, now);
      } else this.requestSync(pod, now);
      return;
    }
    // the kubelet notices the exit at its next relist, then syncs the pod
    this.requestSync(pod, now + PLEG_RELIST);
  }

  /** kubectl delete pod: graceful termination (§4.5) */
  delete(pod: PodRuntime, gracePeriod: number | undefined): void {
    const eng = this.eng;
    const now = eng.now();
    const grace = gracePeriod ?? pod.obj.spec.terminationGracePeriodSeconds ?? 30;
    pod.obj.metadata.deletionTimestamp = now + grace;
    pod.obj.metadata.deletionGracePeriodSeconds = grace;
    pod.dirty = true;
    const worker = stateString(pod.worker.getSnapshot().value);
    if (worker === 'Unscheduled' || worker === 'TerminatedPod') {
      // nothing runs: the object goes at once (TerminatedPod is final and takes no more events)
      if (worker === 'Unscheduled') pod.worker.send({ type: 'DELETE' });
      this.remove(pod);
      return;
    }
    pod.worker.send({ type: 'DELETE' });
    // liveness and startup stop (report Success); readiness keeps probing
    for (const c of pod.containers) {
      for (const pr of Object.values(c.probes)) {
        if (!pr) continue;
        pr.actor.send({ type: 'POD_TERMINATING' });
        if (pr.type !== 'readiness') cancelProbe(eng, pr);
      }
      if (c.pulling) c.pulling = false;
    }
    // main containers first; sidecars once they are all gone
    for (const c of pod.containers) {
      if (c.kind === 'sidecar') continue;
      if (isRunning(c)) {
        podEvent(eng, pod, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
        this.stopContainer(pod, c, 'delete', false);
      }
    }
    this.continueTermination(pod);
  }

  private continueTermination(pod: PodRuntime): void {
    const eng = this.eng;
    const mainRunning = pod.containers.some((c) => c.kind !== 'sidecar' && isRunning(c));
    if (mainRunning) return;
    const sidecars = pod.containers.filter((c) => c.kind === 'sidecar' && isRunning(c));
    if (sidecars.length) {
      // reverse order of declaration
      const last = sidecars[sidecars.length - 1];
      if (!last.current?.stopping) {
        podEvent(eng, pod, last, 'Normal', 'Killing', `Stopping container ${last.name}`);
        this.stopContainer(pod, last, 'delete', false);
      }
      return;
    }
    for (const c of pod.containers) {
      for (const pr of Object.values(c.probes)) if (pr) {
        cancelProbe(eng, pr);
        pr.actor.send({ type: 'POD_TERMINAL' });
      }
    }
    pod.worker.send({ type: 'ALL_STOPPED' });
    pod.dirty = true;
    // terminal phase is written, then the API object goes away
    eng.schedule(eng.now(), { kind: 'remove', pod: pod.name });
  }

  /** remove the pod object from the API */
  remove(pod: PodRuntime): void {
    if (pod.deleted) return;
    pod.deleted = true;
    pod.dirty = true;
    for (const c of pod.containers) {
      for (const id of c.current?.timers ?? []) this.eng.clock.cancel(id);
      for (const pr of Object.values(c.probes)) if (pr) cancelProbe(this.eng, pr);
    }
    pod.removedAt = this.eng.now();
    if (pod.syncTimer !== null) this.eng.clock.cancel(pod.syncTimer);
  }

  /** crash the process now (sim crash) */
  crash(pod: PodRuntime, c: ContainerRuntime, code: number): void {
    this.containerExited(pod, c, code, code === 0 ? 'Completed' : 'Error');
  }

  /** tasks the kubelet owns */
  handle(task: Task, pod: PodRuntime): boolean {
    const c = task.container ? pod.containers.find((x) => x.name === task.container) : undefined;
    switch (task.kind) {
      case 'sync':
        this.sync(pod);
        return true;
      case 'pulled':
        if (c) this.pulled(pod, c, task.requestedAt as number, task.failed as boolean);
        return true;
      case 'probe': {
        const pr = c?.probes[task.probe as 'readiness'];
        if (c && pr && c.current?.id === task.instance) runProbe(this.eng, pod, c, pr, this);
        return true;
      }
      case 'shell':
        if (c && c.current?.id === task.instance && isRunning(c)) stepShell(this.eng, pod, c, c.current!, this);
        return true;
      case 'exit':
        if (c && c.current?.id === task.instance) this.containerExited(pod, c, task.code as number, task.reason as string);
        return true;
      case 'sigterm':
        if (c && c.current?.id === task.instance && isRunning(c)) this.sigtermTask(pod, c);
        return true;
      case 'remove':
        this.remove(pod);
        return true;
    }
    return false;
  }
}

export function podRef(pod: PodRuntime) {
  return { name: pod.name, namespace: pod.obj.metadata.namespace, uid: pod.obj.metadata.uid };
}

function preStopDuration(c: ContainerRuntime): number {
  if (c.behaviour.spec.preStop > 0) return c.behaviour.spec.preStop;
  const exec = c.spec.lifecycle?.preStop?.exec?.command;
  if (exec) {
    // a `sleep N` in the hook is how long it runs
    const m = /sleep\s+([0-9.]+)/.exec(exec.join(' '));
    if (m) return Number(m[1]);
  }
  const sleep = (c.spec.lifecycle?.preStop as { sleep?: { seconds?: number } } | undefined)?.sleep?.seconds;
  return sleep ?? 0;
}

function pullError(image: string): string {
  const full = fullImageRef(image);
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
}

function imageSize(image: string): number {
  let h = 0;
  for (let i = 0; i < image.length; i++) h = (h * 31 + image.charCodeAt(i)) >>> 0;
  return 2_000_000 + (h % 90_000_000);
}
