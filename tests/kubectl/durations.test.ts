import { describe, it, expect } from 'vitest';
import { humanDuration, shortHumanDuration } from '../../src/engine/format/human-duration';
import { goDuration, goDurationNs } from '../../src/engine/format/go-duration';

describe('humanDuration (apimachinery HumanDuration)', () => {
  const cases: [number, string][] = [
    [-5, '<invalid>'],
    [-2, '<invalid>'],
    [-1, '0s'], // up to 2s in the future counts as now
    [-0.5, '0s'],
    [0, '0s'],
    [0.9, '0s'], // truncated, not rounded
    [1, '1s'],
    [59, '59s'],
    [119, '119s'],
    [119.999, '119s'],
    [120, '2m'],
    [138, '2m18s'],
    [276, '4m36s'],
    [274, '4m34s'],
    [300, '5m'],
    [599, '9m59s'],
    [600, '10m'],
    [659, '10m'],
    [3 * 3600 - 1, '179m'],
    [3 * 3600, '3h'],
    [3 * 3600 + 20 * 60 + 59, '3h20m'],
    [8 * 3600 - 1, '7h59m'],
    [8 * 3600, '8h'],
    [47 * 3600 + 3599, '47h'],
    [48 * 3600, '2d'],
    [2 * 86400 + 4 * 3600, '2d4h'],
    [8 * 86400 - 1, '7d23h'],
    [8 * 86400, '8d'],
    [729 * 86400, '729d'],
    [730 * 86400, '2y'],
    [731 * 86400, '2y1d'],
    [8 * 365 * 86400, '8y'],
    [10 * 365 * 86400 + 200 * 86400, '10y'],
  ];
  it.each(cases)('%s s → %s', (d, want) => {
    expect(humanDuration(d)).toBe(want);
  });

  it('is not fooled by float noise in virtual time', () => {
    // 0.1 * 1200 accumulates to 119.99999999999...; kubectl would see 120s
    let t = 0;
    for (let i = 0; i < 1200; i++) t += 0.1;
    expect(humanDuration(t)).toBe('2m');
  });
});

describe('shortHumanDuration', () => {
  const cases: [number, string][] = [
    [-2, '<invalid>'],
    [-1, '0s'],
    [59, '59s'],
    [60, '1m'],
    [3599, '59m'],
    [3600, '1h'],
    [86399, '23h'],
    [86400, '1d'],
    [365 * 86400, '1y'],
  ];
  it.each(cases)('%s s → %s', (d, want) => expect(shortHumanDuration(d)).toBe(want));
});

describe('goDuration (time.Duration.String)', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [10, '10s'],
    [20, '20s'],
    [40, '40s'],
    [80, '1m20s'],
    [160, '2m40s'],
    [300, '5m0s'],
    [1.234, '1.234s'],
    [0.5, '500ms'],
    [0.0015, '1.5ms'],
    [192.5, '3m12.5s'],
    [151.4, '2m31.4s'],
    [3600, '1h0m0s'],
    [3661.25, '1h1m1.25s'],
    [-80, '-1m20s'],
  ];
  it.each(cases)('%s s → %s', (d, want) => expect(goDuration(d)).toBe(want));

  it('prints sub-millisecond units as Go does', () => {
    expect(goDurationNs(1500n)).toBe('1.5µs');
    expect(goDurationNs(999n)).toBe('999ns');
    expect(goDurationNs(1_000_000_001n)).toBe('1.000000001s');
  });
});
