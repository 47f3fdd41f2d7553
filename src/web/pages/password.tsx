// パスワード変更. The server checks the current password and the policy; its messages are
// shown as they are. Other sessions of the user end when the password changes.
import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api/client.ts";
import { usePageTitle } from "../components/page-title.tsx";

export function PasswordPage() {
  usePageTitle("パスワード変更");
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [confirm, setConfirm] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (newPassword !== confirm) {
      setMessage({ kind: "error", text: "新しいパスワードと確認用の入力が一致しません" });
      return;
    }
    try {
      await api("PUT", "/api/session/password", { currentPassword, newPassword });
      setMessage({ kind: "success", text: "パスワードを変更しました" });
      setCurrent("");
      setNew("");
      setConfirm("");
    } catch (e) {
      setMessage({ kind: "error", text: e instanceof ApiError ? e.message : String(e) });
    }
  }

  return (
    <>
      <h1>パスワード変更</h1>
      <form className="form-narrow" onSubmit={submit}>
        {message && (
          <p
            className={`alert alert-${message.kind}`}
            role={message.kind === "error" ? "alert" : "status"}
          >
            {message.text}
          </p>
        )}
        <label htmlFor="current-password">現在のパスワード</label>
        <input
          id="current-password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <label htmlFor="new-password">新しいパスワード</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
        <label htmlFor="confirm-password">新しいパスワード（確認）</label>
        <input
          id="confirm-password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <button type="submit" className="button-primary">
          変更する
        </button>
      </form>
    </>
  );
}
