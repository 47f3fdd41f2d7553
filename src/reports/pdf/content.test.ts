import { describe, expect, it } from "vitest";
import { DEFAULT_SCALE } from "../../domain/manifesto/default-scale.ts";
import type { EvaluationScale, Goal, ManifestoDocument } from "../../domain/manifesto/schema.ts";
import {
  contactLine,
  documentHeading,
  formatPolicyRefs,
  goalRowContent,
  levelSymbol,
  toFullWidthDigits,
} from "./content.ts";
import { loadDemo } from "./test-support.ts";

const asIs = (text: string) => text;

function goalAt(doc: ManifestoDocument, index: number): Goal {
  const goal = doc.goals[index];
  if (!goal) throw new Error(`the demo has no goal ${index + 1}`);
  return goal;
}

describe("what the document prints", () => {
  it("joins policy references as the seed does", () => {
    expect(formatPolicyRefs(["7-1-①", "7-1-②"])).toBe("7-1-①･②");
    expect(formatPolicyRefs(["7-3-①"])).toBe("7-3-①");
    expect(formatPolicyRefs(["7-1-①", "7-3-②", "7-3-③"])).toBe("7-1-①、7-3-②･③");
    expect(formatPolicyRefs(["A01"])).toBe("A01");
    expect(formatPolicyRefs([])).toBe("");
  });

  it("prints the level as its number, or as the letter a lettered scale uses", () => {
    expect(levelSymbol(DEFAULT_SCALE, 3)).toBe("3");
    const suita: EvaluationScale = {
      name: "達成度",
      levels: [
        { level: 3, label: "A 達成" },
        { level: 2, label: "B 一部達成" },
        { level: 1, label: "C 未達成" },
      ],
    };
    expect(levelSymbol(suita, 2)).toBe("B");
  });

  it("writes the contact line as the seed does", () => {
    const doc = loadDemo();
    expect(contactLine(doc)).toBe("0595-22-9601(内線2721)");
    doc.department.contact = { email: "somu@example.jp" };
    expect(contactLine(doc)).toBe("somu@example.jp");
  });

  it("builds the heading from the municipality's title, subtitle and scale", () => {
    const doc = loadDemo();
    const heading = documentHeading(doc, {}, asIs);
    expect(heading.title).toBe("2023（令和5）年度 部局マニフェスト");
    expect(heading.subtitle).toBe("～私たちの組織使命と目標～");
    expect(heading.legendLines[0]).toBe("5．先進的な取り組みを行い、成果があった");
    expect(heading.headerFields.map((f) => f.value)).toEqual([
      "総務部",
      "部長",
      "月井　敦子",
      "0595-22-9601(内線2721)",
    ]);
    delete doc.documentTitle;
    delete doc.documentSubtitle;
    const fallback = documentHeading(doc, { documentTitle: "実行宣言" }, asIs);
    expect(fallback.title).toBe("2023（令和5）年度 実行宣言");
    expect(fallback.subtitle).toBe("");
  });

  it("lays out a goal's cells with the seed's markers", () => {
    const doc = loadDemo();
    const row = goalRowContent(goalAt(doc, 1), 1, DEFAULT_SCALE, asIs);
    expect(row.goal.map((b) => b.text)).toEqual([
      "◎部局目標２",
      "▼",
      "庁内全体の情報発信力の強化に向けた広報戦略の推進",
      "関連の施策・基本事業No",
      "7-1-②",
    ]);
    const level = row.achievementLevel.map((b) => b.text);
    expect(level.slice(0, 2)).toEqual([
      "〈現在の状態〉",
      "・市の重点施策の情報発信が不足している。",
    ]);
    expect(level).toContain("↓");
    // A target without a label gets the bullet; one with a label keeps it.
    expect(level).toContain(
      "・地域ブランド調査による伊賀市の情報接触度230位以内（令和４年度全国で251位）",
    );
    expect(row.evaluation).toBe("4");
    expect(row.reason[0]?.text).toContain("\n令和５年度地域ブランド調査");
    const first = goalRowContent(goalAt(doc, 0), 0, DEFAULT_SCALE, asIs);
    expect(first.achievementLevel.map((b) => b.text)).toContain(
      "①令和５年度市民まちづくりアンケートの広聴広報に係る満足度55％以上（令和４年度51.3％）",
    );
  });

  it("leaves the evaluation and the reason empty before evaluation", () => {
    const { evaluation: _, ...unevaluated } = goalAt(loadDemo(), 0);
    const row = goalRowContent(unevaluated, 0, DEFAULT_SCALE, asIs);
    expect(row.evaluation).toBe("");
    expect(row.reason).toEqual([]);
  });

  it("writes goal numbers with full-width digits", () => {
    expect(toFullWidthDigits("12")).toBe("１２");
  });
});
