/**
 * A list of a snapshot that keeps its identity while its members do: the previous list
 * comes back when every item is the same object (or value) in the same place, so a
 * reader of successive snapshots can skip an unchanged list with one comparison. Lists
 * handed out this way are shared: readers must not change them.
 */
export class StableList<T> {
  private list: T[] = [];
  /** the list being made, once it differs from the previous one */
  private out: T[] | null = null;
  private k = 0;

  /** `items` as a list: the previous one when it holds the same items in the same order */
  of(items: Iterable<T>): T[] {
    this.begin();
    for (const it of items) this.add(it);
    return this.end();
  }

  /** start a list, then `add` its items in order and `end` it */
  begin(): void {
    this.out = null;
    this.k = 0;
  }

  add(item: T): void {
    const k = this.k++;
    if (this.out === null) {
      if (k < this.list.length && this.list[k] === item) return;
      this.out = this.list.slice(0, k);
    }
    this.out.push(item);
  }

  end(): T[] {
    let out = this.out;
    if (out === null) {
      if (this.k === this.list.length) return this.list;
      out = this.list.slice(0, this.k);
    }
    this.out = null;
    this.list = out;
    return out;
  }
}
