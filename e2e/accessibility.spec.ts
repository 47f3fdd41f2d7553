// An axe scan (WCAG 2.1 A and AA) of every kind of public page: none may have a violation.
import { expect, expectNoAxeViolations, paths, scanWithAxe, test } from "./fixtures.ts";
import { SATISFACTION } from "./test-data.ts";

const pages: { kind: string; path: string; status?: number }[] = [
  { kind: "home", path: "/" },
  { kind: "municipality", path: paths.municipality },
  { kind: "year", path: paths.year },
  { kind: "manifesto", path: paths.manifesto },
  { kind: "department history", path: paths.department },
  { kind: "indicator list", path: paths.indicators },
  { kind: "search results", path: paths.search("防災") },
  { kind: "search of every municipality", path: "/search?q=ＳＮＳ" },
  { kind: "accessibility statement", path: "/accessibility" },
  { kind: "404", path: "/242161/2023/存在しない部", status: 404 },
];

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
