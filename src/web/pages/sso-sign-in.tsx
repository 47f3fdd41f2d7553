// The sign-in page's single sign-on part: one link per identity provider configured
// (TASSEI_SSO_CONFIG), and, after a refused sign-in there, the reason in words. The links
// are plain navigations: the provider's page takes over the window.
import "./sso-sign-in.css";
import { useEffect, useState } from "react";
import { api } from "../api/client.ts";

interface Provider {
  id: string;
  label: string;
  start: string;
}

const REASONS: Record<string, string> = {
  unknown_account: "このアカウントは Tassei に登録されていません。管理者に登録を依頼してください。",
  other_municipality: "この接続先からは、その自治体のアカウントでのみログインできます。",
  disabled: "このアカウントは無効になっています。管理者に確認してください。",
  no_claim:
    "認証基盤の応答にユーザー名（メールアドレスなど）がありませんでした。管理者に確認してください。",
  unknown_state:
    "シングルサインオンの応答を確認できませんでした（時間切れ、または同じ応答の再送）。もう一度ログインしてください。",
  invalid_response:
    "シングルサインオンの応答を確認できませんでした（署名・有効期限・宛先のいずれかが正しくありません）。もう一度ログインしてください。",
  provider_unreachable: "認証基盤に接続できませんでした。時間をおいてもう一度お試しください。",
};

/** The refusal the server sent the browser back with, in words (null when there is none). */
export function ssoErrorText(search: string): string | null {
  const reason = new URLSearchParams(search).get("sign-in-error");
  if (reason === null) return null;
  return REASONS[reason] ?? "シングルサインオンでログインできませんでした。";
}

export function SsoSignIn() {
  const [providers, setProviders] = useState<Provider[]>([]);
  useEffect(() => {
    api<{ providers: Provider[] }>("GET", "/api/sso/providers")
      .then((r) => setProviders(r.providers))
      .catch(() => setProviders([]));
  }, []);
  if (providers.length === 0) return null;
  return (
    <section className="sso-sign-in" aria-labelledby="sso-heading">
      <h2 id="sso-heading">組織のアカウントでログイン</h2>
      <ul>
        {providers.map((p) => (
          <li key={p.id}>
            <a className="sso-link" href={p.start}>
              {p.label}でログイン
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
