/**
 * The kubelet's pod worker for one pod (pkg/kubelet/pod_workers.go): it syncs a pod
 * (SyncPod), tears it down when deleted (TerminatingPod) and rests once every
 * container has stopped for good (TerminatedPod). Before a node is chosen the pod
 * is Unscheduled (the scheduler's side of the same story).
 */
import { setup } from 'xstate';

export type PodWorkerEvent =
  | { type: 'BOUND' }
  | { type: 'INITIALIZED' }
  | { type: 'DELETE' }
  | { type: 'ALL_STOPPED' };

export const podWorkerMachine = setup({
  types: { events: {} as PodWorkerEvent },
}).createMachine({
  id: 'podWorker',
  initial: 'Unscheduled',
  states: {
    Unscheduled: {
      on: { BOUND: 'SyncPod', DELETE: 'TerminatedPod' },
    },
    SyncPod: {
      initial: 'Initializing',
      states: {
        /** init containers run one at a time; sidecars are started and keep running */
        Initializing: { on: { INITIALIZED: 'StartingContainers' } },
        /** regular containers are started and kept running per restartPolicy */
        StartingContainers: {},
      },
      on: {
        DELETE: 'TerminatingPod',
        /** every container stopped and none will restart: terminal phase */
        ALL_STOPPED: 'TerminatedPod',
      },
    },
    TerminatingPod: {
      on: { ALL_STOPPED: 'TerminatedPod' },
    },
    TerminatedPod: { type: 'final' },
  },
});
