/**
 * client-go's EventCorrelator (k/k:staging/src/k8s.io/client-go/tools/record/events_cache.go)
 * as plain, structuredClone-able data plus pure-ish functions that update it:
 *   1. aggregator: more than 9 distinct messages for the same (source, object
 *      without fieldPath, type, reason) within a rolling 600 s → the event is
 *      replaced by one whose message is "(combined from similar events): <msg>";
 *   2. logger: identical events (source, object incl. fieldPath, type, reason,
 *      message) → the cached one's name, count+1, firstTimestamp kept;
 *   3. spam filter: token bucket per (source, object), burst 25, refill 1/300 s;
 *      a filtered event is dropped, but the logger has already counted it.
 * The LRU bound (4096 keys) is not modelled: a simulation never gets near it.
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

export interface EventLog {
  count: number;
  firstTimestamp: Seconds;
  name: string;
}

export interface AggregateRecord {
  /** distinct messages seen, in insertion order (a Go sets.String) */
  localKeys: string[];
  lastTimestamp: Seconds;
}

export interface SpamRecord {
  tokens: number;
  last: Seconds;
}

export interface EventsCacheState {
  logger: Record<string, EventLog>;
  aggregator: Record<string, AggregateRecord>;
  spam: Record<string, SpamRecord>;
}

export function emptyEventsCache(): EventsCacheState {
  return { logger: {}, aggregator: {}, spam: {} };
}

const SEP = '\u0000';

/** getEventKey: source, involvedObject (with fieldPath), type, reason, message. */
/** source + involvedObject part of the keys, cached per involvedObject (the kubelet reuses one per container) */
const objectParts = new WeakMap<object, { withField: string; withoutField: string; source: EventInput['source'] }>();

function objectPart(e: EventInput) {
  let p = objectParts.get(e.involvedObject);
  if (!p || p.source.component !== e.source.component || p.source.host !== e.source.host) {
    const o = e.involvedObject;
    const src = [e.source.component, e.source.host ?? ''];
    p = {
      withField: [...src, o.kind, o.namespace, o.name, o.fieldPath ?? '', o.uid].join(SEP),
      withoutField: [...src, o.kind, o.namespace, o.name, o.uid].join(SEP),
      source: e.source,
    };
    objectParts.set(e.involvedObject, p);
  }
  return p;
}

export function eventKey(e: EventInput): string {
  return objectPart(e).withField + SEP + e.type + SEP + e.reason + SEP + e.message;
}

/** getSpamKey: source and involvedObject without fieldPath. */
export function spamKey(e: EventInput): string {
  const o = e.involvedObject;
  return [e.source.component, e.source.host ?? '', o.kind, o.namespace, o.name, o.uid].join(SEP);
}

/** EventAggregatorByReasonFunc: aggregate key (no fieldPath, no message) and local key (message). */
export function aggregateKeys(e: EventInput): { aggregateKey: string; localKey: string } {
  const aggregateKey = objectPart(e).withoutField + SEP + e.type + SEP + e.reason;
  return { aggregateKey, localKey: e.message };
}

/**
 * EventAggregate. Returns the event to record and its logger key; `aggregated`
 * when it was turned into a "(combined from similar events)" event. Such events
 * share one logger key per aggregate key, so they all update a single event
 * (whose involvedObject stays that of its first occurrence, as a patch of count,
 * lastTimestamp and message leaves it).
 */
export function eventAggregate(
  state: EventsCacheState,
  e: EventInput,
  now: Seconds,
): { event: EventInput; key: string; aggregated: boolean } {
  const { aggregateKey, localKey } = aggregateKeys(e);
  let record = state.aggregator[aggregateKey];
  if (!record || now - record.lastTimestamp > AGGREGATE_INTERVAL_SECONDS) {
    record = { localKeys: [], lastTimestamp: now };
  }
  if (!record.localKeys.includes(localKey)) record.localKeys.push(localKey);
  record.lastTimestamp = now;
  state.aggregator[aggregateKey] = record;
  if (record.localKeys.length < AGGREGATE_MAX_EVENTS) {
    return { event: e, key: eventKey(e), aggregated: false };
  }
  // Go pops an arbitrary key to stay below the max; we pop the newest one so the
  // outcome is deterministic (every further new message is aggregated, as in Go).
  record.localKeys.pop();
  return {
    event: { ...e, message: AGGREGATE_MESSAGE_PREFIX + e.message },
    key: aggregateKey,
    aggregated: true,
  };
}

/** eventObserve: count this occurrence under `key`; a name is assigned by `newName` for a first occurrence. */
export function eventObserve(
  state: EventsCacheState,
  key: string,
  now: Seconds,
  newName: () => string,
): EventLog {
  const last = state.logger[key];
  const log: EventLog = last
    ? { count: last.count + 1, firstTimestamp: last.firstTimestamp, name: last.name }
    : { count: 1, firstTimestamp: now, name: newName() };
  state.logger[key] = log;
  return log;
}

/**
 * EventSourceObjectSpamFilter.Filter: true when the event must be dropped.
 * Token bucket (golang.org/x/time/rate via flowcontrol.NewTokenBucketRateLimiter):
 * starts full at `burst`, refills continuously at `qps`, a denied call leaves it unchanged.
 */
export function spamFilter(state: EventsCacheState, e: EventInput, now: Seconds, burst = SPAM_BURST, qps = SPAM_QPS): boolean {
  const key = spamKey(e);
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
