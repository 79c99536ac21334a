/**
 * Code a page fetches when first wanted (kubectl's printers, the shell runtime, a UI
 * language's texts): fetched once, by whoever asks first; fetched again after a failed
 * fetch; at hand synchronously once in.
 */
export interface FetchedOnce<T> {
  /** what was fetched, or null while it is not in */
  value(): T | null;
  /** fetch it (once; again after a failed fetch) */
  fetch(): Promise<void>;
}

export function fetchedOnce<T>(load: () => Promise<T>): FetchedOnce<T> {
  let value: T | null = null;
  let loading: Promise<void> | null = null;
  return {
    value: () => value,
    fetch: () =>
      (loading ??= load().then(
        (v) => {
          value = v;
        },
        (e: unknown) => {
          loading = null;
          throw e;
        },
      )),
  };
}
