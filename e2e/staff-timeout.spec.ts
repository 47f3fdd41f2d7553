// WCAG 2.2.1 Timing Adjustable: a staff session unused for its idle limit ends; before that a
// dialog warns, says when, and 「ログインを続ける」 extends the session on the server; after the
// end the sign-in page says why. On a server of its own with TASSEI_SESSION_IDLE_SECONDS=30
// (the warning comes 20 seconds before the end), so that the wait is short.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../test/support/cli.ts";
import { type RunningServer, startServer } from "../test/support/server.ts";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { accountArgs, nabariDraft, STAFF_DEPARTMENT, STAFF_PASSWORD } from "./staff-data.ts";
import { openManifesto, screenshot, signIn } from "./staff-helpers.ts";

let root = "";
let server: RunningServer | undefined;

test.beforeAll(async () => {
  // Two runs of the CLI and a server start: slow on a busy machine.
  test.setTimeout(180_000);
  root = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-timeout-"));
  const env = { TASSEI_DATA_DIR: path.join(root, "data") };
  const draft = path.join(root, "draft.json");
  fs.writeFileSync(draft, JSON.stringify(nabariDraft()));
  for (const [args, input] of [
    [["import", "--quiet", draft], undefined],
    [accountArgs("editor"), STAFF_PASSWORD],
  ] as const) {
    const r = runCli([...args], env, input);
    if (r.status !== 0) throw new Error(`tassei ${args.join(" ")}: ${r.stderr}`);
  }
  server = await startServer({ ...env, TASSEI_DEMO: "off", TASSEI_SESSION_IDLE_SECONDS: "30" });
});

test.afterAll(async () => {
  await server?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test("2.2.1: warned before the idle limit, extended on the server, told why after", async ({
  browser,
}, testInfo) => {
  test.setTimeout(200_000);
  if (!server) throw new Error("no server");
  const { context, page, errors } = await signIn(browser, server.url, "editor");
  await openManifesto(page, STAFF_DEPARTMENT);

  const warning = page.getByRole("dialog", { name: "まもなくログインが切れます" });
  const keepOn = warning.getByRole("button", { name: "ログインを続ける", exact: true });
  const endsAt = async () => (await warning.locator("strong").textContent()) ?? "";
  await expect(warning).toBeVisible({ timeout: 40_000 });
  await expect(warning).toContainText("操作のない時間が30秒続くと");
  await expect(keepOn).toBeFocused();
  await screenshot(page, testInfo, "timeout-warning");
  await expectNoAxeViolations(page);
  const first = await endsAt();
  const clock = (t: string) => /(\d+):(\d+):(\d+)/.exec(t)?.slice(1).map(Number) ?? [];
  const seconds = (t: string) => {
    const [h = 0, m = 0, s = 0] = clock(t);
    return h * 3600 + m * 60 + s;
  };
  // The end the first warning names, as a moment: its Tokyo time of day ahead of now.
  const tokyoNow = Math.floor((Date.now() / 1000 + 9 * 3600) % 86_400);
  const firstEnd = Date.now() + (((seconds(first) - tokyoNow + 86_400) % 86_400) + 1) * 1000;

  // Extending asks the server; the dialog goes and the focus returns to the page.
  await keepOn.click();
  await expect(warning).toBeHidden();
  await expect(page.locator("body")).not.toBeFocused();

  // Past the end the first warning named, the server still takes the session's cookie: it
  // was extended there, not only on the screen. (This request uses the session too.)
  await page.waitForTimeout(Math.max(0, firstEnd - Date.now()) + 1000);
  const alive = await page.request.get(`${server.url}/api/session`);
  expect(Date.now()).toBeGreaterThan(firstEnd);
  expect(alive.status(), `session after ${first}`).toBe(200);
  expect(((await alive.json()) as { user?: unknown }).user).toBeTruthy();

  // The second warning names a later end: the server counted the session as used.
  await expect(warning).toBeVisible({ timeout: 40_000 });
  const second = await endsAt();
  expect(seconds(second), `${first} then ${second}`).toBeGreaterThan(seconds(first));

  // Unanswered, the session ends and the sign-in page says why. The request above used the
  // session after the app last did, so the app finds it alive at its own end once more and
  // waits for the next: up to two idle limits.
  const why = page.getByRole("alert").filter({ hasText: "操作のない時間が30秒続いたため" });
  await expect(why).toBeVisible({ timeout: 75_000 });
  await expect(page.getByRole("heading", { name: "Tassei 職員用ログイン" })).toBeVisible();
  await screenshot(page, testInfo, "timeout-ended");
  // The server agrees: the session is gone.
  expect((await page.request.get(`${server.url}/api/session`)).status()).toBe(401);
  expect(errors.filter((e) => !/401/.test(e))).toEqual([]);
  await context.close();
});
