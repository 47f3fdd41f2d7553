// 通知設定: where one's notification mails go and, per kind, at once / once a day at 9:00 /
// not at all. Without an address no mail is sent; the to-do list works either way.
import "./todo.css";
import { type FormEvent, useRef, useState } from "react";
import {
  DELIVERY_MODE_LABELS,
  DELIVERY_MODES,
  type DeliveryMode,
  NOTIFICATION_KIND_LABELS,
  type NotificationKind,
} from "../../../domain/notifications/kinds.ts";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { usePageTitle } from "../../components/page-title.tsx";

interface Settings {
  email: string | null;
  preferences: { kind: NotificationKind; mode: DeliveryMode }[];
}

export function NotificationSettingsPage() {
  usePageTitle("通知設定");
  const loaded = useApi<Settings>("/api/me/notifications");
  return (
    <>
      <h1>通知設定</h1>
      <LoadState loaded={loaded}>{(settings) => <SettingsForm initial={settings} />}</LoadState>
    </>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [email, setEmail] = useState(initial.email ?? "");
  const [modes, setModes] = useState(
    Object.fromEntries(initial.preferences.map((p) => [p.kind, p.mode])) as Record<
      NotificationKind,
      DeliveryMode
    >,
  );
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api("PUT", "/api/me/notifications", {
        email: email.trim() || null,
        preferences: modes,
      });
      setEmailError(null);
      setMessage({ kind: "success", text: "通知設定を保存しました" });
      setTimeout(() => messageRef.current?.focus());
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      const bad = error.fields.some((f) => f.path === "email");
      setEmailError(
        bad ? "メールアドレスの形式が正しくありません（例: tanaka@city.example.lg.jp）" : null,
      );
      setMessage({ kind: "error", text: errorText(error) });
      setTimeout(() =>
        bad ? document.getElementById("notification-email")?.focus() : messageRef.current?.focus(),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      {message && (
        <div
          ref={messageRef}
          tabIndex={-1}
          className={message.kind === "error" ? "alert alert-error" : "alert alert-success"}
          role={message.kind === "error" ? "alert" : "status"}
        >
          <p>{message.text}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="notification-email">メールアドレス</label>
        <p id="notification-email-hint" className="hint">
          空欄にするとメールは送られません。対応待ちの一覧はメールがなくても表示されます。
        </p>
        <input
          id="notification-email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-describedby={
            emailError
              ? "notification-email-hint notification-email-error"
              : "notification-email-hint"
          }
          aria-invalid={emailError !== null}
        />
        {emailError && (
          <p id="notification-email-error" className="field-error">
            {emailError}
          </p>
        )}
      </div>
      <div className="table-wrap">
        <table className="table notification-kinds">
          <caption>お知らせの種類ごとの受け取り方</caption>
          <thead>
            <tr>
              <th scope="col">お知らせ</th>
              <th scope="col">受け取り方</th>
            </tr>
          </thead>
          <tbody>
            {initial.preferences.map(({ kind }) => (
              <tr key={kind}>
                <th scope="row">
                  <label htmlFor={`mode-${kind}`}>{NOTIFICATION_KIND_LABELS[kind]}</label>
                </th>
                <td>
                  <select
                    id={`mode-${kind}`}
                    value={modes[kind]}
                    onChange={(e) => setModes({ ...modes, [kind]: e.target.value as DeliveryMode })}
                  >
                    {DELIVERY_MODES.map((m) => (
                      <option key={m} value={m}>
                        {DELIVERY_MODE_LABELS[m]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="submit" className="button-primary" disabled={busy}>
        保存する
      </button>
    </form>
  );
}
