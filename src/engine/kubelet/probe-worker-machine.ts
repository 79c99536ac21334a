/**
 * One probe worker per (pod, container, probe type), after pkg/kubelet/prober/worker.go.
 * States are the worker's cached result (`Probing.Success|Failure|Unknown`), `Idle`
 * while no container instance runs, `OnHold` after a liveness failure or a startup
 * verdict until the container is replaced, and `Stopped` once the pod is terminal.
 *
 * Results arrive as RESULT events; the worker counts consecutive identical results
 * (resultRun) and only changes its cached result when a threshold is reached.
 */
import { assign, setup } from 'xstate';

export type ProbeType = 'readiness' | 'liveness' | 'startup';
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

export interface ProbeWorkerContext {
  type: ProbeType;
  successThreshold: number;
  failureThreshold: number;
  /** consecutive identical results and what they were */
  run: number;
  lastResult: 'Success' | 'Failure' | null;
}

export type ProbeWorkerEvent =
  | { type: 'CONTAINER_STARTED' }
  | { type: 'CONTAINER_STOPPED' }
  | { type: 'RESULT'; result: 'Success' | 'Failure' }
  /** the pod is being deleted: liveness and startup report Success and stop (worker.go doProbe) */
  | { type: 'POD_TERMINATING' }
  | { type: 'POD_TERMINAL' };

type Ctx = ProbeWorkerContext;

const reachesFailure = ({ context, event }: { context: Ctx; event: ProbeWorkerEvent }) =>
  event.type === 'RESULT' &&
  event.result === 'Failure' &&
  (context.lastResult === 'Failure' ? context.run + 1 : 1) >= context.failureThreshold;

const reachesSuccess = ({ context, event }: { context: Ctx; event: ProbeWorkerEvent }) =>
  event.type === 'RESULT' &&
  event.result === 'Success' &&
  (context.lastResult === 'Success' ? context.run + 1 : 1) >= context.successThreshold;

const isHoldingType = ({ context }: { context: Ctx }) => context.type !== 'readiness';

export const probeWorkerMachine = setup({
  types: {
    context: {} as Ctx,
    events: {} as ProbeWorkerEvent,
    input: {} as { type: ProbeType; successThreshold: number; failureThreshold: number },
  },
  guards: {
    reachesFailure,
    reachesSuccess,
    holds: isHoldingType,
    holdingFailure: (args) => reachesFailure(args) && args.context.type !== 'readiness',
    startupSucceeds: (args) => args.context.type === 'startup' && reachesSuccess(args),
    isReadiness: ({ context }) => context.type === 'readiness',
  },
  actions: {
    countResult: assign(({ context, event }) => {
      if (event.type !== 'RESULT') return {};
      const same = context.lastResult === event.result;
      return { lastResult: event.result, run: same ? context.run + 1 : 1 };
    }),
    // After publishing a liveness failure or a startup verdict the worker resets its run
    // counter and waits for a new container (worker.go: w.resultRun = 0; w.onHold = true).
    resetRun: assign({ run: 0, lastResult: null }),
    // Liveness and startup counters restart with each container; readiness keeps its run
    // across restarts (worker.go only resets on hold).
    resetForNewContainer: assign(({ context }) => (context.type === 'readiness' ? {} : { run: 0, lastResult: null })),
  },
}).createMachine({
  id: 'probeWorker',
  context: ({ input }) => ({
    type: input.type,
    successThreshold: input.successThreshold,
    failureThreshold: input.failureThreshold,
    run: 0,
    lastResult: null,
  }),
  initial: 'Idle',
  on: {
    POD_TERMINAL: '.Stopped',
  },
  states: {
    Idle: {
      on: {
        // Initial cached result per type (worker.go newWorker): readiness Failure,
        // liveness Success, startup Unknown.
        CONTAINER_STARTED: [
          { guard: 'isReadiness', target: 'Probing.Failure', actions: 'resetForNewContainer' },
          { guard: ({ context }) => context.type === 'liveness', target: 'Probing.Success', actions: 'resetForNewContainer' },
          { target: 'Probing.Unknown', actions: 'resetForNewContainer' },
        ],
        POD_TERMINATING: [{ guard: 'holds', target: 'Stopped' }],
      },
    },
    Probing: {
      initial: 'Unknown',
      states: {
        Unknown: {},
        Success: {},
        Failure: {},
      },
      on: {
        RESULT: [
          { guard: 'startupSucceeds', target: 'OnHold.Success', actions: ['countResult', 'resetRun'] },
          { guard: 'holdingFailure', target: 'OnHold.Failure', actions: ['countResult', 'resetRun'] },
          { guard: 'reachesFailure', target: '.Failure', actions: 'countResult' },
          { guard: 'reachesSuccess', target: '.Success', actions: 'countResult' },
          { actions: 'countResult' },
        ],
        CONTAINER_STOPPED: { target: 'Idle' },
        CONTAINER_STARTED: [
          { guard: 'isReadiness', target: '.Failure', actions: 'resetForNewContainer' },
          { guard: ({ context }) => context.type === 'liveness', target: '.Success', actions: 'resetForNewContainer' },
          { target: '.Unknown', actions: 'resetForNewContainer' },
        ],
        POD_TERMINATING: [{ guard: 'holds', target: 'Stopped' }],
      },
    },
    /** After a liveness failure or a startup verdict: no probing until the container is replaced. */
    OnHold: {
      initial: 'Failure',
      states: { Failure: {}, Success: {} },
      on: {
        CONTAINER_STARTED: [
          { guard: 'isReadiness', target: 'Probing.Failure', actions: 'resetForNewContainer' },
          { guard: ({ context }) => context.type === 'liveness', target: 'Probing.Success', actions: 'resetForNewContainer' },
          { target: 'Probing.Unknown', actions: 'resetForNewContainer' },
        ],
        POD_TERMINATING: { target: 'Stopped' },
      },
    },
    Stopped: {},
  },
});
