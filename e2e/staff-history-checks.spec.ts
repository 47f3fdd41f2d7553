// The checks against last year's manifesto of the department (issue #11): 市民部 of Nabari has
// the demo with its results as 2023 and the same plan, without goal 4's second indicator, as
// its 2024 draft. 全体状況 counts the warnings they add; the editor shows them beside the
// target; the review (read only) shows them on each goal, with the dropped indicator.
import { expect, test } from "./fixtures.ts";
import { HISTORY_DEPARTMENT } from "./staff-data.ts";
import { expectSaved, screenshot, signIn } from "./staff-helpers.ts";

const BELOW_LAST_ACTUAL =
  "達成目標②の目標70%以上は、昨年度（2023年度）の実績84%ですでに満たされています";
const DROPPED = /昨年度（2023年度）の目標4の指標「高ストレス判定/;

test("last year's targets and results are held against this year's plan", async ({
  browser,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("no baseURL");
  const planner = await signIn(browser, baseURL, "planner");
  const p = planner.page;
  let address = "";

  await test.step("全体状況 counts the warnings against last year", async () => {
    await p.goto("/staff/overview");
    // The status table's row, which links to the manifesto (部局ごとの期限 has a row too).
    const row = p
      .getByRole("row")
      .filter({ has: p.getByRole("rowheader", { name: HISTORY_DEPARTMENT, exact: true }) })
      .filter({ has: p.getByRole("link", { name: HISTORY_DEPARTMENT, exact: true }) });
    // One warning on the text (令和５年度 in a 2024 plan), five targets last year's results
    // already meet (goals 1②, 2, 3①, 3② and 4①).
    await expect(row.getByRole("cell").last()).toHaveText("6件");
    await row.getByRole("link", { name: HISTORY_DEPARTMENT, exact: true }).click();
    await expect(p.getByRole("heading", { level: 1, name: HISTORY_DEPARTMENT })).toBeVisible();
    address = p.url();
  });

  await test.step("the editor shows them beside the target as it is typed", async () => {
    const target = p.getByRole("group", { name: "目標3 の 達成目標②", exact: true });
    const warning = target.getByRole("listitem").filter({ hasText: BELOW_LAST_ACTUAL });
    await expect(warning).toContainText("警告");
    await screenshot(p, testInfo, "history-beside-target", target);
    // Raised above last year's actual, the warning goes.
    await p.getByRole("textbox", { name: "目標3 の 達成目標② の 目標値", exact: true }).fill("90");
    await expect(warning).toHaveCount(0);
    await p.getByRole("textbox", { name: "目標3 の 達成目標② の 目標値", exact: true }).fill("70");
    await expect(warning).toHaveCount(1);
    await expectSaved(p);
    // The indicator no target measures any more is told on its goal.
    await expect(
      p.getByRole("complementary", { name: "目標設定の点検（目標4）" }).getByRole("listitem"),
    ).toContainText(DROPPED);
  });
  expect(planner.errors).toEqual([]);
  await planner.context.close();

  await test.step("the review (read only) shows every check of the plan on its goal", async () => {
    const viewer = await signIn(browser, baseURL, "viewer");
    const v = viewer.page;
    await v.goto(address);
    await expect(v.getByRole("heading", { level: 1, name: HISTORY_DEPARTMENT })).toBeVisible();
    const goal3 = v.getByRole("complementary", { name: "目標設定の点検（目標3）" });
    await expect(goal3.getByRole("listitem").filter({ hasText: BELOW_LAST_ACTUAL })).toContainText(
      "警告",
    );
    await expect(v.getByRole("complementary", { name: "目標設定の点検（目標4）" })).toContainText(
      DROPPED,
    );
    await screenshot(v, testInfo, "history-in-review", goal3);
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();
  });
});
