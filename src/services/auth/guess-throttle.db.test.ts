// The guess throttle's table does not grow without end: an attacker trying a new user name
// from a new address on every request leaves one row per bucket, and rows whose window has
// passed carry nothing (the next attempt in that bucket would start a new window anyway).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { countGuess, DEFAULT_LOGIN_LIMITS, forgetStaleGuesses } from "./guess-throttle.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.destroy());

const rows = async () =>
  await t.ctx.db.selectFrom("login_throttle").select(["bucket", "attempts"]).execute();
const MINUTE = DEFAULT_LOGIN_LIMITS.windowMs;

describe("stale throttle rows", () => {
  it("are removed once their window has passed; the current window's counts stay", async () => {
    await t.ctx.db.deleteFrom("login_throttle").execute();
    const start = new Date("2026-12-06T09:00:00Z");
    // A spray: 50 names from 50 addresses, three buckets each.
    for (let i = 0; i < 50; i++) {
      const verdict = await countGuess(t.ctx, {
        ip: `192.0.2.${i}`,
        username: `nobody-${i}`,
        userId: undefined,
        now: start,
      });
      expect(verdict.limited).toBe(false);
    }
    expect((await rows()).length).toBe(150);

    // Within the window nothing goes: the counts still decide the limits.
    await forgetStaleGuesses(t.ctx, new Date(start.getTime() + MINUTE / 2));
    expect((await rows()).length).toBe(150);

    // One guess two windows later sweeps what has passed and counts itself.
    const later = new Date(start.getTime() + 2 * MINUTE);
    await countGuess(t.ctx, {
      ip: "198.51.100.7",
      username: "admin",
      userId: undefined,
      now: later,
    });
    const left = await rows();
    expect(left.map((r) => r.bucket).sort()).toEqual([
      "ip:198.51.100.7",
      "pair:198.51.100.7|admin",
      "user:admin",
    ]);
    expect(left.every((r) => r.attempts === 1)).toBe(true);
  });

  it("does not weaken the limit: the sixth guess in a window is still refused", async () => {
    const now = new Date("2026-12-06T10:00:00Z");
    const guess = (n: number) =>
      countGuess(t.ctx, {
        ip: "203.0.113.9",
        username: "tanaka",
        userId: undefined,
        now: new Date(now.getTime() + n * 1000),
      });
    for (let n = 0; n < DEFAULT_LOGIN_LIMITS.perUsername; n++) {
      expect((await guess(n)).limited).toBe(false);
    }
    expect((await guess(10)).limited).toBe(true);
  });
});
