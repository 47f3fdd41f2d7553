// The fields of the format's extensions in the editor (issue #17): a department of a
// prefecture writes a goal's 担当所属, 今年度の目標 and an SDG tag; they are saved and shown
// again after a reload. Works on goal 5 of the second draft, which no other test edits, and
// clears the fields again at the end.
import { expect, test } from "./fixtures.ts";
import { SECOND_DEPARTMENT } from "./staff-data.ts";
import { expectSaved, openManifesto, screenshot, signIn } from "./staff-helpers.ts";

const GOAL = "目標5";

test("the editor keeps a goal's owner, plan and tags", async ({ browser, baseURL }, testInfo) => {
  if (!baseURL) throw new Error("no baseURL");
  const { context, page, errors } = await signIn(browser, baseURL, "secondEditor");
  await openManifesto(page, SECOND_DEPARTMENT);
  const unit = page.getByRole("textbox", { name: `${GOAL} の 所属`, exact: true });
  const plan = page.getByRole("textbox", { name: `${GOAL} の 今年度の目標`, exact: true });
  // A tag is typed or chosen from the suggestions (SDGs, 指標の分類): a combobox.
  const firstTag = page.getByRole("combobox", { name: `${GOAL} の タグ 1`, exact: true });

  await test.step("the owner, plan and an SDG tag are typed and saved", async () => {
    await unit.fill("人事課");
    await page
      .getByRole("textbox", { name: `${GOAL} の 所属長の氏名`, exact: true })
      .fill("伊賀 花子");
    await plan.fill("職員研修の受講者を100人にする。");
    await page.getByRole("button", { name: /^タグを追加（目標5/ }).click();
    await firstTag.fill("sdg:5");
    await expectSaved(page);
    await screenshot(page, testInfo, "goal-owner-plan-tags", unit);
  });

  await test.step("they are there after a reload", async () => {
    await page.reload();
    await expect(unit).toHaveValue("人事課");
    await expect(plan).toHaveValue("職員研修の受講者を100人にする。");
    await expect(firstTag).toHaveValue("sdg:5");
  });

  await test.step("they are cleared again", async () => {
    await unit.fill("");
    await page.getByRole("textbox", { name: `${GOAL} の 所属長の氏名`, exact: true }).fill("");
    await plan.fill("");
    await page.getByRole("button", { name: `削除（${GOAL} の タグ 1）`, exact: true }).click();
    await expectSaved(page);
  });
  expect(errors).toEqual([]);
  await context.close();
});
