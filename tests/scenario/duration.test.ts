import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatGoDuration, parseDuration, tryParseDuration } from '../../src/scenario/duration';

describe('parseDuration', () => {
  it.each([
    ['2m30s', 150],
    ['500ms', 0.5],
    ['1h', 3600],
    ['1h2m3s', 3723],
    ['1.5s', 1.5],
    ['.5m', 30],
    ['90', 90],
    ['0', 0],
    ['2.5', 2.5],
    ['100us', 0.0001],
    ['100µs', 0.0001],
    ['250ns', 2.5e-7],
  ])('%s is %d s', (text, seconds) => {
    expect(parseDuration(text)).toBeCloseTo(seconds, 12);
  });

  it('takes a YAML number as seconds', () => {
    expect(parseDuration(45)).toBe(45);
  });

  it.each([
    ['5x', 'time: unknown unit "x" in duration "5x"'],
    ['1m30', 'time: missing unit in duration "1m30"'],
    ['', 'time: invalid duration ""'],
    ['s', 'time: invalid duration "s"'],
    ['.s', 'time: invalid duration ".s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
  ])('rejects %j with Go\'s message', (text, message) => {
    expect(tryParseDuration(text)).toEqual({ ok: false, message });
    expect(() => parseDuration(text)).toThrow(message);
  });

  it('rejects values that are neither strings nor numbers', () => {
    const r = tryParseDuration({ a: 1 });
    expect(r.ok).toBe(false);
  });
});

describe('formatGoDuration (Go time.Duration.String)', () => {
  it.each([
    [0, '0s'],
    [0.5, '500ms'],
    [1.5, '1.5s'],
    [60, '1m0s'],
    [150, '2m30s'],
    [300, '5m0s'],
    [3600, '1h0m0s'],
    [3723.25, '1h2m3.25s'],
    [0.0000015, '1.5µs'],
    [-90, '-1m30s'],
  ])('%d s prints %s', (seconds, text) => {
    expect(formatGoDuration(seconds)).toBe(text);
  });

  it('round-trips through parseDuration for any whole number of milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 24 * 3600 * 1000 }), (ms) => {
        expect(parseDuration(formatGoDuration(ms / 1000))).toBeCloseTo(ms / 1000, 9);
      }),
    );
  });

  it('parses composed unit strings as the sum of their parts', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(59), fc.nat(59), fc.nat(999), (h, m, s, ms) => {
        expect(parseDuration(`${h}h${m}m${s}s${ms}ms`)).toBeCloseTo(h * 3600 + m * 60 + s + ms / 1000, 9);
      }),
    );
  });
});
