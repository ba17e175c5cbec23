/**
 * The responses of one review's requests, by key, each asked once: a second caller shares the first's
 * promise. A failed request is forgotten so a later call may try again; a successful one is never
 * repeated. Warmed keys (requests started ahead of need) keep their failure until a real call takes it.
 */
export class RequestCache {
  private readonly entries = new Map<string, Promise<unknown>>();
  /** Warmed requests no real call has taken yet: kept even when they fail, for that call to see. */
  private readonly unclaimed = new Set<string>();

  /** The cached promise for `key`, or `load()` started and cached. */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key) as Promise<T> | undefined;
    if (hit) {
      // The first real call takes over a warmed request, failure included (no second try behind GitHub's back).
      if (this.unclaimed.delete(key)) hit.catch(() => this.forget(key, hit));
      return hit;
    }
    const loading = load();
    this.entries.set(key, loading);
    loading.catch(() => {
      if (!this.unclaimed.has(key)) this.forget(key, loading);
    });
    return loading;
  }

  /** Starts `start()` for keys not yet cached, marked as warmed; their failures wait for a real call. */
  warm(keys: readonly string[], start: () => ReadonlyArray<Promise<unknown>>): void {
    for (const key of keys) if (!this.entries.has(key)) this.unclaimed.add(key);
    for (const pending of start()) pending.catch(() => undefined);
  }

  /** The cached promise for `key`, if any, without starting anything. */
  peek<T>(key: string): Promise<T> | undefined {
    return this.entries.get(key) as Promise<T> | undefined;
  }

  /** Caches `read` under `key`; it is forgotten when it fails or when `keep` says no to its value. */
  keep<T>(key: string, read: Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    this.entries.set(key, read);
    read.then(
      (value) => {
        if (!keep(value)) this.forget(key, read);
      },
      () => this.forget(key, read),
    );
    return read;
  }

  private forget(key: string, entry: Promise<unknown>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}
