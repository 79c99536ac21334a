/**
 * The scenario's seeded generator (mulberry32): the only source of randomness in the
 * engine. Its state is one number, so checkpoints copy it for free.
 */
export class SeededRandom {
  constructor(private state: number) {
    this.state = state >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  save(): number {
    return this.state;
  }

  static restore(state: number): SeededRandom {
    const r = new SeededRandom(0);
    r.state = state;
    return r;
  }
}
