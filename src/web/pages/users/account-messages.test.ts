import { describe, expect, it } from "vitest";
import { checkEmail, checkNewAccount, checkPassword, fieldErrorsFrom } from "./account-messages.ts";

const ok = {
  username: "iga.editor",
  role: "department_editor",
  departmentId: "3",
  password: "long-enough-pass",
  confirm: "long-enough-pass",
};

describe("checkNewAccount", () => {
  it("accepts a complete account", () => {
    expect(checkNewAccount(ok)).toEqual({});
    expect(checkNewAccount({ ...ok, role: "planning", departmentId: "" })).toEqual({});
  });
  it("names each problem in Japanese by its field", () => {
    const errors = checkNewAccount({
      username: "a",
      role: "department_head",
      departmentId: "",
      password: "short",
      confirm: "other",
    });
    expect(Object.keys(errors).sort()).toEqual(["confirm", "department", "password", "username"]);
    expect(errors.password).toContain("12文字以上");
    expect(errors.username).toContain("3〜64文字");
  });
  it("refuses an empty user name and an unknown role", () => {
    expect(checkNewAccount({ ...ok, username: "" }).username).toBe("ユーザー名を入力してください");
    expect(checkNewAccount({ ...ok, role: "root" }).role).toBe("役割を選んでください");
  });
  it("checks the e-mail address as the server does; none is allowed", () => {
    expect(checkNewAccount({ ...ok, email: "iga@example.lg.jp" })).toEqual({});
    expect(checkNewAccount({ ...ok, email: "  " })).toEqual({});
    expect(checkNewAccount({ ...ok, email: "iga.example.lg.jp" }).email).toContain(
      "tanaka@example.lg.jp",
    );
    expect(checkEmail("a b@example.jp").email).toBeDefined();
  });
  it("counts characters, not UTF-16 units, when it says how long a password is", () => {
    expect(checkPassword("𠮷𠮷𠮷", "𠮷𠮷𠮷").password).toContain("いま3文字");
  });
});

describe("fieldErrorsFrom", () => {
  it("puts the server's refusals next to the form's fields, in Japanese", () => {
    const { errors, other } = fieldErrorsFrom([
      { path: "username", message: "cannot be used: choose another user name" },
      { path: "departmentId", message: "is required for the role department_head" },
      { path: "password", message: "must be at least 12 characters" },
      { path: "municipality", message: "must be 6 digits" },
      { path: "email", message: "must be an e-mail address such as tanaka@example.lg.jp" },
    ]);
    expect(errors).toEqual({
      username: "このユーザー名は使えません。別のユーザー名にしてください",
      department: "この役割には部局を選んでください",
      password: "12文字以上で入力してください",
      email: "メールアドレスは tanaka@example.lg.jp のように入力してください",
    });
    expect(other).toHaveLength(1);
    expect(other[0]).toContain("municipality");
  });
});
