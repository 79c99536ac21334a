/**
 * The inspector: click a pod (on the canvas or in the list) to see its status,
 * conditions, containers, probes with their parameters and the active states of its
 * statecharts; toggles on each container run the same commands the console takes
 * (and show up in its history), so what the learner did can be replayed.
 */
import { For, Index, Show, createMemo, createSignal, type JSX } from 'solid-js';
import type { PodsimController } from './podsim-controller';
import type { ContainerView, SimSnapshot } from '../engine/simulation-api';
import type { Container as ContainerSpec } from 'kubernetes-types/core/v1';
import type { PodObject } from '../engine/model/objects';
import { summarizePod } from '../engine/kubectl/pod-status-column';
import { podSummary } from './pod-summary';
import { humanDuration } from '../engine/format/human-duration';
import { containerMachine } from '../engine/kubelet/container-machine';
import { probeWorkerMachine } from '../engine/kubelet/probe-worker-machine';
import { podWorkerMachine } from '../engine/kubelet/pod-worker-machine';
import { Statechart, type MachineLike } from './Statechart';
import { endpointsOf } from '../render/endpoints-of';
import { formatClock } from './Transport';
import { steadyRun } from '../render/pod-visual';
import { useI18n } from './i18n/i18n';

const LIST_MAX = 150;
/** the `sim probe` modes' names (catalogue keys); the command itself takes fail|pass|auto */
const PROBE_MODE = { fail: 'probe.mode.fail', pass: 'probe.mode.pass', auto: 'probe.mode.auto' } as const;

export function Inspector(props: { ctl: PodsimController }): JSX.Element {
  const ctl = props.ctl;
  const { t } = useI18n();
  const [snap] = ctl.snapshot;
  const [selection] = ctl.selection;
  const pod = createMemo(() => {
    const s = selection();
    if (s?.kind !== 'pod') return null;
    return snap()?.view.pods.find((p) => p.metadata.name === s.pod) ?? null;
  });
  return (
    <div class="ps-inspector">
      <Show when={selection()} fallback={<ObjectList ctl={ctl} />}>
        <button type="button" class="ps-btn ps-back" onClick={() => ctl.select(null)}>
          {t('inspector.back')}
        </button>
        <Show when={selection()!.kind === 'pod'}>
          <Show when={pod()} fallback={<p class="ps-muted">{t('inspector.podGone', { pod: (selection() as { pod: string }).pod })}</p>}>
            <PodDetails ctl={ctl} pod={pod()!} snap={snap()!} />
          </Show>
        </Show>
        <Show when={selection()!.kind === 'service'}>
          <ServiceDetails ctl={ctl} name={(selection() as { service: string }).service} />
        </Show>
        <Show when={selection()!.kind === 'node'}>
          <NodeDetails ctl={ctl} name={(selection() as { node: string }).node} />
        </Show>
      </Show>
    </div>
  );
}

function ObjectList(props: { ctl: PodsimController }): JSX.Element {
  const { t } = useI18n();
  const [snap] = props.ctl.snapshot;
  const [filter, setFilter] = createSignal('');
  type Row = { name: string; status: string; ready: string; restarts: number; total: number };
  // a pod whose row reads the same keeps its row object, so the list redraws only rows that changed
  let rowsBefore = new Map<string, Row>();
  const pods = createMemo(() => {
    const f = filter().trim();
    const list = (snap()?.view.pods ?? []).filter((p) => !f || p.metadata.name.includes(f));
    const rows = new Map<string, Row>();
    const out = list.slice(0, LIST_MAX).map((p) => {
      const s = podSummary(p);
      const row = { name: p.metadata.name, status: s.reason, ready: `${s.readyContainers}/${s.totalContainers}`, restarts: s.restarts, total: list.length };
      const old = rowsBefore.get(row.name);
      const kept = old && old.status === row.status && old.ready === row.ready && old.restarts === row.restarts && old.total === row.total ? old : row;
      rows.set(row.name, kept);
      return kept;
    });
    rowsBefore = rows;
    return out;
  });
  const services = () => snap()?.view.services.map((s) => s.metadata.name) ?? [];
  const deployments = () => snap()?.view.deployments.map((d) => d.metadata.name) ?? [];
  return (
    <div>
      <p class="ps-muted">{t('inspector.hint')}</p>
      <label class="ps-field">
        <span>{t('inspector.find')}</span>
        <input type="search" value={filter()} onInput={(e) => setFilter(e.currentTarget.value)} />
      </label>
      <table class="ps-table">
        <caption class="ps-h3">{t('inspector.pods')}</caption>
        {/* kubectl get pods' columns, as kubectl prints them */}
        <thead>
          <tr>
            <th scope="col">NAME</th>
            <th scope="col">READY</th>
            <th scope="col">STATUS</th>
            <th scope="col">RESTARTS</th>
          </tr>
        </thead>
        <tbody>
          <For each={pods()}>
            {(p) => (
              <tr>
                <td>
                  <button type="button" class="ps-link" onClick={() => props.ctl.select({ kind: 'pod', pod: p.name })}>
                    {p.name}
                  </button>
                </td>
                <td>{p.ready}</td>
                <td>{p.status}</td>
                <td>{p.restarts}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={(pods()[0]?.total ?? 0) > LIST_MAX}>
        <p class="ps-muted">{t('inspector.showing', { shown: LIST_MAX, total: pods()[0].total })}</p>
      </Show>
      <Show when={services().length}>
        <h3 class="ps-h3">{t('inspector.services')}</h3>
        <ul class="ps-inline-list">
          <For each={services()}>
            {(s) => (
              <li>
                <button type="button" class="ps-link" onClick={() => props.ctl.select({ kind: 'service', service: s })}>
                  {s}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={deployments().length}>
        <h3 class="ps-h3">{t('inspector.deployments')}</h3>
        <ul class="ps-inline-list">
          <For each={deployments()}>
            {(d) => (
              <li>
                {d}{' '}
                <button type="button" class="ps-btn ps-small" onClick={() => props.ctl.renderer?.toggleFold(d)} title={t('inspector.foldTitle')}>
                  {t('inspector.fold')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

function specOf(pod: PodObject, name: string): ContainerSpec | undefined {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((c) => c.name === name);
}

/** a file an exec probe of this container reads, as the default for rm/touch */
export function probeFile(c: ContainerSpec | undefined): string {
  for (const p of [c?.readinessProbe, c?.livenessProbe, c?.startupProbe]) {
    const cmd = p?.exec?.command ?? [];
    const f = cmd.flatMap((w) => w.split(/\s+/)).find((w) => w.startsWith('/') && !w.startsWith('/bin/') && !w.startsWith('/usr/bin/'));
    if (f) return f;
  }
  return '/tmp/healthy';
}

function PodDetails(props: { ctl: PodsimController; pod: PodObject; snap: SimSnapshot }): JSX.Element {
  const ctl = props.ctl;
  const { t } = useI18n();
  const sum = () => summarizePod(props.pod);
  const containers = () => props.snap.containers.filter((c) => c.pod === props.pod.metadata.name);
  const worker = () => props.snap.podWorkers[props.pod.metadata.name] ?? '';
  const name = () => props.pod.metadata.name;
  return (
    <div class="ps-pod">
      <h2 class="ps-h2">pod/{name()}</h2>
      {/* STATUS, READY, RESTARTS: kubectl get pods' columns, as kubectl prints them */}
      <dl class="ps-dl">
        <dt>STATUS</dt>
        <dd>{sum().reason}</dd>
        <dt>READY</dt>
        <dd>
          {sum().readyContainers}/{sum().totalContainers}
        </dd>
        <dt>RESTARTS</dt>
        <dd>{sum().restarts}</dd>
        <dt>{t('inspector.phase')}</dt>
        <dd>{props.pod.status.phase}</dd>
        <dt>{t('inspector.node')}</dt>
        <dd>{props.pod.spec.nodeName ?? '<none>'}</dd>
        <dt>IP</dt>
        <dd>{props.pod.status.podIP ?? '<none>'}</dd>
        <dt>{t('inspector.age')}</dt>
        <dd>{humanDuration(props.snap.view.now - props.pod.metadata.creationTimestamp)}</dd>
      </dl>
      <div class="ps-row">
        <button type="button" class="ps-btn ps-small" onClick={() => ctl.exec(`kubectl describe pod ${name()}`)}>
          kubectl describe
        </button>
        <button type="button" class="ps-btn ps-small" onClick={() => ctl.exec(`kubectl delete pod ${name()}`)} disabled={props.pod.metadata.deletionTimestamp !== undefined}>
          kubectl delete pod
        </button>
      </div>
      <table class="ps-table">
        <caption class="ps-h3">{t('inspector.conditions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inspector.condType')}</th>
            <th scope="col">{t('inspector.condStatus')}</th>
            <th scope="col">{t('inspector.condSince')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.pod.status.conditions}>
            {(c) => (
              <tr>
                <td>{c.type}</td>
                <td>
                  {c.status === 'True' ? '✓ True' : c.status === 'False' ? '✗ False' : c.status}
                  {c.reason ? ` (${c.reason})` : ''}
                </td>
                <td>{formatClock(c.lastTransitionTime)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Index each={containers()}>{(c) => <ContainerDetails ctl={ctl} pod={props.pod} c={c()} now={props.snap.view.now} />}</Index>
      <Statechart title={t('inspector.podWorker')} machine={podWorkerMachine as unknown as MachineLike} active={worker()} />
    </div>
  );
}

function ContainerDetails(props: { ctl: PodsimController; pod: PodObject; c: ContainerView; now: number }): JSX.Element {
  const ctl = props.ctl;
  const { t } = useI18n();
  const target = () => `${props.pod.metadata.name}/${props.c.name}`;
  const spec = () => specOf(props.pod, props.c.name);
  const status = () => [...props.pod.status.initContainerStatuses, ...props.pod.status.containerStatuses].find((s) => s.name === props.c.name);
  const [file, setFile] = createSignal(probeFile(spec()));
  const kind = () => (props.c.init ? t('container.init') : props.c.sidecar ? t('container.sidecar') : t('container.app'));
  const sel = () => ctl.selection[0]();
  const focused = () => sel()?.kind === 'pod' && (sel() as { container?: string }).container === props.c.name;
  const running = () => props.c.machineState === 'Running';
  return (
    <section class={`ps-container${focused() ? ' ps-container-focused' : ''}`} aria-label={`${kind()} ${props.c.name}`}>
      <h3 class="ps-h3">
        {props.c.name} <span class="ps-badge">{kind()}</span>
      </h3>
      <dl class="ps-dl">
        <dt>{t('container.image')}</dt>
        <dd>{spec()?.image}</dd>
        <dt>{t('container.program')}</dt>
        <dd>{props.c.program}</dd>
        <dt>{t('container.state')}</dt>
        <dd>{props.c.machineState}</dd>
        <dt>{t('container.ready')}</dt>
        <dd>{status()?.ready ? '✓ true' : '✗ false'}</dd>
        <dt>{t('container.restarts')}</dt>
        <dd>{status()?.restartCount ?? 0}</dd>
        <Show when={status()?.lastState.terminated}>
          <dt>{t('container.lastState')}</dt>
          <dd>{t('container.terminated', { reason: status()!.lastState.terminated!.reason, code: status()!.lastState.terminated!.exitCode })}</dd>
        </Show>
        <Show when={props.c.backOffUntil !== null}>
          <dt>{t('container.backOff')}</dt>
          <dd>{t('container.restartIn', { s: Math.max(0, Math.ceil((props.c.backOffUntil ?? 0) - props.now)) })}</dd>
        </Show>
        <Show when={props.c.killAt !== null}>
          <dt>{t('container.stopping')}</dt>
          <dd>{t('container.killIn', { s: Math.max(0, Math.ceil((props.c.killAt ?? 0) - props.now)) })}</dd>
        </Show>
      </dl>
      <Index each={props.c.probes}>
        {(probe) => {
          const p = probe;
          const steady = () => steadyRun(p(), props.now);
          return (
          <div class="ps-probe">
            <h4 class="ps-h4">
              {t('probe.title', { type: p().type[0].toUpperCase() + p().type.slice(1) })} {p().result === 'Success' ? '✓' : p().result === 'Failure' ? '✗' : '?'} {p().result}
              {p().forced ? t('probe.forced', { mode: p().forced! }) : ''}
            </h4>
            <p class="ps-mono">{p().description}</p>
            <p>
              {t('probe.last', { result: steady().last ?? t('probe.notRun') })}
              {steady().last === 'Failure' ? t('probe.failures', { run: Math.min(steady().run, p().failureThreshold), threshold: p().failureThreshold }) : ''}
              {steady().last === 'Success' ? t('probe.successes', { run: Math.min(steady().run, p().successThreshold), threshold: p().successThreshold }) : ''}
              {steady().at !== null ? t('probe.at', { time: formatClock(steady().at!) }) : ''}
              {p().nextProbeAt !== null ? t('probe.next', { time: formatClock(p().nextProbeAt!) }) : ''}
            </p>
            <fieldset class="ps-toggle">
              <legend>{t('probe.force', { type: p().type })}</legend>
              <For each={['fail', 'pass', 'auto'] as const}>
                {(mode) => (
                  <label class="ps-radio">
                    <input
                      type="radio"
                      name={`${target()}-${p().type}`}
                      value={mode}
                      checked={(p().forced ?? 'auto') === mode}
                      disabled={!running()}
                      onChange={() => ctl.exec(`sim probe ${target()} ${p().type} ${mode}`)}
                    />
                    {t(PROBE_MODE[mode])}
                  </label>
                )}
              </For>
            </fieldset>
            <Statechart title={t('probe.worker', { type: p().type })} machine={probeWorkerMachine as unknown as MachineLike} active={p().state} />
          </div>
          );
        }}
      </Index>
      <div class="ps-actions" role="group" aria-label={t('container.faults', { container: props.c.name })}>
        <button type="button" class="ps-btn ps-small" disabled={!running()} onClick={() => ctl.exec(`sim crash ${target()}`)}>
          {t('container.crash')}
        </button>
        <button type="button" class="ps-btn ps-small" disabled={!running()} onClick={() => ctl.exec(`sim hang ${target()} on`)}>
          {t('container.hang')}
        </button>
        <button type="button" class="ps-btn ps-small" disabled={!running()} onClick={() => ctl.exec(`sim hang ${target()} off`)}>
          {t('container.unhang')}
        </button>
      </div>
      <div class="ps-actions" role="group" aria-label={t('container.files', { container: props.c.name })}>
        <label class="ps-field ps-field-inline">
          <span>{t('container.file')}</span>
          <input type="text" value={file()} onInput={(e) => setFile(e.currentTarget.value)} spellcheck={false} />
        </label>
        <button type="button" class="ps-btn ps-small" disabled={!running()} onClick={() => ctl.exec(`kubectl exec ${props.pod.metadata.name} -c ${props.c.name} -- rm ${file()}`)}>
          rm
        </button>
        <button type="button" class="ps-btn ps-small" disabled={!running()} onClick={() => ctl.exec(`kubectl exec ${props.pod.metadata.name} -c ${props.c.name} -- touch ${file()}`)}>
          touch
        </button>
      </div>
      <Statechart title={t('container.chart')} machine={containerMachine as unknown as MachineLike} active={props.c.machineState} />
    </section>
  );
}

function ServiceDetails(props: { ctl: PodsimController; name: string }): JSX.Element {
  const { t } = useI18n();
  const [snap] = props.ctl.snapshot;
  const eps = () => (snap() ? endpointsOf(snap()!, props.name) : []);
  const traffic = () => snap()?.traffic.filter((x) => x.service === props.name) ?? [];
  return (
    <div>
      <h2 class="ps-h2">service/{props.name}</h2>
      <For each={traffic()}>
        {(tr) => (
          <p>{t('service.clients', { rps: tr.rps, ok: tr.ok, failed: tr.failed })}</p>
        )}
      </For>
      <table class="ps-table">
        <caption class="ps-h3">{t('service.endpoints')}</caption>
        {/* EndpointSlice condition names, as Kubernetes spells them */}
        <thead>
          <tr>
            <th scope="col">Pod</th>
            <th scope="col">ready</th>
            <th scope="col">serving</th>
            <th scope="col">terminating</th>
          </tr>
        </thead>
        <tbody>
          <For each={eps()}>
            {(e) => (
              <tr>
                <td>
                  <button type="button" class="ps-link" onClick={() => props.ctl.select({ kind: 'pod', pod: e.pod })}>
                    {e.pod}
                  </button>
                </td>
                <td>{String(e.ready)}</td>
                <td>{String(e.serving)}</td>
                <td>{String(e.terminating)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="ps-row">
        <button type="button" class="ps-btn ps-small" onClick={() => props.ctl.exec(`kubectl get endpoints ${props.name}`)}>
          kubectl get endpoints
        </button>
        <button type="button" class="ps-btn ps-small" onClick={() => props.ctl.exec(`kubectl describe service ${props.name}`)}>
          kubectl describe service
        </button>
      </div>
    </div>
  );
}

function NodeDetails(props: { ctl: PodsimController; name: string }): JSX.Element {
  const { t } = useI18n();
  const [snap] = props.ctl.snapshot;
  const pods = () => snap()?.view.pods.filter((p) => p.spec.nodeName === props.name).map((p) => p.metadata.name) ?? [];
  return (
    <div>
      <h2 class="ps-h2">node/{props.name}</h2>
      <p>{pods().length === 1 ? t('node.pods.one') : t('node.pods', { n: pods().length })}</p>
      <div class="ps-row">
        <button type="button" class="ps-btn ps-small" onClick={() => props.ctl.exec(`kubectl describe node ${props.name}`)}>
          kubectl describe node
        </button>
        <button type="button" class="ps-btn ps-small" onClick={() => props.ctl.exec(`kubectl top node`)}>
          kubectl top node
        </button>
      </div>
    </div>
  );
}
