import { describe, expect, it } from "vitest";
import { type CachedResponse, PageCache } from "./page-cache.ts";

const page = (text: string): CachedResponse => ({
  headers: { "content-type": "text/html; charset=utf-8" },
  body: Buffer.from(text),
});
const bodyOf = (cache: PageCache, key: string) => cache.get(key)?.body.toString();

describe("the page cache", () => {
  it("answers what was stored, byte for byte, with its headers", () => {
    const cache = new PageCache({ maxEntries: 10, maxBytes: 1_000_000 });
    expect(cache.get("/a")).toBeUndefined();
    expect(cache.set("/a", page("<p>伊賀市</p>"), cache.generation)).toBe(true);
    expect(bodyOf(cache, "/a")).toBe("<p>伊賀市</p>");
    expect(cache.get("/a")?.headers).toEqual({ "content-type": "text/html; charset=utf-8" });
    expect(cache.get("/a?x=1")).toBeUndefined();
  });

  it("drops the least recently used entry beyond its entry limit", () => {
    const cache = new PageCache({ maxEntries: 2, maxBytes: 1_000_000 });
    const g = cache.generation;
    cache.set("/a", page("a"), g);
    cache.set("/b", page("b"), g);
    cache.get("/a"); // now /b is the least recently used
    cache.set("/c", page("c"), g);
    expect(cache.size).toBe(2);
    expect(bodyOf(cache, "/a")).toBe("a");
    expect(cache.get("/b")).toBeUndefined();
    expect(bodyOf(cache, "/c")).toBe("c");
  });

  it("stays within its byte limit, counting what it holds", () => {
    const cache = new PageCache({ maxEntries: 100, maxBytes: 1_000 });
    const g = cache.generation;
    for (let i = 0; i < 20; i++) cache.set(`/${i}`, page("x".repeat(100)), g);
    expect(cache.bytes).toBeLessThanOrEqual(1_000);
    expect(cache.size).toBeGreaterThan(1);
    expect(cache.size).toBeLessThan(20);
    expect(bodyOf(cache, "/19")).toBe("x".repeat(100));
    expect(cache.get("/0")).toBeUndefined();
    // Replacing an entry counts its size once.
    const before = cache.bytes;
    cache.set("/19", page("x".repeat(100)), g);
    expect(cache.bytes).toBe(before);
  });

  it("refuses a response that would take more than a quarter of the room", () => {
    const cache = new PageCache({ maxEntries: 100, maxBytes: 1_000 });
    expect(cache.set("/big.pdf", page("x".repeat(400)), cache.generation)).toBe(false);
    expect(cache.get("/big.pdf")).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it("clears everything, and refuses a response rendered before the clear", () => {
    const cache = new PageCache({ maxEntries: 10, maxBytes: 1_000_000 });
    const before = cache.generation;
    cache.set("/a", page("old"), before);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
    expect(cache.get("/a")).toBeUndefined();
    // A render that read the database before the change finishes after it.
    expect(cache.set("/a", page("old"), before)).toBe(false);
    expect(cache.get("/a")).toBeUndefined();
    expect(cache.set("/a", page("new"), cache.generation)).toBe(true);
    expect(bodyOf(cache, "/a")).toBe("new");
  });

  it("needs room for something", () => {
    expect(() => new PageCache({ maxEntries: 0, maxBytes: 10 })).toThrow(RangeError);
    expect(() => new PageCache({ maxEntries: 1, maxBytes: 0 })).toThrow(RangeError);
  });
});
