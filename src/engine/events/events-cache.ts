/**
 * client-go's EventCorrelator (k/k:staging/src/k8s.io/client-go/tools/record/events_cache.go)
 * as plain, structuredClone-able data plus functions that update it:
 *   1. aggregator: more than 9 distinct messages for the same (source, object
 *      without fieldPath, type, reason) within a rolling 600 s → the event is
 *      replaced by one whose message is "(combined from similar events): <msg>";
 *   2. logger: identical events (source, object incl. fieldPath, type, reason,
 *      message) → the cached one's name, count+1, firstTimestamp kept;
 *   3. spam filter: token bucket per (source, object), burst 25, refill 1/300 s;
 *      a filtered event is dropped, but the logger has already counted it.
 * The LRU bound (4096 keys) is not modelled: every key is kept, so counts never
 * restart because a key was evicted.
 *
 * Go keys its caches by long concatenated strings. Here the parts are small ids
 * (event-recorder.ts interns objects and messages): the caches are records indexed by
 * those ids, then a short list per (type, reason). A simulation records tens of
 * thousands of events, keeps every key, and looks one up per event.
 */
import type { InvolvedObject, Seconds } from '../model/objects';

// events_cache.go constants
export const AGGREGATE_MAX_EVENTS = 10;
export const AGGREGATE_INTERVAL_SECONDS = 600;
export const SPAM_BURST = 25;
export const SPAM_QPS = 1 / 300;
export const AGGREGATE_MESSAGE_PREFIX = '(combined from similar events): ';

export interface EventInput {
  involvedObject: InvolvedObject;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: { component: string; host?: string };
}

/** What the logger counted for a key when that differs from the stored event (spam-filtered repeats). */
export interface LoggerEntry {
  type: string;
  reason: string;
  count: number;
  firstTimestamp: Seconds;
  name: string;
  /** the stored event written under this key, if one was */
  event?: number;
}

/**
 * A key's logger value: the index of the event stored under it while the logger agrees
 * with that event (its count, firstTimestamp and name; its type and reason are the
 * key's), else what the logger counted.
 */
export type LoggerValue = number | LoggerEntry;

/** one value, or several when one object and message come with more than one (type, reason) */
export type OneOrMore<T> = T | T[];

export interface AggregateRecord {
  type: string;
  reason: string;
  /** ids of the distinct messages seen, in insertion order (a Go sets.String) */
  localKeys: number[];
  lastTimestamp: Seconds;
}

export interface SpamRecord {
  tokens: number;
  last: Seconds;
}

export interface EventsCacheState {
  /** getEventKey: object id → message id → per (type, reason) */
  logger: Record<number, Record<number, OneOrMore<LoggerValue>>>;
  /** the logger's values for combined events (one per aggregate key): group id → per (type, reason) */
  combined: Record<number, OneOrMore<LoggerValue>>;
  /** aggregate key: group id → per (type, reason); a record idle for more than 600 s counts as absent and may be dropped */
  aggregator: Record<number, OneOrMore<AggregateRecord>>;
  /** getSpamKey (source + object without fieldPath): group id → token bucket */
  spam: Record<number, SpamRecord>;
}

export function emptyEventsCache(): EventsCacheState {
  return { logger: {}, combined: {}, aggregator: {}, spam: {} };
}

function copyList<T>(v: OneOrMore<T>): OneOrMore<T> {
  return Array.isArray(v) ? v.slice() : v;
}

/** A copy whose records and lists may change without touching the original (values are replaced, never changed). */
export function copyEventsCache(c: EventsCacheState): EventsCacheState {
  const logger: EventsCacheState['logger'] = {};
  for (const o in c.logger) {
    const inner: Record<number, OneOrMore<LoggerValue>> = {};
    const from = c.logger[o];
    for (const m in from) inner[m] = copyList(from[m]);
    logger[o] = inner;
  }
  const combined: EventsCacheState['combined'] = {};
  for (const g in c.combined) combined[g] = copyList(c.combined[g]);
  const aggregator: EventsCacheState['aggregator'] = {};
  for (const g in c.aggregator) aggregator[g] = copyList(c.aggregator[g]);
  return { logger, combined, aggregator, spam: { ...c.spam } };
}

/** The ids an event's keys are made of (event-recorder.ts assigns them). */
export interface EventKeyIds {
  /** source + involvedObject with fieldPath */
  object: number;
  /** source + involvedObject without fieldPath (also the spam key) */
  group: number;
  /** the message */
  message: number;
}

/** What a key names besides its ids. */
type Kind = { type: string; reason: string };

/** Where a key's value lives: `holder[key]`, one value or a list of them; `at` its place in the list. */
export interface Slot<T> {
  holder: Record<number, OneOrMore<T>>;
  key: number;
  /** the key's value, if it has one */
  value: T | undefined;
  /** its position when the holder's entry is a list */
  at: number;
}

/**
 * The slot of `holder[key]` for (type, reason). `events` given: the values are logger
 * values (an event index stands for that event's type and reason); else they carry
 * their own type and reason.
 */
function slot<T extends LoggerValue | AggregateRecord>(holder: Record<number, OneOrMore<T>>, key: number, kind: Kind, events?: readonly Kind[]): Slot<T> {
  const cur = holder[key];
  if (cur !== undefined) {
    if (!Array.isArray(cur)) {
      const k = typeof cur === 'number' ? events![cur] : (cur as Kind);
      if (k.type === kind.type && k.reason === kind.reason) return { holder, key, value: cur, at: -1 };
    } else {
      for (let i = 0; i < cur.length; i++) {
        const v = cur[i];
        const k = typeof v === 'number' ? events![v] : (v as Kind);
        if (k.type === kind.type && k.reason === kind.reason) return { holder, key, value: v, at: i };
      }
    }
  }
  return { holder, key, value: undefined, at: -1 };
}

/** Give the slot's key the value `v`. */
export function setSlot<T>(s: Slot<T>, v: T): void {
  const cur = s.holder[s.key];
  if (cur === undefined) s.holder[s.key] = v;
  else if (Array.isArray(cur)) {
    if (s.value !== undefined) cur[s.at] = v;
    else cur.push(v);
  } else if (s.value !== undefined) s.holder[s.key] = v;
  else s.holder[s.key] = [cur, v];
}

/** getEventKey's slot: source, involvedObject (with fieldPath), type, reason, message. */
export function loggerSlot(state: EventsCacheState, ids: EventKeyIds, e: Kind, events: readonly Kind[]): Slot<LoggerValue> {
  const byMessage = (state.logger[ids.object] ??= {});
  return slot(byMessage, ids.message, e, events);
}

/** The slot of the aggregate key, under which every combined event of it is counted. */
export function combinedSlot(state: EventsCacheState, ids: EventKeyIds, e: Kind, events: readonly Kind[]): Slot<LoggerValue> {
  return slot(state.combined, ids.group, e, events);
}

/**
 * EventAggregate: whether the event is turned into a "(combined from similar events)"
 * one. Such events share one logger key per aggregate key, so they all update a single
 * event (whose involvedObject stays that of its first occurrence, as a patch of count,
 * lastTimestamp and message leaves it). Records are replaced, never changed.
 */
export function eventAggregate(state: EventsCacheState, ids: EventKeyIds, e: Kind, now: Seconds): boolean {
  const s = slot(state.aggregator, ids.group, e);
  const prev = s.value;
  const fresh = !prev || now - prev.lastTimestamp > AGGREGATE_INTERVAL_SECONDS;
  let localKeys = fresh ? [] : prev.localKeys;
  if (!localKeys.includes(ids.message)) localKeys = [...localKeys, ids.message];
  // Go pops an arbitrary key to stay below the max; we pop the newest one so the
  // outcome is deterministic (every further new message is aggregated, as in Go).
  const aggregated = localKeys.length >= AGGREGATE_MAX_EVENTS;
  if (aggregated) localKeys = localKeys.slice(0, -1);
  setSlot(s, { type: e.type, reason: e.reason, localKeys, lastTimestamp: now });
  return aggregated;
}

/** Drop aggregate records idle for more than 600 s at `now` (they count as absent from then on). */
export function pruneAggregator(state: EventsCacheState, now: Seconds): void {
  const live = (r: AggregateRecord) => now - r.lastTimestamp <= AGGREGATE_INTERVAL_SECONDS;
  for (const g in state.aggregator) {
    const cur = state.aggregator[g];
    if (!Array.isArray(cur)) {
      if (!live(cur)) delete state.aggregator[g];
      continue;
    }
    const kept = cur.filter(live);
    if (kept.length === 0) delete state.aggregator[g];
    else if (kept.length !== cur.length) state.aggregator[g] = kept.length === 1 ? kept[0] : kept;
  }
}

/**
 * EventSourceObjectSpamFilter.Filter: true when the event must be dropped.
 * Token bucket (golang.org/x/time/rate via flowcontrol.NewTokenBucketRateLimiter):
 * starts full at `burst`, refills continuously at `qps`, a denied call leaves it unchanged.
 */
export function spamFilter(state: EventsCacheState, ids: EventKeyIds, now: Seconds, burst = SPAM_BURST, qps = SPAM_QPS): boolean {
  const rec = state.spam[ids.group] ?? { tokens: burst, last: now };
  const elapsed = Math.max(0, now - rec.last);
  const tokens = Math.min(burst, rec.tokens + elapsed * qps);
  // a tiny tolerance so that exactly 300 s of refill yields one whole token
  if (tokens >= 1 - 1e-9) {
    state.spam[ids.group] = { tokens: tokens - 1, last: now };
    return false;
  }
  state.spam[ids.group] = rec;
  return true;
}
