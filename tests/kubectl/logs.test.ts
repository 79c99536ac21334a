import { describe, it, expect } from 'vitest';
import type { KubectlCommand } from '../../src/scenario/commands/command-ast';
import type { ClusterView } from '../../src/engine/model/objects';
import { runKubectlRead } from '../../src/engine/kubectl/run-kubectl-read';
import { lastTerminated, lines, makeDeployment, makePod, makeView, running, terminated, waiting } from './fixtures';

type Logs = Extract<KubectlCommand, { verb: 'logs' }>;

function logs(view: ClusterView, o: Partial<Logs>) {
  const cmd: Logs = { kind: 'kubectl', verb: 'logs', pod: 'duo', podIsDeployment: false, previous: false, allContainers: false, prefix: false, tail: -1, follow: false, timestamps: false, ...o };
  return runKubectlRead(cmd, view)!;
}

/** GC-11: duo = web (nginx) + log-agent (busybox) */
function duoView() {
  const duo = makePod({ name: 'duo', containers: [{ name: 'web', state: running(3) }, { name: 'log-agent', image: 'busybox:1.36', state: running(3) }] });
  return makeView({
    now: 60,
    pods: [duo],
    logs: {
      'duo/web': { current: lines(['GET / 200', 'GET /a 404'], 10) },
      'duo/log-agent': { current: lines(['shipping'], 12) },
    },
  });
}

describe('kubectl logs: which container (GC-11)', () => {
  it('defaults to the first container and says so on stderr', () => {
    expect(logs(duoView(), {})).toEqual({ stdout: 'GET / 200\nGET /a 404\n', stderr: 'Defaulted container "web" out of: web, log-agent\n', exitCode: 0 });
  });

  it('-c picks a container without a message', () => {
    expect(logs(duoView(), { container: 'log-agent' })).toEqual({ stdout: 'shipping\n', stderr: '', exitCode: 0 });
  });

  it('an unknown container is a client-side error', () => {
    expect(logs(duoView(), { container: 'nope' })).toEqual({ stdout: '', stderr: 'error: container nope is not valid for pod duo\n', exitCode: 1 });
  });

  it('honours the kubectl.kubernetes.io/default-container annotation', () => {
    const view = duoView();
    view.pods[0].metadata.annotations['kubectl.kubernetes.io/default-container'] = 'log-agent';
    expect(logs(view, {})).toEqual({ stdout: 'shipping\n', stderr: '', exitCode: 0 });
    view.pods[0].metadata.annotations['kubectl.kubernetes.io/default-container'] = 'gone';
    expect(logs(view, {}).stderr).toBe('Default container name "gone" not found in pod duo\nDefaulted container "web" out of: web, log-agent\n');
  });

  it('lists init containers after the regular ones, marked (init)', () => {
    const pod = makePod({ name: 'boot', initContainers: [{ name: 'init-db', state: terminated({ exitCode: 0, reason: 'Completed' }) }], containers: [{ name: 'app' }] });
    const out = logs(makeView({ pods: [pod], logs: { 'boot/app': { current: lines(['up']) } } }), { pod: 'boot' });
    expect(out.stderr).toBe('Defaulted container "app" out of: app, init-db (init)\n');
  });

  it('a single-container pod needs no message', () => {
    const pod = makePod({ name: 'web', containers: [{ name: 'web' }] });
    expect(logs(makeView({ pods: [pod], logs: { 'web/web': { current: lines(['hi']) } } }), { pod: 'web' })).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 });
  });

  it('--all-containers --prefix: init containers first, each line prefixed', () => {
    const pod = makePod({
      name: 'duo',
      initContainers: [{ name: 'init', state: terminated({ exitCode: 0, reason: 'Completed' }) }],
      containers: [{ name: 'web' }, { name: 'log-agent' }],
    });
    const view = makeView({
      pods: [pod],
      logs: { 'duo/init': { current: lines(['migrated']) }, 'duo/web': { current: lines(['GET / 200']) }, 'duo/log-agent': { current: lines(['shipping']) } },
    });
    expect(logs(view, { allContainers: true, prefix: true })).toEqual({
      stdout: '[pod/duo/init] migrated\n[pod/duo/web] GET / 200\n[pod/duo/log-agent] shipping\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('a missing pod is NotFound', () => {
    expect(logs(makeView({}), { pod: 'nope' })).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });
});

describe('kubectl logs: which instance', () => {
  const crasherView = () => {
    const pod = makePod({
      name: 'crasher',
      containers: [{ name: 'crasher', state: waiting('CrashLoopBackOff'), restartCount: 5, lastState: lastTerminated({ exitCode: 1, reason: 'Error', startedAt: 160, finishedAt: 162 }) }],
      ready: false,
    });
    // the engine's LogReader returns the dead instance as "current" while the container waits after a crash
    const dead = [...lines(['starting'], 160), ...lines(['dying'], 161.5, 'stderr')];
    return makeView({ now: 300, pods: [pod], logs: { 'crasher/crasher': { current: dead, previous: dead } } });
  };

  it('during CrashLoopBackOff, logs and logs --previous show the dead instance', () => {
    expect(logs(crasherView(), { pod: 'crasher' })).toEqual({ stdout: 'starting\ndying\n', stderr: '', exitCode: 0 });
    expect(logs(crasherView(), { pod: 'crasher', previous: true })).toEqual({ stdout: 'starting\ndying\n', stderr: '', exitCode: 0 });
  });

  it('--previous without a previous instance is a BadRequest', () => {
    const pod = makePod({ name: 'web', containers: [{ name: 'web' }] });
    expect(logs(makeView({ pods: [pod] }), { pod: 'web', previous: true })).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n',
      exitCode: 1,
    });
  });

  it('a container that never ran is waiting to start', () => {
    const mk = (reason: string) => makeView({ pods: [makePod({ name: 'web', containers: [{ name: 'web', state: waiting(reason) }] })] });
    expect(logs(mk('ContainerCreating'), { pod: 'web' }).stderr).toBe('Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n');
    expect(logs(mk('ErrImagePull'), { pod: 'web' }).stderr).toBe('Error from server (BadRequest): container "web" in pod "web" is waiting to start: image can\'t be pulled\n');
    expect(logs(mk('ImagePullBackOff'), { pod: 'web' }).stderr).toBe(
      'Error from server (BadRequest): container "web" in pod "web" is waiting to start: trying and failing to pull image\n',
    );
    expect(logs(mk('PodInitializing'), { pod: 'web' }).exitCode).toBe(1);
  });

  it('an unscheduled pod has no logs and no error', () => {
    const pod = makePod({ name: 'web', nodeName: null, containers: [{ name: 'web', noStatus: true }] });
    expect(logs(makeView({ pods: [pod] }), { pod: 'web' })).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('--all-containers stops at the first container that cannot give logs', () => {
    const pod = makePod({ name: 'duo', containers: [{ name: 'web' }, { name: 'log-agent', state: waiting('ContainerCreating') }] });
    const out = logs(makeView({ pods: [pod], logs: { 'duo/web': { current: lines(['GET / 200']) } } }), { allContainers: true });
    expect(out).toEqual({ stdout: 'GET / 200\n', stderr: 'Error from server (BadRequest): container "log-agent" in pod "duo" is waiting to start: ContainerCreating\n', exitCode: 1 });
  });
});

describe('kubectl logs: --tail, --timestamps, deploy/NAME', () => {
  it('--tail keeps the last N lines', () => {
    const pod = makePod({ name: 'web', containers: [{ name: 'web' }] });
    const view = makeView({ pods: [pod], logs: { 'web/web': { current: lines(['a', 'b', 'c', 'd']) } } });
    expect(logs(view, { pod: 'web', tail: 2 }).stdout).toBe('c\nd\n');
    expect(logs(view, { pod: 'web', tail: 0 }).stdout).toBe('');
    expect(logs(view, { pod: 'web', tail: 10 }).stdout).toBe('a\nb\nc\nd\n');
  });

  it('--timestamps prefixes RFC3339Nano times; --prefix goes before them', () => {
    const pod = makePod({ name: 'web', containers: [{ name: 'web' }] });
    const view = makeView({ pods: [pod], logs: { 'web/web': { current: [{ t: 12.25, text: 'GET / 200', stream: 'stdout' }, { t: 13, text: 'GET /a 404', stream: 'stdout' }] } } });
    expect(logs(view, { pod: 'web', timestamps: true, prefix: true }).stdout).toBe(
      '[pod/web/web] 2025-01-15T10:00:12.25Z GET / 200\n[pod/web/web] 2025-01-15T10:00:13Z GET /a 404\n',
    );
  });

  it('deploy/NAME reads the best pod (running, ready, older) and says how many there were', () => {
    const d = makeDeployment('api');
    const labels = { app: 'api' };
    const pods = [
      makePod({ name: 'api-b', labels, created: 5, containers: [{ name: 'api' }] }),
      makePod({ name: 'api-a', labels, created: 1, containers: [{ name: 'api', ready: false }], ready: false }),
      makePod({ name: 'api-c', labels, created: 0, containers: [{ name: 'api', state: waiting('ContainerCreating') }] }),
      makePod({ name: 'api-d', labels, created: 0, containers: [{ name: 'api' }] }),
    ];
    const view = makeView({ pods, deployments: [d], logs: { 'api-d/api': { current: lines(['from d']) }, 'api-b/api': { current: lines(['from b']) } } });
    expect(logs(view, { pod: 'api', podIsDeployment: true })).toEqual({ stdout: 'from d\n', stderr: 'Found 4 pods, using pod/api-d\n', exitCode: 0 });
    expect(logs(makeView({}), { pod: 'api', podIsDeployment: true }).stderr).toBe('Error from server (NotFound): deployments.apps "api" not found\n');
  });
});
