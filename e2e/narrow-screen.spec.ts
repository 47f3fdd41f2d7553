// On a 360 px wide phone the pages fit the width: nothing scrolls sideways but the tables,
// which scroll inside their own region.
import type { Page } from "@playwright/test";
import { expect, paths, test } from "./fixtures.ts";

const SCREENSHOT = ".test-artifacts/portal-360.png";

test.use({ viewport: { width: 360, height: 740 } });

// A string, evaluated in the page: the project's type check has no DOM library.
const scrollWidth = (page: Page) => page.evaluate<number>("document.documentElement.scrollWidth");

test("the manifesto page fits 360 px; a screenshot of its first screen is kept", async ({
  page,
}) => {
  await page.goto(paths.manifesto);
  await expect(page.locator("section.goal")).toHaveCount(6);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: SCREENSHOT });
});

for (const [kind, path] of [
  ["year", paths.year],
  ["department history", paths.department],
  ["search results", paths.search("ＳＮＳ")],
] as const) {
  test(`the ${kind} page fits 360 px`, async ({ page }) => {
    await page.goto(path);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
  });
}

test("an indicator's chart page fits 360 px", async ({ page }) => {
  await page.goto(paths.indicators);
  await page.getByRole("link", { name: "防災訓練の参加者数" }).click();
  await expect(page.locator("figure.chart svg")).toBeVisible();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(360);
});
