// ユーザーを追加: a new account of the administrator's municipality. Checked here first (the
// same rules as the server), then by the server, whose refusals appear next to the fields.
import { type FormEvent, useId, useState } from "react";
import type { Role } from "../../../domain/roles.ts";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import type { Account, AccountList } from "../../api/planning-types.ts";
import { Dialog } from "../../components/dialog.tsx";
import { controlProps, DepartmentOptions, Field, RoleOptions } from "./account-fields.tsx";
import {
  checkNewAccount,
  type FieldErrors,
  fieldErrorsFrom,
  needsDepartment,
  PASSWORD_MIN,
} from "./account-messages.ts";

const EMPTY = {
  username: "",
  displayName: "",
  role: "department_editor",
  departmentId: "",
  email: "",
  password: "",
  confirm: "",
};

export function NewAccountDialog({
  open,
  list,
  municipality,
  onClose,
  onCreated,
}: {
  open: boolean;
  list: AccountList;
  /** Named only by an installation administrator. */
  municipality: string | undefined;
  onClose(): void;
  onCreated(user: Account): void;
}) {
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm({ ...form, [key]: value });
  const department = needsDepartment(form.role as Role);

  function close() {
    if (busy) return;
    setForm(EMPTY);
    setErrors({});
    setFailure(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = checkNewAccount(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure(["入力内容を確認してください。"]);
      return;
    }
    setBusy(true);
    try {
      const { user } = await api<{ user: Account }>("POST", "/api/users", {
        username: form.username,
        ...(form.displayName.trim() !== "" && { displayName: form.displayName.trim() }),
        role: form.role,
        ...(municipality && { municipality }),
        departmentId: department ? Number(form.departmentId) : null,
        ...(form.email.trim() !== "" && { email: form.email.trim() }),
        password: form.password,
      });
      setForm(EMPTY);
      setErrors({});
      onCreated(user);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      const { errors: byField, other } = fieldErrorsFrom(error.fields);
      setErrors(byField);
      setFailure([errorText(error), ...other]);
    } finally {
      setBusy(false);
    }
  }

  const f = (name: keyof FieldErrors) => `${id}-${name}`;
  return (
    <Dialog open={open} title="ユーザーを追加" onClose={close} size="wide">
      <form onSubmit={submit} noValidate>
        {failure && (
          <div className="alert alert-error" role="alert">
            {failure.map((text) => (
              <p key={text}>{text}</p>
            ))}
          </div>
        )}
        <div className="form-grid">
          <Field
            id={f("username")}
            label="ユーザー名"
            error={errors.username}
            hint="半角英数字と . _ @ -（3〜64文字）"
          >
            <input
              {...controlProps(f("username"), errors.username, true)}
              autoComplete="off"
              data-autofocus
              value={form.username}
              onChange={(e) => set("username")(e.target.value)}
            />
          </Field>
          <Field id={f("displayName")} label="表示名（任意）" error={errors.displayName}>
            <input
              {...controlProps(f("displayName"), errors.displayName)}
              value={form.displayName}
              onChange={(e) => set("displayName")(e.target.value)}
            />
          </Field>
          <Field id={f("role")} label="役割" error={errors.role}>
            <select
              {...controlProps(f("role"), errors.role)}
              value={form.role}
              onChange={(e) => set("role")(e.target.value)}
            >
              <RoleOptions />
            </select>
          </Field>
          <Field
            id={f("department")}
            label="部局"
            error={errors.department}
            hint={
              department
                ? "部局長と部局の担当者は、選んだ部局だけを扱います"
                : "部局長と部局の担当者のときに選びます"
            }
          >
            <select
              {...controlProps(f("department"), errors.department, true)}
              value={department ? form.departmentId : ""}
              disabled={!department}
              onChange={(e) => set("departmentId")(e.target.value)}
            >
              <DepartmentOptions departments={list.departments} />
            </select>
          </Field>
          <Field
            id={f("password")}
            label="初期パスワード"
            error={errors.password}
            hint={`${PASSWORD_MIN}文字以上。本人に伝え、最初のログイン後に変更してもらってください`}
          >
            <input
              {...controlProps(f("password"), errors.password, true)}
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => set("password")(e.target.value)}
            />
          </Field>
          <Field id={f("confirm")} label="初期パスワード（確認）" error={errors.confirm}>
            <input
              {...controlProps(f("confirm"), errors.confirm)}
              type="password"
              autoComplete="new-password"
              value={form.confirm}
              onChange={(e) => set("confirm")(e.target.value)}
            />
          </Field>
          <Field
            id={f("email")}
            label="メールアドレス（任意）"
            error={errors.email}
            hint="通知メールの送り先。本人が設定画面で変えることもできます"
          >
            <input
              {...controlProps(f("email"), errors.email, true)}
              type="email"
              autoComplete="off"
              value={form.email}
              onChange={(e) => set("email")(e.target.value)}
            />
          </Field>
        </div>
        <div className="dialog-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? "追加しています…" : "追加する"}
          </button>
          <button type="button" onClick={close} disabled={busy}>
            やめる
          </button>
        </div>
      </form>
    </Dialog>
  );
}
