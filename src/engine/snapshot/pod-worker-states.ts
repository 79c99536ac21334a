/**
 * SimSnapshot.podWorkers made incrementally: the previous record comes back while the
 * same pods, in the same order, have their pod workers in the same states.
 */
import { stateString, type PodRuntime } from '../kubelet/pod-runtime';
import { StableList } from './stable-list';

export class PodWorkerStates {
  private names = new StableList<string>();
  private states = new StableList<string>();
  private made: { names: string[]; states: string[]; record: Record<string, string> } | null = null;

  /** the active state of each pod worker statechart, by pod name (pods not deleted) */
  of(pods: Iterable<PodRuntime>): Record<string, string> {
    this.names.begin();
    this.states.begin();
    for (const p of pods) {
      if (p.deleted) continue;
      this.names.add(p.name);
      this.states.add(stateString(p.worker.getSnapshot().value));
    }
    const names = this.names.end();
    const states = this.states.end();
    const m = this.made;
    if (m && m.names === names && m.states === states) return m.record;
    const record: Record<string, string> = {};
    names.forEach((n, i) => (record[n] = states[i]));
    this.made = { names, states, record };
    return record;
  }
}
