// The plan-time checks (issue #11): each "what was found" of the fiscal-2024 rollover of the
// demo, as a document a planning division would have approved without a word.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Goal, ManifestoDocument, Target } from "../manifesto/schema.ts";
import { validateManifesto } from "../manifesto/validate.ts";
import { assessManifesto, lastYearFromDocument } from "./index.ts";
import { unstructuredTargets } from "./plan-checks.ts";

const demoPath = new URL("../../../demo/iga-2023-somu.manifesto.json", import.meta.url);

function demo(): ManifestoDocument {
  const result = validateManifesto(JSON.parse(readFileSync(demoPath, "utf8")));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function plan(targets: Target[], fiscalYear = 2024): ManifestoDocument {
  const goal: Goal = { number: 1, mission: "使命", title: "目標", targets };
  return { ...demo(), fiscalYear, goals: [goal] };
}

const findingsOf = (d: ManifestoDocument, options = {}) =>
  assessManifesto(d, options).goals.flatMap((g) =>
    g.findings.map((f) => ({ code: f.code, severity: f.severity, target: f.target })),
  );

describe("plan-time checks", () => {
  it("leaves the demo's findings as they are", () => {
    const r = assessManifesto(demo());
    expect(r.goals.map((g) => g.findings.map((f) => [f.code, f.severity]))).toEqual([
      [["claimed_achieved_target_not_met", "warning"]],
      [],
      [],
      [["claimed_achieved_target_not_met", "warning"]],
      [["exceeded_on_milestones_only", "notice"]],
      [],
    ]);
  });

  it("target_not_structured: a number in a text-only target, with the measure it proposes", () => {
    const d = plan([{ text: "市民満足度55％以上（令和４年度51.3％）" }]);
    const f = assessManifesto(d).goals[0]?.findings[0];
    expect(f).toMatchObject({ code: "target_not_structured", severity: "notice", target: 0 });
    expect(f?.proposal).toEqual({
      kind: "numeric",
      indicator: "市民満足度",
      unit: "%",
      comparator: ">=",
      target: 55,
      baseline: { value: 51.3, fiscalYear: 2022 },
    });
    expect(findingsOf(plan([{ text: "手続を確立する。" }]))).toEqual([]);
  });

  it("target_met_by_baseline: 15件 against a baseline of 17件, 230位以内 against 204位", () => {
    const d = plan([
      {
        text: "実施数：15件（令和５年度17件）",
        measure: {
          kind: "numeric",
          indicator: "実施数",
          unit: "件",
          comparator: ">=",
          target: 15,
          baseline: { value: 17, fiscalYear: 2023 },
        },
      },
      {
        text: "情報接触度230位以内（令和５年度204位）",
        measure: {
          kind: "numeric",
          indicator: "情報接触度",
          unit: "位",
          comparator: "<=",
          target: 230,
          baseline: { value: 204, fiscalYear: 2023 },
        },
      },
    ]);
    const r = assessManifesto(d);
    expect(findingsOf(d)).toEqual([
      { code: "target_met_by_baseline", severity: "warning", target: 0 },
      { code: "target_met_by_baseline", severity: "warning", target: 1 },
    ]);
    expect(r.goals[0]?.findings[1]?.message).toBe(
      "2番目の達成目標の基準値（2023年度）204位が、すでに目標230位以内を満たしています",
    );
  });

  it("target_equals_baseline: a target to maintain is a notice", () => {
    const d = plan([
      {
        text: "充足率90％以上（令和５年度90％）",
        measure: {
          kind: "numeric",
          indicator: "充足率",
          unit: "%",
          comparator: ">=",
          target: 90,
          baseline: { value: 90, fiscalYear: 2023 },
        },
      },
    ]);
    expect(findingsOf(d)).toEqual([
      { code: "target_equals_baseline", severity: "notice", target: 0 },
    ]);
  });

  it("text_disagrees_with_measure: the rolled-over text of 2023 beside the 2024 measure", () => {
    const d = plan([
      {
        label: "①",
        text: "令和５年度市民まちづくりアンケートの広聴広報に係る満足度55％以上（令和４年度51.3％）",
        measure: {
          kind: "numeric",
          indicator: "市民まちづくりアンケートの広聴広報に係る満足度",
          unit: "%",
          comparator: ">=",
          target: 55,
          baseline: { value: 49.4, fiscalYear: 2023 },
        },
      },
    ]);
    const f = assessManifesto(d).goals[0]?.findings;
    expect(f?.map((x) => [x.code, x.severity])).toEqual([
      ["text_disagrees_with_measure", "warning"],
    ]);
    expect(f?.[0]?.message).toBe(
      "達成目標①の文章と測定方法が一致しません：基準値（文章 51.3%、測定方法 49.4%）、基準年度（文章 2022年度、測定方法 2023年度）、文章の年度（2023年度）が計画の年度（2024年度）より前",
    );
  });

  it("text_disagrees_with_measure: another value or comparator; 万 in the unit is scaled", () => {
    const measure = {
      kind: "numeric" as const,
      indicator: "登録者数",
      unit: "万人",
      comparator: ">=" as const,
      target: 3,
    };
    expect(findingsOf(plan([{ text: "登録者数：3万人以上", measure }]))).toEqual([]);
    expect(findingsOf(plan([{ text: "登録者数：4万人以上", measure }])).map((f) => f.code)).toEqual(
      ["text_disagrees_with_measure"],
    );
    expect(findingsOf(plan([{ text: "登録者数：3万人未満", measure }])).map((f) => f.code)).toEqual(
      ["text_disagrees_with_measure"],
    );
  });
});

describe("checks against last year's manifesto", () => {
  const lastYear = (actual: number, target: number): ManifestoDocument => ({
    ...plan(
      [
        {
          text: `実施数：${target}件`,
          measure: { kind: "numeric", indicator: "実施数", unit: "件", comparator: ">=", target },
          result: { actual },
        },
        {
          text: "研修受講者数：100人",
          measure: {
            kind: "numeric",
            indicator: "研修受講者数",
            unit: "人",
            comparator: ">=",
            target: 100,
          },
        },
      ],
      2023,
    ),
  });
  const thisYear = plan([
    {
      text: "実施数：15件",
      measure: { kind: "numeric", indicator: "実施数", unit: "件", comparator: ">=", target: 15 },
    },
  ]);

  it("target_below_last_actual, target_lowered and indicator_dropped", () => {
    expect(findingsOf(thisYear, { lastYear: lastYearFromDocument(lastYear(17, 16)) })).toEqual([
      { code: "target_below_last_actual", severity: "warning", target: 0 },
      { code: "target_lowered", severity: "notice", target: 0 },
      { code: "indicator_dropped", severity: "notice", target: undefined },
    ]);
    const messages = assessManifesto(thisYear, { lastYear: lastYearFromDocument(lastYear(17, 16)) })
      .goals[0]?.findings;
    expect(messages?.map((m) => m.message)).toEqual([
      "達成目標の目標15件以上は、昨年度（2023年度）の実績17件ですでに満たされています",
      "達成目標の目標15件以上は、昨年度（2023年度）の目標16件以上より低い水準です",
      "昨年度（2023年度）の目標1の指標「研修受講者数」が、今年度の達成目標にありません",
    ]);
  });

  it("nothing when the target reaches further than last year's actual and target", () => {
    expect(
      findingsOf(thisYear, { lastYear: lastYearFromDocument(lastYear(14, 15)) }).filter(
        (f) => f.code !== "indicator_dropped",
      ),
    ).toEqual([]);
  });
});

describe("claimed_without_evidence", () => {
  it("a level claiming achievement while no target can be judged", () => {
    const d = plan([{ text: "マニュアルを策定する", measure: { kind: "milestone" } }], 2023);
    const g = d.goals[0];
    if (g) g.evaluation = { level: 3, reason: "達成した" };
    expect(findingsOf(d)).toEqual([
      { code: "claimed_without_evidence", severity: "notice", target: undefined },
    ]);
    if (g)
      g.targets = [
        {
          text: "マニュアルを策定する",
          measure: { kind: "milestone" },
          result: { status: "achieved" },
        },
      ];
    expect(findingsOf(d)).toEqual([]);
  });
});

describe("unstructuredTargets (what import flags)", () => {
  it("names the text-only targets that state a number, and no others", () => {
    const d = plan([
      { text: "市民満足度55％以上" },
      { text: "手続を確立する。" },
      { text: "実施数15件", measure: { kind: "milestone" } },
    ]);
    expect(unstructuredTargets(d)).toEqual(["goals[0].targets[0]"]);
  });
});
