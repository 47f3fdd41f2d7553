// Nobody waits without knowing (issue 14): the planning division returns 建設部's manifesto;
// the editor's to-do list (対応待ち) shows the return on the home page, with the count in the
// header, its link opens the manifesto at its unresolved comments; and a mail reaches the
// municipality's relay (the test's SMTP server) whose link opens the same place.
import fs from "node:fs";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { MAILBOX_VARIABLE } from "./global-setup.ts";
import { NOTICE_DEPARTMENT } from "./staff-data.ts";
import { openManifesto, screenshot, signIn } from "./staff-helpers.ts";

const RETURN_COMMENT = "目標2の達成水準を数値で書いてください。";

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

function mailbox(): Mail[] {
  const file = process.env[MAILBOX_VARIABLE];
  if (!file) throw new Error(`${MAILBOX_VARIABLE} is not set (e2e/global-setup.ts)`);
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Mail);
}

test("a returned manifesto reaches its editor: in the to-do list and by e-mail with a working link", async ({
  browser,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("no baseURL");
  test.setTimeout(180_000);

  await test.step("the editor submits and the head approves", async () => {
    const editor = await signIn(browser, baseURL, "noticeEditor");
    await openManifesto(editor.page, NOTICE_DEPARTMENT);
    await editor.page.getByRole("button", { name: "提出", exact: true }).click();
    await editor.page
      .getByRole("dialog", { name: "提出しますか" })
      .getByRole("button", { name: "提出する" })
      .click();
    await expect(editor.page.getByText("提出しました。")).toBeVisible();
    await editor.context.close();

    const head = await signIn(browser, baseURL, "noticeHead");
    // The submission waits in the head's to-do list.
    await expect(
      head.page.getByRole("link", { name: new RegExp(`^承認待ち: ${NOTICE_DEPARTMENT}`) }),
    ).toBeVisible();
    await openManifesto(head.page, NOTICE_DEPARTMENT);
    await head.page.getByRole("button", { name: "承認", exact: true }).click();
    await expect(head.page.getByText("承認しました。")).toBeVisible();
    await head.context.close();
  });

  await test.step("planning returns it with a comment", async () => {
    const planner = await signIn(browser, baseURL, "planner");
    const p = planner.page;
    await expect(p.getByRole("heading", { level: 1, name: "全体状況" })).toBeVisible();
    await expect(
      p.getByRole("link", { name: new RegExp(`^承認待ち: ${NOTICE_DEPARTMENT}`) }),
    ).toBeVisible();
    await openManifesto(p, NOTICE_DEPARTMENT);
    await p.getByRole("button", { name: "差戻し", exact: true }).click();
    const dialog = p.getByRole("dialog", { name: "差戻し" });
    await dialog.getByLabel("差戻しの理由（必須）").fill(RETURN_COMMENT);
    await dialog.getByRole("button", { name: "差戻す" }).click();
    await expect(p.getByText("差戻しました。")).toBeVisible();
    await planner.context.close();
  });

  const editor = await signIn(browser, baseURL, "noticeEditor");
  const e = editor.page;
  await test.step("the editor's home page lists the return; the header counts what waits", async () => {
    const todo = e.getByRole("region", { name: /対応待ち/ });
    const link = todo.getByRole("link", {
      name: new RegExp(`^差し戻されました: ${NOTICE_DEPARTMENT}`),
    });
    await expect(link).toBeVisible();
    await expect(todo).toContainText("未解決のコメントが1件あります");
    await expect(
      e
        .getByRole("navigation", { name: "メインメニュー" })
        .getByRole("link", { name: /対応待ち\s*\d+件/ }),
    ).toBeVisible();
    await screenshot(e, testInfo, "01-editor-todo");
    await expectNoAxeViolations(e);
    await link.click();
    const open = e.getByRole("region", { name: "未解決のコメント（1件）" });
    await expect(open).toContainText(RETURN_COMMENT);
    await expect(open).toBeFocused();
    await screenshot(e, testInfo, "02-open-comments");
  });

  await test.step("a mail in Japanese, text and HTML, reached the relay; its link opens the same place", async () => {
    let mail: Mail | undefined;
    await expect
      .poll(
        () => {
          mail = mailbox().find(
            (m) =>
              m.to === "kensetsu-editor@city.nabari.lg.jp" &&
              m.subject.includes("差し戻されました"),
          );
          return mail !== undefined;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(mail?.text).toContain(RETURN_COMMENT);
    expect(mail?.html).toContain("差し戻しました");
    const url = /開く: (\S+)/.exec(mail?.text ?? "")?.[1] ?? "";
    expect(url.startsWith(baseURL)).toBe(true);
    await e.goto(url);
    const open = e.getByRole("region", { name: "未解決のコメント（1件）" });
    await expect(open).toContainText(RETURN_COMMENT);
    await screenshot(e, testInfo, "03-opened-from-mail");
    // The head was told of the submission, planning has no address: nobody else.
    expect(
      mailbox()
        .filter((m) => m.subject.includes("差し戻されました"))
        .map((m) => m.to)
        .sort(),
    ).toEqual(["kensetsu-editor@city.nabari.lg.jp", "kensetsu-head@city.nabari.lg.jp"]);
  });
  expect(editor.errors).toEqual([]);
  await editor.context.close();
});
