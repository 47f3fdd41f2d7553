// The static export of Iga's site (`tassei portal export`, written by e2e/global-setup.ts),
// served by a plain static file server under /sub/dir/: a citizen's paths through it with and
// without JavaScript, the search in the browser, and the downloads as real files.
import fs from "node:fs";
import { test as base, type Download, expect, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { expectNoAxeViolations } from "./fixtures.ts";
import { STATIC_PREFIX, STATIC_URL_VARIABLE } from "./global-setup.ts";
import { BOUSAI_DEPARTMENT, BOUSAI_GOAL, DRAFT_GOAL, IGA } from "./test-data.ts";

const test = base.extend<{ outside: string[] }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    const url = process.env[STATIC_URL_VARIABLE];
    if (!url)
      throw new Error(`${STATIC_URL_VARIABLE} is not set: run through playwright.config.ts`);
    await use(url);
  },
  // Every request the page makes must stay under the prefix and be answered: a link that
  // climbs out of /sub/dir/ or names a file the export lacks shows up here.
  outside: async ({ page, baseURL }, use) => {
    const bad: string[] = [];
    page.on("response", (r) => {
      if (!r.url().startsWith(String(baseURL)) || r.status() >= 400) {
        bad.push(`${r.status()} ${r.url()}`);
      }
    });
    page.on("requestfailed", (r) => {
      bad.push(`failed ${r.url()}`);
    });
    await use(bad);
    expect(bad).toEqual([]);
  },
});

const bytesOf = async (d: Download) => fs.readFileSync(await d.path());

async function download(page: Page, name: string): Promise<Download> {
  const [d] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("region", { name: "ダウンロード" }).getByRole("link", { name }).click(),
  ]);
  return d;
}

async function openManifesto(page: Page) {
  await page.goto("./");
  await page.getByRole("link", { name: IGA.label }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("伊賀市の部局マニフェスト");
  await page.getByRole("link", { name: "2023（令和5）年度", exact: true }).click();
  await page.getByRole("link", { name: "総務部", exact: true }).click();
  await expect(page.locator("section.goal")).toHaveCount(6);
  expect(new URL(page.url()).pathname.startsWith(STATIC_PREFIX)).toBe(true);
}

test.describe("with JavaScript", () => {
  test("from the top to a goal, its chart and the downloads as real files", async ({
    page,
    outside,
  }) => {
    await openManifesto(page);
    await expect(page.locator("link[rel=stylesheet]")).toHaveAttribute("href", /^\.\.\//);

    const pdf = await bytesOf(await download(page, "PDF（印刷用の様式）"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(await download(page, "Excel（.xlsx）"))) as never);
    expect(workbook.worksheets.map((w) => w.name)).toContain("マニフェスト");
    const json = JSON.parse(
      (await bytesOf(await download(page, "JSON（tassei.manifesto/v1）"))).toString(),
    );
    expect(json.municipality.code).toBe(IGA.code);
    const csv = (
      await bytesOf(await download(page, "2023（令和5）年度の全部局のオープンデータ（CSV）"))
    ).toString("utf8");
    const rows: string[][] = parse(csv.replace(/^\uFEFF/, ""));
    expect(rows[0]?.[0]).toBe("全国地方公共団体コード");
    expect(rows.some((r) => r.includes(BOUSAI_DEPARTMENT))).toBe(true);

    await page.getByRole("link", { name: "総務部の過去の年度を見る" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "伊賀市 総務部の年度ごとの推移",
    );
    await page.getByRole("link", { name: "指標ごとの推移（グラフと表）" }).click();
    await page.getByRole("link", { name: "防災訓練の参加者数" }).click();
    await expect(page.locator("figure.chart svg")).toBeVisible();
    expect(outside).toEqual([]);
  });

  test("防災 found in the browser, marked, and the hit leads to the goal", async ({
    page,
    outside,
  }) => {
    await page.goto(`${IGA.code}/index.html`);
    const form = page.getByRole("search");
    await form.getByRole("searchbox", { name: "キーワード" }).fill("防災");
    await form.getByRole("button", { name: "検索" }).click();
    await expect(page).toHaveURL(/\/sub\/dir\/242161\/search\/index\.html\?q=%E9%98%B2%E7%81%BD$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("「防災」の検索結果");
    await expect(page).toHaveTitle(/^「防災」の検索結果 \| /);
    await expect(page.getByRole("heading", { level: 2, name: /^検索結果：1件$/ })).toBeVisible();
    const hits = page.locator(".hits");
    await expect(hits.locator("mark").first()).toHaveText("防災");
    await expect(page.getByText(DRAFT_GOAL)).toHaveCount(0);
    await expect(page.getByRole("searchbox", { name: "キーワード" })).toHaveValue("防災");
    await expectNoAxeViolations(page);
    await hits.getByRole("link", { name: `目標1 ${BOUSAI_GOAL}` }).click();
    await expect(page).toHaveURL(/#goal-1$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(BOUSAI_DEPARTMENT);
    expect(outside).toEqual([]);
  });

  test("ＳＮＳ finds ＳＮＳ and SNS in both years; filters narrow as on the portal", async ({
    page,
    outside,
  }) => {
    await page.goto(`${IGA.code}/search/index.html?q=${encodeURIComponent("ＳＮＳ")}`);
    const goal1 = page
      .locator(".hit")
      .filter({ has: page.getByRole("link", { name: "目標1 伝わる広報と市民の市政参画の促進" }) });
    await expect(goal1).toHaveCount(2);
    await expect(goal1.first().locator("mark")).toContainText(["ＳＮＳ", "SNS"]);
    await expect(goal1.first().locator(".hit-meta")).toContainText("2024（令和6）年度");

    // The year page's form keeps its year; the results page's filters keep what was chosen.
    await page.goto(`${IGA.code}/2023/index.html`);
    const form = page.getByRole("search");
    await form.getByRole("searchbox", { name: "キーワード" }).fill("ＳＮＳ");
    await form.getByRole("button", { name: "検索" }).click();
    await expect(goal1).toHaveCount(1);
    await expect(page.getByLabel("年度")).toHaveValue("2023");
    const filters = page.getByRole("search");
    await filters.getByLabel("部局").selectOption({ label: BOUSAI_DEPARTMENT });
    await filters.getByRole("button", { name: "検索" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "検索結果：0件" })).toBeVisible();
    await expect(page.getByLabel("部局")).toHaveValue(BOUSAI_DEPARTMENT);

    // The footer's search, from any page, is the same search.
    await page.getByRole("contentinfo").getByRole("link", { name: "検索" }).click();
    await page.getByRole("searchbox", { name: "キーワード" }).fill("防災訓練");
    await page.getByRole("search").getByRole("button", { name: "検索" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /^検索結果：1件$/ })).toBeVisible();
    expect(outside).toEqual([]);
  });
});

test("the list of every goal and the search page pass axe", async ({ page, outside }) => {
  await page.goto(`${IGA.code}/goals/index.html`);
  await expectNoAxeViolations(page);
  await page.goto(`${IGA.code}/search/index.html`);
  await expectNoAxeViolations(page);
  expect(outside).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the pages and links work, and the list of every goal stands in for the search", async ({
    page,
    outside,
  }) => {
    await page.setContent("<title>before</title><script>document.title = 'ran'</script>");
    await expect(page).toHaveTitle("before");
    await openManifesto(page);
    await page.getByRole("link", { name: "目標4 働きやすい職場環境づくりの推進" }).click();
    await expect(page).toHaveURL(/#goal-4$/);

    await page
      .getByRole("link", { name: IGA.label.replace("三重県", "") })
      .first()
      .click();
    const form = page.getByRole("search");
    await form.getByRole("searchbox", { name: "キーワード" }).fill("防災");
    await form.getByRole("button", { name: "検索" }).click();
    await expect(page.getByText("このページの検索はJavaScriptで動きます")).toBeVisible();
    await page.getByRole("link", { name: "すべての目標の一覧（年度・部局別）" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "伊賀市のすべての目標（年度・部局別）",
    );
    await expect(page.getByRole("heading", { level: 2 })).toHaveText([
      "2024（令和6）年度",
      "2023（令和5）年度",
    ]);
    const year2023 = page.getByRole("region", { name: "2023（令和5）年度" });
    await expect(year2023.getByRole("heading", { level: 3 })).toHaveText([
      "総務部",
      BOUSAI_DEPARTMENT,
    ]);
    await expect(page.getByText(DRAFT_GOAL)).toHaveCount(0);
    await year2023.getByRole("link", { name: `目標1 ${BOUSAI_GOAL}` }).click();
    await expect(page).toHaveURL(/#goal-1$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(BOUSAI_DEPARTMENT);
    expect(outside).toEqual([]);
  });
});
