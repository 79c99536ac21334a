import { describe, it, expect } from 'vitest';
import { MiniCluster } from './mini-cluster';
import { deployment, service, counter } from './fixtures';
import { findNewReplicaSet, reconcileDeployment } from '../../src/engine/controllers/deployment-controller';
import { reconcileEndpointSlices } from '../../src/engine/controllers/endpointslice-controller';
import { routableEndpoints } from '../../src/engine/controllers/kube-proxy-routing';
import { resolveFenceposts, getValueFromIntOrPercent, deploymentSettings, maxSurge, maxUnavailable } from '../../src/engine/controllers/rolling-update-fenceposts';

const rolling = (maxSurge: number | string, maxUnavailable: number | string) => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxSurge, maxUnavailable },
});

/** A Deployment brought up to its steady state: all pods Ready. */
function steady(c: MiniCluster): void {
  c.settle();
  c.now += 5;
  c.markReady();
  c.settle();
}

describe('fenceposts (deployment_util.go ResolveFenceposts)', () => {
  it('percentages: surge rounds up, unavailable rounds down', () => {
    expect(getValueFromIntOrPercent('25%', 10, true)).toBe(3);
    expect(getValueFromIntOrPercent('25%', 10, false)).toBe(2);
    expect(resolveFenceposts('25%', '25%', 3)).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    expect(resolveFenceposts(2, '50%', 5)).toEqual({ maxSurge: 2, maxUnavailable: 2 });
  });
  it('both zero → maxUnavailable 1', () => {
    expect(resolveFenceposts(0, 0, 3)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(resolveFenceposts('0%', '10%', 1)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });
  it('rejects strings that are not percentages', () => {
    expect(() => getValueFromIntOrPercent('3', 10, true)).toThrow(/not a percentage/);
  });
  it('defaults: 1 replica, RollingUpdate 25%/25%; MaxUnavailable clamps to replicas, Recreate has none', () => {
    const d = deployment();
    delete d.spec.replicas;
    const s = deploymentSettings(d);
    expect(s).toMatchObject({ replicas: 1, strategy: 'RollingUpdate', revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    expect([maxSurge(s), maxUnavailable(s)]).toEqual([1, 0]);
    expect(maxUnavailable(deploymentSettings(deployment({ replicas: 2, strategy: rolling(0, 5) })))).toBe(2);
    expect(maxSurge(deploymentSettings(deployment({ strategy: { type: 'Recreate' } })))).toBe(0);
  });
});

describe('first rollout', () => {
  it('creates <name>-<hash> with revision 1, scales it up, and reports conditions', () => {
    const c = new MiniCluster(deployment({ replicas: 3 }));
    c.syncDeployment();
    const [rs] = c.rss;
    expect(rs.metadata.name).toMatch(/^web-[456789bcdf]{8,10}$/);
    const hash = rs.metadata.name.slice('web-'.length);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.template!.metadata!.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.replicas).toBe(3);
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect(rs.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'deploy-uid-web', controller: true },
    ]);
    expect(c.deploy.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
    expect(c.events).toEqual([{ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${rs.metadata.name} from 0 to 3` }]);
    expect(c.condition('Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${rs.metadata.name}"` });
    expect(c.condition('Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });

    c.syncReplicaSets();
    expect(c.pods).toHaveLength(3);
    c.step();
    expect(c.condition('Progressing')).toMatchObject({ reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rs.metadata.name}" is progressing.` });
    expect(c.deploy.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 0, availableReplicas: 0, unavailableReplicas: 3 });

    c.now = 12;
    c.markReady();
    c.settle();
    expect(c.deploy.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 0 });
    // The order a real `kubectl get deploy -o yaml` shows after a first rollout.
    expect(c.deploy.status.conditions.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata.name}" has successfully progressed.`],
    ]);
    expect(c.condition('Available')!.lastTransitionTime).toBe(12);
    expect(c.condition('Progressing')!.lastTransitionTime).toBe(0);
    expect(c.last!.requeueAt).toBeUndefined();
  });

  it('honours minReadySeconds for availability', () => {
    const c = new MiniCluster(deployment({ replicas: 2, minReadySeconds: 10 }));
    c.settle();
    c.now = 5;
    c.markReady();
    c.settle();
    expect(c.deploy.status).toMatchObject({ readyReplicas: 2, availableReplicas: 0 });
    c.now = 15;
    c.settle();
    expect(c.deploy.status).toMatchObject({ availableReplicas: 2 });
    expect(c.condition('Progressing')!.reason).toBe('NewReplicaSetAvailable');
  });

  it('is stable: an idle sync writes nothing', () => {
    const c = new MiniCluster(deployment());
    steady(c);
    const r = reconcileDeployment(c.deploy, c.rss, new Map(c.rss.map((rs) => [rs.metadata.name, c.podsOf(rs)])), { now: 99, newUid: counter('x') });
    expect(r.createReplicaSet).toBeUndefined();
    expect(r.scale).toEqual([]);
    expect(r.events).toEqual([]);
    expect(r.status).toEqual(c.deploy.status);
  });
});

describe('rolling update, replicas 3, maxSurge 1, maxUnavailable 0 (stepped by hand)', () => {
  it('never has fewer than 3 available nor more than 4 pods, and scales in the real order', () => {
    const c = new MiniCluster(deployment({ replicas: 3, strategy: rolling(1, 0) }));
    steady(c);
    const oldRs = c.rss[0].metadata.name;
    const startEvents = c.events.length;
    const check = () => {
      expect(c.activePods().length).toBeLessThanOrEqual(4);
      expect(c.readyPods().length).toBeGreaterThanOrEqual(3);
    };

    c.now = 100;
    c.setTemplateImage('nginx:1.26');
    c.step(check);
    const newRs = c.rss[1].metadata.name;
    expect(newRs).not.toBe(oldRs);
    expect(c.replicasByRs()).toEqual({ [oldRs]: 3, [newRs]: 1 });
    expect(c.activePods()).toHaveLength(4);
    expect(c.deploy.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(c.rsByName(newRs).metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(c.condition('Progressing')).toMatchObject({ reason: 'NewReplicaSetCreated', message: `Created new replica set "${newRs}"` });

    // Nothing moves while the new pod is not Ready.
    c.settle(check);
    expect(c.replicasByRs()).toEqual({ [oldRs]: 3, [newRs]: 1 });

    for (let round = 0; round < 3; round++) {
      c.now += 10;
      expect(c.markReady()).toBe(1);
      c.settle(check);
    }
    expect(c.replicasByRs()).toEqual({ [oldRs]: 0, [newRs]: 3 });
    expect(c.activePods().every((p) => p.metadata.labels['pod-template-hash'] === newRs.slice(4))).toBe(true);
    expect(c.events.slice(startEvents).map((e) => e.message)).toEqual([
      `Scaled up replica set ${newRs} from 0 to 1`,
      `Scaled down replica set ${oldRs} from 3 to 2`,
      `Scaled up replica set ${newRs} from 1 to 2`,
      `Scaled down replica set ${oldRs} from 2 to 1`,
      `Scaled up replica set ${newRs} from 2 to 3`,
      `Scaled down replica set ${oldRs} from 1 to 0`,
    ]);
    expect(c.deploy.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3, unavailableReplicas: 0, observedGeneration: 2 });
    expect(c.condition('Progressing')).toMatchObject({ reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${newRs}" has successfully progressed.` });
    // The old ReplicaSet is kept (revisionHistoryLimit 10) at 0 replicas.
    expect(c.rsByName(oldRs).spec.replicas).toBe(0);
  });

  it('rolling back re-uses the old ReplicaSet and moves its revision forward', () => {
    const c = new MiniCluster(deployment({ replicas: 2, strategy: rolling(1, 0) }));
    steady(c);
    const first = c.rss[0].metadata.name;
    c.setTemplateImage('nginx:1.26');
    for (let i = 0; i < 6; i++) {
      c.settle();
      c.now += 1;
      c.markReady();
    }
    c.settle();
    c.setTemplateImage('nginx:1.25');
    c.settle();
    expect(c.rss).toHaveLength(2);
    const back = c.rsByName(first);
    expect(back.spec.replicas).toBe(1);
    expect(back.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(c.deploy.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
  });
});

describe('rollout gated by readiness', () => {
  it('stalls with old pods serving when new pods never become Ready, then times out', () => {
    const c = new MiniCluster(deployment({ replicas: 3, strategy: rolling(1, 0), progressDeadlineSeconds: 600 }));
    steady(c);
    const oldRs = c.rss[0].metadata.name;
    c.now = 1000;
    c.setTemplateImage('nginx:broken');
    c.settle();
    for (let i = 0; i < 20; i++) {
      c.now += 10;
      c.step();
    }
    const newRs = c.rss[1].metadata.name;
    expect(c.replicasByRs()).toEqual({ [oldRs]: 3, [newRs]: 1 });
    expect(c.deploy.status).toMatchObject({ replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 1 });
    expect(c.condition('Available')!.status).toBe('True');

    // The Service still routes to the three old pods only.
    const slices = reconcileEndpointSlices(service(), c.pods, [], { now: c.now, newName: counter('s'), newUid: counter('u') });
    const routed = routableEndpoints(slices).map((e) => e.targetRef.name);
    expect(routed).toHaveLength(3);
    expect(routed.every((n) => n.startsWith(oldRs))).toBe(true);
    expect(slices[0].endpoints.find((e) => e.targetRef.name.startsWith(newRs))!.conditions.ready).toBe(false);

    // Progress deadline: last progress at t=1000 (new pod created); times out 600 s later, seen 1 s after.
    const requeueAt = c.last!.requeueAt!;
    expect(requeueAt).toBe(1601);
    c.now = 1600;
    c.step();
    expect(c.condition('Progressing')!.reason).not.toBe('ProgressDeadlineExceeded');
    c.now = requeueAt;
    c.step();
    expect(c.condition('Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${newRs}" has timed out progressing.`,
    });
    expect(c.replicasByRs()).toEqual({ [oldRs]: 3, [newRs]: 1 });
  });

  it('with maxUnavailable 1 and crash-looping new pods, never drops below 2 available', () => {
    const c = new MiniCluster(deployment({ replicas: 3, strategy: rolling(0, 1) }));
    steady(c);
    c.setTemplateImage('nginx:broken');
    for (let i = 0; i < 10; i++) {
      c.step(() => expect(c.readyPods().length).toBeGreaterThanOrEqual(2));
    }
    const [oldRs, newRs] = c.rss.map((r) => r.metadata.name);
    expect(c.replicasByRs()).toEqual({ [oldRs]: 2, [newRs]: 1 });
  });
});

describe('scaling', () => {
  it('kubectl scale in steady state resizes the one active ReplicaSet and its annotations', () => {
    const c = new MiniCluster(deployment({ replicas: 3 }));
    steady(c);
    const rs = c.rss[0].metadata.name;
    c.setReplicas(5);
    c.syncDeployment();
    expect(c.events.at(-1)!.message).toBe(`Scaled up replica set ${rs} from 3 to 5`);
    expect(c.rsByName(rs).metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/desired-replicas': '5',
      'deployment.kubernetes.io/max-replicas': '7',
    });
    c.setReplicas(1);
    c.settle();
    expect(c.events.at(-1)!.message).toBe(`Scaled down replica set ${rs} from 5 to 1`);
    expect(c.activePods()).toHaveLength(1);
  });

  it('scales proportionally mid-rollout (docs example: 10 → 15 with surge 3, unavailable 2)', () => {
    const c = new MiniCluster(deployment({ replicas: 10, strategy: rolling(3, 2) }));
    steady(c);
    const oldRs = c.rss[0].metadata.name;
    c.setTemplateImage('nginx:unresolvable');
    c.settle();
    const newRs = c.rss[1].metadata.name;
    expect(c.replicasByRs()).toEqual({ [oldRs]: 8, [newRs]: 5 });
    c.setReplicas(15);
    c.settle();
    expect(c.replicasByRs()).toEqual({ [oldRs]: 11, [newRs]: 7 });
  });
});

describe('Recreate', () => {
  it('scales the old ReplicaSet to 0 and creates the new one only once old pods are gone', () => {
    const c = new MiniCluster(deployment({ replicas: 2, strategy: { type: 'Recreate' } }));
    steady(c);
    const oldRs = c.rss[0].metadata.name;
    c.gracefulDeletion = true;
    c.setTemplateImage('nginx:1.26');
    c.settle();
    expect(c.rss).toHaveLength(1);
    expect(c.replicasByRs()).toEqual({ [oldRs]: 0 });
    expect(c.events.at(-1)!.message).toBe(`Scaled down replica set ${oldRs} from 2 to 0`);
    expect(c.pods).toHaveLength(2); // still terminating
    c.finishTerminating();
    c.settle();
    const newRs = c.rss[1].metadata.name;
    expect(c.replicasByRs()).toEqual({ [oldRs]: 0, [newRs]: 2 });
    expect(c.events.at(-1)!.message).toBe(`Scaled up replica set ${newRs} from 0 to 2`);
  });
});

describe('revision history', () => {
  it('deletes idle old ReplicaSets beyond revisionHistoryLimit once complete', () => {
    const c = new MiniCluster(deployment({ replicas: 1, revisionHistoryLimit: 1, strategy: rolling(1, 0) }));
    steady(c);
    for (const image of ['a', 'b', 'c']) {
      c.setTemplateImage(image);
      for (let i = 0; i < 4; i++) {
        c.settle();
        c.now += 1;
        c.markReady();
      }
      c.settle();
    }
    expect(c.rss).toHaveLength(2);
    expect(c.rss.map((r) => r.metadata.annotations['deployment.kubernetes.io/revision']).sort()).toEqual(['3', '4']);
  });
});

describe('findNewReplicaSet', () => {
  it('matches the template ignoring pod-template-hash, oldest first', () => {
    const c = new MiniCluster(deployment());
    c.settle();
    expect(findNewReplicaSet(c.deploy, c.rss)).toBe(c.rss[0]);
    c.setTemplateImage('other');
    expect(findNewReplicaSet(c.deploy, c.rss)).toBeUndefined();
  });
});

describe('paused', () => {
  it('does not roll out a template change, and reports DeploymentPaused', () => {
    const c = new MiniCluster(deployment({ replicas: 2 }));
    steady(c);
    c.deploy = { ...c.deploy, spec: { ...c.deploy.spec, paused: true } };
    c.setTemplateImage('nginx:1.26');
    c.settle();
    expect(c.rss).toHaveLength(1);
    expect(c.condition('Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    c.deploy = { ...c.deploy, spec: { ...c.deploy.spec, paused: false } };
    c.step();
    expect(c.rss).toHaveLength(2);
  });
});
