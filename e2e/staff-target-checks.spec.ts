// The checks of a target as it is typed (issue #11): the rolled-over text beside its measure
// is flagged in the editor, and a target typed as text only is offered as a numeric measure
// (「数値目標として登録」, one click, editable). Works on the second draft (企画財政部) and on
// goal 6, which no other test edits; the added target is removed again at the end.
import { expect, test } from "./fixtures.ts";
import { SECOND_DEPARTMENT } from "./staff-data.ts";
import { expectSaved, openManifesto, screenshot, signIn } from "./staff-helpers.ts";

const TARGET = "目標6 の 達成目標③";

test("the editor checks targets as they are typed and proposes the measure", async ({
  browser,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("no baseURL");
  const { context, page, errors } = await signIn(browser, baseURL, "secondEditor");
  await openManifesto(page, SECOND_DEPARTMENT);

  await test.step("the 2024 plan still says 令和５年度 beside goal 1's measure", async () => {
    const first = page.getByRole("group", { name: "目標1 の 達成目標①" });
    await expect(first.getByText(/文章と測定方法が一致しません/)).toContainText(
      "文章の年度（2023年度）が計画の年度（2024年度）より前",
    );
  });

  await test.step("a target typed as text is offered as a numeric measure", async () => {
    await page.getByRole("button", { name: /^達成目標を追加（目標6/ }).click();
    await page
      .getByRole("textbox", { name: `${TARGET} の 内容`, exact: true })
      .fill("研修の受講者数 100人以上（令和5年度 80人）");
    const register = page.getByRole("button", { name: `数値目標として登録（${TARGET}）` });
    await expect(register).toBeVisible();
    await screenshot(page, testInfo, "target-proposal", register);
    await register.click();
    await expect(page.getByRole("textbox", { name: `${TARGET} の 指標`, exact: true })).toHaveValue(
      "研修の受講者数",
    );
    await expect(page.getByLabel(`${TARGET} の 単位`, { exact: true })).toHaveValue("人");
    await expect(register).toHaveCount(0);
    await expectSaved(page);
  });

  await test.step("the added target is removed again", async () => {
    await page.getByRole("button", { name: `この達成目標を削除（${TARGET}）` }).click();
    await expectSaved(page);
  });
  expect(errors).toEqual([]);
  await context.close();
});
