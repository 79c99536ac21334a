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
 * Keys are built from small ids (event-recorder.ts interns objects and messages), not
 * from the long strings Go concatenates: a simulation records tens of thousands of
 * events and each key is kept.
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

/** what the logger knows about a key when it differs from the stored event (spam-filtered repeats) */
export interface EventLog {
  count: number;
  firstTimestamp: Seconds;
  name: string;
  /** the stored event written under this key, if one was */
  event?: number;
}

export interface AggregateRecord {
  /** ids of the distinct messages seen, in insertion order (a Go sets.String) */
  localKeys: number[];
  lastTimestamp: Seconds;
}

export interface SpamRecord {
  tokens: number;
  last: Seconds;
}

export interface EventsCacheState {
  /**
   * getEventKey → the stored event's index when the logger agrees with it (count,
   * firstTimestamp, name), else what the logger counted.
   */
  logger: Record<string, number | EventLog>;
  /** aggregate key → similar messages; a record idle for more than 600 s counts as absent and may be dropped */
  aggregator: Record<string, AggregateRecord>;
  /** getSpamKey (source + object without fieldPath) → token bucket */
  spam: Record<string, SpamRecord>;
}

export function emptyEventsCache(): EventsCacheState {
  return { logger: {}, aggregator: {}, spam: {} };
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

/** getEventKey: source, involvedObject (with fieldPath), type, reason, message. */
export function eventKey(ids: EventKeyIds, e: Pick<EventInput, 'type' | 'reason'>): string {
  return `${ids.object}\u0000${e.type}\u0000${e.reason}\u0000${ids.message}`;
}

/** EventAggregatorByReasonFunc's aggregate key: source, object without fieldPath, type, reason. */
export function aggregateKey(ids: EventKeyIds, e: Pick<EventInput, 'type' | 'reason'>): string {
  return `a${ids.group}\u0000${e.type}\u0000${e.reason}`;
}

/**
 * EventAggregate. Returns the logger key to count the event under and whether it was
 * turned into a "(combined from similar events)" event. Such events share one logger
 * key per aggregate key, so they all update a single event (whose involvedObject stays
 * that of its first occurrence, as a patch of count, lastTimestamp and message leaves it).
 * Records are replaced, never changed, so a checkpoint copy may share them.
 */
export function eventAggregate(state: EventsCacheState, ids: EventKeyIds, e: Pick<EventInput, 'type' | 'reason'>, now: Seconds): { key: string; aggregated: boolean } {
  const akey = aggregateKey(ids, e);
  const prev = state.aggregator[akey];
  const fresh = !prev || now - prev.lastTimestamp > AGGREGATE_INTERVAL_SECONDS;
  let localKeys = fresh ? [] : prev.localKeys;
  const seen = localKeys.includes(ids.message);
  if (!seen) localKeys = [...localKeys, ids.message];
  // Go pops an arbitrary key to stay below the max; we pop the newest one so the
  // outcome is deterministic (every further new message is aggregated, as in Go).
  const aggregated = localKeys.length >= AGGREGATE_MAX_EVENTS;
  if (aggregated) localKeys = localKeys.slice(0, -1);
  state.aggregator[akey] = { localKeys, lastTimestamp: now };
  return aggregated ? { key: akey, aggregated: true } : { key: eventKey(ids, e), aggregated: false };
}

/** Drop aggregate records idle for more than 600 s at `now` (they count as absent from then on). */
export function pruneAggregator(state: EventsCacheState, now: Seconds): void {
  for (const k in state.aggregator) if (now - state.aggregator[k].lastTimestamp > AGGREGATE_INTERVAL_SECONDS) delete state.aggregator[k];
}

/**
 * EventSourceObjectSpamFilter.Filter: true when the event must be dropped.
 * Token bucket (golang.org/x/time/rate via flowcontrol.NewTokenBucketRateLimiter):
 * starts full at `burst`, refills continuously at `qps`, a denied call leaves it unchanged.
 */
export function spamFilter(state: EventsCacheState, ids: EventKeyIds, now: Seconds, burst = SPAM_BURST, qps = SPAM_QPS): boolean {
  const key = String(ids.group);
  const rec = state.spam[key] ?? { tokens: burst, last: now };
  const elapsed = Math.max(0, now - rec.last);
  const tokens = Math.min(burst, rec.tokens + elapsed * qps);
  // a tiny tolerance so that exactly 300 s of refill yields one whole token
  if (tokens >= 1 - 1e-9) {
    state.spam[key] = { tokens: tokens - 1, last: now };
    return false;
  }
  state.spam[key] = rec;
  return true;
}
