import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./japanese-time.ts";

describe("Japanese dates", () => {
  it("shows the time in Tokyo whatever the instant's zone", () => {
    // 2024-03-31 15:30 UTC is already 1 April in Tokyo.
    expect(formatDateTime("2024-03-31T15:30:00.000Z")).toBe("2024年4月1日 00:30");
    expect(formatDate("2024-03-31T15:30:00.000Z")).toBe("2024年4月1日");
  });

  it("leaves a text that is not a date as it is", () => {
    expect(formatDateTime("someday")).toBe("someday");
  });
});
