import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { demoDocument } from "../../test/support/fixtures.ts";
import { getIndicatorSeries, listMunicipalityIndicators } from "./get-indicator-series.ts";
import { importManifesto } from "./import-manifesto.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

type Doc = ReturnType<typeof demoDocument>;
type NumericTarget = {
  measure: { indicator: string; target: number; baseline?: { value: number; fiscalYear: number } };
  result?: { actual?: number };
};
const firstTarget = (doc: Doc) => (doc.goals[0] as { targets: NumericTarget[] }).targets[0]!;

describe("indicator series across fiscal years", () => {
  it("joins targets whose indicator names are NFKC-equal into one series", async () => {
    await importManifesto(t.ctx, demoDocument()); // 2023: baseline 2022 = 51.3, actual 49.4
    const next = demoDocument();
    next.fiscalYear = 2024;
    const target = firstTarget(next);
    // the same indicator written with half-width katakana
    target.measure.indicator = "市民まちづくりｱﾝｹｰﾄの広聴広報に係る満足度";
    target.measure.target = 56;
    target.measure.baseline = { value: 49.4, fiscalYear: 2023 };
    target.result = { actual: 52.0 };
    await importManifesto(t.ctx, next);

    const series = await getIndicatorSeries(
      t.ctx,
      "242161",
      "市民まちづくりアンケートの広聴広報に係る満足度",
    );
    expect(series.indicator.unit).toBe("%");
    expect(series.targets.map((x) => [x.fiscalYear, x.target, x.actual])).toEqual([
      [2023, 55, 49.4],
      [2024, 56, 52],
    ]);
    expect(series.years).toEqual([
      { fiscalYear: 2022, value: 51.3, source: "baseline" },
      { fiscalYear: 2023, value: 49.4, source: "actual", target: { comparator: ">=", value: 55 } },
      { fiscalYear: 2024, value: 52, source: "actual", target: { comparator: ">=", value: 56 } },
    ]);
  });

  it("finds the series by a differently written but NFKC-equal name", async () => {
    const series = await getIndicatorSeries(
      t.ctx,
      "242161",
      "地域ブランド調査による伊賀市の情報接触度(全国順位)",
    );
    expect(series.targets.map((x) => x.actual)).toEqual([204, 204]);
  });

  it("lists the municipality's indicators with their years", async () => {
    const list = await listMunicipalityIndicators(t.ctx, "242161");
    const satisfaction = list.find((i) => i.name.startsWith("市民まちづくり"));
    expect(satisfaction).toMatchObject({ firstYear: 2023, lastYear: 2024, targets: 2 });
    expect(list).toHaveLength(7); // the demo's seven numeric targets
  });

  it("answers not_found for an unknown indicator", async () => {
    await expect(getIndicatorSeries(t.ctx, "242161", "存在しない指標")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
