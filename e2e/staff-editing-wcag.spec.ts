// The editor while a person types, against WCAG 4.1.3 (Status Messages) and 3.2.2 (On
// Input): what the live regions receive — the checks' findings once typing settles, a failed
// save, never two messages in the same instant, never 未保存/保存中/保存済み — and a save that
// meets someone else's save, which stops and offers the choices from the save bar instead of
// opening a dialog that takes the focus. Works on the second draft (企画財政部) and puts every
// text back as it was.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { SECOND_DEPARTMENT } from "./staff-data.ts";
import { expectSaved, openManifesto, saveStatus, screenshot, signIn } from "./staff-helpers.ts";

const TARGET_TEXT = "目標2 の 達成目標① の 内容";
const MISSION = "目標4 の 組織使命達成に向けての目標";

/** Records what every live region of the page is given: each new text in order, and the
 * most regions given a new text in one mutation batch (one instant for a screen reader). */
async function listenToLiveRegions(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__said = [];
    window.__atOnce = [];
    const before = new WeakMap();
    const regions = () => document.querySelectorAll(
      "[aria-live]:not([aria-live=off]), [role=status]:not([aria-live=off]), [role=alert]");
    for (const el of regions()) before.set(el, el.textContent.trim());
    new MutationObserver(() => {
      const changed = [];
      for (const el of regions()) {
        const text = el.textContent.trim();
        if (text && before.get(el) !== text) changed.push(text);
        before.set(el, text);
      }
      window.__said.push(...changed);
      if (changed.length > 1) window.__atOnce.push(changed);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}
const said = (page: Page) => page.evaluate<string[]>("window.__said");
const atOnce = (page: Page) => page.evaluate<string[][]>("window.__atOnce");

test("4.1.3: a finding is said once typing settles, a failed save in turn, never at once", async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error("no baseURL");
  const { context, page, errors } = await signIn(browser, baseURL, "secondEditor");
  await openManifesto(page, SECOND_DEPARTMENT);
  const field = page.getByRole("textbox", { name: TARGET_TEXT, exact: true });
  const before = await field.inputValue();
  await listenToLiveRegions(page);

  // Offline, so that the save fails while the finding is found: two messages due together.
  await context.setOffline(true);
  await field.fill("");
  await field.pressSequentially("地域ブランド調査による情報接触度200位以内（令和5年度 251位）", {
    delay: 40,
  });
  await expect(saveStatus(page)).toHaveText(/保存できませんでした/, { timeout: 15_000 });
  const finding = (t: string) => t.startsWith("目標2 の 達成目標①の点検結果：");
  await expect.poll(async () => (await said(page)).filter(finding)).toHaveLength(1);
  await expect
    .poll(async () => (await said(page)).filter((t) => t.startsWith("保存できませんでした")))
    .toEqual(["保存できませんでした（再試行）"]);
  expect((await said(page)).find(finding)).toContain("警告：");

  await context.setOffline(false);
  await expectSaved(page);
  await field.fill(before);
  await expectSaved(page);
  // Once typing settled, the finding's going away is said once too; nothing about saving.
  await expect
    .poll(async () => (await said(page)).filter(finding).at(-1))
    .toMatch(/点検結果：(指摘はありません|確認|警告)/);
  const all = await said(page);
  expect(all.filter((t) => /未保存|保存中|保存済み/.test(t))).toEqual([]);
  expect(await atOnce(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test("3.2.2: a save that meets another's save stops and offers the choices from the save bar", async ({
  browser,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("no baseURL");
  const mine = await signIn(browser, baseURL, "secondEditor");
  const theirs = await signIn(browser, baseURL, "secondEditor");
  await openManifesto(mine.page, SECOND_DEPARTMENT);
  await openManifesto(theirs.page, SECOND_DEPARTMENT);

  // Someone else saves first.
  const theirMission = theirs.page.getByRole("textbox", { name: MISSION, exact: true });
  const mission = await theirMission.inputValue();
  await theirMission.fill(`${mission}（他の人）`);
  await expectSaved(theirs.page);
  await theirs.context.close();

  // I type elsewhere; my save meets theirs.
  const { page } = mine;
  await listenToLiveRegions(page);
  const field = page.getByRole("textbox", { name: TARGET_TEXT, exact: true });
  const before = await field.inputValue();
  await field.click();
  await field.press("End");
  await field.pressSequentially("（私）", { delay: 40 });
  await expect(saveStatus(page)).toHaveText(/保存を止めています/, { timeout: 15_000 });
  await expect.poll(() => said(page)).toContain("保存を止めています（他の人の更新と重なりました）");
  // No dialog opened by itself, and the focus stayed in the field I was typing in.
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(field).toBeFocused();
  const resolve = page.getByRole("button", { name: "重なりを解決する", exact: true });
  await expect(resolve).toBeVisible();
  await expect(page.getByText(/他の人がこのマニフェストを保存しました/)).toBeVisible();
  await screenshot(page, testInfo, "conflict-notice");

  // The choices open when I ask for them.
  await resolve.click();
  const dialog = page.getByRole("dialog", { name: "他の人がこのマニフェストを更新しました" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "自分の変更を最新の内容に重ねる" }).click();
  await expect(dialog).toBeHidden();
  await expectSaved(page);
  await expect(page.getByRole("textbox", { name: MISSION, exact: true })).toHaveValue(
    `${mission}（他の人）`,
  );
  await expect(field).toHaveValue(`${before}（私）`);

  await field.fill(before);
  await page.getByRole("textbox", { name: MISSION, exact: true }).fill(mission);
  await expectSaved(page);
  expect(mine.errors.filter((e) => !/409/.test(e))).toEqual([]);
  await mine.context.close();
});
