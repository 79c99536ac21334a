import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CONTAINER_BACKOFF,
  IMAGE_PULL_BACKOFF,
  backOffExpiresAt,
  backOffNext,
  backOffRestartingEventMessage,
  crashLoopBackOffMessage,
  decideContainerRestart,
  formatGoDuration,
  isInBackOffSince,
  isInBackOffSinceUpdate,
  type BackOffEntry,
} from '../../src/engine/kubelet/crash-loop-backoff';

const pod = { name: 'crasher', namespace: 'default', uid: 'abc-123' };

/**
 * Drive a container whose instance i runs `runFor(i)` seconds, with the kubelet
 * syncing at the exit and then exactly when the back-off expires (strict mode).
 */
function simulate(runFor: (i: number) => number, instances: number) {
  let entry: BackOffEntry | undefined;
  let t = 0;
  const starts: number[] = [0];
  const shown: (string | null)[] = [];
  const waits: number[] = [];
  for (let i = 0; i < instances - 1; i++) {
    const finishedAt = t + runFor(i);
    let now = finishedAt;
    let message: string | null = null;
    for (let guard = 0; ; guard++) {
      if (guard > 3) throw new Error(`no restart after ${guard} syncs at back-off expiry`);
      const d = decideContainerRestart(entry, finishedAt, now);
      entry = d.entry;
      if (d.start) break;
      message = crashLoopBackOffMessage(d.entry.backoff, 'crasher', pod);
      now = d.retryAt;
    }
    shown.push(message);
    waits.push(now - finishedAt);
    t = now;
    starts.push(t);
  }
  return { starts, shown, waits };
}

describe('container restart back-off (§3.2, GC-03)', () => {
  it('cites kubelet.go numbers', () => {
    expect(CONTAINER_BACKOFF).toMatchObject({ initial: 10, max: 300, expireAfter: 600 });
    expect(IMAGE_PULL_BACKOFF).toMatchObject({ initial: 10, max: 300 });
  });

  it('GC-03 ladder: starts 0, 2, 14, 36, 78, 160, 322, 624, 926, 1228', () => {
    const { starts, shown } = simulate(() => 2, 10);
    expect(starts).toEqual([0, 2, 14, 36, 78, 160, 322, 624, 926, 1228]);
    const p = 'restarting failed container=crasher pod=crasher_default(abc-123)';
    expect(shown).toEqual([
      null,
      `back-off 10s ${p}`,
      `back-off 20s ${p}`,
      `back-off 40s ${p}`,
      `back-off 1m20s ${p}`,
      `back-off 2m40s ${p}`,
      `back-off 5m0s ${p}`,
      `back-off 5m0s ${p}`,
      `back-off 5m0s ${p}`,
    ]);
  });

  it('first crash restarts immediately and creates the 10 s entry', () => {
    expect(isInBackOffSince(undefined, 2, 2)).toBe(false);
    const e = backOffNext(undefined, 2, CONTAINER_BACKOFF, 2);
    expect(e).toEqual({ backoff: 10, lastUpdate: 2 });
    // second crash at 4: in back-off until 14
    expect(isInBackOffSince(e, 4, 13.9)).toBe(true);
    expect(isInBackOffSince(e, 4, 14)).toBe(false);
    expect(backOffExpiresAt(e, 4)).toBe(14);
  });

  it('resets after a run longer than 600 s: immediate restart, then 10 s again', () => {
    // instances 0..7 as in GC-03; instance 8 (started at 926) lives 660 s
    const { starts, waits } = simulate((i) => (i === 8 ? 660 : 2), 11);
    expect(starts.slice(0, 9)).toEqual([0, 2, 14, 36, 78, 160, 322, 624, 926]);
    expect(waits[8]).toBe(0); // 926 + 660 = 1586 → restart at once
    expect(starts[9]).toBe(1586);
    expect(waits[9]).toBe(10); // next crash at 1588 → 10 s
    expect(starts[10]).toBe(1598);
  });

  it('a run of exactly 600 s is not long enough to reset (strictly more than 600 s)', () => {
    const e: BackOffEntry = { backoff: 300, lastUpdate: 1000 };
    expect(isInBackOffSince(e, 1600, 1600)).toBe(true);
    expect(isInBackOffSince(e, 1600.5, 1600.5)).toBe(false);
  });

  it('expiry is judged at finishedAt, not at the restart time (doBackOff passes ts to Next)', () => {
    // ran 500 s since the last decision, then waits the full 300 s: still not expired
    const e: BackOffEntry = { backoff: 300, lastUpdate: 1000 };
    const atExit = decideContainerRestart(e, 1500, 1500);
    expect(atExit.start).toBe(false);
    const atExpiry = decideContainerRestart(e, 1500, 1800);
    expect(atExpiry).toEqual({ start: true, entry: { backoff: 300, lastUpdate: 1800 } });
    // with expiry judged at now (800 s) it would have reset to 10 s
    expect(backOffNext(e, 1800).backoff).toBe(10);
  });

  it('property: every wait is one of 0,10,20,40,80,160,300 and never exceeds 300 s', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1300 }), { minLength: 1, maxLength: 40 }), (runs) => {
        const { waits } = simulate((i) => runs[i % runs.length], runs.length + 1);
        for (const w of waits) {
          expect(w).toBeLessThanOrEqual(300);
          expect([0, 10, 20, 40, 80, 160, 300]).toContain(w);
        }
        // the first restart is always immediate
        expect(waits[0]).toBe(0);
      }),
    );
  });

  it('event and waiting messages use the kubelet wording', () => {
    expect(backOffRestartingEventMessage('crasher', pod)).toBe('Back-off restarting failed container crasher in pod crasher_default(abc-123)');
  });
});

describe('image pull back-off (§3.7, image_manager.go)', () => {
  it('10 s after the first failure, doubling, judged from the last update', () => {
    let e = backOffNext(undefined, 0, IMAGE_PULL_BACKOFF); // first pull failed at 0
    expect(e).toEqual({ backoff: 10, lastUpdate: 0 });
    expect(isInBackOffSinceUpdate(e, 5)).toBe(true); // ImagePullBackOff
    expect(isInBackOffSinceUpdate(e, 10)).toBe(false); // pull again
    e = backOffNext(e, 10, IMAGE_PULL_BACKOFF);
    expect(e).toEqual({ backoff: 20, lastUpdate: 10 });
    expect(isInBackOffSinceUpdate(e, 29)).toBe(true);
    const ladder: number[] = [];
    let t = 10;
    for (let i = 0; i < 6; i++) {
      t += e.backoff;
      e = backOffNext(e, t, IMAGE_PULL_BACKOFF);
      ladder.push(e.backoff);
    }
    expect(ladder).toEqual([40, 80, 160, 300, 300, 300]);
  });

  it('expires after 2×max = 600 s without a failure', () => {
    const e: BackOffEntry = { backoff: 300, lastUpdate: 0 };
    expect(isInBackOffSinceUpdate(e, 601)).toBe(false);
    expect(backOffNext(e, 601, IMAGE_PULL_BACKOFF)).toEqual({ backoff: 10, lastUpdate: 601 });
    expect(backOffNext(e, 600, IMAGE_PULL_BACKOFF)).toEqual({ backoff: 300, lastUpdate: 600 });
  });
});

describe('formatGoDuration (time.Duration.String)', () => {
  it.each([
    [0, '0s'],
    [10, '10s'],
    [80, '1m20s'],
    [160, '2m40s'],
    [300, '5m0s'],
    [3600, '1h0m0s'],
    [3725, '1h2m5s'],
    [1.5, '1.5s'],
  ])('%s → %s', (s, want) => expect(formatGoDuration(s)).toBe(want));
});
