// A manifesto imported without --published is a draft: no public page, list, search or
// download shows it, and its addresses answer 404.
import { expect, paths, test } from "./fixtures.ts";
import { BOUSAI_DEPARTMENT, DRAFT_DEPARTMENT, DRAFT_GOAL } from "./test-data.ts";

test("the draft's department is not on the year or municipality page", async ({ page }) => {
  await page.goto(paths.year);
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: BOUSAI_DEPARTMENT, exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "総務部", exact: true })).toBeVisible();
  await expect(page.getByText(DRAFT_DEPARTMENT)).toHaveCount(0);
  await expect(page.locator(".lead")).toHaveText("伊賀市の2部局");

  await page.goto(paths.municipality);
  await expect(page.getByRole("link", { name: BOUSAI_DEPARTMENT })).toBeVisible();
  await expect(page.getByText(DRAFT_DEPARTMENT)).toHaveCount(0);
});

test("the draft is not found by a search for its words", async ({ page }) => {
  for (const q of ["非公開の下書き", "防災"]) {
    await page.goto(paths.search(q));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`「${q}」の検索結果`);
    await expect(page.getByText(DRAFT_GOAL)).toHaveCount(0);
    await expect(page.getByText(DRAFT_DEPARTMENT)).toHaveCount(0);
  }
  await expect(page.getByRole("heading", { level: 2, name: "検索結果：1件" })).toBeVisible();
});

test("the draft's addresses answer 404 with the not-found page", async ({ page }) => {
  for (const path of [paths.draft, paths.draftJson, paths.draftHistory]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
  }
  const response = await page.goto(paths.draft);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ページが見つかりません");
  await expect(page.getByText(DRAFT_GOAL)).toHaveCount(0);
});

test("the year's open-data CSV leaves the draft out", async ({ page }) => {
  const response = await page.request.get("/242161/2023/opendata.csv");
  expect(response.status()).toBe(200);
  const text = (await response.body()).toString("utf8");
  expect(text).toContain(BOUSAI_DEPARTMENT);
  expect(text).not.toContain(DRAFT_DEPARTMENT);
});
