// Changing one account: its display name, role and department (never one's own role), and
// setting a new password for it (its sessions end). Each is a dialog with its own form.
import { type FormEvent, useId, useState } from "react";
import { ROLES, type Role } from "../../../domain/roles.ts";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import type { Account, AccountList } from "../../api/planning-types.ts";
import { Dialog } from "../../components/dialog.tsx";
import { controlProps, DepartmentOptions, Field, RoleOptions } from "./account-fields.tsx";
import {
  checkEmail,
  checkPassword,
  type FieldErrors,
  fieldErrorsFrom,
  needsDepartment,
  PASSWORD_MIN,
} from "./account-messages.ts";

function Failure({ lines }: { lines: string[] | null }) {
  if (!lines) return null;
  return (
    <div className="alert alert-error" role="alert">
      {lines.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </div>
  );
}

function failureOf(e: unknown): { errors: FieldErrors; lines: string[] } {
  const error = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
  const { errors, other } = fieldErrorsFrom(error.fields);
  return { errors, lines: [errorText(error), ...other] };
}

export function EditAccountDialog({
  account,
  list,
  onClose,
  onSaved,
}: {
  account: Account;
  list: AccountList;
  onClose(): void;
  onSaved(user: Account): void;
}) {
  const id = useId();
  const [displayName, setDisplayName] = useState(account.displayName ?? "");
  const [role, setRole] = useState<Role>(account.role);
  const [departmentId, setDepartmentId] = useState(String(account.department?.id ?? ""));
  const [email, setEmail] = useState(account.email ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const department = needsDepartment(role);
  const canPlace = account.allowed.changeRole;
  // An installation administrator stays one (the server refuses another role).
  const roles: readonly Role[] = account.municipalityCode === null ? ["admin"] : ROLES;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (department && departmentId === "") {
      setErrors({ department: "部局長・部局の担当者には部局を選んでください" });
      setFailure(["入力内容を確認してください。"]);
      return;
    }
    const emailErrors = checkEmail(email);
    if (emailErrors.email) {
      setErrors(emailErrors);
      setFailure(["入力内容を確認してください。"]);
      return;
    }
    setErrors({});
    const patch: Record<string, unknown> = {};
    const address = email.trim() === "" ? null : email.trim();
    if (address !== account.email) patch.email = address;
    const name = displayName.trim() === "" ? null : displayName.trim();
    if (name !== account.displayName) patch.displayName = name;
    if (canPlace) {
      if (role !== account.role) patch.role = role;
      const dept = department ? Number(departmentId) : null;
      if (dept !== (account.department?.id ?? null)) patch.departmentId = dept;
    }
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    try {
      const { user } = await api<{ user: Account }>("PATCH", `/api/users/${account.id}`, patch);
      onSaved(user);
    } catch (e) {
      const found = failureOf(e);
      setErrors(found.errors);
      setFailure(found.lines);
    } finally {
      setBusy(false);
    }
  }

  const f = (name: keyof FieldErrors) => `${id}-${name}`;
  return (
    <Dialog open title={`${account.username} を変更`} onClose={() => !busy && onClose()}>
      <form onSubmit={submit} noValidate>
        <Failure lines={failure} />
        <Field id={f("displayName")} label="表示名" error={errors.displayName}>
          <input
            {...controlProps(f("displayName"), errors.displayName)}
            data-autofocus
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </Field>
        <Field
          id={f("role")}
          label="役割"
          error={errors.role}
          hint={canPlace ? undefined : "自分自身の役割と部局は変更できません"}
        >
          <select
            {...controlProps(f("role"), errors.role, !canPlace)}
            value={role}
            disabled={!canPlace}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            <RoleOptions roles={roles} />
          </select>
        </Field>
        <Field
          id={f("department")}
          label="部局"
          error={errors.department}
          hint={department ? undefined : "部局長と部局の担当者のときに選びます"}
        >
          <select
            {...controlProps(f("department"), errors.department, !department)}
            value={department ? departmentId : ""}
            disabled={!department || !canPlace}
            onChange={(e) => setDepartmentId(e.target.value)}
          >
            <DepartmentOptions departments={list.departments} />
          </select>
        </Field>
        <Field
          id={f("email")}
          label="メールアドレス"
          error={errors.email}
          hint="通知メールの送り先。空にすると送りません"
        >
          <input
            {...controlProps(f("email"), errors.email, true)}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <div className="dialog-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? "保存しています…" : "保存する"}
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            やめる
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function PasswordDialog({
  account,
  onClose,
  onDone,
}: {
  account: Account;
  onClose(): void;
  onDone(message: string): void;
}) {
  const id = useId();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = checkPassword(password, confirm);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure(["入力内容を確認してください。"]);
      return;
    }
    setBusy(true);
    try {
      const { revokedSessions } = await api<{ revokedSessions: number }>(
        "POST",
        `/api/users/${account.id}/password`,
        { password },
      );
      onDone(
        `${account.username} のパスワードを再設定しました` +
          (revokedSessions > 0
            ? `（ログイン中だった ${revokedSessions} 件をログアウトしました）。`
            : "。"),
      );
    } catch (e) {
      const f = failureOf(e);
      setErrors(f.errors);
      setFailure(f.lines);
    } finally {
      setBusy(false);
    }
  }

  const f = (name: keyof FieldErrors) => `${id}-${name}`;
  return (
    <Dialog
      open
      title={`${account.username} のパスワードを再設定`}
      onClose={() => !busy && onClose()}
    >
      <form onSubmit={submit} noValidate>
        <p className="dialog-message">
          新しいパスワードを決めて本人に伝えてください。このアカウントはすべての端末でログアウトされます。
        </p>
        <Failure lines={failure} />
        <Field
          id={f("password")}
          label="新しいパスワード"
          error={errors.password}
          hint={`${PASSWORD_MIN}文字以上`}
        >
          <input
            {...controlProps(f("password"), errors.password, true)}
            type="password"
            autoComplete="new-password"
            data-autofocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Field id={f("confirm")} label="新しいパスワード（確認）" error={errors.confirm}>
          <input
            {...controlProps(f("confirm"), errors.confirm)}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </Field>
        <div className="dialog-actions">
          <button type="submit" className="button-primary button-primary-danger" disabled={busy}>
            {busy ? "再設定しています…" : "再設定する"}
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            やめる
          </button>
        </div>
      </form>
    </Dialog>
  );
}
