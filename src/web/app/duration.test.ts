import { describe, expect, it } from "vitest";
import { formatDuration, warningLeadMs } from "./duration.ts";

describe("formatDuration", () => {
  it("reads hours, minutes and seconds in Japanese", () => {
    expect(formatDuration(8 * 3600)).toBe("8時間");
    expect(formatDuration(90)).toBe("1分30秒");
    expect(formatDuration(3600 + 60)).toBe("1時間1分");
    expect(formatDuration(0)).toBe("0秒");
  });
});

describe("warningLeadMs (2.2.1: at least 20 seconds to answer)", () => {
  it("warns five minutes before an eight-hour limit", () => {
    expect(warningLeadMs(8 * 3600)).toBe(300_000);
  });
  it("warns half-way through a short limit, with 20 seconds at least", () => {
    expect(warningLeadMs(120)).toBe(60_000);
    expect(warningLeadMs(30)).toBe(20_000);
  });
});
