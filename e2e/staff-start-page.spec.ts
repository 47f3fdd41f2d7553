// The administrator's start page asks which municipalities exist and then moves on to 全体状況
// or 初期設定. A menu link clicked as that answer arrives must win: the move may not undo it
// (it did once in CI, and a person clicking early saw the wrong page).
import { expect, test } from "./fixtures.ts";
import { ACCOUNTS, STAFF_PASSWORD } from "./staff-data.ts";
import { openBrowser, signedInAs } from "./staff-helpers.ts";

test("a menu link clicked as the start page moves on is not undone", async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error("no baseURL");
  const { context, page, errors } = await openBrowser(browser, baseURL);
  try {
    // The start page's question is held, so that its answer arrives when the test says.
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route("**/api/admin/municipalities", async (route) => {
      await held;
      await route.continue();
    });

    await page.goto("/staff/");
    await page.getByLabel("ユーザー名", { exact: true }).fill(ACCOUNTS.admin.username);
    await page.getByLabel("パスワード", { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(page.getByText(signedInAs("admin"))).toBeVisible();
    const loading = page.getByRole("main").getByRole("status");
    await expect(loading).toHaveText("読み込んでいます…");

    // The click comes in the same moment the answer's render takes 読み込んでいます… away: a
    // MutationObserver's callback runs right after that render, before anything the page
    // scheduled for later. That is the earliest a person's click can come.
    await page.evaluate(() => {
      const main = document.querySelector("main");
      const link = Array.from(document.querySelectorAll("nav a")).find(
        (a) => a.textContent === "自治体の管理",
      );
      if (!main || !(link instanceof HTMLAnchorElement)) throw new Error("no menu link");
      const observer = new MutationObserver(() => {
        if (main.querySelector(".loading")) return;
        observer.disconnect();
        link.click();
      });
      observer.observe(main, { childList: true, subtree: true });
    });
    answer();

    await expect(page.getByRole("heading", { level: 1, name: "自治体設定" })).toBeVisible();
    // Still there once every request has settled: nothing moved the page afterwards.
    await page.waitForLoadState("networkidle");
    await expect(page).toHaveURL(/\/staff\/admin$/);
    await expect(page.getByRole("heading", { level: 1, name: "自治体設定" })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
