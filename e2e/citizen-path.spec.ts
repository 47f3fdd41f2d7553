// A citizen goes from the top page to a goal, its indicator's chart, and the downloads.
import fs from "node:fs";
import type { Download } from "@playwright/test";
import { expect, pageUrl, paths, test } from "./fixtures.ts";
import { demoText, IGA, SATISFACTION, SATISFACTION_2024 } from "./test-data.ts";

async function downloadedBytes(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

// Also run against the static export (project "static-export" in playwright.config.ts).
test("from / to goal 1, its indicator's chart and the downloads", async ({ page, portal }) => {
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("部局マニフェスト");
  await page.getByRole("link", { name: IGA.label }).click();
  await expect(page).toHaveURL(pageUrl(portal, `/${IGA.code}`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("伊賀市の部局マニフェスト");

  await page.getByRole("link", { name: "2023（令和5）年度", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "2023（令和5）年度の部局マニフェスト",
  );
  await page.getByRole("link", { name: "総務部", exact: true }).click();
  await expect(page).toHaveURL(pageUrl(portal, paths.manifesto));

  // Goal 1 with its self-evaluation and, in plain words, the target it missed.
  const goal1 = page.getByRole("region", { name: "目標1 伝わる広報と市民の市政参画の促進" });
  await expect(goal1).toBeVisible();
  await expect(goal1.locator(".self-evaluation")).toHaveText("3 業績目標を達成した");
  await expect(goal1.locator(".verdict").first()).toContainText(
    "目標①は未達成（実績49.4% / 目標55%以上",
  );
  await expect(goal1.locator(".findings")).toContainText("達成目標①は未達成です");

  // The indicator's name is in visually hidden text, which Chromium joins with a space.
  await goal1
    .getByRole("link", { name: new RegExp(`^この指標の推移を見る\\s*（${SATISFACTION}）$`) })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SATISFACTION);
  await expect(page.locator("figure.chart svg")).toBeVisible();
  const table = page.getByRole("table", { name: `${SATISFACTION}の基準値・目標・実績（単位：%）` });
  const rows = table.locator("tbody tr");
  await expect(rows.locator("th")).toHaveText([
    "2022（令和4）年度",
    "2023（令和5）年度",
    "2024（令和6）年度",
  ]);
  await expect(rows.nth(1)).toContainText("49.4%");
  await expect(rows.nth(2)).toContainText(`${SATISFACTION_2024}%`);

  await page.goBack();
  await expect(page).toHaveURL(pageUrl(portal, paths.manifesto));
  const downloads = page.getByRole("region", { name: "ダウンロード" });

  const [json] = await Promise.all([
    page.waitForEvent("download"),
    downloads.getByRole("link", { name: "JSON（tassei.manifesto/v1）" }).click(),
  ]);
  expect(json.suggestedFilename()).toBe("242161-2023-総務部.json");
  expect(JSON.parse((await downloadedBytes(json)).toString("utf8"))).toEqual(
    JSON.parse(demoText()),
  );

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    downloads
      .getByRole("link", { name: "2023（令和5）年度の全部局のオープンデータ（CSV）" })
      .click(),
  ]);
  const bytes = await downloadedBytes(csv);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text).toContain("総務部");
  expect(text).toContain("49.4");
});
