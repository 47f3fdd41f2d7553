// パスワード変更. The rule (12 characters or more) is stated beside the field and checked here
// first, the same way as the new-user dialog; the server checks the current password and the
// rule again, and its refusal appears next to the field it concerns. Other sessions of the
// user end when the password changes.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { errorText } from "../api/error-text.ts";
import { usePageTitle } from "../components/page-title.tsx";
import { controlProps, Field } from "./users/account-fields.tsx";
import { PASSWORD_MIN } from "./users/account-messages.ts";

type PasswordField = "current" | "new" | "confirm";
type Errors = Partial<Record<PasswordField, string>>;
const ORDER: PasswordField[] = ["current", "new", "confirm"];

export function checkPasswordChange(current: string, next: string, confirm: string): Errors {
  const errors: Errors = {};
  if (current === "") errors.current = "現在のパスワードを入力してください";
  const length = [...next].length;
  if (next === "") errors.new = "新しいパスワードを入力してください";
  else if (length < PASSWORD_MIN) {
    errors.new = `新しいパスワードは${PASSWORD_MIN}文字以上にしてください（いま${length}文字）`;
  }
  if (confirm !== next) errors.confirm = "新しいパスワード（確認）が新しいパスワードと一致しません";
  return errors;
}

export function PasswordPage() {
  usePageTitle("パスワード変更");
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const messageRef = useRef<HTMLDivElement>(null);

  // After each try the focus goes to the first field to fix, else to the result (2.4.3).
  useEffect(() => {
    if (attempt === 0) return;
    const first = ORDER.find((k) => errors[k]);
    if (first) document.getElementById(`${first}-password`)?.focus();
    else messageRef.current?.focus();
  }, [attempt, errors]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkPasswordChange(currentPassword, newPassword, confirm);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage({ kind: "error", text: "入力内容を確認してください。" });
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await api("PUT", "/api/session/password", { currentPassword, newPassword });
      setMessage({ kind: "success", text: "パスワードを変更しました" });
      setCurrent("");
      setNew("");
      setConfirm("");
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      const byField: Errors = {};
      for (const f of error.fields) {
        if (f.path === "currentPassword") byField.current = "現在のパスワードが正しくありません";
        if (f.path === "newPassword") byField.new = errorText(error);
      }
      setErrors(byField);
      setMessage({ kind: "error", text: errorText(error) });
    } finally {
      setBusy(false);
      setAttempt((n) => n + 1);
    }
  }

  return (
    <>
      <h1>パスワード変更</h1>
      <form className="form-narrow" onSubmit={submit} noValidate>
        {message && (
          <div
            className={`alert alert-${message.kind}`}
            role={message.kind === "error" ? "alert" : "status"}
            tabIndex={-1}
            ref={messageRef}
          >
            <p>{message.text}</p>
          </div>
        )}
        <Field id="current-password" label="現在のパスワード" error={errors.current}>
          <input
            {...controlProps("current-password", errors.current)}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <Field
          id="new-password"
          label="新しいパスワード"
          error={errors.new}
          hint={`${PASSWORD_MIN}文字以上。変更すると、ほかの端末のログインは終了します`}
        >
          <input
            {...controlProps("new-password", errors.new, true)}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
          />
        </Field>
        <Field id="confirm-password" label="新しいパスワード（確認）" error={errors.confirm}>
          <input
            {...controlProps("confirm-password", errors.confirm)}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </Field>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? "変更しています…" : "変更する"}
        </button>
      </form>
    </>
  );
}
