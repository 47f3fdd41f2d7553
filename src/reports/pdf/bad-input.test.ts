// Inputs at and past the edges: the longest reason the format allows, emoji, rare kanji,
// the whole of JIS X 0208 and JIS X 0213, symbols and ideographic variation sequences. Each gives a clear error or a correct PDF, never a crash.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../test/support/fixtures.ts";
import { LIMITS, type ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { ValidationError } from "../../errors.ts";
import { GETA, renderManifestoPdf, renderManifestoPdfWithReport } from "./index.ts";
import {
  expectInOrder,
  loadDemo,
  pdfFonts,
  pdfInfo,
  pdfText,
  squeeze,
  writePdf,
} from "./test-support.ts";

function withReason(reason: string, goalIndex = 0): ManifestoDocument {
  const doc = loadDemo();
  const goal = doc.goals[goalIndex];
  if (!goal) throw new Error(`the demo has no goal ${goalIndex + 1}`);
  goal.evaluation = { level: 3, reason };
  return doc;
}

/** Every character of JIS X 0208 (rows 1–8 and 16–84), decoded from EUC-JP. */
function jisX0208(): string[] {
  const decoder = new TextDecoder("euc-jp", { fatal: false });
  const chars: string[] = [];
  for (let row = 1; row <= 84; row++) {
    if (row > 8 && row < 16) continue; // rows 9–15 are unassigned (row 13 is NEC's)
    for (let cell = 1; cell <= 94; cell++) {
      const ch = decoder.decode(new Uint8Array([0xa0 + row, 0xa0 + cell]));
      if (ch !== "\ufffd" && ch.length > 0) chars.push(ch);
    }
  }
  return chars;
}

describe("bad and unusual inputs", () => {
  it("splits a 10,000-character reason across pages, repeating the header, losing nothing", async () => {
    const paragraphs: string[] = [];
    for (let i = 0; paragraphs.join("\n").length < LIMITS.reason - 40; i++) {
      paragraphs.push(
        `[${String(i).padStart(4, "0")}]市民の期待に応えられる組織・人づくりに取り組み、成果を得た。`,
      );
    }
    const reason = paragraphs.join("\n").slice(0, LIMITS.reason);
    expect(reason.length).toBeGreaterThan(9_900);
    const path = writePdf(await renderManifestoPdf(withReason(reason)), "long-reason.pdf");
    const { pages } = pdfInfo(path);
    expect(pages).toBeGreaterThan(6);
    const all = squeeze(pdfText(path));
    const markers = paragraphs.map((p) => /^\[\d{4}\]/.exec(p)?.[0] ?? "");
    // The last paragraph may have been cut by the length limit, but its marker is whole.
    expectInOrder(all, markers);
    for (let page = 1; page <= pages; page++) {
      const text = squeeze(pdfText(path, { first: page, last: page }));
      expect(text).toContain("組織使命達成に向けての目標");
      // Later pages of the long row say whose row it is.
      if (page === 2) expect(text).toContain("◎部局目標１（続き）");
      expect(text.endsWith(`${page}/${pages}`)).toBe(true);
    }
    // The other goals still follow, each whole on its page.
    expect(all).toContain(squeeze("◎部局目標６"));
  });

  it("refuses emoji by default, naming the character and the field", async () => {
    const doc = withReason("目標を達成した😀");
    const error = await renderManifestoPdf(doc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const problems = (error as ValidationError).problems;
    expect(problems).toEqual([
      {
        path: "goals[0].evaluation.reason",
        message: "総務部: 「😀」（U+1F600）はPDFのフォントにないため印刷できません",
      },
    ]);
    expect((error as Error).message).toContain("😀（U+1F600）");
  });

  it("prints 〓 for an emoji when asked to, and reports it", async () => {
    const doc = withReason("達成した👍");
    doc.goals[1]!.title = "🏯伊賀の広報";
    const result = await renderManifestoPdfWithReport(doc, { missingGlyphs: "substitute" });
    expect(result.missingGlyphs.map((m) => [m.character, m.codePoint, m.path])).toEqual([
      ["👍", "U+1F44D", "goals[0].evaluation.reason"],
      ["🏯", "U+1F3EF", "goals[1].title"],
    ]);
    const text = squeeze(pdfText(writePdf(result.pdf, "emoji.pdf")));
    expect(text).toContain(`達成した${GETA}`);
    expect(text).toContain(`${GETA}伊賀の広報`);
  });

  it("prints rare kanji: 髙橋, 﨑, 𠮷 and variants", async () => {
    const doc = loadDemo();
    doc.department.head = { title: "部長", name: "髙橋　𠮷﨑" };
    doc.goals[0]!.title = "髙島屋・山﨑・𠮷野家・德川・隆・神・祇・羽";
    const result = await renderManifestoPdfWithReport(doc);
    expect(result.missingGlyphs).toEqual([]);
    const text = squeeze(pdfText(writePdf(result.pdf, "rare.pdf")));
    expect(text).toContain("髙橋𠮷﨑");
    expect(text).toContain("髙島屋・山﨑・𠮷野家・德川・隆・神・祇・羽");
  });

  it("prints every character of JIS X 0208, ≒ from the fallback font", async () => {
    const chars = jisX0208();
    expect(chars.length).toBe(6879);
    // In reasons of several goals: one reason may hold at most 10,000 characters.
    const doc = loadDemo();
    const perGoal = Math.ceil(chars.length / 2);
    doc.goals[0]!.evaluation = { level: 3, reason: chars.slice(0, perGoal).join("") };
    doc.goals[1]!.evaluation = { level: 3, reason: chars.slice(perGoal).join("") };
    const result = await renderManifestoPdfWithReport(doc);
    expect(result.missingGlyphs).toEqual([]);
    const path = writePdf(result.pdf, "jis.pdf");
    const text = pdfText(path);
    const printed = new Set(Array.from(text));
    // The ideographic space is white space to pdftotext.
    const lost = chars.filter((c) => !printed.has(c) && c !== "\u3000");
    expect(lost).toEqual([]);
    // (〓 itself is a character of JIS X 0208, so the text may well contain it.)
    expect(pdfFonts(path).map((f) => f.name.replace(/^[A-Z]{6}\+/, ""))).toContain(
      "BIZUDPGothic-Regular",
    );
  });

  it("prints every character of JIS X 0213 beyond JIS X 0208, sequences included", async () => {
    const all = readFileSync(join(PROJECT_ROOT, "test/fixtures/jis-x-0213.txt"), "utf8")
      .split("\n")
      .filter((c) => c !== "");
    expect(all).toHaveLength(11_233);
    const in0208 = new Set(jisX0208());
    const extra = all.filter((c) => !in0208.has(c));
    expect(extra.length).toBeGreaterThan(4_000);
    const doc = loadDemo();
    const perGoal = Math.ceil(extra.length / 3);
    for (let g = 0; g < 3; g++) {
      doc.goals[g]!.evaluation = {
        level: 3,
        reason: extra.slice(g * perGoal, (g + 1) * perGoal).join(""),
      };
    }
    const result = await renderManifestoPdfWithReport(doc);
    expect(result.missingGlyphs).toEqual([]);
    const text = pdfText(writePdf(result.pdf, "jis-x-0213.pdf"));
    expect(text).not.toContain(GETA);
    // Every single character comes back out of the PDF (sequences are drawn as their parts);
    // pdftotext gives the no-break space and the soft hyphen back as nothing.
    const printed = new Set(Array.from(text));
    const lost = extra.filter(
      (c) => [...c].length === 1 && !printed.has(c) && c !== "\u00a0" && c !== "\u00ad",
    );
    expect(lost).toEqual([]);
  });

  it("prints the symbols municipal documents use", async () => {
    const symbols = "≒≦≧※◎○△▼①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㈱㎡℃～⦅⦆";
    const doc = loadDemo();
    doc.goals[0]!.title = `記号${symbols}`;
    const result = await renderManifestoPdfWithReport(doc);
    expect(result.missingGlyphs).toEqual([]);
    expect(squeeze(pdfText(writePdf(result.pdf, "symbols.pdf")))).toContain(`記号${symbols}`);
  });

  it("draws an ideographic variation sequence with its own form, or else its base character", async () => {
    const doc = loadDemo();
    // 葛 + U+E0100: no form of its own in the fonts, so 葛 is drawn. 僅 + U+E0100: Noto Sans
    // JP has the form, and the selector is kept for it.
    doc.department.head = { title: "部長", name: "葛\u{E0100}飾　太郎" };
    doc.goals[0]!.title = "僅\u{E0100}かな差";
    const result = await renderManifestoPdfWithReport(doc);
    expect(result.missingGlyphs).toEqual([]);
    const text = squeeze(pdfText(writePdf(result.pdf, "ivs.pdf")));
    expect(text).not.toContain(GETA);
    expect(text).toContain("葛飾太郎");
    expect(text).toMatch(/僅\u{E0100}?かな差/u);
  });
});
