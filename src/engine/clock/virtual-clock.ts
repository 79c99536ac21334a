/**
 * The one clock of a simulation: a priority queue of tasks on virtual time.
 * Every timer in the engine (probe ticks, back-off expiry, grace periods, image
 * pulls, scrapes, timeline commands) is a task here, so a run is deterministic and
 * jumps straight from one change to the next instead of ticking.
 *
 * Tasks are plain data (a kind and a payload), not closures, so the whole queue can be
 * copied into a checkpoint. Ties at the same instant run in the order they were scheduled.
 */
export interface Task {
  kind: string;
  [key: string]: unknown;
}

interface Entry {
  t: number;
  seq: number;
  task: Task;
}

export class VirtualClock {
  private heap: Entry[] = [];
  private seq = 0;
  private cancelled = new Set<number>();
  private current = 0;

  now(): number {
    return this.current;
  }

  /** Schedule `task` at time `t` (never before now). Returns an id for `cancel`. */
  schedule(t: number, task: Task): number {
    const entry: Entry = { t: Math.max(t, this.current), seq: this.seq++, task };
    this.push(entry);
    return entry.seq;
  }

  cancel(id: number | undefined | null): void {
    if (id !== undefined && id !== null && id >= 0) this.cancelled.add(id);
  }

  /** Time of the earliest pending task, or null. */
  peekTime(): number | null {
    this.dropCancelled();
    return this.heap.length ? this.heap[0].t : null;
  }

  /** Remove and return the earliest task if it is due at or before `limit`, moving the clock to its time. */
  popDue(limit: number): { t: number; id: number; task: Task } | null {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.t > limit) return null;
    this.pop();
    this.current = top.t;
    return { t: top.t, id: top.seq, task: top.task };
  }

  /** Move time forward with nothing to do in between. */
  advance(t: number): void {
    if (t > this.current) this.current = t;
  }

  get size(): number {
    return this.heap.length - this.cancelled.size;
  }

  /** Plain-data copy for checkpoints. */
  save(): { current: number; seq: number; entries: Entry[] } {
    this.dropCancelled();
    const entries = this.heap.filter((e) => !this.cancelled.has(e.seq)).map((e) => ({ t: e.t, seq: e.seq, task: structuredClone(e.task) }));
    return { current: this.current, seq: this.seq, entries };
  }

  static restore(saved: { current: number; seq: number; entries: Entry[] }): VirtualClock {
    const c = new VirtualClock();
    c.current = saved.current;
    c.seq = saved.seq;
    for (const e of saved.entries) c.push({ t: e.t, seq: e.seq, task: structuredClone(e.task) });
    return c;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.cancelled.has(this.heap[0].seq)) {
      this.cancelled.delete(this.heap[0].seq);
      this.pop();
    }
  }

  private less(a: Entry, b: Entry): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
