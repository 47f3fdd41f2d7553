import { describe, expect, it } from "vitest";
import { formatChange, formatTarget } from "./format.ts";

describe("the dashboard's numbers in the unit's own terms", () => {
  it("says a change of a percentage in points (was +1.5%)", () => {
    expect(formatChange(1.5, "%")).toBe("+1.5ポイント");
    expect(formatChange(-3, "件")).toBe("−3件");
    expect(formatChange(-26, "位")).toBe("26位上昇");
    expect(formatChange(0, "%")).toBe("変化なし");
  });

  it("writes a rank target with 以内", () => {
    expect(formatTarget("<=", 230, "位")).toBe("230位以内");
    expect(formatTarget(">=", 55, "%")).toBe("55%以上");
    expect(formatTarget(null, 3, "件")).toBe("3件");
  });
});
