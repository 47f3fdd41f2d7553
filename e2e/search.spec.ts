// Searching the portal through its form: two-character words, full-width letters, a one-
// character query; the words found are marked in the results. With the links of each page,
// search is the second way to reach a manifesto (success criterion 2.4.5).
import type { Page } from "@playwright/test";
// Also run against the static export (project "static-export" in playwright.config.ts), where
// the search is done in the browser from the exported index.
import { expect, LIVE_ONLY, type Portal, portalPaths, test } from "./fixtures.ts";
import { BOUSAI_GOAL, DRAFT_GOAL } from "./test-data.ts";

async function searchFromMunicipality(page: Page, portal: Portal, q: string) {
  await page.goto(portalPaths(portal).municipality);
  const form = page.getByRole("search");
  await form.getByRole("searchbox", { name: "キーワード" }).fill(q);
  await form.getByRole("button", { name: "検索" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`「${q}」の検索結果`);
  return page.getByRole("list").filter({ has: page.locator(".hit") });
}

test("防災 finds the published department's goal, marked", async ({ page, portal }) => {
  const hits = await searchFromMunicipality(page, portal, "防災");
  await expect(page).toHaveURL(/\/242161\/search(\/index\.html)?\?q=%E9%98%B2%E7%81%BD/);
  await expect(page.getByRole("heading", { level: 2, name: /^検索結果：1件$/ })).toBeVisible();
  await expect(hits.getByRole("link", { name: `目標1 ${BOUSAI_GOAL}` })).toBeVisible();
  await expect(hits.locator("mark").first()).toHaveText("防災");
  await expect(page.getByText(DRAFT_GOAL)).toHaveCount(0);
});

test("ＳＮＳ finds both ＳＮＳ等を活用し and SNS in goal 1, each marked", async ({
  page,
  portal,
}) => {
  const hits = await searchFromMunicipality(page, portal, "ＳＮＳ");
  const goal1 = hits
    .locator(".hit")
    .filter({ has: page.getByRole("link", { name: "目標1 伝わる広報と市民の市政参画の促進" }) });
  // The demo in 2023 and its 2024 copy.
  await expect(goal1).toHaveCount(2);
  const marks = goal1.first().locator("mark");
  await expect(marks).toContainText(["ＳＮＳ", "SNS"]);
  await expect(goal1.first()).toContainText("ＳＮＳ等を活用し");
  await expect(goal1.first()).toContainText("SNSの登録者数が増加した");
});

test("a one-character query answers with a results page, not an error", async ({
  page,
  portal,
}) => {
  const response = await page.goto(portalPaths(portal).search("市"));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("「市」の検索結果");
  await expect(page.getByRole("heading", { level: 2, name: /^検索結果：/ })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "キーワード" })).toHaveValue("市");
});

// The export is one municipality's site: there is no search across municipalities in it.
test("the search of every municipality lists each municipality's hits", {
  tag: LIVE_ONLY,
}, async ({ page }) => {
  await page.goto("/");
  const form = page.getByRole("search");
  await form.getByRole("searchbox", { name: "キーワード" }).fill("ＳＮＳ");
  await form.getByRole("button", { name: "検索" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  const meta = page.locator(".hit .hit-meta");
  await expect(meta.filter({ hasText: "伊賀市" }).first()).toBeVisible();
  await expect(meta.filter({ hasText: "松阪市" }).first()).toBeVisible();
});
