// The e-mail address in the users edit dialog (issue 14 item 2): Nabari's administrator gives
// the viewer an address, which is stored; an address that is not one is refused by its field.
// The address is cleared again at the end, so no other test's mail count moves.
import { expect, test } from "./fixtures.ts";
import { ACCOUNTS } from "./staff-data.ts";
import { signIn } from "./staff-helpers.ts";

const USER = ACCOUNTS.viewer.username;
const ADDRESS = "etsuran@city.nabari.lg.jp";

test("the administrator sets an account's e-mail address in the edit dialog", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error("no baseURL");
  const admin = await signIn(browser, baseURL, "admin");
  const a = admin.page;
  const dialog = a.getByRole("dialog", { name: `${USER} を変更` });
  const email = dialog.getByLabel("メールアドレス", { exact: true });
  const open = async () => {
    await a.getByRole("button", { name: `${USER} を変更`, exact: true }).click();
    await expect(dialog).toBeVisible();
  };
  const stored = async () => {
    const r = await a.request.get("/api/users");
    expect(r.status()).toBe(200);
    const body = (await r.json()) as { users: { username: string; email: string | null }[] };
    return body.users.find((u) => u.username === USER)?.email;
  };
  try {
    await a.getByRole("link", { name: "ユーザー管理", exact: true }).click();
    await expect(a.getByRole("heading", { level: 1, name: "ユーザー管理" })).toBeVisible();

    await test.step("an address that is not one is refused by its field", async () => {
      await open();
      await email.fill("etsuran@");
      await dialog.getByRole("button", { name: "保存する" }).click();
      await expect(email).toHaveAttribute("aria-invalid", "true");
      await expect(email).toHaveAccessibleDescription(/tanaka@example\.lg\.jp のように/);
      await dialog.getByRole("button", { name: "やめる" }).click();
      expect(await stored()).toBeNull();
    });

    await test.step("a good address is stored and shown when the dialog opens again", async () => {
      await open();
      await email.fill(ADDRESS);
      await dialog.getByRole("button", { name: "保存する" }).click();
      await expect(a.getByText(`${USER} を変更しました。`)).toBeVisible();
      expect(await stored()).toBe(ADDRESS);
      await open();
      await expect(email).toHaveValue(ADDRESS);
    });

    await test.step("emptied, the account has no address", async () => {
      await email.fill("");
      await dialog.getByRole("button", { name: "保存する" }).click();
      await expect(dialog).toBeHidden();
      expect(await stored()).toBeNull();
    });
  } finally {
    await admin.context.close();
  }
});
