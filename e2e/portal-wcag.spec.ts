// The portal against the success criteria axe does not check: a page title and h1 of its own
// for each manifesto (2.4.2, 2.4.6), and every page kind at 320 CSS px (1.4.10, 1.4.4 at 400 %)
// with the text spacing of 1.4.12 applied: nothing scrolls sideways, nothing is cut off, and
// no number or word is broken across lines.
import { TESTED_PAGES } from "../src/domain/accessibility/conformance.ts";
import { expect, test } from "./fixtures.ts";
import { BOUSAI_DEPARTMENT, FULL_WIDTH_NUMBERS, IGA, MATSUSAKA } from "./test-data.ts";
import { applyTextSpacing, brokenWords, clippedText, sidewaysOverflow } from "./wcag-checks.ts";

const somu = encodeURIComponent("総務部");

test("2.4.2: three 総務部 manifestos have three titles naming the municipality and the year", async ({
  page,
}) => {
  const seen: { title: string; h1: string }[] = [];
  for (const [path, municipality, year] of [
    [`/${IGA.code}/2023/${somu}`, "伊賀市", "2023（令和5）年度"],
    [`/${IGA.code}/2024/${somu}`, "伊賀市", "2024（令和6）年度"],
    [`/${MATSUSAKA.code}/2023/${somu}`, "松阪市", "2023（令和5）年度"],
  ] as const) {
    await page.goto(path);
    const h1 = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    const title = await page.title();
    for (const text of [h1, title]) {
      expect(text).toContain(municipality);
      expect(text).toContain(year);
      expect(text).toContain("総務部");
    }
    seen.push({ title, h1 });
  }
  expect(new Set(seen.map((s) => s.title)).size).toBe(3);
  expect(new Set(seen.map((s) => s.h1)).size).toBe(3);
});

test.describe("1.4.10 and 1.4.12 at 320 CSS px with the text spacing applied", () => {
  test.use({ viewport: { width: 320, height: 640 } });
  test("full-width numbers in a document's own text stay whole (「３１．６％」)", async ({
    page,
  }, testInfo) => {
    for (const path of [
      `/${IGA.code}/2023/${encodeURIComponent(BOUSAI_DEPARTMENT)}`,
      `/${IGA.code}/search?q=${encodeURIComponent("参加率")}`,
    ]) {
      await page.goto(path);
      await expect(page.getByText(FULL_WIDTH_NUMBERS.slice(0, 20)).first()).toBeVisible();
      await applyTextSpacing(page);
      await page.screenshot({ path: testInfo.outputPath(`${path.split("/").length}-320.png`) });
      expect(await brokenWords(page), path).toEqual([]);
    }
  });
  for (const { kind, path } of TESTED_PAGES.filter((p) => p.scope === "portal")) {
    test(`the ${kind} page`, async ({ page }, testInfo) => {
      await page.goto(path);
      await applyTextSpacing(page);
      await page.screenshot({ path: testInfo.outputPath("320.png") });
      const { overflow, beyond } = await sidewaysOverflow(page);
      expect(overflow, `scrolls sideways: ${beyond.join(", ")}`).toBeLessThanOrEqual(0);
      expect(await clippedText(page)).toEqual([]);
      expect(await brokenWords(page)).toEqual([]);
    });
  }
});
