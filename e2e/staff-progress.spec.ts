// The mid-year progress report（中間報告, issue 14 item 5) in the browser: Nabari's 健康福祉部, whose
// plan is published, enters its progress for goal 1 and submits it; the planning division
// sees it on the dashboard, acknowledges it with a comment, and the portal then shows it
// under the goal.
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { NABARI, PROGRESS_DEPARTMENT, STAFF_YEAR } from "./staff-data.ts";
import { openManifesto, type StaffBrowser, screenshot, signIn } from "./staff-helpers.ts";

const NOTE = "上半期の窓口アンケートは予定どおり実施。回答率が伸びていない。";

test("a progress report is entered, submitted, acknowledged and shown on the portal", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error("no baseURL");
  const people: StaffBrowser[] = [];
  try {
    const editor = await signIn(browser, baseURL, "progressEditor");
    people.push(editor);
    const e = editor.page;

    await test.step("the department's editor enters goal 1's progress and submits it", async () => {
      await openManifesto(e, PROGRESS_DEPARTMENT);
      await e.getByRole("link", { name: "中間報告（年度途中の進捗）" }).click();
      await expect(e.getByRole("heading", { level: 1, name: /中間報告/ })).toBeVisible();
      await e.getByLabel("目標1の時点", { exact: true }).fill(`${STAFF_YEAR}-09-30`);
      await e.getByLabel("目標1の状況", { exact: true }).selectOption("やや遅れ");
      await e.getByLabel("目標1の所見", { exact: true }).fill(NOTE);
      await e.getByLabel(/^目標1 ① .*の実績値/).fill("50.2");
      await e.getByRole("button", { name: "下書きを保存" }).click();
      await expect(e.getByText("中間報告を保存しました。")).toBeVisible();
      await expect(e.getByText("下書き（第1版）")).toBeVisible();
      await screenshot(e, testInfo, "progress-entered");
      await expectNoAxeViolations(e);
      await e.getByRole("button", { name: "提出する" }).click();
      await expect(e.getByText("中間報告を提出しました。")).toBeVisible();
      await expect(e.getByText("提出済み（第1版）")).toBeVisible();
      await expect(e.getByRole("button", { name: "下書きを保存" })).toHaveCount(0);
    });

    const planner = await signIn(browser, baseURL, "planner");
    people.push(planner);
    const p = planner.page;

    await test.step("planning sees it on the dashboard, behind schedule, and acknowledges it", async () => {
      await p.goto("/staff/dashboard");
      const section = p.getByRole("region", { name: "進捗と更新状況（中間報告）" });
      const row = section.getByRole("row", { name: /目標1 / }).filter({ hasText: "やや遅れ" });
      await expect(row.first()).toContainText("遅れ");
      await expect(section.getByText("提出済み（確認待ち）")).toBeVisible();
      await screenshot(p, testInfo, "progress-dashboard", section);
      await expectNoAxeViolations(p);
      await section.getByRole("link", { name: PROGRESS_DEPARTMENT }).click();
      await expect(p.getByRole("cell", { name: NOTE })).toBeVisible();
      await p
        .getByLabel("コメント（任意）")
        .fill("確認しました。回答率の対策を次回報告してください。");
      await p.getByRole("button", { name: "確認済みにする" }).click();
      await expect(p.getByText("確認済みにしました。")).toBeVisible();
      await expect(p.getByText("確認済み（第1版）")).toBeVisible();
      await expect(p.getByText("確認しました。回答率の対策を次回報告してください。")).toBeVisible();
      await screenshot(p, testInfo, "progress-acknowledged");
      await expectNoAxeViolations(p);
    });

    await test.step("the portal shows the acknowledged progress under goal 1", async () => {
      const c = await browser.newContext({ baseURL });
      const page = await c.newPage();
      await page.goto(`/${NABARI.code}/${STAFF_YEAR}/${encodeURIComponent(PROGRESS_DEPARTMENT)}`);
      const goal = page.getByRole("region", { name: /目標1/ }).first();
      await expect(goal.getByRole("heading", { name: "中間報告" })).toBeVisible();
      await expect(goal.getByText(`${STAFF_YEAR}年9月30日時点`)).toBeVisible();
      await expect(goal.getByText(NOTE)).toBeVisible();
      await expect(goal.getByText(/50\.2/)).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(
        page,
        testInfo,
        "progress-portal",
        goal.getByRole("heading", { name: "中間報告" }),
      );
      await c.close();
    });
  } finally {
    for (const person of people) await person.context.close();
  }
});
