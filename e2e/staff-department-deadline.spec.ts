// A department's own deadline (issue 14 item 4) set in the browser: the planning division
// enters 市民部's plan deadline under 部局ごとの期限, and the overview's status table shows that
// department's date marked （部局の期限）; emptied and saved, the department is back on the
// municipality's deadline. 市民部 has no accounts, so nobody's to-do list moves.
import { expect, test } from "./fixtures.ts";
import { HISTORY_DEPARTMENT, STAFF_YEAR } from "./staff-data.ts";
import { signIn } from "./staff-helpers.ts";

test("planning saves a department's own deadline and the overview shows it", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error("no baseURL");
  const planner = await signIn(browser, baseURL, "planner");
  const p = planner.page;
  try {
    const own = p.getByRole("region", { name: "部局ごとの期限" });
    const date = own.getByLabel(`${HISTORY_DEPARTMENT}の計画の期限`);
    const save = own.getByRole("button", { name: `${HISTORY_DEPARTMENT}の期限を保存` });
    // The status table's row, which links to the manifesto (部局ごとの期限 has a row too).
    const statusRow = p
      .getByRole("row")
      .filter({ has: p.getByRole("link", { name: HISTORY_DEPARTMENT, exact: true }) });
    const day = `${STAFF_YEAR + 1}-03-13`;
    // After a save the form reads the deadlines again, and the saved line is drawn anew: its
    // 「保存しました。」 must still be there once that read has arrived (it used to vanish).
    const deadlinesReread = () =>
      p.waitForResponse(
        (r) => r.request().method() === "GET" && new URL(r.url()).pathname === "/api/deadlines",
      );

    await test.step("the planning division saves 市民部's own plan deadline", async () => {
      await p.goto("/staff/overview");
      await expect(date).toBeVisible();
      // One region of that name: its table's scroll area is named for the table, so that a
      // screen reader's list of regions does not say 部局ごとの期限 twice.
      await expect(p.getByRole("region", { name: "部局ごとの期限", exact: true })).toHaveCount(1);
      await date.fill(day);
      const reread = deadlinesReread();
      await save.click();
      await reread;
      await expect(statusRow).toContainText("（部局の期限）");
      await expect(own.getByRole("status")).toHaveText("保存しました。");
    });

    await test.step("the overview shows that department's date as its own", async () => {
      await p.reload();
      await expect(statusRow).toContainText(`${STAFF_YEAR + 1}年3月13日`);
      await expect(statusRow).toContainText("（部局の期限）");
      await expect(own.getByLabel(`${HISTORY_DEPARTMENT}の計画の期限`)).toHaveValue(day);
    });

    await test.step("emptied and saved, the department's own date is gone", async () => {
      await own.getByLabel(`${HISTORY_DEPARTMENT}の計画の期限`).fill("");
      const reread = deadlinesReread();
      await own.getByRole("button", { name: `${HISTORY_DEPARTMENT}の期限を保存` }).click();
      await reread;
      await expect(statusRow).not.toContainText("（部局の期限）");
      await expect(own.getByRole("status")).toHaveText("保存しました。");
      await p.reload();
      await expect(statusRow).not.toContainText("（部局の期限）");
    });

    await test.step("on a phone the save button keeps its words on one line", async () => {
      await p.setViewportSize({ width: 375, height: 812 });
      const box = await save.boundingBox();
      // One line of text in a 2.75rem button; it was ~260 px, a character per line.
      expect(box?.height ?? 0).toBeLessThan(60);
    });
  } finally {
    await planner.context.close();
  }
});
