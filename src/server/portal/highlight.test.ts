import { describe, expect, it } from "vitest";
import { matchRanges } from "../../domain/search/words.ts";
import { highlight } from "./highlight.ts";

describe("highlight", () => {
  it("marks full-width text found by a half-width word, on the original characters", () => {
    expect(highlight("ＳＮＳ等を活用し", ["sns"]).value).toBe("<mark>ＳＮＳ</mark>等を活用し");
    expect(highlight("SNSの登録者数", ["sns"]).value).toBe("<mark>SNS</mark>の登録者数");
  });

  it("marks 2-character Japanese words and every occurrence, escaping the rest", () => {
    expect(highlight("<防災>と防災訓練", ["防災"]).value).toBe(
      "&lt;<mark>防災</mark>&gt;と<mark>防災</mark>訓練",
    );
  });

  it("merges overlapping matches and maps characters that fold to several", () => {
    expect(matchRanges("abcd", ["abc", "bcd"])).toEqual([[0, 4]]);
    // ㈱ folds to "(株)": a word inside it marks the whole original character
    expect(matchRanges("㈱伊賀", ["株"])).toEqual([[0, 1]]);
  });
});
