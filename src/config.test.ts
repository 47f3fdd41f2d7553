import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("the page cache settings", () => {
  it("are on by default, with room for 2,000 responses and 64 MB", () => {
    expect(loadConfig({}).pageCache).toEqual({ maxEntries: 2000, maxBytes: 64 * 2 ** 20 });
    expect(loadConfig({ TASSEI_PAGE_CACHE: "" }).pageCache).toBeDefined();
  });

  it("take their limits from the environment, and go away when off", () => {
    expect(
      loadConfig({ TASSEI_PAGE_CACHE_MAX_ENTRIES: "10", TASSEI_PAGE_CACHE_MAX_MB: "0.5" })
        .pageCache,
    ).toEqual({ maxEntries: 10, maxBytes: 2 ** 19 });
    expect(loadConfig({ TASSEI_PAGE_CACHE: "off" }).pageCache).toBeUndefined();
  });

  it("refuse a bad value, naming the variable", () => {
    for (const [name, value] of [
      ["TASSEI_PAGE_CACHE", "yes"],
      ["TASSEI_PAGE_CACHE_MAX_ENTRIES", "0"],
      ["TASSEI_PAGE_CACHE_MAX_ENTRIES", "1.5"],
      ["TASSEI_PAGE_CACHE_MAX_MB", "-1"],
      ["TASSEI_PAGE_CACHE_MAX_MB", "lots"],
    ] as const) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(name);
    }
  });
});
