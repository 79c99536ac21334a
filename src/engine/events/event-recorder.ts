/**
 * The event recorder + the API server's event store, deterministic.
 * client-go tools/record: makeEvent → EventCorrelator (events-cache.ts) → create
 * (count 1) or patch (count+1, lastTimestamp, message) the event named
 * `<object>.<hex>` (record/event.go names events `%v.%x` of the object name and
 * the creation time in UnixNano; here the hex is that of a fixed epoch + virtual
 * time + a counter, so names look real, never collide, and are reproducible).
 *
 * `correlate: false` keeps only the exact-duplicate counting (no aggregation,
 * no spam filter).
 *
 * All state is plain data (`state`), so `clone()` / `EventRecorder.fromState`
 * give checkpoints.
 */
import type { EventObject, Seconds } from '../model/objects';
import {
  emptyEventsCache,
  eventAggregate,
  eventKey,
  eventObserve,
  spamFilter,
  type EventInput,
  type EventsCacheState,
} from './events-cache';

export type { EventInput } from './events-cache';

export interface EventRecorderOptions {
  /** model client-go's aggregation and spam filter (default true) */
  correlate?: boolean;
  /**
   * with `correlate`: also apply the spam filter (burst 25 per source+object, then one per
   * 300 s). Default true; the simulation turns it off so a learner sees every event (README, Simplifications).
   */
  spamFilter?: boolean;
  /** wall-clock ms of virtual time 0 (ClusterView.epochMs), used only for event names */
  epochMs?: number;
}

export interface EventRecorderState {
  correlate: boolean;
  spamFilter: boolean;
  epochMs: number;
  /** all events, in creation order */
  events: EventObject[];
  /** event name → index in `events` */
  index: Record<string, number>;
  cache: EventsCacheState;
  /** event names handed out so far */
  counter: number;
  /** resourceVersion source for created/updated events */
  resourceVersion: number;
}

/** 2024-01-01T00:00:00Z, a plausible epoch when none is given. */
const DEFAULT_EPOCH_MS = 1_704_067_200_000;

export class EventRecorder {
  readonly state: EventRecorderState;
  /** events this recorder may change in place; the others are shared with a copy (clone()) */
  private owned = new WeakSet<EventObject>();

  constructor(options: EventRecorderOptions = {}) {
    this.state = {
      correlate: options.correlate ?? true,
      spamFilter: options.spamFilter ?? true,
      epochMs: options.epochMs ?? DEFAULT_EPOCH_MS,
      events: [],
      index: {},
      cache: emptyEventsCache(),
      counter: 0,
      resourceVersion: 0,
    };
  }

  static fromState(state: EventRecorderState): EventRecorder {
    const r = new EventRecorder();
    Object.assign(r.state, structuredClone(state));
    return r;
  }

  /**
   * An independent copy, made without structuredClone: an event's involvedObject and
   * source, and the logger's entries, are never changed after they are written, so the
   * copy shares them; what record() mutates (the event's count/timestamps/message/
   * resourceVersion, the aggregator's records) is copied.
   */
  clone(): EventRecorder {
    const s = this.state;
    const r = new EventRecorder();
    const c = s.cache;
    // both sides now share every event: each copies one before changing it (owned sets start empty)
    this.owned = new WeakSet();
    Object.assign(r.state, {
      correlate: s.correlate,
      spamFilter: s.spamFilter,
      epochMs: s.epochMs,
      events: s.events.slice(),
      index: { ...s.index },
      cache: {
        logger: { ...c.logger },
        aggregator: Object.fromEntries(Object.entries(c.aggregator).map(([k, v]) => [k, { localKeys: v.localKeys.slice(), lastTimestamp: v.lastTimestamp }])),
        spam: Object.fromEntries(Object.entries(c.spam).map(([k, v]) => [k, { ...v }])),
      },
      counter: s.counter,
      resourceVersion: s.resourceVersion,
    });
    return r;
  }

  record(e: EventInput, now: Seconds): EventObject | null {
    const ev = this.observe(e, now);
    return ev ? copyEvent(ev) : null;
  }

  /**
   * As `record`, but returns the stored event itself, for callers that only read it
   * at once (the simulation's hot path: a copy per failed probe adds up).
   */
  observe(e: EventInput, now: Seconds): Readonly<EventObject> | null {
    const s = this.state;
    // keys are computed from the caller's objects (their key parts are cached per object);
    // the stored event gets copies
    let toRecord: EventInput = e;
    let key: string;
    if (s.correlate) {
      const agg = eventAggregate(s.cache, e, now);
      toRecord = agg.event;
      key = agg.key;
    } else key = eventKey(e);
    toRecord = { ...toRecord, involvedObject: { ...toRecord.involvedObject }, source: { ...toRecord.source } };
    const log = eventObserve(s.cache, key, now, () => this.newName(toRecord.involvedObject.name, now));
    if (s.correlate && s.spamFilter && spamFilter(s.cache, toRecord, now)) return null;

    s.resourceVersion++;
    const existing = s.index[log.name];
    if (existing !== undefined) {
      let ev = s.events[existing];
      // copy-on-write: an event shared with a checkpoint copy is copied before it changes
      if (!this.owned.has(ev)) {
        ev = { ...ev, metadata: { ...ev.metadata } };
        s.events[existing] = ev;
        this.owned.add(ev);
      }
      ev.count = log.count;
      ev.lastTimestamp = now;
      ev.message = toRecord.message;
      ev.metadata.resourceVersion = String(s.resourceVersion);
      return ev;
    }
    // First write of this name (or the earlier ones were all filtered: client-go
    // then creates it with the accumulated count).
    const ev: EventObject = {
      kind: 'Event',
      metadata: {
        name: log.name,
        namespace: toRecord.involvedObject.namespace,
        uid: this.uid(s.events.length + 1),
        labels: {},
        annotations: {},
        creationTimestamp: now,
        resourceVersion: String(s.resourceVersion),
      },
      involvedObject: toRecord.involvedObject,
      reason: toRecord.reason,
      message: toRecord.message,
      type: toRecord.type,
      source: toRecord.source,
      count: log.count,
      firstTimestamp: log.firstTimestamp,
      lastTimestamp: now,
    };
    s.index[log.name] = s.events.length;
    s.events.push(ev);
    this.owned.add(ev);
    return ev;
  }

  /** All stored events in creation order (copies). */
  list(): EventObject[] {
    return structuredClone(this.state.events);
  }

  /** Copies of all events as list() gives, made field by field (views are built often; structuredClone was the cost). */
  copies(): EventObject[] {
    return this.state.events.map(copyEvent);
  }

  /** Events whose involvedObject is `kind`/`name` (any fieldPath), creation order. */
  forObject(kind: string, name: string, namespace?: string): EventObject[] {
    return structuredClone(
      this.state.events.filter(
        (e) =>
          e.involvedObject.kind === kind &&
          e.involvedObject.name === name &&
          (namespace === undefined || e.involvedObject.namespace === namespace),
      ),
    );
  }

  private newName(objectName: string, now: Seconds): string {
    const s = this.state;
    s.counter++;
    const nanos = (BigInt(s.epochMs) + BigInt(Math.round(now * 1000))) * 1_000_000n + BigInt(s.counter);
    return `${objectName}.${nanos.toString(16)}`;
  }

  private uid(n: number): string {
    const hex = n.toString(16).padStart(12, '0');
    return `e0e0e0e0-0000-4000-8000-${hex}`;
  }
}

/** A copy of an event (its nested objects are flat records): cheaper than structuredClone on the hot path. */
function copyEvent(ev: EventObject): EventObject {
  return {
    ...ev,
    metadata: { ...ev.metadata, labels: { ...ev.metadata.labels }, annotations: { ...ev.metadata.annotations } },
    involvedObject: { ...ev.involvedObject },
    source: { ...ev.source },
  };
}
