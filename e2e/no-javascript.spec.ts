// With JavaScript off the portal works the same: every step is a link or a GET form.
// Also run against the static export (project "static-export" in playwright.config.ts).
import { expect, LIVE_ONLY, pageUrl, paths, test } from "./fixtures.ts";
import { IGA } from "./test-data.ts";

test.use({ javaScriptEnabled: false });

test("the main pages and their links work without JavaScript", async ({ page, portal }) => {
  // The setting took effect: a page's own script does not run.
  await page.setContent("<title>before</title><script>document.title = 'ran'</script>");
  await expect(page).toHaveTitle("before");
  await page.goto("./");
  await page.getByRole("link", { name: IGA.label }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("伊賀市の部局マニフェスト");
  await page.getByRole("link", { name: "2023（令和5）年度", exact: true }).click();
  await page.getByRole("link", { name: "総務部", exact: true }).click();
  await expect(page).toHaveURL(pageUrl(portal, paths.manifesto));
  await expect(page.locator("section.goal")).toHaveCount(6);

  // The table of contents jumps to a goal.
  await page.getByRole("link", { name: "目標4 働きやすい職場環境づくりの推進" }).click();
  await expect(page).toHaveURL(/#goal-4$/);

  await page.getByRole("link", { name: "総務部の過去の年度を見る" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("伊賀市 総務部の年度ごとの推移");
  await page.getByRole("link", { name: "指標ごとの推移（グラフと表）" }).click();
  await page.getByRole("link", { name: "防災訓練の参加者数" }).click();
  await expect(page.locator("figure.chart svg")).toBeVisible();
});

// A static web server cannot answer a search without the page's script; the export's pages
// without JavaScript lead to the list of every goal instead (e2e/static-export.spec.ts).
test("the search form works without JavaScript", { tag: LIVE_ONLY }, async ({ page }) => {
  await page.goto(paths.year);
  const form = page.getByRole("search");
  await expect(form).toHaveAttribute("method", "get");
  await form.getByRole("searchbox", { name: "キーワード" }).fill("防災");
  await form.getByRole("button", { name: "検索" }).click();
  await expect(page).toHaveURL(/\/242161\/search\?year=2023&q=%E9%98%B2%E7%81%BD$/);
  await expect(page.locator(".hit mark").first()).toHaveText("防災");
  // The results page's own form, with its filters, is a GET form too.
  const filters = page.getByRole("search");
  await expect(filters).toHaveAttribute("method", "get");
  await filters.getByLabel("部局").selectOption({ label: "総務部" });
  await filters.getByRole("button", { name: "検索" }).click();
  await expect(page).toHaveURL(/department=/);
  await expect(page.getByRole("heading", { level: 2, name: "検索結果：0件" })).toBeVisible();
});
