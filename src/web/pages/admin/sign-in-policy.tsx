// ログインの設定 on the municipality's settings page: require a second factor (for everyone or
// for some roles), and switch local passwords off where staff sign in through the
// municipality's identity provider. The municipality's administrators keep their password.
import { type FormEvent, useId, useState } from "react";
import { ROLE_LABELS, ROLES, type Role } from "../../../domain/roles.ts";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { Done, Problems, useSend } from "./admin-parts.tsx";

interface Policy {
  totpRequired: boolean;
  totpRequiredRoles: Role[];
  localPasswords: boolean;
}
interface Loaded {
  policy: Policy;
  allowed: { read: boolean; manage: boolean };
}

const path = (code: string) => `/api/admin/municipalities/${code}/sign-in-policy`;

export function SignInPolicySection({ code }: { code: string }) {
  const loaded = useApi<Loaded>(path(code));
  return (
    <section aria-labelledby="sign-in-policy-heading">
      <h2 id="sign-in-policy-heading">ログインの設定</h2>
      <LoadState loaded={loaded}>
        {(data) => <PolicyForm code={code} initial={data.policy} canManage={data.allowed.manage} />}
      </LoadState>
    </section>
  );
}

function PolicyForm({
  code,
  initial,
  canManage,
}: {
  code: string;
  initial: Policy;
  canManage: boolean;
}) {
  const id = useId();
  const [p, setP] = useState(initial);
  const { send, error, done, busy } = useSend();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = await send<Loaded>("PUT", path(code), p, "ログインの設定を保存しました。");
    if (next) setP(next.policy);
  }
  const toggleRole = (role: Role, on: boolean) =>
    setP({
      ...p,
      totpRequiredRoles: on
        ? [...p.totpRequiredRoles, role]
        : p.totpRequiredRoles.filter((r) => r !== role),
    });
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <Problems error={error} />
      <div>
        <input
          id={`${id}-all`}
          type="checkbox"
          checked={p.totpRequired}
          disabled={!canManage}
          onChange={(e) => setP({ ...p, totpRequired: e.target.checked })}
        />
        <label htmlFor={`${id}-all`} className="inline-label">
          すべての職員に二要素認証を求める
        </label>
      </div>
      <fieldset className="admin-fieldset" disabled={!canManage || p.totpRequired}>
        <legend>二要素認証を求める役割</legend>
        {ROLES.map((role) => (
          <div key={role}>
            <input
              id={`${id}-${role}`}
              type="checkbox"
              checked={p.totpRequired || p.totpRequiredRoles.includes(role)}
              onChange={(e) => toggleRole(role, e.target.checked)}
            />
            <label htmlFor={`${id}-${role}`} className="inline-label">
              {ROLE_LABELS[role]}
            </label>
          </div>
        ))}
      </fieldset>
      <div>
        <input
          id={`${id}-local`}
          type="checkbox"
          checked={p.localPasswords}
          disabled={!canManage}
          aria-describedby={`${id}-local-hint`}
          onChange={(e) => setP({ ...p, localPasswords: e.target.checked })}
        />
        <label htmlFor={`${id}-local`} className="inline-label">
          Tassei のパスワードでのログインを許可する
        </label>
      </div>
      <p className="hint" id={`${id}-local-hint`}>
        外すと、管理者以外はシングルサインオン（組織のアカウント）でのみログインできます。
      </p>
      {canManage && (
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? "保存しています…" : "ログインの設定を保存"}
        </button>
      )}
      <Done text={done} />
    </form>
  );
}
