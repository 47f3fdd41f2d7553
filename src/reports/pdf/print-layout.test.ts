// A municipality's print layout chooses which fields the official PDF prints: a prefecture's
// 工程表 prints as one (所属, 今年度の目標, ◎○△× and 達成度, 課題, 今後の取組), a city's
// goal / result / rating table as one. Read back with poppler's pdftotext.
import { describe, expect, it } from "vitest";
import { extensionFixture } from "../../../test/support/fixtures.ts";
import { printLayoutSchema } from "../../domain/print-layout.ts";
import { renderManifestoPdf } from "./index.ts";
import { expectInOrder, pdfText, renderPng, squeeze, writePdf } from "./test-support.ts";

describe("a prefecture's 工程表 layout", () => {
  it("prints each goal's 所属, plan, targets with their long-term values, both ratings and the year-end fields", async () => {
    const doc = extensionFixture("prefecture");
    const path = writePdf(
      await renderManifestoPdf(doc, { layout: { preset: "koteihyo" } }),
      "koteihyo.pdf",
    );
    renderPng(path, 1, "koteihyo");
    const text = squeeze(pdfText(path));
    // The column header of the 工程表, then goal 1's row in column order.
    expectInOrder(text, [
      "所属",
      "施策・取組",
      "今年度の目標・指標",
      "取組内容・予算",
      "進捗状況",
      "達成度",
    ]);
    expectInOrder(text, [
      "廃棄物・リサイクル課",
      "課長山田太郎",
      "059-224-2388",
      "目標１",
      "食品ロス削減とごみの排出抑制",
      "SDGs12つくる責任つかう責任",
      "〈今年度の目標〉",
      "〈達成目標〉",
      "①県民1人1日あたりのごみ排出量880g以下",
      "基準値905g（2023年度）",
      "計画策定時の基準値952g（2018年度）",
      "令和7年度目標850g（2025年度）",
      "実績884g",
      "〈予算〉",
      "当初予算額12,345千円",
      "△",
      "達成度6",
      "〈評価の理由〉",
      "〈課題〉",
      "小売業以外",
      "〈今後の取組〉",
      "評価日2025-04-30",
    ]);
    expect(text).toContain("大気・水環境課");
    expect(text).toContain("059-224-2380（内線2380）");
    expect(text).toContain("暦年で集計");
    // Fields the 工程表 does not print: the seed's column titles.
    expect(text).not.toContain("組織使命達成に向けての目標");
  });
});

describe("a city's results table layout", () => {
  it("prints goal, result and rating only", async () => {
    const doc = extensionFixture("city");
    const path = writePdf(
      await renderManifestoPdf(doc, { layout: { preset: "results-table" } }),
      "results-table.pdf",
    );
    renderPng(path, 1, "results-table");
    const text = squeeze(pdfText(path));
    expectInOrder(text, ["目標", "成果", "評価"]);
    expectInOrder(text, [
      "目標１",
      "万博開催を契機とした市の魅力発信",
      "市の魅力を伝えるイベントを年間20回以上開催する",
      "関連イベントを24回開催し",
      "A",
      "目標２",
      "稼働率は68％（前年度71％）で、前年度を下回った。",
      "稼働率68％",
      "大ホールの改修工事",
      "C",
      "目標３",
      "観光アプリを公開した",
      "B",
    ]);
    expect(text).not.toContain("組織使命");
  });

  it("prints the columns a municipality writes itself", async () => {
    const layout = printLayoutSchema.parse({
      columns: [
        { title: "目標と所属", width: 2, fields: ["title", "owner"] },
        { title: "評定", width: 1, fields: ["level"] },
      ],
    });
    const path = writePdf(
      await renderManifestoPdf(extensionFixture("city"), { layout }),
      "own-columns.pdf",
    );
    const text = squeeze(pdfText(path));
    expectInOrder(text, [
      "目標と所属",
      "評定",
      "万博開催を契機とした市の魅力発信",
      "都市魅力部",
      "A",
    ]);
    expect(text).not.toContain("関連イベント");
  });
});
