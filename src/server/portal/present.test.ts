import { describe, expect, it } from "vitest";
import { assessTarget } from "../../domain/assessment/index.ts";
import type { Target } from "../../domain/manifesto/schema.ts";
import { targetVerdict } from "./present.ts";

const numeric = (
  unit: string,
  comparator: ">=" | "<=",
  target: number,
  actual: number,
): Target => ({
  label: "①",
  text: "目標",
  measure: { kind: "numeric", indicator: "指標", unit, comparator, target },
  result: { actual },
});

describe("targetVerdict on the public pages", () => {
  it("says a gap of percentages in points and of ranks in places (the cases found)", () => {
    // was 「目標まで10.2%不足」 and 「目標より11.3%良い結果」
    expect(targetVerdict(assessTarget(numeric("%", ">=", 55, 49.4), 0), 2)).toBe(
      "目標①は未達成（実績49.4% / 目標55%以上、目標まで5.6ポイント不足）",
    );
    expect(targetVerdict(assessTarget(numeric("位", "<=", 230, 204), 0), 2)).toBe(
      "目標①は達成（実績204位 / 目標230位以内、目標より26位上位）",
    );
  });

  it("says 一部達成 for a milestone judged partly achieved (was 未達成)", () => {
    const t: Target = {
      text: "手順",
      measure: { kind: "milestone" },
      result: { status: "partial" },
    };
    expect(targetVerdict(assessTarget(t, 0), 1, "partial")).toBe("目標は一部達成");
  });
});
