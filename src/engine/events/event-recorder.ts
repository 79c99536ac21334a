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
 * The store is compact, because a long run records tens of thousands of events: each
 * distinct involvedObject + source and each distinct message is kept once (`subjects`,
 * `messages`, `keys`), a stored event holds only what varies, and the API object is
 * built when it is read (list, copies, forObject). Stored events and correlator records
 * are replaced, never changed, so a checkpoint copy shares them.
 *
 * All state is plain data (`state`), so `clone()` / `EventRecorder.fromState`
 * give checkpoints.
 */
import type { EventObject, InvolvedObject, Seconds } from '../model/objects';
import {
  combinedSlot,
  copyEventsCache,
  emptyEventsCache,
  eventAggregate,
  loggerSlot,
  pruneAggregator,
  setSlot,
  spamFilter,
  AGGREGATE_INTERVAL_SECONDS,
  AGGREGATE_MESSAGE_PREFIX,
  type EventInput,
  type EventKeyIds,
  type EventsCacheState,
  type LoggerEntry,
  type LoggerValue,
  type Slot,
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

/** the involvedObject and source of events, as the first event about them gave them */
export interface EventSubject {
  involvedObject: InvolvedObject;
  source: { component: string; host?: string };
}

/** An event as stored; `toEventObject` gives the API object. */
export interface StoredEvent {
  name: string;
  /** index in `subjects` */
  subject: number;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  count: number;
  firstTimestamp: Seconds;
  lastTimestamp: Seconds;
  creationTimestamp: Seconds;
  resourceVersion: number;
}

export interface EventRecorderState {
  correlate: boolean;
  spamFilter: boolean;
  epochMs: number;
  /** all events, in creation order (the uid derives from the position) */
  events: StoredEvent[];
  /** distinct involvedObject + source pairs, exactly as given */
  subjects: EventSubject[];
  /** distinct messages */
  messages: string[];
  /** distinct key parts (source + object, with or without fieldPath): a key's id is its index */
  keys: string[];
  cache: EventsCacheState;
  /** event names handed out so far */
  counter: number;
  /** resourceVersion source for created/updated events */
  resourceVersion: number;
}

/** 2024-01-01T00:00:00Z, a plausible epoch when none is given. */
const DEFAULT_EPOCH_MS = 1_704_067_200_000;

const SEP = '\u0000';

/**
 * Lookups into the append-only tables of a state. A recorder and its clones share
 * them: an entry's id depends only on its content and the order entries first
 * appeared, and both sides only append, so shared ids mean the same thing on both.
 */
class InternTables {
  readonly subjectIds = new Map<string, number>();
  readonly messageIds = new Map<string, number>();
  readonly keyIds = new Map<string, number>();
  /** ids per caller involvedObject (the kubelet reuses one per container) */
  readonly byObject = new WeakMap<object, { component: string; host: string | undefined; hasHost: boolean; subject: number; object: number; group: number }>();

  constructor(readonly state: EventRecorderState) {
    state.messages.forEach((m, i) => this.messageIds.set(m, i));
    state.keys.forEach((k, i) => this.keyIds.set(k, i));
    state.subjects.forEach((s, i) => this.subjectIds.set(subjectKey(s.involvedObject, s.source, this.key(objectKey(s.involvedObject, s.source))), i));
  }

  message(m: string): number {
    let id = this.messageIds.get(m);
    if (id === undefined) {
      id = this.state.messages.length;
      this.state.messages.push(m);
      this.messageIds.set(m, id);
    }
    return id;
  }

  key(k: string): number {
    let id = this.keyIds.get(k);
    if (id === undefined) {
      id = this.state.keys.length;
      this.state.keys.push(k);
      this.keyIds.set(k, id);
    }
    return id;
  }

  /** subject, object and group ids of an event's involvedObject + source */
  ids(e: EventInput): { subject: number; object: number; group: number } {
    const io = e.involvedObject;
    const src = e.source;
    const hasHost = 'host' in src;
    const cached = this.byObject.get(io);
    if (cached && cached.component === src.component && cached.host === src.host && cached.hasHost === hasHost) return cached;
    const object = this.key(objectKey(io, src));
    const group = this.key(groupKey(io, src));
    const sk = subjectKey(io, src, object);
    let subject = this.subjectIds.get(sk);
    if (subject === undefined) {
      subject = this.state.subjects.length;
      this.state.subjects.push({ involvedObject: { ...io }, source: { ...src } });
      this.subjectIds.set(sk, subject);
    }
    const entry = { component: src.component, host: src.host, hasHost, subject, object, group };
    this.byObject.set(io, entry);
    return entry;
  }
}

/** getEventKey's source + involvedObject part (with fieldPath) */
function objectKey(io: InvolvedObject, src: EventSubject['source']): string {
  return src.component + SEP + (src.host ?? '') + SEP + io.kind + SEP + io.namespace + SEP + io.name + SEP + (io.fieldPath ?? '') + SEP + io.uid;
}

/** getSpamKey / the aggregate key's source + involvedObject part (without fieldPath) */
function groupKey(io: InvolvedObject, src: EventSubject['source']): string {
  return 'g' + src.component + SEP + (src.host ?? '') + SEP + io.kind + SEP + io.namespace + SEP + io.name + SEP + io.uid;
}

const INVOLVED_FIELDS = new Set(['kind', 'name', 'namespace', 'uid', 'fieldPath']);
const SOURCE_FIELDS = new Set(['component', 'host']);

/** field names in order, each with whether it holds a string; null when a field is one the object key does not hold */
function shapeOf(o: object, known: Set<string>): string | null {
  let shape = '';
  for (const [k, v] of Object.entries(o)) {
    if (!known.has(k) || (v !== undefined && typeof v !== 'string')) return null;
    shape += `${k}${v === undefined ? '?' : ''},`;
  }
  return shape;
}

/**
 * The exact content of an involvedObject + source (field order and all), as the subject
 * table's key: the object key (`object`, its id) holds every value of the usual fields,
 * so their names and order complete it; anything else is spelled out.
 */
function subjectKey(io: InvolvedObject, src: EventSubject['source'], object: number): string {
  const a = shapeOf(io, INVOLVED_FIELDS);
  const b = shapeOf(src, SOURCE_FIELDS);
  return a !== null && b !== null ? `${object}|${a}|${b}` : JSON.stringify([Object.keys(io), io, Object.keys(src), src]);
}

export class EventRecorder {
  readonly state: EventRecorderState;
  private tables: InternTables;
  /** virtual time of the last sweep of idle aggregate records */
  private prunedAt = -Infinity;
  /** position of the event `note` returned last */
  private lastIndex = -1;

  constructor(options: EventRecorderOptions = {}) {
    this.state = {
      correlate: options.correlate ?? true,
      spamFilter: options.spamFilter ?? true,
      epochMs: options.epochMs ?? DEFAULT_EPOCH_MS,
      events: [],
      subjects: [],
      messages: [],
      keys: [],
      cache: emptyEventsCache(),
      counter: 0,
      resourceVersion: 0,
    };
    this.tables = new InternTables(this.state);
  }

  static fromState(state: EventRecorderState): EventRecorder {
    const r = new EventRecorder();
    Object.assign(r.state, structuredClone(state));
    r.tables = new InternTables(r.state);
    return r;
  }

  /**
   * An independent copy, made without structuredClone: stored events, logger entries and
   * aggregate records are replaced rather than changed, so the copy shares them (and
   * copies only the lists holding them); the intern tables only grow, so both share those.
   */
  clone(): EventRecorder {
    const s = this.state;
    const r = new EventRecorder();
    const c = s.cache;
    Object.assign(r.state, {
      correlate: s.correlate,
      spamFilter: s.spamFilter,
      epochMs: s.epochMs,
      events: s.events.slice(),
      subjects: s.subjects,
      messages: s.messages,
      keys: s.keys,
      cache: copyEventsCache(c),
      counter: s.counter,
      resourceVersion: s.resourceVersion,
    });
    r.tables = this.tables;
    return r;
  }

  record(e: EventInput, now: Seconds): EventObject | null {
    const ev = this.note(e, now);
    return ev ? this.toEventObject(ev, this.lastIndex) : null;
  }

  /** As `record`: the event as stored now (an API object built for the caller). */
  observe(e: EventInput, now: Seconds): Readonly<EventObject> | null {
    return this.record(e, now);
  }

  /**
   * Record an event; returns what is stored for it (read it at once: a later event
   * replaces it), or null when the spam filter dropped it. The simulation's hot path.
   */
  note(e: EventInput, now: Seconds): StoredEvent | null {
    const s = this.state;
    const t = this.tables;
    const sub = t.ids(e);
    const ids: EventKeyIds = { object: sub.object, group: sub.group, message: t.message(e.message) };
    let message = e.message;
    let slot: Slot<LoggerValue>;
    if (s.correlate) {
      if (now - this.prunedAt >= AGGREGATE_INTERVAL_SECONDS) {
        pruneAggregator(s.cache, now);
        this.prunedAt = now;
      }
      if (eventAggregate(s.cache, ids, e, now)) {
        message = AGGREGATE_MESSAGE_PREFIX + e.message;
        slot = combinedSlot(s.cache, ids, e, s.events);
      } else slot = loggerSlot(s.cache, ids, e, s.events);
    } else slot = loggerSlot(s.cache, ids, e, s.events);

    // eventObserve: count this occurrence under its key; a first occurrence gets a name
    const last = slot.value;
    let count: number;
    let firstTimestamp: Seconds;
    let name: string;
    let index: number | undefined;
    if (typeof last === 'number') {
      const prev = s.events[last];
      count = prev.count + 1;
      firstTimestamp = prev.firstTimestamp;
      name = prev.name;
      index = last;
    } else if (last) {
      count = last.count + 1;
      firstTimestamp = last.firstTimestamp;
      name = last.name;
      index = last.event;
    } else {
      count = 1;
      firstTimestamp = now;
      name = this.newName(e.involvedObject.name, now);
    }
    if (s.correlate && s.spamFilter && spamFilter(s.cache, ids, now)) {
      const log: LoggerEntry = { type: e.type, reason: e.reason, count, firstTimestamp, name };
      if (index !== undefined) log.event = index;
      setSlot(slot, log);
      return null;
    }

    s.resourceVersion++;
    // the stored message is the interned one (a combined one is new each time and not kept apart)
    if (message === e.message) message = s.messages[ids.message];
    let ev: StoredEvent;
    if (index !== undefined) {
      // a patch: count, lastTimestamp, message (written out: a spread is slower on this path)
      const prev = s.events[index];
      ev = {
        name: prev.name,
        subject: prev.subject,
        reason: prev.reason,
        message,
        type: prev.type,
        count,
        firstTimestamp: prev.firstTimestamp,
        lastTimestamp: now,
        creationTimestamp: prev.creationTimestamp,
        resourceVersion: s.resourceVersion,
      };
      s.events[index] = ev;
    } else {
      // First write of this name (or the earlier ones were all filtered: client-go
      // then creates it with the accumulated count).
      index = s.events.length;
      ev = {
        name,
        subject: sub.subject,
        reason: e.reason,
        message,
        type: e.type,
        count,
        firstTimestamp,
        lastTimestamp: now,
        creationTimestamp: now,
        resourceVersion: s.resourceVersion,
      };
      s.events.push(ev);
    }
    // the logger now agrees with the stored event
    if (last !== index) setSlot(slot, index);
    this.lastIndex = index;
    // a run nobody reads (the CLI) must not pile these up: forgetting them costs one full rebuild
    if (this.written.length > s.events.length + 1024) this.written.length = 0;
    this.written.push(index);
    return ev;
  }

  /** the involvedObject + source of a stored event */
  subjectOf(ev: StoredEvent): EventSubject {
    return this.state.subjects[ev.subject];
  }

  /** All stored events in creation order (copies). */
  list(): EventObject[] {
    return this.copies();
  }

  /** All stored events in creation order, as API objects built for the caller. */
  copies(): EventObject[] {
    return this.state.events.map((ev, i) => this.toEventObject(ev, i));
  }

  /** the list `objects` returned last, the event list and version it was made from */
  private shared: { list: readonly EventObject[]; events: StoredEvent[]; version: number } | null = null;
  /** positions of the events written (created or patched) since `objects` was last called */
  private written: number[] = [];

  /**
   * All stored events in creation order, as API objects shared with every other reader:
   * never change them. A stored event is replaced, never changed, so its API object is
   * built once (`builtEvents`); while nothing is recorded the same list comes back, and
   * after a write only the events written since are built.
   */
  objects(): readonly EventObject[] {
    const s = this.state;
    const prev = this.shared;
    const written = this.written;
    this.written = [];
    if (prev && prev.events === s.events && prev.version === s.resourceVersion && prev.list.length === s.events.length) return prev.list;
    let list: EventObject[];
    // each write is one version: when they add up, only the positions written changed
    if (prev && prev.events === s.events && s.resourceVersion - prev.version === written.length && prev.list.length <= s.events.length) {
      list = prev.list.slice();
      for (const i of written) list[i] = this.sharedObject(s.events[i], i, prev.list[i]);
    } else list = s.events.map((ev, i) => this.sharedObject(ev, i, undefined));
    this.shared = { list, events: s.events, version: s.resourceVersion };
    return list;
  }

  /**
   * The shared API object of a stored event (`index`: its position, which never changes;
   * `before`: the object of the event stored there before, whose uid is the same). Shared
   * objects of one subject share its involvedObject and source: they are read, not changed.
   */
  private sharedObject(ev: StoredEvent, index: number, before: EventObject | undefined): EventObject {
    let o = builtEvents.get(ev);
    if (o !== undefined) return o;
    const subject = this.state.subjects[ev.subject];
    let parts = subjectParts.get(subject);
    if (!parts) subjectParts.set(subject, (parts = { involvedObject: { ...subject.involvedObject }, source: { ...subject.source } }));
    o = {
      kind: 'Event',
      metadata: {
        name: ev.name,
        namespace: subject.involvedObject.namespace,
        uid: before?.metadata.uid ?? uid(index + 1),
        labels: NO_LABELS,
        annotations: NO_LABELS,
        creationTimestamp: ev.creationTimestamp,
        resourceVersion: String(ev.resourceVersion),
      },
      involvedObject: parts.involvedObject,
      reason: ev.reason,
      message: ev.message,
      type: ev.type,
      source: parts.source,
      count: ev.count,
      firstTimestamp: ev.firstTimestamp,
      lastTimestamp: ev.lastTimestamp,
    };
    builtEvents.set(ev, o);
    return o;
  }

  /** Events whose involvedObject is `kind`/`name` (any fieldPath), creation order. */
  forObject(kind: string, name: string, namespace?: string): EventObject[] {
    const out: EventObject[] = [];
    this.state.events.forEach((ev, i) => {
      const o = this.state.subjects[ev.subject].involvedObject;
      if (o.kind === kind && o.name === name && (namespace === undefined || o.namespace === namespace)) out.push(this.toEventObject(ev, i));
    });
    return out;
  }

  /** the API object of a stored event (`index`: its position, which its uid derives from) */
  private toEventObject(ev: StoredEvent, index: number): EventObject {
    const subject = this.state.subjects[ev.subject];
    return {
      kind: 'Event',
      metadata: {
        name: ev.name,
        namespace: subject.involvedObject.namespace,
        uid: uid(index + 1),
        labels: {},
        annotations: {},
        creationTimestamp: ev.creationTimestamp,
        resourceVersion: String(ev.resourceVersion),
      },
      involvedObject: { ...subject.involvedObject },
      reason: ev.reason,
      message: ev.message,
      type: ev.type,
      source: { ...subject.source },
      count: ev.count,
      firstTimestamp: ev.firstTimestamp,
      lastTimestamp: ev.lastTimestamp,
    };
  }

  private newName(objectName: string, now: Seconds): string {
    const s = this.state;
    s.counter++;
    const nanos = (BigInt(s.epochMs) + BigInt(Math.round(now * 1000))) * 1_000_000n + BigInt(s.counter);
    return `${objectName}.${nanos.toString(16)}`;
  }
}

/**
 * API objects of stored events, shared by a recorder and its checkpoint copies (which
 * share the stored events themselves, at the same positions).
 */
const builtEvents = new WeakMap<StoredEvent, EventObject>();

/** the involvedObject and source that shared event objects of a subject hold */
const subjectParts = new WeakMap<EventSubject, { involvedObject: InvolvedObject; source: EventSubject['source'] }>();

/** the labels and annotations of shared event objects (events carry none): frozen, as they are shared */
const NO_LABELS: Record<string, string> = Object.freeze({}) as Record<string, string>;

function uid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `e0e0e0e0-0000-4000-8000-${hex}`;
}
