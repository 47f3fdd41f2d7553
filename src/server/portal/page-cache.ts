// Rendered public responses kept in memory, least recently used first out, bounded by count
// and by bytes. The portal shows published content only, which changes when someone
// publishes, not when someone reads: so a page is rendered once per change, and every change
// drops everything (simple, and never wrong about which page a change touched).
//
// A response rendered while a change commits must not outlive it: each render takes the
// generation before it reads the database, and a store under an older generation is refused.

export interface PageCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

export interface CachedResponse {
  /** Headers to send again: the content type and disposition, nothing per request. */
  headers: Readonly<Record<string, string>>;
  body: Buffer;
}

export class PageCache {
  private readonly entries = new Map<string, CachedResponse>();
  private totalBytes = 0;
  private currentGeneration = 0;

  constructor(private readonly limits: PageCacheLimits) {
    if (!(limits.maxEntries >= 1) || !(limits.maxBytes >= 1)) {
      throw new RangeError("a page cache needs room for at least one entry and one byte");
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** Taken before reading what a response is made of; see set(). */
  get generation(): number {
    return this.currentGeneration;
  }

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /**
   * Keeps the response unless the cache was cleared since `generation` was taken, or the
   * response alone would take more than a quarter of the room. Returns whether it was kept.
   */
  set(key: string, response: CachedResponse, generation: number): boolean {
    if (generation !== this.currentGeneration) return false;
    const size = sizeOf(key, response);
    if (size > this.limits.maxBytes / 4) return false;
    this.delete(key);
    this.entries.set(key, response);
    this.totalBytes += size;
    while (this.entries.size > this.limits.maxEntries || this.totalBytes > this.limits.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
    this.currentGeneration += 1;
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.totalBytes -= sizeOf(key, old);
  }
}

function sizeOf(key: string, r: CachedResponse): number {
  let size = r.body.byteLength + key.length * 2;
  for (const [name, value] of Object.entries(r.headers)) size += (name.length + value.length) * 2;
  return size;
}
