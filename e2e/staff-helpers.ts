// What the staff workspace's browser tests share: a browser context per person, signing in
// through the form, opening a manifesto from the pages a person starts on, the editor's save
// state, keyboard travel and screenshots kept with the test's output.
import type { Browser, BrowserContext, Locator, Page, TestInfo } from "@playwright/test";
import { ROLE_LABELS } from "../src/domain/roles.ts";
import { expect } from "./fixtures.ts";
import { ACCOUNTS, type AccountName, STAFF_PASSWORD } from "./staff-data.ts";

export interface StaffBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: a test ends by expecting none. */
  errors: string[];
}

/** A fresh context (its own cookies and storage), as another person's browser. */
export async function openBrowser(browser: Browser, baseURL: string): Promise<StaffBrowser> {
  // browser.newContext() does not take the config's `use`: say the locale and zone again.
  const context = await browser.newContext({
    baseURL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // A server error is a bug to report, whatever the page then shows.
  page.on("response", (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return { context, page, errors };
}

/** 「名張 編集（部局の担当者）」, as the header shows who is signed in. */
export function signedInAs(name: AccountName): string {
  const a = ACCOUNTS[name];
  return `${a.displayName}（${ROLE_LABELS[a.role]}）`;
}

/** Signs in through the form, by mouse and typing. */
export async function signIn(
  browser: Browser,
  baseURL: string,
  name: AccountName,
): Promise<StaffBrowser> {
  const staff = await openBrowser(browser, baseURL);
  const { page } = staff;
  await page.goto("/staff/");
  await expect(page.getByRole("heading", { name: "Tassei 職員用ログイン" })).toBeVisible();
  await page.getByLabel("ユーザー名", { exact: true }).fill(ACCOUNTS[name].username);
  await page.getByLabel("パスワード", { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await expect(page.getByText(signedInAs(name))).toBeVisible();
  // The start page has settled: an administrator's first asks which municipalities exist,
  // then moves on to 全体状況 or 初期設定; the tests start from the page it lands on (a click
  // in between wins since home.tsx moves in a layout effect: staff-start-page.spec.ts).
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeVisible();
  return staff;
}

/**
 * Opens a department's manifesto the way its reader finds it: department roles from their
 * list (the start page), planning and administrators from the overview of the year.
 */
export async function openManifesto(page: Page, department: string): Promise<void> {
  await page.goto("/staff/");
  const link = page.getByRole("link", { name: department, exact: true });
  try {
    await link.waitFor({ timeout: 20_000 });
  } catch (e) {
    const shown = await page.locator("body").ariaSnapshot();
    throw new Error(`no link to ${department} on ${page.url()}; the page shows:\n${shown}`, {
      cause: e,
    });
  }
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: department })).toBeVisible();
}

const SAVE_WORDS = /保存済み|未保存の変更|保存中|保存できません|保存を止めて/;

/** The editor's 保存済み / 未保存 … line. */
export const saveStatus = (page: Page): Locator =>
  page.getByRole("status").filter({ hasText: SAVE_WORDS });

/** Waits for the autosave to reach the server after the last edit. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(saveStatus(page)).toHaveText(/^保存済み（最終保存/, { timeout: 15_000 });
}

/** Presses Tab until `target` has the focus: how a keyboard user gets there. */
export async function tabTo(page: Page, target: Locator, limit = 400): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/**
 * A screenshot of the window (scrolled to `show` when given), kept in the test's output and
 * attached to its report. The window, not the full page: a manifesto is metres long.
 */
export async function screenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  show?: Locator,
): Promise<void> {
  if (show) await show.scrollIntoViewIfNeeded();
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
