/**
 * One container of a pod, across all its instances, as the kubelet reports it:
 * exactly one of waiting / running / terminated (k8s.io/api core/v1 ContainerState),
 * with the waiting reasons of pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses.
 *
 * The machine only records state; the kubelet (pod-worker.ts) decides when to send
 * each event and schedules every timer on the virtual clock.
 */
import { assign, setup } from 'xstate';

export interface TerminatedInfo {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

export interface ContainerContext {
  /** waiting message (e.g. the back-off message), if any */
  message?: string;
  restartCount: number;
  /** number of instances created so far (the next container ID derives from it) */
  instances: number;
  containerID?: string;
  startedAt?: number;
  terminated?: TerminatedInfo;
  lastTerminated?: TerminatedInfo;
  /** running, and the kubelet has sent the stop signal */
  stopping: boolean;
}

export type ContainerEvent =
  | { type: 'POD_INITIALIZING' }
  | { type: 'PULLING' }
  | { type: 'PULL_FAILED'; message: string }
  | { type: 'PULL_BACKOFF'; message: string }
  | { type: 'CONFIG_ERROR'; message: string }
  | { type: 'START'; at: number; containerID: string }
  | { type: 'STOP' }
  | { type: 'EXIT'; at: number; exitCode: number; reason: string; message?: string }
  | { type: 'BACK_OFF'; message: string }
  | { type: 'RESET_WAITING' };

export const containerMachine = setup({
  types: {
    context: {} as ContainerContext,
    events: {} as ContainerEvent,
    input: {} as { initializing: boolean },
  },
  actions: {
    recordStart: assign(({ context, event }) => {
      if (event.type !== 'START') return {};
      // restartCount counts replacement instances: it grows when a new instance is created
      // after a previous one (pkg/kubelet/kuberuntime: the count is stored on the new container).
      const replacing = context.instances > 0;
      return {
        restartCount: replacing ? context.restartCount + 1 : context.restartCount,
        instances: context.instances + 1,
        containerID: event.containerID,
        startedAt: event.at,
        lastTerminated: context.terminated ?? context.lastTerminated,
        terminated: undefined,
        message: undefined,
        stopping: false,
      };
    }),
    recordExit: assign(({ context, event }) => {
      if (event.type !== 'EXIT') return {};
      return {
        terminated: {
          exitCode: event.exitCode,
          reason: event.reason,
          message: event.message,
          startedAt: context.startedAt ?? event.at,
          finishedAt: event.at,
          containerID: context.containerID ?? '',
        },
        stopping: false,
      };
    }),
    recordStop: assign({ stopping: true }),
    recordMessage: assign(({ event }) => ({
      message: 'message' in event ? event.message : undefined,
    })),
    // Waiting after a termination: the terminated instance becomes lastState (kubelet reasonCache path).
    moveTerminatedToLast: assign(({ context }) => ({
      lastTerminated: context.terminated ?? context.lastTerminated,
      terminated: undefined,
    })),
  },
}).createMachine({
  id: 'container',
  context: { restartCount: 0, instances: 0, stopping: false },
  initial: 'Waiting',
  states: {
    Waiting: {
      initial: 'ContainerCreating',
      states: {
        ContainerCreating: {},
        PodInitializing: {},
        ErrImagePull: {},
        ImagePullBackOff: {},
        CreateContainerConfigError: {},
        CrashLoopBackOff: {},
      },
      on: {
        POD_INITIALIZING: { target: '.PodInitializing' },
        PULLING: { target: '.ContainerCreating', actions: 'recordMessage' },
        PULL_FAILED: { target: '.ErrImagePull', actions: 'recordMessage' },
        PULL_BACKOFF: { target: '.ImagePullBackOff', actions: 'recordMessage' },
        CONFIG_ERROR: { target: '.CreateContainerConfigError', actions: 'recordMessage' },
        BACK_OFF: { target: '.CrashLoopBackOff', actions: 'recordMessage' },
        START: { target: 'Running', actions: 'recordStart' },
      },
    },
    Running: {
      on: {
        STOP: { actions: 'recordStop' },
        EXIT: { target: 'Terminated', actions: 'recordExit' },
      },
    },
    Terminated: {
      on: {
        START: { target: 'Running', actions: 'recordStart' },
        BACK_OFF: { target: 'Waiting.CrashLoopBackOff', actions: ['moveTerminatedToLast', 'recordMessage'] },
        PULLING: { target: 'Waiting.ContainerCreating', actions: ['moveTerminatedToLast', 'recordMessage'] },
        PULL_FAILED: { target: 'Waiting.ErrImagePull', actions: ['moveTerminatedToLast', 'recordMessage'] },
        PULL_BACKOFF: { target: 'Waiting.ImagePullBackOff', actions: ['moveTerminatedToLast', 'recordMessage'] },
        CONFIG_ERROR: { target: 'Waiting.CreateContainerConfigError', actions: ['moveTerminatedToLast', 'recordMessage'] },
      },
    },
  },
});

/** The machine starts in Waiting.ContainerCreating; regular containers of a pod with init containers wait in PodInitializing. */
export const podInitializingState = 'PodInitializing';
