/**
 * A statechart instance: an xstate machine definition plus its current snapshot,
 * advanced with the machine's own pure transition function. Snapshots are
 * immutable, so copying an instance (checkpoints) is copying a reference, and a
 * thousand idle probe workers cost a snapshot each rather than a live actor.
 * Time never enters here: every delay is a task on the simulation's virtual clock.
 */
import { createEmptyActor, type AnyStateMachine, type EventFromLogic, type SnapshotFrom } from 'xstate';

// One inert actor scope for every transition: the machines only assign context, so
// there are no side effects to execute (xstate's own transition() builds one per call).
const self = createEmptyActor();
const scope = {
  self,
  id: 'podsim',
  sessionId: 'podsim',
  system: self.system,
  logger: () => {},
  defer: () => {},
  emit: () => {},
  stopChild: () => {},
  actionExecutor: () => {},
} as never;

const initial = new WeakMap<AnyStateMachine, Map<string, unknown>>();

export class Statechart<M extends AnyStateMachine> {
  private constructor(
    readonly machine: M,
    private snapshot: SnapshotFrom<M>,
  ) {}

  /** a new instance in the machine's initial state for `input` (initial snapshots are shared) */
  static start<M extends AnyStateMachine>(machine: M, input?: unknown): Statechart<M> {
    let byInput = initial.get(machine);
    if (!byInput) initial.set(machine, (byInput = new Map()));
    const key = JSON.stringify(input ?? null);
    let snap = byInput.get(key) as SnapshotFrom<M> | undefined;
    if (!snap) {
      snap = machine.getInitialSnapshot(scope, input) as SnapshotFrom<M>;
      byInput.set(key, snap);
    }
    return new Statechart(machine, snap as SnapshotFrom<M>);
  }

  send(event: EventFromLogic<M>): void {
    this.snapshot = this.machine.transition(this.snapshot, event, scope) as SnapshotFrom<M>;
  }

  getSnapshot(): SnapshotFrom<M> {
    return this.snapshot;
  }

  /** an independent instance in the same state */
  copy(): Statechart<M> {
    return new Statechart(this.machine, this.snapshot);
  }
}
