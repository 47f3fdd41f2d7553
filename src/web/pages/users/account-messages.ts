// The account forms' checks before sending, and the server's refusals of an account field in
// Japanese, keyed by the form's field names.
import { EMAIL_PROBLEM, normaliseEmail } from "../../../domain/notifications/email.ts";
import { ROLES, type Role } from "../../../domain/roles.ts";
import type { FieldProblem } from "../../api/client.ts";
import { japaneseMessage } from "../../api/japanese-messages.ts";

export type AccountField =
  | "username"
  | "displayName"
  | "role"
  | "department"
  | "email"
  | "password"
  | "confirm";

export type FieldErrors = Partial<Record<AccountField, string>>;

// As the server checks them (src/services/users/create-user.ts, services/auth/passwords.ts).
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/;
export const PASSWORD_MIN = 12;
const DEPARTMENT_ROLES: readonly Role[] = ["department_head", "department_editor"];

export function needsDepartment(role: Role): boolean {
  return DEPARTMENT_ROLES.includes(role);
}

export function isRoleValue(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function checkPassword(password: string, confirm: string): FieldErrors {
  const errors: FieldErrors = {};
  if (password.length < PASSWORD_MIN) {
    errors.password =
      password === ""
        ? "パスワードを入力してください"
        : `パスワードは${PASSWORD_MIN}文字以上にしてください（いま${[...password].length}文字）`;
  }
  if (confirm !== password) errors.confirm = "確認用のパスワードが一致しません";
  return errors;
}

const EMAIL_TEXT = "メールアドレスは tanaka@example.lg.jp のように入力してください";

/** The address as typed (trimmed; empty is none, which is allowed): the same rule as the server. */
export function checkEmail(email: string): FieldErrors {
  return normaliseEmail(email) === undefined ? { email: EMAIL_TEXT } : {};
}

export function checkNewAccount(input: {
  username: string;
  role: string;
  departmentId: string;
  email?: string;
  password: string;
  confirm: string;
}): FieldErrors {
  const errors: FieldErrors = { ...checkEmail(input.email ?? "") };
  if (input.username === "") errors.username = "ユーザー名を入力してください";
  else if (!USERNAME.test(input.username)) {
    errors.username = "ユーザー名は3〜64文字の半角英数字と . _ @ - で、英数字で始めてください";
  }
  if (!isRoleValue(input.role)) errors.role = "役割を選んでください";
  else if (needsDepartment(input.role) && input.departmentId === "") {
    errors.department = "部局長・部局の担当者には部局を選んでください";
  }
  return { ...errors, ...checkPassword(input.password, input.confirm) };
}

const FIELD_OF_PATH: Record<string, AccountField> = {
  username: "username",
  displayName: "displayName",
  role: "role",
  department: "department",
  departmentId: "department",
  email: "email",
  password: "password",
};

function accountMessage(field: AccountField, message: string): string {
  if (/cannot be used|already taken|already exists/.test(message)) {
    return "このユーザー名は使えません。別のユーザー名にしてください";
  }
  if (field === "username" && /^must be 3/.test(message)) {
    return "ユーザー名は3〜64文字の半角英数字と . _ @ - で、英数字で始めてください";
  }
  if (/^is required for the role/.test(message)) return "この役割には部局を選んでください";
  if (/^is only for department roles/.test(message)) {
    return "部局を選べるのは部局長と部局の担当者だけです";
  }
  if (message === EMAIL_PROBLEM) return EMAIL_TEXT;
  if (/^is not a department of/.test(message)) return "この自治体の部局ではありません";
  if (/^an installation administrator can only be admin/.test(message)) {
    return "システム全体の管理者は管理者の役割のままにしてください";
  }
  return japaneseMessage(message);
}

/** The server's field problems by form field; problems of no field of the form are returned
 * apart, to be shown above the form. */
export function fieldErrorsFrom(fields: readonly FieldProblem[]): {
  errors: FieldErrors;
  other: string[];
} {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const f of fields) {
    const field = FIELD_OF_PATH[f.path];
    if (field && errors[field] === undefined) errors[field] = accountMessage(field, f.message);
    else if (!field) other.push(`${f.path}：${japaneseMessage(f.message)}`);
  }
  return { errors, other };
}
