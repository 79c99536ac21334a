import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareQuantities,
  ERR_FORMAT_WRONG,
  ERR_SUFFIX,
  parseCpuMilli,
  parseMemoryBytes,
  tryParseCpuMilli,
  tryParseQuantity,
} from '../../src/scenario/quantity';

const tryCpu = (q: string) => tryParseCpuMilli(q);

describe('cpu quantities in millicores', () => {
  it.each([
    ['250m', 250],
    ['0.5', 500],
    ['2', 2000],
    ['1.5', 1500],
    ['100u', 1], // MilliValue rounds up
    ['0.0001', 1],
    ['1k', 1_000_000],
    ['0', 0],
    ['5e-1', 500],
  ])('%s is %d m', (q, milli) => {
    expect(parseCpuMilli(q)).toBe(milli);
  });

  it('takes YAML numbers', () => {
    expect(parseCpuMilli(0.25)).toBe(250);
    expect(parseCpuMilli(4)).toBe(4000);
  });
});

describe('memory quantities in bytes', () => {
  it.each([
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['100M', 1e8],
    ['1e3', 1000],
    ['1E3', 1000],
    ['4096', 4096],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['0.5Ki', 512],
    ['1Ti', 2 ** 40],
    ['12k', 12000],
    ['1500m', 2], // Value() rounds up
  ])('%s is %d bytes', (q, bytes) => {
    expect(parseMemoryBytes(q)).toBe(bytes);
  });
});

describe('quantity errors (resource.ParseQuantity)', () => {
  it.each([
    ['lots', ERR_FORMAT_WRONG],
    ['1Kb', ERR_FORMAT_WRONG],
    ['1.5.5', ERR_FORMAT_WRONG],
    ['', ERR_FORMAT_WRONG],
    ['1K', ERR_SUFFIX],
    ['1Mb', ERR_FORMAT_WRONG],
    ['1e', ERR_SUFFIX],
  ])('%j fails with the API server text', (q, message) => {
    expect(tryParseQuantity(q)).toEqual({ ok: false, message });
  });

  it('the format error quotes the regular expression', () => {
    expect(ERR_FORMAT_WRONG).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });

  it('reads a lone "." as zero, as ParseQuantity does', () => {
    expect(tryCpu('.')).toEqual({ ok: true, value: 0 });
    expect(tryCpu('0Ki')).toEqual({ ok: true, value: 0 });
  });

  it('rejects non-scalar YAML values', () => {
    expect(tryParseCpuMilli([1]).ok).toBe(false);
  });
});

describe('compareQuantities', () => {
  it('compares across suffixes exactly', () => {
    const q = (s: string) => {
      const r = tryParseQuantity(s);
      if (!r.ok) throw new Error(r.message);
      return r.quantity;
    };
    expect(compareQuantities(q('500m'), q('0.5'))).toBe(0);
    expect(compareQuantities(q('1Gi'), q('1G'))).toBe(1);
    expect(compareQuantities(q('999Mi'), q('1Gi'))).toBe(-1);
    expect(compareQuantities(q('-1'), q('0'))).toBe(-1);
  });
});

describe('round trips', () => {
  it('n millicores written as "<n>m" parse back to n', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), (n) => {
        expect(parseCpuMilli(`${n}m`)).toBe(n);
      }),
    );
  });

  it('whole and decimal cores give 1000 × cores millicores', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(999), (whole, milli) => {
        const text = `${whole}.${String(milli).padStart(3, '0')}`;
        expect(parseCpuMilli(text)).toBe(whole * 1000 + milli);
      }),
    );
  });

  it('binary and decimal suffixes scale by their powers', () => {
    const suffixes: [string, number][] = [
      ['Ki', 2 ** 10],
      ['Mi', 2 ** 20],
      ['Gi', 2 ** 30],
      ['k', 1e3],
      ['M', 1e6],
      ['G', 1e9],
    ];
    fc.assert(
      fc.property(fc.nat(4096), fc.constantFrom(...suffixes), (n, [suffix, factor]) => {
        expect(parseMemoryBytes(`${n}${suffix}`)).toBe(n * factor);
      }),
    );
  });
});
