import { describe, expect, it } from "vitest";
import {
  claimedAchievedTargetNotMetMessage,
  claimPhrase,
  comparatorWord,
  formatNumber,
  formatQuantity,
  formatTargetValue,
  levelMeaningUnknownMessage,
  targetName,
} from "./messages.ts";

describe("numbers and comparators", () => {
  it("writes numbers the Japanese way, with separators and without float noise", () => {
    expect(formatNumber(49.4)).toBe("49.4");
    expect(formatNumber(12345.5)).toBe("12,345.5");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(-3)).toBe("-3");
    expect(formatQuantity(204, "位")).toBe("204位");
    expect(formatQuantity(1000, "件")).toBe("1,000件");
  });

  it.each([
    [">=", "%", "以上"],
    [">", "件", "超"],
    ["<=", "件", "以下"],
    ["<=", "位", "以内"],
    ["<", "位", "未満"],
    ["=", "件", "ちょうど"],
  ] as const)("%s with unit %s reads %s", (comparator, unit, word) => {
    expect(comparatorWord(comparator, unit)).toBe(word);
  });

  it("writes a target value as the documents do", () => {
    expect(formatTargetValue(55, ">=", "%")).toBe("55%以上");
    expect(formatTargetValue(230, "<=", "位")).toBe("230位以内");
    expect(formatTargetValue(10, ">=", "%減")).toBe("10%減以上");
    expect(formatTargetValue(1.5, ">=", "倍")).toBe("1.5倍以上");
  });
});

describe("names and phrases", () => {
  it("names a target by its printed marker, else by its position when there are several", () => {
    expect(targetName({ index: 0, label: "①" }, 2)).toBe("達成目標①");
    expect(targetName({ index: 0 }, 1)).toBe("達成目標");
    expect(targetName({ index: 1 }, 2)).toBe("2番目の達成目標");
  });

  it("quotes the level's label with its number, but a letter label alone", () => {
    expect(claimPhrase(3, "業績目標を達成した")).toBe("自己評価は「業績目標を達成した」（3）");
    expect(claimPhrase(3, "A")).toBe("自己評価は「A」");
    expect(claimPhrase(3, "Ａ 達成")).toBe("自己評価は「Ａ 達成」");
    expect(claimPhrase(7, undefined)).toBe("自己評価は7");
  });

  it("words the warning of the seed's goal 1 as reviewers read it", () => {
    const message = claimedAchievedTargetNotMetMessage(
      claimPhrase(3, "業績目標を達成した"),
      {
        index: 0,
        label: "①",
        status: "not_met",
        kind: "numeric",
        actual: 49.4,
        target: 55,
        comparator: ">=",
        unit: "%",
      },
      2,
      undefined,
    );
    expect(message).toBe(
      "自己評価は「業績目標を達成した」（3）ですが、達成目標①は未達成です（実績49.4% / 目標55%以上）",
    );
  });

  it("gives a milestone's result in words", () => {
    const message = claimedAchievedTargetNotMetMessage(
      claimPhrase(3, "業績目標を達成した"),
      { index: 1, status: "not_met", kind: "milestone" },
      2,
      "partial",
    );
    expect(message).toBe(
      "自己評価は「業績目標を達成した」（3）ですが、2番目の達成目標は未達成です（結果：一部達成）",
    );
  });

  it("says why a level cannot be checked", () => {
    expect(levelMeaningUnknownMessage(4, "よくできた", "独自基準")).toContain(
      "「よくできた」（4）",
    );
    expect(levelMeaningUnknownMessage(9, undefined, "独自基準")).toContain(
      "評価基準「独自基準」にない",
    );
  });
});

describe("formatNumber", () => {
  it("writes numbers as Intl ja-JP does, with or without the fast path", () => {
    const intl = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 6 });
    for (const n of [
      0, -0, 5, 49.4, 230, 999, 1000, 1234.5, 0.1234567, 1e-7, -12.25, 1e21, 5.600000000000001,
    ]) {
      expect(formatNumber(n)).toBe(intl.format(n));
    }
  });
});
