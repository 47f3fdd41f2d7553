// 取り込み takes the Excel template as well as JSON: a workbook saved by another tool is read
// into the same check before sending, and a workbook with mistakes lists them by sheet and
// cell; a JSON target whose number is only in its text is flagged. Nothing is sent to the
// import here (the documents are Iga's: the portal's data).
import path from "node:path";
import { PROJECT_ROOT } from "../test/support/fixtures.ts";
import { expect, test } from "./fixtures.ts";
import { signIn } from "./staff-helpers.ts";
import { demoText } from "./test-data.ts";

const fixture = (name: string) => path.join(PROJECT_ROOT, "test/fixtures/xlsx", name);

test("取り込み reads an Excel template into the check, and lists its mistakes by cell", async ({
  browser,
  baseURL,
}) => {
  const staff = await signIn(browser, baseURL ?? "", "editor");
  const { page } = staff;
  await page.getByRole("link", { name: "取り込み", exact: true }).click();
  const input = page.getByLabel("JSON または Excel（.xlsx）ファイルを選ぶ");

  await input.setInputFiles(fixture("openpyxl-resaved.xlsx"));
  const check = page.getByRole("region", { name: "取り込む内容の確認" });
  await expect(check).toBeVisible();
  await expect(check.getByText("openpyxl-resaved.xlsx")).toBeVisible();
  await expect(check.getByText("伊賀市")).toBeVisible();
  await expect(check.getByText("6件")).toBeVisible();
  await expect(check.getByRole("button", { name: "取り込む" })).toBeEnabled();

  // A target whose text states a number and has no measure is flagged before sending (#11).
  const doc = JSON.parse(demoText()) as { goals: { targets: Record<string, unknown>[] }[] };
  const first = doc.goals[0]?.targets[0];
  if (first) {
    delete first.measure;
    delete first.result;
  }
  await input.setInputFiles({
    name: "text-only.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(check.getByText("text-only.json")).toBeVisible();
  await expect(check).toContainText("数値が文章だけの達成目標1件");

  await input.setInputFiles(fixture("libreoffice-mistakes.xlsx"));
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("取り込めませんでした。");
  await expect(alert).toContainText("シート「達成目標」セルG2");
  await expect(alert).toContainText("目標番号 99 の目標が目標シートにありません");
  await expect(check).toHaveCount(0);
  expect(staff.errors).toEqual([]);
  await staff.context.close();
});
