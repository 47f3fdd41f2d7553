// ログイン. An empty field is named before anything is sent; the server's refusal is shown as
// it is (it never says whether the user name exists, and after too many attempts it says how
// long to wait). The focus goes to the first field to fix, or to the refusal (WCAG 2.4.3).
// An account with a second factor is then asked for its code (second-factor-step.tsx).
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client.ts";
import { errorText } from "../api/error-text.ts";
import { formatDuration } from "../app/duration.ts";
import { focusHeadingAfterSignIn } from "../app/layout.tsx";
import { type SessionEnd, useSession } from "../app/session.tsx";
import { usePageTitle } from "../components/page-title.tsx";
import { SecondFactorStep } from "./second-factor-step.tsx";
import { SsoSignIn, ssoErrorText } from "./sso-sign-in.tsx";
import { controlProps, Field } from "./users/account-fields.tsx";

type SignInField = "username" | "password";
type Errors = Partial<Record<SignInField, string>>;

const REQUIRED: Record<SignInField, string> = {
  username: "ユーザー名を入力してください",
  password: "パスワードを入力してください",
};

export function checkSignIn(username: string, password: string): Errors {
  const errors: Errors = {};
  if (username === "") errors.username = REQUIRED.username;
  if (password === "") errors.password = REQUIRED.password;
  return errors;
}

/** Why the sign-in page is back after a session (WCAG 2.2.1: say it, do not just switch). */
function endedText(ended: SessionEnd): string {
  const kept = "入力中だった内容はこのブラウザに残っていて、同じマニフェストを開くと復元されます。";
  return ended.reason === "idle"
    ? `操作のない時間が${formatDuration(ended.limitSeconds)}続いたため、安全のためログインを終了しました。もう一度ログインしてください。${kept}`
    : `ログインの有効期限が切れたか、ほかの画面でログアウトしたため、ログインが終了しました。もう一度ログインしてください。${kept}`;
}

export function SignInPage() {
  usePageTitle("ログイン");
  const { signIn, ended } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(() => ssoErrorText(window.location.search));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // Bumped on each refusal, so the focus moves again when the same refusal repeats.
  const [attempt, setAttempt] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);
  const [challenge, setChallenge] = useState<string | null>(null);

  useEffect(() => {
    if (attempt === 0) return;
    const first = (["username", "password"] as const).find((k) => errors[k]);
    if (first) document.getElementById(first)?.focus();
    else alertRef.current?.focus();
  }, [attempt, errors]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkSignIn(username, password);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setError("入力内容を確認してください。");
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      focusHeadingAfterSignIn();
      const asked = await signIn(username, password);
      if (asked) {
        setPassword("");
        setChallenge(asked.challenge);
      }
    } catch (e) {
      const refused = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      const byField: Errors = {};
      for (const f of refused.fields) {
        if (f.path === "username" || f.path === "password") byField[f.path] = REQUIRED[f.path];
      }
      setErrors(byField);
      setError(refused.status === 0 ? "ログインできませんでした" : errorText(refused));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  if (challenge) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onRestart={(message) => {
          setChallenge(null);
          setError(message);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }

  return (
    <main className="sign-in">
      <h1>Tassei 職員用ログイン</h1>
      {ended && !error && (
        <div className="alert alert-warning" role="alert" data-session-ended>
          <p>{endedText(ended)}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        {error && (
          <div className="alert alert-error" role="alert" tabIndex={-1} ref={alertRef}>
            <p>{error}</p>
          </div>
        )}
        <Field id="username" label="ユーザー名" error={errors.username}>
          <input
            {...controlProps("username", errors.username)}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
        <Field id="password" label="パスワード" error={errors.password}>
          <input
            {...controlProps("password", errors.password)}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? "確認しています…" : "ログイン"}
        </button>
      </form>
      <SsoSignIn />
      <p className="hint">
        アカウントは管理者が発行します（<code>tassei user add</code>）。
        <a href="/">公開ページへ</a>
      </p>
    </main>
  );
}
