// Two-factor sign-in as a municipality's staff meet it (issue 16): Nabari's administrator
// requires a second factor for viewers on the settings page; a viewer then signing in can do
// nothing but set up an authenticator (a QR code drawn by Tassei, the key as text), confirms
// it with a code, is shown the recovery codes once, and next time is asked for a code after
// the password; a used code is refused, a recovery code works. The test reads the key from
// the page and makes the codes as the phone would, from the server's clock: the codes it
// types are for the step the server is in and the next one, which the server accepts.
import type { Page } from "@playwright/test";
import { generate } from "otplib";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { NABARI, STAFF_PASSWORD } from "./staff-data.ts";
import { openBrowser, screenshot, signIn } from "./staff-helpers.ts";

const USERNAME = "nabari-2fa-viewer";
const codeAt = (secret: string, ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });

async function setViewerRequirement(page: Page, on: boolean) {
  await page.goto("/staff/admin");
  const section = page.getByRole("region", { name: "ログインの設定" });
  const box = section.getByRole("checkbox", { name: "閲覧者" });
  await box.setChecked(on);
  await section.getByRole("button", { name: "ログインの設定を保存" }).click();
  await expect(section.getByRole("status")).toHaveText("ログインの設定を保存しました。");
}

async function passwordStep(page: Page) {
  await page.goto("/staff/");
  await page.getByLabel("ユーザー名", { exact: true }).fill(USERNAME);
  await page.getByLabel("パスワード", { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
}

test("a viewer sets up an authenticator where it is required, then signs in with a code", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error("no baseURL");
  const admin = await signIn(browser, baseURL, "admin");
  const a = admin.page;
  // The account this test works on, made through the API the users page uses.
  const csrf = (await (await a.request.get("/api/session")).json()).csrfToken as string;
  const made = await a.request.post("/api/users", {
    headers: { "x-csrf-token": csrf },
    data: {
      username: USERNAME,
      role: "viewer",
      municipality: NABARI.code,
      password: STAFF_PASSWORD,
    },
  });
  expect(made.status()).toBe(201);

  await setViewerRequirement(a, true);
  await screenshot(
    a,
    testInfo,
    "sign-in-policy",
    a.getByRole("region", { name: "ログインの設定" }),
  );
  try {
    const viewer = await openBrowser(browser, baseURL);
    const v = viewer.page;
    let secret = "";
    let recoveryCodes: string[] = [];

    await test.step("signed in, the viewer can only set up the second factor", async () => {
      await passwordStep(v);
      await expect(v.getByRole("heading", { name: "二要素認証", level: 1 })).toBeVisible();
      await expect(v.getByText("この自治体では二要素認証が必要です")).toBeVisible();
      await expect(v.getByRole("navigation", { name: "メインメニュー" })).toHaveCount(0);
      await v.getByRole("button", { name: "認証アプリを設定する" }).click();
      const qr = v.getByRole("img", { name: /設定用 QR コード/ });
      await expect(qr).toBeVisible();
      expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
      secret = (await v.locator(".second-factor-secret").textContent()) ?? "";
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await expectNoAxeViolations(v);
      await screenshot(v, testInfo, "enrolment-qr");
    });

    await test.step("a wrong code is refused beside the field; the right one shows the recovery codes", async () => {
      const right = await codeAt(secret, Date.now());
      await v.getByLabel("確認コード（6桁）").fill(right === "000000" ? "111111" : "000000");
      await v.getByRole("button", { name: "設定を完了する" }).click();
      await expect(v.getByText("確認コードが正しくありません").first()).toBeVisible();
      await expect(v.getByLabel("確認コード（6桁）")).toBeFocused();
      await v.getByLabel("確認コード（6桁）").fill(await codeAt(secret, Date.now()));
      await v.getByRole("button", { name: "設定を完了する" }).click();
      const list = v.getByRole("list", { name: "回復コード" });
      await expect(list.getByRole("listitem")).toHaveCount(10);
      recoveryCodes = await list.getByRole("listitem").allTextContents();
      await expectNoAxeViolations(v);
      await screenshot(v, testInfo, "recovery-codes");
      await v.getByRole("button", { name: "保管しました。続ける" }).click();
      await expect(v.getByRole("navigation", { name: "メインメニュー" })).toBeVisible();
    });

    await test.step("signing in again asks for the code after the password", async () => {
      await v.getByRole("button", { name: "ログアウト" }).click();
      await passwordStep(v);
      const field = v.getByLabel("確認コード", { exact: true });
      await expect(field).toBeFocused();
      await screenshot(v, testInfo, "sign-in-code");
      await expectNoAxeViolations(v);
      // The enrolment used this step's code: the next step's is new and still accepted.
      const next = await codeAt(secret, Date.now() + 30_000);
      await field.fill(next);
      await v.getByRole("button", { name: "確認", exact: true }).click();
      await expect(v.getByRole("navigation", { name: "メインメニュー" })).toBeVisible();
      await v.getByRole("button", { name: "ログアウト" }).click();
      // The same code again is a replay.
      await passwordStep(v);
      await v.getByLabel("確認コード", { exact: true }).fill(next);
      await v.getByRole("button", { name: "確認", exact: true }).click();
      await expect(v.getByText("確認コードが正しくありません")).toBeVisible();
      // A recovery code instead.
      await v.getByLabel("確認コード", { exact: true }).fill(recoveryCodes[0] ?? "");
      await v.getByRole("button", { name: "確認", exact: true }).click();
      await expect(v.getByRole("navigation", { name: "メインメニュー" })).toBeVisible();
      await v.goto("/staff/second-factor");
      await expect(v.getByText("回復コードの残りは 9 個です")).toBeVisible();
    });
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();
  } finally {
    await setViewerRequirement(a, false);
    await admin.context.close();
  }
});
