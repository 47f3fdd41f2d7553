// An axe scan (WCAG 2.1 A and AA) of every kind of staff page, each signed in as the role
// that sees it, and user text that looks like markup staying text. The manifesto used is the
// second draft (企画財政部), which no test moves through the workflow; goal 3's title is the
// one this file edits.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { type AccountName, SECOND_DEPARTMENT } from "./staff-data.ts";
import {
  expectSaved,
  openBrowser,
  openManifesto,
  type StaffBrowser,
  screenshot,
  signIn,
} from "./staff-helpers.ts";

/** Waits until nothing on the page is still loading. */
async function loaded(page: Page): Promise<void> {
  await expect(page.getByText(/読み込んでいます…/)).toHaveCount(0);
}

async function as(
  name: AccountName,
  browser: Parameters<typeof signIn>[0],
  baseURL: string | undefined,
  body: (staff: StaffBrowser) => Promise<void>,
): Promise<void> {
  if (!baseURL) throw new Error("no baseURL");
  const staff = await signIn(browser, baseURL, name);
  await body(staff);
  expect(staff.errors, "uncaught errors in the page").toEqual([]);
  await staff.context.close();
}

test.describe("axe finds no violation", () => {
  test("on the sign-in page, also with its error", async ({ browser, baseURL }) => {
    if (!baseURL) throw new Error("no baseURL");
    const { context, page } = await openBrowser(browser, baseURL);
    await page.goto("/staff/");
    await expect(page.getByRole("heading", { name: "Tassei 職員用ログイン" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("ユーザー名", { exact: true }).fill("no-such-user");
    await page.getByLabel("パスワード", { exact: true }).fill("wrong-password");
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText(
      "ユーザー名またはパスワードが正しくありません",
    );
    await expectNoAxeViolations(page);
    await context.close();
  });

  test("on the editor's pages: list, edit form, submit dialog, history, import, password", async ({
    browser,
    baseURL,
  }, testInfo) => {
    await as("secondEditor", browser, baseURL, async ({ page }) => {
      await expect(page.getByRole("heading", { level: 1, name: "マニフェスト一覧" })).toBeVisible();
      await loaded(page);
      await expectNoAxeViolations(page);

      await openManifesto(page, SECOND_DEPARTMENT);
      await loaded(page);
      await expect(
        page.getByRole("textbox", { name: "目標1 の 組織使命", exact: true }),
      ).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: "提出", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "提出しますか" });
      await expect(dialog).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole("button", { name: "やめる" }).click();
      await expect(dialog).toBeHidden();

      await page.getByRole("link", { name: /変更履歴/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: /変更履歴/ })).toBeVisible();
      await expect(page.getByRole("heading", { name: "リビジョン 1", exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "取り込み", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "取り込み" })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: "パスワード変更", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "パスワード変更" })).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, testInfo, "password");
    });
  });

  test("on the read-only manifesto, as a viewer", async ({ browser, baseURL }, testInfo) => {
    await as("viewer", browser, baseURL, async ({ page }) => {
      await openManifesto(page, SECOND_DEPARTMENT);
      await loaded(page);
      await expect(page.getByRole("heading", { name: "組織使命" }).first()).toBeVisible();
      // Read-only: no form, no workflow buttons.
      await expect(page.getByRole("textbox")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "提出", exact: true })).toHaveCount(0);
      await expectNoAxeViolations(page);
      await screenshot(page, testInfo, "read-only");
    });
  });

  test("on the planning division's overview, dashboard and list", async ({
    browser,
    baseURL,
  }, testInfo) => {
    await as("planner", browser, baseURL, async ({ page }) => {
      await expect(page.getByRole("heading", { level: 1, name: "全体状況" })).toBeVisible();
      await loaded(page);
      await expect(page.getByRole("link", { name: SECOND_DEPARTMENT, exact: true })).toBeVisible();
      // A department's own deadline is set here too (issue 14 item 4).
      await expect(page.getByRole("heading", { name: "部局ごとの期限" })).toBeVisible();
      await expect(page.getByLabel(`${SECOND_DEPARTMENT}の計画の期限`)).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, testInfo, "overview");
      await screenshot(
        page,
        testInfo,
        "department-deadlines",
        page.getByRole("heading", { name: "部局ごとの期限" }),
      );

      await page.getByRole("link", { name: "ダッシュボード", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "ダッシュボード" })).toBeVisible();
      await loaded(page);
      await expect(
        page.getByRole("table", { name: "部局別の自己評価と実績の一致、達成率の分布（件）" }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, testInfo, "dashboard");

      await page.getByRole("link", { name: "マニフェスト一覧", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "マニフェスト一覧" })).toBeVisible();
      await loaded(page);
      await expect(page.getByRole("link", { name: SECOND_DEPARTMENT, exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });

  test("on user administration and its dialog", async ({ browser, baseURL }, testInfo) => {
    await as("admin", browser, baseURL, async ({ page }) => {
      await page.getByRole("link", { name: "ユーザー管理", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "ユーザー管理" })).toBeVisible();
      await loaded(page);
      await expect(page.getByRole("table", { name: "アカウントの一覧" })).toContainText(
        "nabari-editor",
      );
      await expectNoAxeViolations(page);
      await screenshot(page, testInfo, "users");

      await page.getByRole("button", { name: "ユーザーを追加", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "ユーザーを追加" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel("メールアドレス（任意）")).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, testInfo, "new-account");
    });
  });
});

const PAYLOAD = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
const TITLE_3 = "目標3 の 組織使命達成に向けての目標";

/** Nothing the payload could run has run, and no element it names exists. */
async function expectInert(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate("typeof window.__xss")).toBe("undefined");
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("main script")).toHaveCount(0);
}

test("text that looks like markup is saved as it is and shown as text", async ({
  browser,
  baseURL,
}, testInfo) => {
  await as("secondEditor", browser, baseURL, async ({ page }) => {
    await openManifesto(page, SECOND_DEPARTMENT);
    const title = page.getByRole("textbox", { name: TITLE_3, exact: true });
    await title.fill(PAYLOAD);
    await expectSaved(page);
    await page.reload();
    await expect(page.getByRole("textbox", { name: TITLE_3, exact: true })).toHaveValue(PAYLOAD);
    await expectInert(page);

    await page.getByRole("link", { name: /変更履歴/ }).click();
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: TITLE_3, exact: true }) });
    await expect(row.getByRole("insertion")).toHaveText(PAYLOAD);
    await expectInert(page);
  });

  // The viewer reads the same goal as page text, not in a form field.
  await as("viewer", browser, baseURL, async ({ page }) => {
    await openManifesto(page, SECOND_DEPARTMENT);
    await expect(page.getByText(PAYLOAD, { exact: true })).toBeVisible();
    await expectInert(page);
    await screenshot(page, testInfo, "inert-text", page.getByText(PAYLOAD, { exact: true }));
  });
});
