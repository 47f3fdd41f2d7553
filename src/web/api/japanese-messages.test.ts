import { describe, expect, it } from "vitest";
import demo from "../../../demo/iga-2023-somu.manifesto.json" with { type: "json" };
import { validateManifesto } from "../../domain/manifesto/validate.ts";
import {
  formatJsonPath,
  japaneseMessage,
  japanesePath,
  japaneseProblem,
  parseJsonPath,
} from "./japanese-messages.ts";

describe("japanesePath", () => {
  it("names a target's measure the way the form labels it", () => {
    expect(japanesePath("goals[1].targets[0].measure.target")).toBe("目標2 の 達成目標① の 目標値");
    expect(japanesePath("goals[0].targets[2].measure.baseline.fiscalYear")).toBe(
      "目標1 の 達成目標③ の 基準年度",
    );
    expect(japanesePath("goals[0].targets[1].result.actual")).toBe("目標1 の 達成目標② の 実績値");
  });

  it("names bullets by their position, counted from 1", () => {
    expect(japanesePath("goals[1].means[0]")).toBe("目標2 の 手段 1");
    expect(japanesePath("goals[3].currentState[2]")).toBe("目標4 の 現在の状態 3");
    expect(japanesePath("goals[0].policyRefs[1]")).toBe("目標1 の 関連の施策・基本事業番号 2");
    expect(japanesePath("goals[0].means")).toBe("目標1 の 目標を達成するための手段");
  });

  it("names goals by their own numbers when the document is given", () => {
    const doc = { goals: [{ number: 4 }, { number: 7 }] };
    expect(japanesePath("goals[1].evaluation.level", doc)).toBe("目標7 の 自己評価の段階");
    expect(japanesePath("goals[1].evaluation.level")).toBe("目標2 の 自己評価の段階");
  });

  it("names the document's own fields and the whole document", () => {
    expect(japanesePath("$")).toBe("文書全体");
    expect(japanesePath("municipality.code")).toBe("団体コード");
    expect(japanesePath("department.contact.email")).toBe("連絡先のメールアドレス");
  });

  it("keeps what it does not know, so nothing is hidden", () => {
    expect(japanesePath("goals[0].colour")).toBe("目標1 の colour");
    expect(japanesePath("extra[2]")).toBe("extra の 3番目");
  });

  it("reads and writes paths as the server writes them", () => {
    const path = "goals[12].targets[0].measure.baseline.value";
    expect(parseJsonPath(path)).toEqual([
      "goals",
      12,
      "targets",
      0,
      "measure",
      "baseline",
      "value",
    ]);
    expect(formatJsonPath(parseJsonPath(path))).toBe(path);
    expect(formatJsonPath([])).toBe("$");
  });
});

describe("japaneseMessage", () => {
  it.each([
    ["is required", "入力してください"],
    ["must not be empty", "入力してください"],
    ["must be at most 2000 characters", "2000文字以内で入力してください"],
    ["must have at most 30 items", "30件までにしてください"],
    ["must be an integer, not a string", "整数で入力してください（文字列になっています）"],
    [
      'must be a level of the scale "評価" (5, 4, 3)',
      "評価基準「評価」の段階（5, 4, 3）から選んでください",
    ],
    ["has a wrong check digit", "検査数字が正しくありません"],
    ["must stay 2023", "2023 から変更できません"],
  ])("%s → %s", (english, japanese) => {
    expect(japaneseMessage(english)).toBe(japanese);
  });

  it("names the comparators with their symbols", () => {
    expect(japaneseMessage("must be one of >=, >, <=, <, =")).toContain("≧（以上）");
  });

  it("translates a problem of an Excel template after the cell's name", () => {
    expect(japaneseMessage("全国地方公共団体コード（municipality）: is required")).toBe(
      "全国地方公共団体コード（municipality）：入力してください",
    );
    expect(
      japaneseMessage("全国地方公共団体コード（municipality.code）: has a wrong check digit"),
    ).toBe("全国地方公共団体コード（municipality.code）：検査数字が正しくありません");
    expect(japaneseMessage("比較: 比較は「以上」から選んでください")).toBe(
      "比較: 比較は「以上」から選んでください",
    );
  });

  it("returns a message it does not know unchanged", () => {
    expect(japaneseMessage("something new went wrong")).toBe("something new went wrong");
  });

  it("has Japanese for every message the validator gives a broken document", () => {
    const doc = structuredClone(demo) as unknown as Record<string, unknown>;
    const goals = doc.goals as Record<string, unknown>[];
    const goal = goals[0] as Record<string, unknown>;
    goal.title = " ";
    goal.colour = "red";
    goal.means = ["a", 3];
    goal.evaluation = { level: 9, reason: "x" };
    const targets = goal.targets as Record<string, unknown>[];
    (targets[0] as Record<string, unknown>).measure = {
      kind: "numeric",
      indicator: "満足度",
      unit: "%",
      comparator: "≧",
      target: "55",
    };
    (goals[1] as Record<string, unknown>).number = goal.number;
    doc.fiscalYear = 1900;
    const result = validateManifesto(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const p of result.problems) {
      expect(japaneseMessage(p.message), p.message).not.toBe(p.message);
      if (!p.path.endsWith("colour")) expect(japanesePath(p.path), p.path).not.toMatch(/[a-z]/);
    }
    expect(japaneseProblem({ path: "goals[0].title", message: "must not be empty" }, doc)).toBe(
      "目標1 の 組織使命達成に向けての目標：入力してください",
    );
  });
});
