// The edit form without a mouse: an editor signs in, opens the manifesto, rewrites a goal,
// adds a means and moves it up, and saves with Ctrl+S, all by page.keyboard (Tab, typing,
// Enter). Works on the second draft (企画財政部), which no other test moves through the
// workflow, and on goal 2, which no other test edits.
// Success criteria (the accessibility statement's checklist): 2.1.1 everything by keyboard,
// 2.1.2 Tab leaves each field it enters, 2.4.3 the focus follows a moved or added item.
import { expect, test } from "./fixtures.ts";
import { ACCOUNTS, nabariDraft, SECOND_DEPARTMENT, STAFF_PASSWORD } from "./staff-data.ts";
import {
  expectSaved,
  openBrowser,
  saveStatus,
  screenshot,
  signedInAs,
  tabTo,
} from "./staff-helpers.ts";

const goal2 = nabariDraft(SECOND_DEPARTMENT).goals[1] as unknown as { means: string[] };
const MEANS_COUNT = goal2.means.length;
const LAST_MEANS = goal2.means.at(-1) ?? "";
const NEW_TITLE = "全庁の情報発信力を高める広報戦略の推進（キーボードで入力）";
const NEW_MEANS = "各課の広報担当者向けに、月1回の広報相談会を開く。";

const TITLE = "目標2 の 組織使命達成に向けての目標";
const means = (n: number) => `目標2 の 手段 ${n}`;

test("an editor completes the edit form with the keyboard alone", async ({
  browser,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("no baseURL");
  const { context, page, errors } = await openBrowser(browser, baseURL);
  const keys = page.keyboard;

  await test.step("sign in with Tab, typing and Enter", async () => {
    await page.goto("/staff/");
    const username = page.getByLabel("ユーザー名", { exact: true });
    await expect(username).toBeVisible();
    await tabTo(page, username);
    await keys.type(ACCOUNTS.secondEditor.username);
    await keys.press("Tab");
    await expect(page.getByLabel("パスワード", { exact: true })).toBeFocused();
    await keys.type(STAFF_PASSWORD);
    await keys.press("Enter");
    await expect(page.getByText(signedInAs("secondEditor"))).toBeVisible();
  });

  await test.step("open the manifesto from the list", async () => {
    const link = page.getByRole("link", { name: SECOND_DEPARTMENT, exact: true });
    await expect(link).toBeVisible();
    await tabTo(page, link);
    await keys.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: SECOND_DEPARTMENT })).toBeVisible();
    await expect(saveStatus(page)).toHaveText(/^保存済み/);
  });

  await test.step("rewrite a goal, add a means and move it up, save with Ctrl+S", async () => {
    const title = page.getByRole("textbox", { name: TITLE, exact: true });
    await tabTo(page, title);
    await keys.press("Control+a");
    await keys.type(NEW_TITLE);
    await expect(title).toHaveValue(NEW_TITLE);

    await tabTo(page, page.getByRole("button", { name: "手段を追加（目標2）" }));
    await keys.press("Enter");
    // The focus goes to the new, empty item.
    const added = page.getByRole("textbox", { name: means(MEANS_COUNT + 1), exact: true });
    await expect(added).toBeFocused();
    await expect(added).toHaveValue("");
    await keys.type(NEW_MEANS);

    await tabTo(
      page,
      page.getByRole("button", { name: `上へ（${means(MEANS_COUNT + 1)} を移動）` }),
    );
    await keys.press("Enter");
    // The focus follows the item, so it can be moved again at once.
    await expect(
      page.getByRole("button", { name: `上へ（${means(MEANS_COUNT)} を移動）` }),
    ).toBeFocused();
    await expect(page.getByRole("textbox", { name: means(MEANS_COUNT), exact: true })).toHaveValue(
      NEW_MEANS,
    );

    await expect(saveStatus(page)).toHaveText(/未保存の変更があります|保存中/);
    await keys.press("Control+s");
    await expectSaved(page);
    await screenshot(page, testInfo, "keyboard-saved");
  });

  await test.step("after a reload the changes are there", async () => {
    await page.reload();
    await expect(page.getByRole("textbox", { name: TITLE, exact: true })).toHaveValue(NEW_TITLE);
    await expect(page.getByRole("textbox", { name: means(MEANS_COUNT), exact: true })).toHaveValue(
      NEW_MEANS,
    );
    await expect(
      page.getByRole("textbox", { name: means(MEANS_COUNT + 1), exact: true }),
    ).toHaveValue(LAST_MEANS);
    await expect(saveStatus(page)).toHaveText(/^保存済み/);
  });

  expect(errors, "uncaught errors in the page").toEqual([]);
  await context.close();
});
