// ログイン. The server's message is shown as it is: it never says whether the user name
// exists, and after too many attempts it says how long to wait.
import { type FormEvent, useState } from "react";
import { ApiError } from "../api/client.ts";
import { useSession } from "../app/session.tsx";
import { usePageTitle } from "../components/page-title.tsx";

export function SignInPage() {
  usePageTitle("ログイン");
  const { signIn } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "ログインできませんでした");
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <h1>Tassei 職員用ログイン</h1>
      <form onSubmit={submit} noValidate>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <label htmlFor="username">ユーザー名</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="password">パスワード</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? "確認しています…" : "ログイン"}
        </button>
      </form>
      <p className="hint">
        アカウントは管理者が発行します（<code>tassei user add</code>）。
        <a href="/">公開ページへ</a>
      </p>
    </main>
  );
}
