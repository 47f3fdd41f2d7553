// The demo manifesto rendered to a real PDF and read back with poppler.
import { existsSync, readFileSync, statSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Goal, ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { renderManifestoPdf } from "./index.ts";
import { NO_LINE_END, NO_LINE_START } from "./kinsoku.ts";
import { BODY_BOTTOM, COLUMN_LEFTS, COLUMN_WIDTHS } from "./page.ts";
import {
  expectInOrder,
  loadDemo,
  pdfFonts,
  pdfInfo,
  pdfText,
  renderPng,
  squeeze,
  writePdf,
} from "./test-support.ts";

// The policy references as the seed prints them (goals 5 and 6 have none).
const PRINTED_REFS: Record<number, string> = { 1: "7-1-①･②", 2: "7-1-②", 3: "7-3-①", 4: "7-3-②" };
const FULL_WIDTH_DIGITS = "０１２３４５６７８９";

/** Every text of a goal's row, in reading order: column by column, top to bottom. */
function rowTexts(goal: Goal): string[] {
  const number = String(goal.number).replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d);
  const texts = [
    goal.mission ?? "",
    `◎部局目標${number}`,
    "▼",
    goal.title,
    "関連の施策・基本事業No",
    PRINTED_REFS[goal.number] ?? "",
    "〈現在の状態〉",
    ...(goal.currentState ?? []),
    "↓",
    "〈達成目標〉",
    ...(goal.targets ?? []).map((t) => `${t.label ?? ""}${t.text}`),
    "※目標が達成した状態",
    goal.desiredState ?? "",
    ...(goal.means ?? []),
    ...(goal.evaluation
      ? [String(goal.evaluation.level), ...goal.evaluation.reason.split("\n")]
      : []),
  ];
  return texts.map(squeeze).filter((t) => t !== "");
}

function withoutEvaluation(doc: ManifestoDocument): ManifestoDocument {
  return { ...doc, goals: doc.goals.map(({ evaluation: _, ...goal }) => goal) };
}

describe("the demo manifesto as PDF", () => {
  const demo = loadDemo();
  let path = "";
  let bytes = 0;

  beforeAll(async () => {
    const pdf = await renderManifestoPdf(demo);
    bytes = pdf.length;
    path = writePdf(pdf, "demo.pdf");
  });

  it("is A4 landscape on three pages, as the original", () => {
    const info = pdfInfo(path);
    expect(info.width).toBeCloseTo(841.89, 1);
    expect(info.height).toBeCloseTo(595.28, 1);
    expect(info.pages).toBe(3);
  });

  it("embeds subsets of the Japanese fonts and stays small", () => {
    const fonts = pdfFonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansJP/);
      expect(font.embedded).toBe(true);
      expect(font.subset).toBe(true);
    }
    expect(bytes).toBeLessThan(500 * 1024);
  });

  it("prints the heading, the legend and the header table on page 1", () => {
    const page1 = squeeze(pdfText(path, { mode: "layout", first: 1, last: 1 }));
    expectInOrder(page1, [
      "業績目標の達成状況",
      "5．先進的な取り組みを行い、成果があった",
      "1．業績目標に取り組まなかった",
    ]);
    for (const text of [
      "2023（令和5）年度部局マニフェスト",
      "～私たちの組織使命と目標～",
      "部局名総務部",
      "役職部長",
      "氏名月井敦子",
      "連絡先0595-22-9601(内線2721)",
    ]) {
      expect(page1).toContain(text);
    }
  });

  it("repeats the column header and numbers every page", () => {
    for (const page of [1, 2, 3]) {
      const text = squeeze(pdfText(path, { first: page, last: page }));
      expectInOrder(text, [
        "組織使命",
        "組織使命達成に向けての目標",
        "目標の達成水準",
        "目標を達成するための手段",
        "達成状況（自己評価）",
        "理由",
      ]);
      expect(text.endsWith(`${page}/3`)).toBe(true);
    }
  });

  it("prints every text of every goal, in reading order within its row", () => {
    const all = squeeze(pdfText(path));
    let at = 0;
    demo.goals.forEach((goal, i) => {
      at = expectInOrder(all, rowTexts(goal), at);
      const next = demo.goals[i + 1];
      if (next) expect(at).toBeLessThan(all.indexOf(squeeze(rowTexts(next)[1] ?? "")));
    });
  });

  it("never splits a goal's row across pages", () => {
    const pages = [1, 2, 3].map((p) => squeeze(pdfText(path, { first: p, last: p })));
    for (const goal of demo.goals) {
      const texts = rowTexts(goal);
      const anchor = texts[1] ?? "";
      const page = pages.find((p) => p.includes(anchor));
      expect(page, `page of goal ${goal.number}`).toBeDefined();
      expectInOrder(page ?? "", texts);
    }
  });

  it("breaks lines the Japanese way", () => {
    // A pair of consecutive lines is a wrap inside one text when both together are part of
    // a text of the document; only those breaks are the renderer's doing.
    const texts = demo.goals.flatMap(rowTexts);
    const lines = pdfText(path)
      .split("\n")
      .map((l) => squeeze(l))
      .filter((l) => l !== "");
    let wraps = 0;
    for (let i = 1; i < lines.length; i++) {
      const before = lines[i - 1] ?? "";
      const after = lines[i] ?? "";
      const joined = before.replace(/^・/u, "") + after;
      if (!texts.some((t) => t.includes(joined))) continue;
      wraps++;
      expect(NO_LINE_START.has(after.codePointAt(0) ?? 0), `${before} / ${after}`).toBe(false);
      expect(NO_LINE_END.has(Array.from(before).pop()?.codePointAt(0) ?? 0), before).toBe(false);
    }
    expect(wraps).toBeGreaterThan(100);
  });

  it("renders page 1 as an image for a person to look at", () => {
    const png = renderPng(path, 1, "demo-page1");
    expect(existsSync(png)).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(10_000);
    expect(readFileSync(png).subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});

describe("a manifesto before evaluation", () => {
  // Columns 5 and 6 (達成状況, 理由), below the heading on page 1 and whole on later pages.
  const evaluationColumns = (page: number) => ({
    x: (COLUMN_LEFTS[4] ?? 0) + 1,
    y: page === 1 ? 104 : 0,
    width: (COLUMN_WIDTHS[4] ?? 0) + (COLUMN_WIDTHS[5] ?? 0) - 2,
    height: BODY_BOTTOM - (page === 1 ? 104 : 0),
  });

  it("leaves the last two columns empty (and the evaluated one does not)", async () => {
    const planned = writePdf(await renderManifestoPdf(withoutEvaluation(loadDemo())), "plan.pdf");
    const evaluated = writePdf(await renderManifestoPdf(loadDemo()), "evaluated.pdf");
    const pages = pdfInfo(planned).pages;
    for (let page = 1; page <= pages; page++) {
      const text = squeeze(
        pdfText(planned, { first: page, last: page, crop: evaluationColumns(page) }),
      );
      expect(text).toBe("達成状況（自己評価）理由");
    }
    const filled = squeeze(pdfText(evaluated, { first: 1, last: 1, crop: evaluationColumns(1) }));
    expect(filled).toContain("市政出前講座の項目を見直し");
    expect(filled.startsWith("達成状況（自己評価）理由3")).toBe(true);
  });
});
