/**
 * What a mounted simulator tells the page around it: `handle.on(listener)` hears these.
 * The <pod-sim> element re-dispatches them as DOM events (`podsim-<type>`), the iframe
 * page forwards them over postMessage; both keep exactly this shape.
 *
 * Every detail is plain, structured-clonable data (a copy: changing it changes nothing
 * in the simulator).
 *
 * Observations (`event`, `pod`, `endpoints`, `check`) are told once per history: seeking
 * back and playing the same stretch again tells nothing new; a learner's command that
 * changes what happens after the seek point tells what is different. `check` is told at
 * most once per check between a load (or restart) and the next.
 */
import type { EndpointsLine, EventLine, PodDeletedLine, PodLine } from '../engine/observations';

export type PodsimUiEventType = 'ready' | 'error' | 'event' | 'pod' | 'endpoints' | 'check' | 'play' | 'pause' | 'time';

export interface PodsimUiEvent {
  type: PodsimUiEventType;
  detail: unknown;
}

export type PodsimUiListener = (e: PodsimUiEvent) => void;

/** The detail of each type (what `detail: unknown` holds). */
export interface PodsimUiDetails {
  /** a scenario loaded (from the element, the picker, the editor's Apply or `load()`) */
  ready: { file: string; name: string; title: string; duration: number };
  /** a scenario did not load: FILE:LINE:COLUMN: message lines; the previous one (if any) keeps running */
  error: { file: string; problems: string[] };
  /** a Kubernetes event, as `podsim run --json` prints it */
  event: EventLine;
  /** a pod's status changed (or it was deleted) */
  pod: PodLine | PodDeletedLine;
  /** a Service's endpoints changed */
  endpoints: EndpointsLine;
  /** a scenario check (spec.checks) passed; title in the UI language */
  check: { name: string; title: string; t: number };
  play: { t: number };
  pause: { t: number };
  /** virtual time moved: after a seek or step at once, while playing at most 4 times a second */
  time: { t: number };
}

/** A typed listener list; a throwing listener is reported and does not stop the others. */
export class UiEventHub {
  private listeners = new Set<PodsimUiListener>();

  get size(): number {
    return this.listeners.size;
  }

  on(listener: PodsimUiListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit<T extends PodsimUiEventType>(type: T, detail: PodsimUiDetails[T]): void {
    const e: PodsimUiEvent = { type, detail };
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        // the page's handler failed: show it in the console, keep the simulator running
        if (typeof reportError === 'function') reportError(err);
        else setTimeout(() => {
          throw err;
        });
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
