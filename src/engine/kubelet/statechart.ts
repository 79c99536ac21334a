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

/** the transitions of a machine computed so far: snapshot → event (as JSON) → next snapshot */
interface TransitionMemo {
  next: WeakMap<object, Map<string, unknown>>;
  /** one snapshot per distinct (state, context): instances in the same state share it */
  canonical: Map<string, unknown>;
}

const memos = new WeakMap<AnyStateMachine, TransitionMemo>();

/** past this many distinct (state, context) pairs a machine's new snapshots are no longer shared */
const MAX_CANONICAL = 10_000;

/**
 * For machines whose context holds only a few small values (the probe and pod workers):
 * a transition is then a pure function of the snapshot and the event, so each distinct
 * one is computed once with xstate and every instance in the same state shares the
 * resulting snapshot. A thousand probe workers ticking the same way cost one transition.
 */
export function memoizeTransitions(machine: AnyStateMachine): void {
  if (!memos.has(machine)) memos.set(machine, { next: new WeakMap(), canonical: new Map() });
}

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
    const memo = memos.get(this.machine);
    if (!memo) {
      this.snapshot = this.machine.transition(this.snapshot, event, scope) as SnapshotFrom<M>;
      return;
    }
    const from = this.snapshot as object;
    let byEvent = memo.next.get(from);
    if (!byEvent) memo.next.set(from, (byEvent = new Map()));
    const key = JSON.stringify(event);
    let next = byEvent.get(key) as SnapshotFrom<M> | undefined;
    if (next === undefined) {
      next = this.machine.transition(this.snapshot, event, scope) as SnapshotFrom<M>;
      const s = next as unknown as { value: unknown; context: unknown; status: unknown; output: unknown };
      const id = JSON.stringify([s.value, s.context, s.status, s.output]);
      const shared = memo.canonical.get(id) as SnapshotFrom<M> | undefined;
      if (shared !== undefined) next = shared;
      else if (memo.canonical.size < MAX_CANONICAL) memo.canonical.set(id, next);
      byEvent.set(key, next);
    }
    this.snapshot = next as SnapshotFrom<M>;
  }

  getSnapshot(): SnapshotFrom<M> {
    return this.snapshot;
  }

  /** an independent instance in the same state */
  copy(): Statechart<M> {
    return new Statechart(this.machine, this.snapshot);
  }
}
