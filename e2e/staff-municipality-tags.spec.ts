// The municipality's second self-evaluation and its own tag vocabulary, edited by its
// administrator on 自治体設定 (issue #17): the tags are then offered in every goal editor
// beside SDGs and 指標の分類, and a goal may carry one. Works on goal 5 of the second draft,
// as staff-format-extensions does, and clears everything again at the end.
import { expect, test } from "./fixtures.ts";
import { SECOND_DEPARTMENT } from "./staff-data.ts";
import { expectSaved, openManifesto, screenshot, signIn } from "./staff-helpers.ts";
import { sidewaysOverflow } from "./wcag-checks.ts";

const GOAL = "目標5";

test("the administrator sets the second scale and a vocabulary; the goal editor offers its tags", async ({
  browser,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("no baseURL");
  const admin = await signIn(browser, baseURL, "admin");
  const a = admin.page;
  const box = (name: string) => a.getByRole("textbox", { name, exact: true });
  const saveScore = a.getByRole("button", { name: "第二の評価を保存", exact: true });
  const saveTags = a.getByRole("button", { name: "タグの語彙を保存", exact: true });

  await test.step("a wrong range is refused, naming the field", async () => {
    await a.goto("/staff/admin");
    await a.getByRole("radio", { name: "数値の範囲（例: 0〜10）" }).check();
    await box("最小値").fill("10");
    await box("最大値").fill("0");
    await saveScore.click();
    await expect(a.getByRole("alert")).toContainText("第二の評価基準 の 最大値");
  });

  await test.step("the range 0〜10 and a vocabulary are saved and shown after a reload", async () => {
    await box("最小値").fill("0");
    await box("最大値").fill("10");
    await saveScore.click();
    await expect(a.getByText("第二の評価を保存しました。")).toBeVisible();
    await a.getByRole("button", { name: "語彙を追加", exact: true }).click();
    await box("語彙1 の識別子（半角英小文字・数字・-）").fill("nabari-plan");
    await box("語彙1 の名称").fill("名張市総合計画");
    await box("語彙1 のタグ1 の識別子").fill("1-1");
    await box("語彙1 のタグ1 の表示").fill("1-1 子育て・教育");
    await saveTags.click();
    await expect(a.getByText("タグの語彙を保存しました。")).toBeVisible();
    await screenshot(a, testInfo, "municipality-tag-vocabulary", saveTags);
    await a.reload();
    await expect(a.getByRole("radio", { name: "数値の範囲（例: 0〜10）" })).toBeChecked();
    await expect(box("最大値")).toHaveValue("10");
    await expect(box("語彙1 のタグ1 の表示")).toHaveValue("1-1 子育て・教育");
  });

  await test.step("at 320 px the settings fit the width; each box and radio sits beside its words", async () => {
    await a.setViewportSize({ width: 320, height: 800 });
    // The vocabulary's tag table scrolls in its own region; the fieldset around it does not
    // push the page sideways (a fieldset is as wide as its content unless told otherwise).
    expect(await sidewaysOverflow(a)).toEqual({ overflow: 0, beyond: [] });
    const middle = (b: { y: number; height: number } | null) => (b ? b.y + b.height / 2 : NaN);
    const radio = a.getByRole("radio", { name: "数値の範囲（例: 0〜10）" });
    const radioWords = a.locator("label", { hasText: "数値の範囲（例: 0〜10）" });
    expect((await radio.boundingBox())?.width).toBeLessThan(40);
    expect(
      Math.abs(middle(await radio.boundingBox()) - middle(await radioWords.boundingBox())),
    ).toBeLessThan(16);
    const behind = a.getByRole("checkbox", { name: "状況2は遅れを表す", exact: true });
    const behindWords = a.locator("label", { hasText: "状況2は遅れを表す" });
    expect(
      Math.abs(middle(await behind.boundingBox()) - middle(await behindWords.boundingBox())),
    ).toBeLessThan(16);
    await a.setViewportSize({ width: 1280, height: 800 });
  });

  const editor = await signIn(browser, baseURL, "secondEditor");
  const e = editor.page;
  const tag = e.getByRole("combobox", { name: `${GOAL} の タグ 1`, exact: true });

  await test.step("the goal editor offers the tag and saves a goal with it", async () => {
    await openManifesto(e, SECOND_DEPARTMENT);
    await expect(
      e.locator('datalist option[value="nabari-plan:1-1"]', {
        hasText: "名張市総合計画 1-1 子育て・教育",
      }),
    ).toHaveCount(1);
    await e.getByRole("button", { name: `タグを追加（${GOAL}）`, exact: true }).click();
    await tag.fill("nabari-plan:1-1");
    await expectSaved(e);
    await e.reload();
    await expect(tag).toHaveValue("nabari-plan:1-1");
  });

  await test.step("the vocabulary is not taken away while the goal uses it: the administrator is told where", async () => {
    await a.getByRole("button", { name: "語彙1 を削除", exact: true }).click();
    await saveTags.click();
    const refusal = a.getByRole("alert");
    await expect(refusal).toContainText("保存済みのマニフェストのタグが使えなくなります");
    await expect(refusal).toContainText(`${SECOND_DEPARTMENT}（${GOAL} の タグ 1）`);
    // The refused draft stays for correcting; 変更を取り消す goes back to what is stored.
    const tags = a.getByRole("region", { name: "タグの語彙" });
    await screenshot(a, testInfo, "municipality-tag-vocabulary-in-use", tags);
    await expect(box("語彙1 のタグ1 の表示")).toHaveCount(0);
    const revert = tags.getByRole("button", { name: "変更を取り消す" });
    await revert.click();
    await expect(box("語彙1 のタグ1 の表示")).toHaveValue("1-1 子育て・教育");
    await expect(refusal).toHaveCount(0);
    await expect(revert).toBeDisabled();
    await a.reload(); // and that is what is stored
    await expect(box("語彙1 のタグ1 の表示")).toHaveValue("1-1 子育て・教育");
  });

  await test.step("the tag, the vocabulary and the scale are removed again", async () => {
    await e.getByRole("button", { name: `削除（${GOAL} の タグ 1）`, exact: true }).click();
    await expectSaved(e);
    await a.getByRole("button", { name: "語彙1 を削除", exact: true }).click();
    await saveTags.click();
    await expect(a.getByText("タグの語彙を保存しました。")).toBeVisible();
    await a.getByRole("radio", { name: "使わない" }).check();
    await saveScore.click();
    await expect(a.getByText("第二の評価を保存しました。")).toBeVisible();
  });
  expect(admin.errors).toEqual([]);
  expect(editor.errors).toEqual([]);
  await admin.context.close();
  await editor.context.close();
});
