import { describe, expect, it } from "vitest";
import { type CorpusEntry, TARGET_TEXT_CORPUS } from "./corpus.ts";
import { HELD_OUT_CORPUS } from "./corpus-held-out.ts";
import { parseTargetText } from "./parse.ts";

function readAsExpected(text: string) {
  const parsed = parseTargetText(text);
  if (parsed === undefined) return null;
  return {
    comparator: parsed.comparator,
    target: parsed.target,
    unit: parsed.unit,
    ...(parsed.baseline !== undefined && { baseline: parsed.baseline }),
    ...(parsed.targetFiscalYear !== undefined && { targetFiscalYear: parsed.targetFiscalYear }),
  };
}

function score(name: string, corpus: readonly CorpusEntry[]): number {
  const misses = corpus.filter(
    (e) => JSON.stringify(readAsExpected(e.text)) !== JSON.stringify(e.expected),
  );
  const exact = corpus.length - misses.length;
  // The figure for the report; the misses name what is still read wrongly.
  console.info(
    `${name}: ${exact}/${corpus.length} exact`,
    misses.map((m) => ({ text: m.text, got: readAsExpected(m.text), expected: m.expected })),
  );
  return exact / corpus.length;
}

describe("parseTargetText over corpora of real-style target texts", () => {
  it("reads at least 9 in 10 texts exactly (comparator, value, unit, baseline, target year)", () => {
    expect(TARGET_TEXT_CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(score("target-text corpus", TARGET_TEXT_CORPUS)).toBeGreaterThanOrEqual(0.9);
  });

  it("reads at least 9 in 10 of the held-out texts exactly", () => {
    expect(HELD_OUT_CORPUS.length).toBeGreaterThanOrEqual(30);
    expect(score("held-out corpus", HELD_OUT_CORPUS)).toBeGreaterThanOrEqual(0.9);
  });
});

describe("parseTargetText details", () => {
  it("proposes the indicator from the words before the number, without years and particles", () => {
    expect(
      parseTargetText(
        "令和５年度市民まちづくりアンケートの広聴広報に係る満足度55％以上（令和４年度51.3％）",
      )?.indicator,
    ).toBe("市民まちづくりアンケートの広聴広報に係る満足度");
    expect(parseTargetText("eモニターを活用したアンケートの実施数：15件")?.indicator).toBe(
      "eモニターを活用したアンケートの実施数",
    );
    expect(parseTargetText("男性職員の育児休業取得率を過去５年平均で20％とする。")?.indicator).toBe(
      "男性職員の育児休業取得率を過去5年平均",
    );
  });

  it("says whether the comparator was written or assumed", () => {
    expect(parseTargetText("満足度55％以上")?.comparatorStated).toBe(true);
    expect(parseTargetText("実施数：15件")?.comparatorStated).toBe(false);
  });

  it("reads nothing from a milestone, an ordinal or a year alone", () => {
    expect(parseTargetText("令和７年度までに第３次計画を策定する")).toBeUndefined();
    expect(parseTargetText("①マニュアルを策定する")).toBeUndefined();
  });

  it("puts January to March in the fiscal year before", () => {
    expect(parseTargetText("交付率80％（令和5年3月末 67.4％）")?.baseline).toEqual({
      value: 67.4,
      fiscalYear: 2022,
    });
    expect(parseTargetText("交付率80％（令和5年4月1日現在 67.4％）")?.baseline).toEqual({
      value: 67.4,
      fiscalYear: 2023,
    });
  });
});
