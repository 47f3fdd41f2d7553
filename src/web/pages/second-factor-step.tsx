// ログイン: 確認コード. After a right password, an account with a second factor types the
// six digits its authenticator shows, or one of its recovery codes. A refused code is said
// next to the field; an expired step sends the person back to the password.
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client.ts";
import { errorText } from "../api/error-text.ts";
import { focusHeadingAfterSignIn } from "../app/layout.tsx";
import { useSession } from "../app/session.tsx";
import { usePageTitle } from "../components/page-title.tsx";
import { controlProps, Field } from "./users/account-fields.tsx";

export function SecondFactorStep({
  challenge,
  onRestart,
}: {
  challenge: string;
  onRestart(message: string | null): void;
}) {
  usePageTitle("ログイン（確認コード）");
  const { completeSecondFactor } = useSession();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  // On arrival and after each refusal the focus is on the code field (WCAG 2.4.3).
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt moves the focus again
  useEffect(() => {
    inputRef.current?.focus();
  }, [attempt]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (code.trim() === "") {
      setError("確認コードを入力してください");
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      focusHeadingAfterSignIn();
      await completeSecondFactor(challenge, code);
    } catch (e) {
      const refused = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      if (refused.status === 401 && refused.fields.length === 0) {
        onRestart(errorText(refused));
        return;
      }
      setCode("");
      setError(refused.status === 0 ? "ログインできませんでした" : errorText(refused));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <h1>Tassei 職員用ログイン</h1>
      <form onSubmit={submit} noValidate>
        <p>認証アプリに表示されている6桁の確認コードを入力してください。</p>
        <Field
          id="one-time-code"
          label="確認コード"
          error={error ?? undefined}
          hint="スマートフォンを使えないときは、回復コード（xxxxx-xxxxx）も使えます"
        >
          <input
            {...controlProps("one-time-code", error ?? undefined, true)}
            ref={inputRef}
            name="code"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </Field>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? "確認しています…" : "確認"}
        </button>
        <button type="button" className="button-link" onClick={() => onRestart(null)}>
          ユーザー名の入力に戻る
        </button>
      </form>
    </main>
  );
}
