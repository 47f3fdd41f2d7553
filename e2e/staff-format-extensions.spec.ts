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
    // Exact: the goal's target has its own タグを追加 button now.
    await page.getByRole("button", { name: `タグを追加（${GOAL}）`, exact: true }).click();
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

// 参考値, 長期目標, 集計期間, a target's tag and the goal's 予算 (issue #17): goal 5's only target
// is made numeric for the test and made a milestone again at the end, as it was.
test("the editor keeps a measure's references, long-term target, period, tags and the budget", async ({
  browser,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("no baseURL");
  const { context, page, errors } = await signIn(browser, baseURL, "secondEditor");
  await openManifesto(page, SECOND_DEPARTMENT);
  const target = `${GOAL} の 達成目標①`;
  const box = (name: string) => page.getByRole("textbox", { name, exact: true });
  const kind = page.getByRole("combobox", { name: `${target} の 測定方法`, exact: true });
  const reference = box(`${target} の 参考値 1 の 値`);
  const longTerm = box(`${target} の 長期目標 1 の 目標値`);
  const longTermYear = box(`${target} の 長期目標 1 の 目標年度（西暦）`);
  const period = page.getByRole("combobox", { name: `${target} の 集計期間`, exact: true });
  const tag = page.getByRole("combobox", { name: `${target} の タグ 1`, exact: true });
  const budgetLabel = box(`${GOAL} の 予算 1 の 区分`);
  const budgetAmount = box(`${GOAL} の 予算 1 の 金額`);

  await test.step("they are typed and saved", async () => {
    await kind.selectOption("numeric");
    await box(`${target} の 指標`).fill("研修の受講者数");
    await box(`${target} の 目標値`).fill("100");
    // The unit offers suggestions (%, 件, 人 …): a combobox.
    await page.getByRole("combobox", { name: `${target} の 単位`, exact: true }).fill("人");
    await page.getByRole("button", { name: `参考値を追加（${target}）`, exact: true }).click();
    await reference.fill("80");
    await page.getByRole("button", { name: `長期目標を追加（${target}）`, exact: true }).click();
    await longTerm.fill("150");
    await longTermYear.fill("2027");
    await period.selectOption("calendar");
    await page.getByRole("button", { name: `タグを追加（${target}）`, exact: true }).click();
    await tag.fill("indicator:outcome");
    await page.getByRole("button", { name: `予算を追加（${GOAL}）`, exact: true }).click();
    await budgetLabel.fill("当初予算額");
    await budgetAmount.fill("12,345");
    await expectSaved(page);
    await screenshot(page, testInfo, "measure-references-long-term", reference);
  });

  await test.step("they are there after a reload", async () => {
    await page.reload();
    await expect(reference).toHaveValue("80");
    await expect(longTerm).toHaveValue("150");
    await expect(longTermYear).toHaveValue("2027");
    await expect(period).toHaveValue("calendar");
    await expect(tag).toHaveValue("indicator:outcome");
    await expect(budgetLabel).toHaveValue("当初予算額");
    await expect(budgetAmount).toHaveValue("12345");
  });

  await test.step("they are removed again", async () => {
    for (const name of [
      `削除（${target} の 参考値 1）`,
      `削除（${target} の 長期目標 1）`,
      `削除（${target} の タグ 1）`,
      `削除（${GOAL} の 予算 1）`,
    ]) {
      await page.getByRole("button", { name, exact: true }).click();
    }
    await expect(reference).toHaveCount(0);
    await expect(budgetLabel).toHaveCount(0);
    await kind.selectOption("milestone");
    await expectSaved(page);
  });
  expect(errors).toEqual([]);
  await context.close();
});
