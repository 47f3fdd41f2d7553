// An axe scan (WCAG 2.1 A and AA) of every kind of public page: none may have a violation.
import { TESTED_PAGES } from "../src/domain/accessibility/conformance.ts";
import { expect, expectNoAxeViolations, paths, scanWithAxe, test } from "./fixtures.ts";
import { SATISFACTION } from "./test-data.ts";

// The pages the accessibility statement names as tested (src/domain/accessibility): the
// statement and this scan read the same list.
const pages = TESTED_PAGES.filter((p) => p.scope === "portal").map((p) => ({
  ...p,
  status: p.kind === "見つからないページ" ? 404 : 200,
}));

test("the published list of tested pages is this test data's", () => {
  expect(pages.map((p) => p.path)).toEqual(
    expect.arrayContaining([
      "/",
      paths.municipality,
      paths.year,
      decodeURIComponent(paths.manifesto),
      decodeURIComponent(paths.department),
      paths.indicators,
      decodeURIComponent(paths.search("防災")),
    ]),
  );
});

for (const { kind, path, status = 200 } of pages) {
  test(`axe finds no violation on the ${kind} page`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await expectNoAxeViolations(page);
    await context.close();
  });
}

test("axe finds no violation on an indicator's chart page", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(paths.indicators);
  await page.getByRole("link", { name: SATISFACTION }).click();
  await expect(page.locator("figure.chart svg")).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});

test("the scan does report a violation when there is one", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent('<html lang="ja"><title>t</title><main><img src="x.png"></main></html>');
  const result = await scanWithAxe(page);
  expect(result.violations.map((v) => v.id)).toContain("image-alt");
  await context.close();
});
