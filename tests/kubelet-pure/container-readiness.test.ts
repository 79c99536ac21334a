import { describe, it, expect } from 'vitest';
import { containerReadiness, type ContainerReadinessArgs } from '../../src/engine/kubelet/container-readiness';

const base: ContainerReadinessArgs = {
  running: true,
  hasStartupProbe: false,
  startupResult: 'Unknown',
  hasReadinessProbe: false,
  readinessResult: 'Failure',
  isRegularInit: false,
};

describe('containerReadiness (prober_manager.go UpdatePodStatus, §1.4)', () => {
  const rows: [string, Partial<ContainerReadinessArgs>, { started: boolean; ready: boolean }][] = [
    ['not running → neither', { running: false }, { started: false, ready: false }],
    ['no probes → started and ready at once', {}, { started: true, ready: true }],
    ['readiness probe, initial Failure → started, not ready', { hasReadinessProbe: true }, { started: true, ready: false }],
    ['readiness probe with no result yet → not ready', { hasReadinessProbe: true, readinessResult: 'Unknown' }, { started: true, ready: false }],
    ['readiness Success → ready', { hasReadinessProbe: true, readinessResult: 'Success' }, { started: true, ready: true }],
    ['startup probe not run yet → not started, not ready', { hasStartupProbe: true }, { started: false, ready: false }],
    ['startup failing → not started even if readiness would pass', { hasStartupProbe: true, startupResult: 'Failure', hasReadinessProbe: true, readinessResult: 'Success' }, { started: false, ready: false }],
    ['startup Success, no readiness probe → ready (GC-04)', { hasStartupProbe: true, startupResult: 'Success' }, { started: true, ready: true }],
    ['startup Success, readiness Failure → not ready', { hasStartupProbe: true, startupResult: 'Success', hasReadinessProbe: true }, { started: true, ready: false }],
    ['regular init running → started, not ready', { isRegularInit: true }, { started: true, ready: false }],
    ['regular init exited 0 → ready', { isRegularInit: true, running: false, terminatedExitCode: 0 }, { started: false, ready: true }],
    ['regular init exited 1 → not ready', { isRegularInit: true, running: false, terminatedExitCode: 1 }, { started: false, ready: false }],
    ['regular container exited 0 → not ready', { running: false, terminatedExitCode: 0 }, { started: false, ready: false }],
  ];
  for (const [name, over, want] of rows) {
    it(name, () => expect(containerReadiness({ ...base, ...over })).toEqual(want));
  }
});
