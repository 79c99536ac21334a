/**
 * Runs one line of the command language against a simulation: `sim ...` changes
 * what a program does, `kubectl ...` reads or changes the cluster. The console,
 * the timeline and the UI's toggles all come through here.
 */
import type { Simulation } from '../simulation';
import type { CommandOutput } from '../simulation-api';
import type { KubectlCommand, SimCommand, Target } from '../../scenario/commands/command-ast';
import { parseCommand } from '../../scenario/commands/parse-command';
import { loadScenario } from '../../scenario/scenario-loader';
// the site's build fetches kubectl's printers on demand: it resolves this import to
// src/ui/kubectl-on-demand.ts (src/ui/kubectl-on-demand-plugin.ts); Node imports them as written
import { runKubectlRead } from '../kubectl/run-kubectl-read';
import { replanContainer } from '../kubelet/prober';
import { runExec } from '../kubelet/container-exec';
import { isRunning } from '../kubelet/kubelet';
import { settleTraffic } from '../traffic/service-traffic';
import { memoryLimit } from '../kubelet/container-process';
import type { ContainerRuntime, PodRuntime } from '../kubelet/pod-runtime';
import { formatProblem } from '../../scenario/model';

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string): CommandOutput => ({ stdout: '', stderr, exitCode: 1 });

export function runCommand(sim: Simulation, line: string, stdin?: string): CommandOutput {
  const parsed = parseCommand(line);
  if (!parsed.ok) return fail(parsed.message);
  const cmd = parsed.command;
  // requests that left before now were answered by the programs as they were
  settleTraffic(sim.eng, sim.clients, sim.now());
  if (cmd.kind === 'sim') return runSim(sim, cmd);
  return runKubectl(sim, cmd, stdin);
}

function podsOfDeployment(sim: Simulation, name: string): PodRuntime[] {
  const rsNames = new Set([...sim.eng.replicaSets.values()].filter((rs) => rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === name)).map((rs) => rs.metadata.name));
  return [...sim.eng.pods.values()].filter((p) => !p.deleted && p.obj.metadata.ownerReferences?.some((o) => o.kind === 'ReplicaSet' && rsNames.has(o.name)));
}

function resolveTargets(sim: Simulation, t: Target): { ok: true; targets: { pod: PodRuntime; c: ContainerRuntime }[] } | { ok: false; message: string } {
  let pods: PodRuntime[];
  if (t.deployment) {
    if (!sim.eng.deployments.has(t.name)) return { ok: false, message: `Error from server (NotFound): deployments.apps "${t.name}" not found` };
    pods = podsOfDeployment(sim, t.name);
    if (!pods.length) return { ok: false, message: `error: deployment ${t.name} has no pods` };
  } else {
    const p = sim.eng.pods.get(t.name);
    if (!p || p.deleted) return { ok: false, message: `Error from server (NotFound): pods "${t.name}" not found` };
    pods = [p];
  }
  const targets: { pod: PodRuntime; c: ContainerRuntime }[] = [];
  for (const pod of pods) {
    let c: ContainerRuntime | undefined;
    if (t.container) {
      c = pod.containers.find((x) => x.name === t.container);
      if (!c) return { ok: false, message: `error: container ${t.container} is not valid for pod ${pod.name}` };
    } else {
      const main = pod.containers.filter((x) => x.kind === 'regular');
      if (main.length > 1) return { ok: false, message: `error: pod ${pod.name} has ${main.length} containers (${main.map((x) => x.name).join(', ')}): name one, e.g. ${t.deployment ? 'deploy/' : ''}${t.name}/${main[0].name}` };
      c = main[0];
    }
    targets.push({ pod, c });
  }
  return { ok: true, targets };
}

function runSim(sim: Simulation, cmd: SimCommand): CommandOutput {
  const r = resolveTargets(sim, cmd.target);
  if (!r.ok) return fail(r.message);
  const out: string[] = [];
  for (const { pod, c } of r.targets) {
    const inst = c.current;
    const where = `${pod.name}/${c.name}`;
    if (!inst || !isRunning(c)) {
      out.push(`${where}: not running; the change applies to a running process only`);
      continue;
    }
    const o = inst.overrides;
    switch (cmd.verb) {
      case 'probe':
        if (cmd.mode === 'auto') delete o.probes[cmd.probe];
        else o.probes[cmd.probe] = cmd.mode;
        if (!c.probes[cmd.probe]) out.push(`${where}: has no ${cmd.probe} probe (the setting is kept)`);
        else out.push(`${where}: ${cmd.probe} probe ${cmd.mode === 'auto' ? 'follows the program again' : `forced to ${cmd.mode}`}`);
        break;
      case 'http':
        o.http[cmd.path] = cmd.status;
        out.push(`${where}: ${cmd.path} answers ${cmd.status}`);
        break;
      case 'tcp':
        o.tcp[String(cmd.port)] = cmd.open;
        out.push(`${where}: port ${cmd.port} ${cmd.open ? 'open' : 'closed'}`);
        break;
      case 'hang':
        o.hang = cmd.on;
        out.push(`${where}: ${cmd.on ? 'hangs (every check times out)' : 'answers again'}`);
        break;
      case 'crash':
        sim.kubelet.crash(pod, c, cmd.code);
        out.push(`${where}: process exited with code ${cmd.code}`);
        continue;
      case 'cpu':
        o.cpuMilli = cmd.milli;
        out.push(`${where}: cpu ${cmd.milli}m`);
        break;
      case 'memory': {
        o.memoryBytes = cmd.bytes;
        const limit = memoryLimit(c);
        if (limit !== null && cmd.bytes > limit) {
          sim.kubelet.containerExited(pod, c, 137, 'OOMKilled');
          out.push(`${where}: memory ${cmd.bytes} bytes is over its limit: OOMKilled`);
          continue;
        }
        out.push(`${where}: memory ${cmd.bytes} bytes`);
        break;
      }
    }
    replanContainer(sim.eng, pod, c);
    pod.dirty = true;
  }
  return ok(out.join('\n') + (out.length ? '\n' : ''));
}

function runKubectl(sim: Simulation, cmd: KubectlCommand, stdin?: string): CommandOutput {
  const eng = sim.eng;
  switch (cmd.verb) {
    case 'exec': {
      const pod = eng.pods.get(cmd.pod);
      if (!pod || pod.deleted) return fail(`Error from server (NotFound): pods "${cmd.pod}" not found`);
      let stderr = '';
      let c = cmd.container ? pod.containers.find((x) => x.name === cmd.container) : undefined;
      if (cmd.container && !c) return fail(`Error from server (BadRequest): container ${cmd.container} is not valid for pod ${cmd.pod}`);
      if (!c) {
        const main = pod.containers.filter((x) => x.kind === 'regular');
        c = main[0];
        if (main.length > 1) stderr = `Defaulted container "${c.name}" out of: ${pod.containers.map((x) => x.name + (x.kind !== 'regular' ? ' (init)' : '')).join(', ')}\n`;
      }
      if (!isRunning(c)) return fail(`${stderr}error: unable to upgrade connection: container not found ("${c.name}")`);
      const r = runExec(eng, pod, c, cmd.argv, { probe: false });
      sim.kubelet.filesChanged(pod);
      pod.dirty = true;
      const so = r.stdout.map((l) => l + '\n').join('');
      const se = stderr + r.stderr.map((l) => l + '\n').join('');
      if (r.exitCode !== 0) return { stdout: so, stderr: se + `command terminated with exit code ${r.exitCode}\n`, exitCode: r.exitCode };
      return { stdout: so, stderr: se, exitCode: 0 };
    }
    case 'delete': {
      const out: string[] = [];
      for (const name of cmd.names) {
        if (cmd.resource === 'pods') {
          const pod = eng.pods.get(name);
          if (!pod || pod.deleted || pod.obj.metadata.deletionTimestamp !== undefined) return fail(`${out.join('')}Error from server (NotFound): pods "${name}" not found`);
          const grace = cmd.force && cmd.gracePeriod === undefined ? 0 : cmd.gracePeriod;
          if (cmd.force && (grace ?? 0) === 0) {
            out.push('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
            sim.kubelet.delete(pod, 0);
            sim.kubelet.remove(pod);
            out.push(`pod "${name}" force deleted\n`);
          } else {
            sim.kubelet.delete(pod, grace);
            out.push(`pod "${name}" deleted\n`);
          }
        } else if (cmd.resource === 'deployments') {
          const d = eng.deployments.get(name);
          if (!d) return fail(`Error from server (NotFound): deployments.apps "${name}" not found`);
          eng.deployments.delete(name);
          for (const rs of [...eng.replicaSets.values()]) if (rs.metadata.ownerReferences?.some((o) => o.kind === 'Deployment' && o.name === name)) deleteReplicaSet(sim, rs.metadata.name);
          out.push(`deployment.apps "${name}" deleted\n`);
        } else if (cmd.resource === 'replicasets') {
          if (!eng.replicaSets.has(name)) return fail(`Error from server (NotFound): replicasets.apps "${name}" not found`);
          deleteReplicaSet(sim, name);
          out.push(`replicaset.apps "${name}" deleted\n`);
        } else if (cmd.resource === 'services') {
          if (!eng.services.delete(name)) return fail(`Error from server (NotFound): services "${name}" not found`);
          eng.slices.delete(name);
          eng.endpoints.delete(name);
          out.push(`service "${name}" deleted\n`);
        } else if (cmd.resource === 'configmaps') {
          if (!eng.configMaps.delete(name)) return fail(`Error from server (NotFound): configmaps "${name}" not found`);
          out.push(`configmap "${name}" deleted\n`);
        } else if (cmd.resource === 'secrets') {
          if (!eng.secrets.delete(name)) return fail(`Error from server (NotFound): secrets "${name}" not found`);
          out.push(`secret "${name}" deleted\n`);
        } else return fail(`error: podsim cannot delete ${cmd.resource}`);
      }
      eng.controllersDirty = true;
      const warn = out.filter((l) => l.startsWith('Warning:')).join('');
      return { stdout: out.filter((l) => !l.startsWith('Warning:')).join(''), stderr: warn, exitCode: 0 };
    }
    case 'scale': {
      const obj = cmd.resource === 'deployments' ? eng.deployments.get(cmd.name) : eng.replicaSets.get(cmd.name);
      if (!obj) return fail(`Error from server (NotFound): ${cmd.resource}.apps "${cmd.name}" not found`);
      obj.spec.replicas = cmd.replicas;
      eng.controllersDirty = true;
      return ok(`${cmd.resource === 'deployments' ? 'deployment' : 'replicaset'}.apps/${cmd.name} scaled\n`);
    }
    case 'set-image': {
      const d = eng.deployments.get(cmd.deployment);
      if (!d) return fail(`Error from server (NotFound): deployments.apps "${cmd.deployment}" not found`);
      const containers = d.spec.template.spec?.containers ?? [];
      for (const [name, image] of Object.entries(cmd.images)) {
        const c = containers.find((x) => x.name === name) ?? (name === '*' ? undefined : undefined);
        if (name === '*') containers.forEach((x) => (x.image = image));
        else if (!c) return fail(`error: unable to find container named "${name}"`);
        else c.image = image;
      }
      d.metadata.generation = (d.metadata.generation ?? 1) + 1;
      eng.controllersDirty = true;
      return ok(`deployment.apps/${cmd.deployment} image updated\n`);
    }
    case 'rollout-status': {
      const d = eng.deployments.get(cmd.deployment);
      if (!d) return fail(`Error from server (NotFound): deployments.apps "${cmd.deployment}" not found`);
      const want = d.spec.replicas ?? 1;
      const s = d.status;
      if (s.updatedReplicas < want) return ok(`Waiting for deployment "${cmd.deployment}" rollout to finish: ${s.updatedReplicas} out of ${want} new replicas have been updated...\n`);
      if (s.replicas > s.updatedReplicas) return ok(`Waiting for deployment "${cmd.deployment}" rollout to finish: ${s.replicas - s.updatedReplicas} old replicas are pending termination...\n`);
      if (s.availableReplicas < s.updatedReplicas) return ok(`Waiting for deployment "${cmd.deployment}" rollout to finish: ${s.availableReplicas} of ${s.updatedReplicas} updated replicas are available...\n`);
      return ok(`deployment "${cmd.deployment}" successfully rolled out\n`);
    }
    case 'apply': {
      if (stdin === undefined || !stdin.trim()) return fail('error: no objects passed to apply');
      const loaded = loadScenario(stdin, '<stdin>');
      if (!loaded.ok) return fail(loaded.problems.map((p) => `error: ${formatProblem(p)}`).join('\n'));
      const lines = loaded.scenario.manifests.map((m) => sim.applyManifest(m) + '\n');
      return ok(lines.join(''));
    }
    default: {
      const r = runKubectlRead(cmd, sim.view());
      if (r) return r;
      return fail(`error: podsim does not run "kubectl ${cmd.verb}"`);
    }
  }
}

function deleteReplicaSet(sim: Simulation, name: string): void {
  const eng = sim.eng;
  eng.replicaSets.delete(name);
  for (const p of eng.pods.values()) if (p.obj.metadata.ownerReferences?.some((o) => o.kind === 'ReplicaSet' && o.name === name) && p.obj.metadata.deletionTimestamp === undefined) sim.kubelet.delete(p, undefined);
}
