// The booklet of a municipality's fiscal year, read back with poppler: cover, table of
// contents whose page numbers point at the right departments, departments in order.
import { describe, expect, it } from "vitest";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { ValidationError } from "../../errors.ts";
import { renderBookletPdf, renderBookletPdfWithReport } from "./index.ts";
import { loadDemo, pdfInfo, pdfText, renderPng, squeeze, writePdf } from "./test-support.ts";

function department(name: string, goals = 6): ManifestoDocument {
  const doc = loadDemo();
  doc.department.name = name;
  doc.goals = doc.goals.slice(0, goals);
  return doc;
}

/** `name page` pairs as printed in the table of contents (pdftotext -raw keeps a row on a line). */
function tocEntries(path: string, first: number, last: number): { name: string; page: number }[] {
  return pdfText(path, { first, last })
    .split("\n")
    .map((line) => /^(\S+)\s+(\d+)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1] ?? "", page: Number(m[2]) }));
}

describe("the booklet", () => {
  const names = ["総務部", "企画振興部", "健康福祉部", "建設部", "教育委員会事務局"];
  const options = { municipalityName: "伊賀市", fiscalYear: 2023 };

  it("has a cover, a table of contents whose pages are right, and the departments in order", async () => {
    const docs = names.map((n, i) => department(n, i === 2 ? 1 : 6));
    const progress: string[] = [];
    const result = await renderBookletPdfWithReport(docs, {
      ...options,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(progress).toEqual(["1/5", "2/5", "3/5", "4/5", "5/5"]);
    const path = writePdf(result.pdf, "booklet.pdf");
    const info = pdfInfo(path);
    expect(info.width).toBeGreaterThan(info.height);
    // Cover, one page of contents, 3 pages per 6-goal department and 1 for the 1-goal one.
    expect(info.pages).toBe(1 + 1 + 4 * 3 + 1);

    const cover = squeeze(pdfText(path, { first: 1, last: 1 }));
    expect(cover).toBe(
      squeeze("2023（令和5）年度 部局マニフェスト ～私たちの組織使命と目標～ 伊賀市"),
    );

    const toc = tocEntries(path, 2, 2);
    expect(toc.map((e) => e.name)).toEqual(names);
    expect(toc.map((e) => e.page)).toEqual([3, 6, 9, 10, 13]);
    expect(result.contents).toEqual(toc.map((e) => ({ department: e.name, page: e.page })));
    for (const entry of toc) {
      const page = squeeze(pdfText(path, { first: entry.page, last: entry.page }));
      expect(page).toContain(`部局名${entry.name}`);
      expect(page).toContain("◎部局目標１");
      // The page before belongs to another department (or is the contents).
      const before = squeeze(pdfText(path, { first: entry.page - 1, last: entry.page - 1 }));
      expect(before).not.toContain(`部局名${entry.name}`);
    }
    const last = squeeze(pdfText(path, { first: info.pages, last: info.pages }));
    expect(last.endsWith(`${info.pages}/${info.pages}`)).toBe(true);
    renderPng(path, 2, "booklet-contents");
  });

  it("spreads a long table of contents over several pages", async () => {
    const many = Array.from({ length: 50 }, (_, i) => department(`第${i + 1}部`, 1));
    const path = writePdf(await renderBookletPdf(many, options), "booklet-50.pdf");
    const toc = tocEntries(path, 2, 3);
    expect(toc.map((e) => e.name)).toEqual(many.map((d) => d.department.name));
    expect(toc[0]?.page).toBe(4);
    expect(toc[49]?.page).toBe(53);
    expect(squeeze(pdfText(path, { first: 53, last: 53 }))).toContain("部局名第50部");
    expect(pdfInfo(path).pages).toBe(53);
  });

  it("refuses an empty booklet and a manifesto of another year, clearly", async () => {
    await expect(renderBookletPdf([], options)).rejects.toBeInstanceOf(ValidationError);
    const other = department("総務部");
    other.fiscalYear = 2022;
    const error = await renderBookletPdf([other], options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain("2022（令和4）年度");
  });
});
