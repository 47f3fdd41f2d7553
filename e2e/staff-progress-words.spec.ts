// The municipality's own progress status words (issue 14 item 5), set in the browser: Nabari's
// administrator replaces 順調 / やや遅れ / 遅れ on 自治体設定's 中間報告の設定, a department's editor
// finds the new words offered on its 中間報告 page, and the administrator goes back to the
// standard words (the other progress test chooses やや遅れ).
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { PROGRESS_DEPARTMENT } from "./staff-data.ts";
import { openManifesto, type StaffBrowser, screenshot, signIn } from "./staff-helpers.ts";

test("the administrator's status words are offered on the 中間報告 page", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error("no baseURL");
  const people: StaffBrowser[] = [];
  try {
    const admin = await signIn(browser, baseURL, "admin");
    people.push(admin);
    const a = admin.page;
    const section = a.getByRole("region", { name: "中間報告の設定" });

    await test.step("a word left empty is refused, naming the field", async () => {
      await a.getByRole("link", { name: "自治体の管理", exact: true }).click();
      await expect(a.getByRole("heading", { level: 1, name: "自治体設定" })).toBeVisible();
      await expect(section.getByLabel("状況1の語", { exact: true })).toHaveValue("順調");
      await section.getByLabel("状況2の語", { exact: true }).fill("");
      await section.getByRole("button", { name: "中間報告の設定を保存" }).click();
      await expect(section.getByRole("alert")).toContainText("状況2の語");
    });

    await test.step("the administrator sets 順調 / 強化要 / 困難 with a due day", async () => {
      await section.getByLabel("状況2の語", { exact: true }).fill("強化要");
      await section.getByLabel("状況3の語", { exact: true }).fill("困難");
      await section.getByRole("button", { name: "語を追加" }).click();
      await section.getByLabel("状況4の語", { exact: true }).fill("完了");
      await section.getByLabel("提出期限（月-日）").fill("11-15");
      await section.getByRole("button", { name: "中間報告の設定を保存" }).click();
      await expect(section.getByText("中間報告の設定を保存しました。")).toBeVisible();
      await expect(section.getByText("この自治体の語と提出期限を使っています。")).toBeVisible();
      await expectNoAxeViolations(a);
      await screenshot(a, testInfo, "progress-words", section);
    });

    await test.step("the department's editor is offered the new words", async () => {
      const editor = await signIn(browser, baseURL, "progressEditor");
      people.push(editor);
      const e = editor.page;
      await openManifesto(e, PROGRESS_DEPARTMENT);
      await e.getByRole("link", { name: "中間報告（年度途中の進捗）" }).click();
      const status = e.getByLabel("目標1の状況", { exact: true });
      await expect(status.getByRole("option", { name: "強化要" })).toHaveCount(1);
      await expect(status.getByRole("option", { name: "完了" })).toHaveCount(1);
      await expect(status.getByRole("option", { name: "やや遅れ" })).toHaveCount(0);
    });

    await test.step("the administrator goes back to the standard words", async () => {
      await a.reload();
      await section.getByRole("button", { name: "標準に戻す" }).click();
      await expect(section.getByText("中間報告の設定を標準に戻しました。")).toBeVisible();
      await expect(section.getByLabel("状況2の語", { exact: true })).toHaveValue("やや遅れ");
    });
  } finally {
    for (const person of people) await person.context.close();
  }
});
