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

/**
 * What the logger knows about one key. With `event` alone it agrees with that stored
 * event (its count, firstTimestamp and name); spam-filtered repeats make it keep its own.
 */
export interface LoggerEntry {
  type: string;
  reason: string;
  /** the stored event written under this key, if one was */
  event?: number;
  count?: number;
  firstTimestamp?: Seconds;
  name?: string;
}

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
  /** getEventKey: object id → message id → one entry per (type, reason) */
  logger: Record<number, Record<number, LoggerEntry[]>>;
  /** the logger's entries for combined events (one per aggregate key): group id → per (type, reason) */
  combined: Record<number, LoggerEntry[]>;
  /** aggregate key: group id → per (type, reason); a record idle for more than 600 s counts as absent and may be dropped */
  aggregator: Record<number, AggregateRecord[]>;
  /** getSpamKey (source + object without fieldPath): group id → token bucket */
  spam: Record<number, SpamRecord>;
}

export function emptyEventsCache(): EventsCacheState {
  return { logger: {}, combined: {}, aggregator: {}, spam: {} };
}

/** A copy whose records and lists may change without touching the original (entries are replaced, never changed). */
export function copyEventsCache(c: EventsCacheState): EventsCacheState {
  const logger: EventsCacheState['logger'] = {};
  for (const o in c.logger) {
    const inner: Record<number, LoggerEntry[]> = {};
    const from = c.logger[o];
    for (const m in from) inner[m] = from[m].slice();
    logger[o] = inner;
  }
  const combined: EventsCacheState['combined'] = {};
  for (const g in c.combined) combined[g] = c.combined[g].slice();
  const aggregator: EventsCacheState['aggregator'] = {};
  for (const g in c.aggregator) aggregator[g] = c.aggregator[g].slice();
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

function find<T extends { type: string; reason: string }>(list: readonly T[] | undefined, type: string, reason: string): number {
  if (list) for (let i = 0; i < list.length; i++) if (list[i].type === type && list[i].reason === reason) return i;
  return -1;
}

/** Where the logger keeps a key's entry: the list, and the entry's position in it (-1: not yet). */
export interface LoggerSlot {
  list: LoggerEntry[];
  at: number;
}

/** getEventKey's entry: source, involvedObject (with fieldPath), type, reason, message. */
export function loggerSlot(state: EventsCacheState, ids: EventKeyIds, e: Pick<EventInput, 'type' | 'reason'>): LoggerSlot {
  const byMessage = (state.logger[ids.object] ??= {});
  const list = (byMessage[ids.message] ??= []);
  return { list, at: find(list, e.type, e.reason) };
}

/** The entry of the aggregate key, under which every combined event of it is counted. */
export function combinedSlot(state: EventsCacheState, ids: EventKeyIds, e: Pick<EventInput, 'type' | 'reason'>): LoggerSlot {
  const list = (state.combined[ids.group] ??= []);
  return { list, at: find(list, e.type, e.reason) };
}

/**
 * EventAggregate: whether the event is turned into a "(combined from similar events)"
 * one. Such events share one logger key per aggregate key, so they all update a single
 * event (whose involvedObject stays that of its first occurrence, as a patch of count,
 * lastTimestamp and message leaves it). Records are replaced, never changed.
 */
export function eventAggregate(state: EventsCacheState, ids: EventKeyIds, e: Pick<EventInput, 'type' | 'reason'>, now: Seconds): boolean {
  const list = (state.aggregator[ids.group] ??= []);
  const at = find(list, e.type, e.reason);
  const prev = at >= 0 ? list[at] : undefined;
  const fresh = !prev || now - prev.lastTimestamp > AGGREGATE_INTERVAL_SECONDS;
  let localKeys = fresh ? [] : prev.localKeys;
  if (!localKeys.includes(ids.message)) localKeys = [...localKeys, ids.message];
  // Go pops an arbitrary key to stay below the max; we pop the newest one so the
  // outcome is deterministic (every further new message is aggregated, as in Go).
  const aggregated = localKeys.length >= AGGREGATE_MAX_EVENTS;
  if (aggregated) localKeys = localKeys.slice(0, -1);
  const record: AggregateRecord = { type: e.type, reason: e.reason, localKeys, lastTimestamp: now };
  if (at >= 0) list[at] = record;
  else list.push(record);
  return aggregated;
}

/** Drop aggregate records idle for more than 600 s at `now` (they count as absent from then on). */
export function pruneAggregator(state: EventsCacheState, now: Seconds): void {
  for (const g in state.aggregator) {
    const list = state.aggregator[g];
    const kept = list.filter((r) => now - r.lastTimestamp <= AGGREGATE_INTERVAL_SECONDS);
    if (kept.length === 0) delete state.aggregator[g];
    else if (kept.length !== list.length) state.aggregator[g] = kept;
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
