// The staff workspace's whole cycle in one browser story, each person in their own browser,
// signing in through the form: Nabari's 総務部 goes from the draft the global setup imported
// through edit, submission, the head's approval, the planning division's return with a
// comment, the fix, approval and publication, to the year-end evaluation with the assessment's
// warning beside the goal, and the history page shows every step.
// Submission and publication are confirmed first and a return undoes a submission
// (success criterion 3.3.4).
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { nabariDraft, STAFF_DEPARTMENT } from "./staff-data.ts";
import {
  expectSaved,
  openManifesto,
  type StaffBrowser,
  saveStatus,
  screenshot,
  signedInAs,
  signIn,
} from "./staff-helpers.ts";

const plan = nabariDraft().goals[0] as { targets: { text: string }[]; means: string[] };
const ORIGINAL_TARGET = plan.targets[0]?.text ?? "";
const ORIGINAL_MEANS = plan.means[1] ?? "";
const EDITED_TARGET =
  "令和６年度市民まちづくりアンケートの広聴広報に係る満足度55％以上（令和５年度49.4％）";
const EDITED_MEANS = "ＳＮＳ等を活用し、年代別のセグメント配信で市政の情報を届ける。";
const RETURN_COMMENT = "目標1の手段2に、いつから実施するかを書き加えてください。";
const FIXED_MEANS =
  "ＳＮＳ等を活用し、令和６年６月から年代別のセグメント配信で市政の情報を届ける。";
const REASON = "満足度は目標に届かなかったが、eモニターの活用は目標を上回った。";

const TARGET_TEXT = "目標1 の 達成目標① の 内容";
const MEANS_2 = "目標1 の 手段 2";

test("a manifesto goes from draft through review and publication to its evaluation", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  if (!baseURL) throw new Error("no baseURL");
  const people: StaffBrowser[] = [];
  const signInAs = async (name: Parameters<typeof signIn>[2]) => {
    const person = await signIn(browser, baseURL, name);
    people.push(person);
    return person;
  };

  const editor = await signInAs("editor");
  const e = editor.page;

  await test.step("the editor edits a target and a means, and they are there after a reload", async () => {
    await openManifesto(e, STAFF_DEPARTMENT);
    await expect(e.getByText("下書き", { exact: true }).first()).toBeVisible();
    await expect(saveStatus(e)).toHaveText(/^保存済み/);
    const target = e.getByRole("textbox", { name: TARGET_TEXT, exact: true });
    const means = e.getByRole("textbox", { name: MEANS_2, exact: true });
    await expect(target).toHaveValue(ORIGINAL_TARGET);
    await expect(means).toHaveValue(ORIGINAL_MEANS);
    await target.fill(EDITED_TARGET);
    await means.fill(EDITED_MEANS);
    await expect(saveStatus(e)).toHaveText(/未保存の変更があります|保存中/);
    await expectSaved(e);
    await e.reload();
    await expect(e.getByRole("textbox", { name: TARGET_TEXT, exact: true })).toHaveValue(
      EDITED_TARGET,
    );
    await expect(e.getByRole("textbox", { name: MEANS_2, exact: true })).toHaveValue(EDITED_MEANS);
    // Nothing was left only in this browser: no notice of restored edits.
    await expect(e.getByText(/このブラウザに(残っていた|、保存されていない)/)).toHaveCount(0);
    await screenshot(
      e,
      testInfo,
      "01-editor-edited",
      e.getByRole("textbox", { name: MEANS_2, exact: true }),
    );
  });

  await test.step("the editor submits", async () => {
    await e.getByRole("button", { name: "提出", exact: true }).click();
    const dialog = e.getByRole("dialog", { name: "提出しますか" });
    await dialog.getByRole("button", { name: "提出する" }).click();
    await expect(e.getByText("提出しました。")).toBeVisible();
    // 2.4.3: the focus is on the result, not on <body> where the closed dialog left it.
    await expect(e.getByRole("status").filter({ hasText: "提出しました。" })).toBeFocused();
    await expect(e.getByText("部局長の承認を待っています。")).toBeVisible();
    // Submitted: the form is gone, the text stays.
    await expect(e.getByRole("textbox", { name: TARGET_TEXT })).toHaveCount(0);
    await expect(e.getByText(EDITED_TARGET)).toBeVisible();
  });

  const head = await signInAs("head");
  await test.step("the head approves", async () => {
    await openManifesto(head.page, STAFF_DEPARTMENT);
    await expect(head.page.getByText(EDITED_MEANS)).toBeVisible();
    await head.page.getByRole("button", { name: "承認", exact: true }).click();
    await expect(head.page.getByText("承認しました。")).toBeVisible();
    await expect(head.page.getByText("企画課の確認を待っています。")).toBeVisible();
  });

  const planner = await signInAs("planner");
  const p = planner.page;
  await test.step("the planning division returns it with a comment", async () => {
    await expect(p.getByRole("heading", { level: 1, name: "全体状況" })).toBeVisible();
    await openManifesto(p, STAFF_DEPARTMENT);
    await p.getByRole("button", { name: "差戻し", exact: true }).click();
    const dialog = p.getByRole("dialog", { name: "差戻し" });
    await dialog.getByLabel("差戻しの理由（必須）").fill(RETURN_COMMENT);
    await screenshot(p, testInfo, "02-planner-returning");
    await dialog.getByRole("button", { name: "差戻す" }).click();
    await expect(p.getByText("差戻しました。")).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(p.getByRole("status").filter({ hasText: "差戻しました。" })).toBeFocused();
  });

  await test.step("the editor sees the comment, fixes the means and submits again", async () => {
    await e.reload();
    const returned = e.getByRole("note").filter({ hasText: "差戻しされました。" });
    await expect(returned).toContainText(RETURN_COMMENT);
    await expect(returned).toContainText(signedInAs("planner").replace(/（.*$/, ""));
    // The comment is also kept as a thread on the whole manifesto.
    const threads = e.getByRole("region", { name: /マニフェスト全体へのコメント/ });
    await expect(threads).toContainText(RETURN_COMMENT);
    await screenshot(e, testInfo, "03-editor-sees-return", returned);
    const means = e.getByRole("textbox", { name: MEANS_2, exact: true });
    await expect(means).toHaveValue(EDITED_MEANS);
    await means.fill(FIXED_MEANS);
    await expectSaved(e);
    await e.getByRole("button", { name: "提出", exact: true }).click();
    await e
      .getByRole("dialog", { name: "提出しますか" })
      .getByRole("button", { name: "提出する" })
      .click();
    await expect(e.getByText("提出しました。")).toBeVisible();
  });

  await test.step("the head approves again; planning approves and publishes", async () => {
    await head.page.reload();
    await expect(head.page.getByText(FIXED_MEANS)).toBeVisible();
    await head.page.getByRole("button", { name: "承認", exact: true }).click();
    await expect(head.page.getByText("承認しました。")).toBeVisible();

    await p.reload();
    await expect(p.getByText(FIXED_MEANS)).toBeVisible();
    await p.getByRole("button", { name: "承認", exact: true }).click();
    await expect(p.getByText("承認しました。")).toBeVisible();
    await p.getByRole("button", { name: "公表", exact: true }).click();
    await p
      .getByRole("dialog", { name: "公表しますか" })
      .getByRole("button", { name: "公表する" })
      .click();
    await expect(p.getByText("公表しました。")).toBeVisible();
    await expect(p.getByText("公表済み", { exact: true }).first()).toBeVisible();
  });

  await test.step("planning opens the evaluation", async () => {
    await p.getByRole("button", { name: "評価を開始", exact: true }).click();
    await p
      .getByRole("dialog", { name: "評価を開始しますか" })
      .getByRole("button", { name: "評価を開始する" })
      .click();
    await expect(p.getByText("評価の段階を開始しました。")).toBeVisible();
    await expect(
      p.getByRole("status").filter({ hasText: "評価の段階を開始しました。" }),
    ).toBeFocused();
  });

  await test.step("the editor enters the evaluation and sees the warning for the unmet target", async () => {
    await e.reload();
    await expect(e.getByRole("heading", { name: "年度末の評価" }).first()).toBeVisible();
    const findings = e.getByRole("complementary", { name: "点検結果（目標1）" });
    await expect(findings).toBeVisible();
    await expect(findings).not.toContainText("未達成");

    await e
      .getByRole("textbox", { name: "目標1 の 達成目標① の 実績値", exact: true })
      .fill("49.4");
    await e
      .getByRole("group", { name: /目標1 の 自己評価の段階/ })
      .getByRole("radio", { name: /業績目標を達成した/ })
      .check();
    await e.getByRole("textbox", { name: /^目標1 の 自己評価の\s*理由$/ }).fill(REASON);

    const warning = findings.getByRole("listitem").filter({ hasText: "達成目標①は未達成です" });
    await expect(warning).toContainText("警告");
    await expect(warning).toContainText("「業績目標を達成した」（3）");
    await expect(warning).toContainText("49.4%");
    await expect(warning).toContainText("55%以上");
    await expect(e.getByText(/判定：未達成/).first()).toBeVisible();
    await expectSaved(e);
    await screenshot(e, testInfo, "04-editor-evaluation-warning", findings);
    await expectNoAxeViolations(e);

    // Saved: the warning comes back with the values after a reload.
    await e.reload();
    await expect(
      e.getByRole("textbox", { name: "目標1 の 達成目標① の 実績値", exact: true }),
    ).toHaveValue("49.4");
    await expect(
      e.getByRole("complementary", { name: "点検結果（目標1）" }).getByRole("listitem").filter({
        hasText: "達成目標①は未達成です",
      }),
    ).toContainText("警告");
  });

  await test.step("submitting the evaluation lists what is still missing", async () => {
    await e.getByRole("button", { name: "提出", exact: true }).click();
    const dialog = e.getByRole("dialog", { name: "評価を提出しますか" });
    // Only goal 1 is rated: the five others and their targets' results are listed.
    await expect(dialog.getByText(/記入が必要な項目が\d+件あります/)).toBeVisible();
    await expect(
      dialog.getByRole("listitem").filter({ hasText: "目標2が未評価です" }),
    ).toBeVisible();
    await dialog.getByRole("button", { name: "提出する" }).click();
    await expect(dialog.getByRole("alert")).toContainText("評価を提出する前に");
    await dialog.getByRole("button", { name: "やめる" }).click();
    await expect(e.getByText("評価の下書き", { exact: true }).first()).toBeVisible();
  });

  await test.step("the history shows each step and each edited field, old → new", async () => {
    await e.getByRole("link", { name: /変更履歴/ }).click();
    await expect(e.getByRole("heading", { level: 1, name: /変更履歴/ })).toBeVisible();

    const editorName = signedInAs("editor").replace(/（.*$/, "");
    const headName = signedInAs("head").replace(/（.*$/, "");
    const plannerName = signedInAs("planner").replace(/（.*$/, "");
    // Newest first.
    const expectedMoves = [
      ["評価の開始", "公表済み → 評価の下書き", plannerName],
      ["公表", "承認済み → 公表済み", plannerName],
      ["承認", "部局長承認済み → 承認済み", plannerName],
      ["承認", "提出済み → 部局長承認済み", headName],
      ["提出", "下書き → 提出済み", editorName],
      ["差戻し", "部局長承認済み → 下書き", plannerName],
      ["承認", "提出済み → 部局長承認済み", headName],
      ["提出", "下書き → 提出済み", editorName],
    ] as const;
    const moves = e.getByRole("listitem").filter({ hasText: " → " });
    await expect(moves).toHaveCount(expectedMoves.length);
    for (const [i, [action, states, who]] of expectedMoves.entries()) {
      const move = moves.nth(i);
      await expect(move.getByText(action, { exact: true })).toBeVisible();
      await expect(move).toContainText(states);
      await expect(move).toContainText(who);
    }
    await expect(moves.nth(5)).toContainText(RETURN_COMMENT);

    const change = (field: string, from: string | null, to: string) => {
      // A field added or removed whole says so after its name.
      const header = new RegExp(`^${field}( ?(追加|削除))?$`);
      const row = e
        .getByRole("row")
        .filter({ has: e.getByRole("rowheader", { name: header }) })
        .filter({ has: e.getByRole("insertion").filter({ hasText: to }) });
      return from === null
        ? row.filter({ hasText: "（なし）" })
        : row.filter({ has: e.getByRole("deletion").filter({ hasText: from }) });
    };
    await expect(change(TARGET_TEXT, ORIGINAL_TARGET, EDITED_TARGET)).toHaveCount(1);
    await expect(change(MEANS_2, ORIGINAL_MEANS, EDITED_MEANS)).toHaveCount(1);
    await expect(change(MEANS_2, EDITED_MEANS, FIXED_MEANS)).toHaveCount(1);
    await expect(change("目標1 の 達成目標① の 実績値", null, "49.4").first()).toBeVisible();
    await expect(change("目標1 の 自己評価の段階", null, "3").first()).toBeVisible();
    await expect(e.getByText(editorName).first()).toBeVisible();
    await screenshot(e, testInfo, "05-history", moves.nth(5));
  });

  for (const person of people) {
    expect(person.errors, "uncaught errors in the page").toEqual([]);
    await person.context.close();
  }
});
