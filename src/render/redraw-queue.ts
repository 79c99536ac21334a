/**
 * Card redraws waiting for a frame. A snapshot can give every card a new visual at once
 * (1,000 identical pods whose probes all tick together): comparing and redrawing them all
 * in that frame costs ~5-10 ms. The first `perFrame` are drawn at once and the rest in the
 * frames after, so a snapshot that changes no more cards than that is drawn in the same
 * frame as before.
 *
 * It holds only what snapshots said, to be drawn: one item per pod, the newest (a pod that
 * changes again while it waits is drawn once, with its latest visual, keeping its place so
 * nothing waits behind later changes). Items wait per render group (a node's cards, see
 * ClusterRenderer.layersFor) and leave a group at a time: a frame then makes pixi rebuild
 * and upload one or two node groups, not all of them.
 */
export class RedrawQueue<T> {
  /** waiting items per group, groups and items in the order they first waited */
  private groups = new Map<string, Map<string, T>>();
  /** the group each waiting key is in */
  private groupOfKey = new Map<string, string>();
  /** redraws left in this frame's budget */
  private left: number;

  constructor(
    readonly perFrame: number,
    private keyOf: (item: T) => string,
    private groupOf: (item: T) => string,
  ) {
    if (!(perFrame >= 1)) throw new Error(`RedrawQueue: perFrame must be at least 1, not ${perFrame}`);
    this.left = perFrame;
  }

  /** how many items wait */
  get size(): number {
    return this.groupOfKey.size;
  }

  /** what waits for `key`, if anything */
  get(key: string): T | undefined {
    const g = this.groupOfKey.get(key);
    return g === undefined ? undefined : this.groups.get(g)?.get(key);
  }

  /** `item` waits to be drawn, in place of what waited for its key */
  put(item: T): void {
    const key = this.keyOf(item);
    const group = this.groupOf(item);
    const was = this.groupOfKey.get(key);
    // moved to another group (a pod bound to a node): it waits with that group now
    if (was !== undefined && was !== group) this.drop(key);
    let m = this.groups.get(group);
    if (!m) this.groups.set(group, (m = new Map()));
    // Map.set on a key already there keeps its place
    m.set(key, item);
    this.groupOfKey.set(key, group);
  }

  /** nothing waits for `key` any more (its card is gone, or was drawn another way); true if something did */
  drop(key: string): boolean {
    const g = this.groupOfKey.get(key);
    if (g === undefined) return false;
    this.groupOfKey.delete(key);
    const m = this.groups.get(g)!;
    m.delete(key);
    if (!m.size) this.groups.delete(g);
    return true;
  }

  clear(): void {
    this.groups.clear();
    this.groupOfKey.clear();
  }

  /**
   * Hand waiting items to `draw`, oldest group first, until this frame's budget is spent or
   * nothing waits. Returns how many were drawn. Work is proportional to that number.
   */
  drain(draw: (item: T) => void): number {
    const n = this.take(this.left, draw);
    this.left -= n;
    return n;
  }

  /** hand every waiting item to `draw`, whatever the budget (a jump in time, a new scenario) */
  flush(draw: (item: T) => void): number {
    return this.take(Infinity, draw);
  }

  /** a new frame: a full budget again */
  nextFrame(): void {
    this.left = this.perFrame;
  }

  private take(max: number, draw: (item: T) => void): number {
    // out of the queue first, then drawn: `draw` may queue a key again, for a later frame
    const batch: T[] = [];
    for (const [g, m] of this.groups) {
      for (const [key, item] of m) {
        if (batch.length >= max) break;
        m.delete(key);
        this.groupOfKey.delete(key);
        batch.push(item);
      }
      if (!m.size) this.groups.delete(g);
      if (batch.length >= max) break;
    }
    for (const item of batch) draw(item);
    return batch.length;
  }
}
