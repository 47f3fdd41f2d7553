// ユーザー管理 (administrators): the accounts of the municipality with their role, department
// and state; adding one, changing its role or department, setting a new password, and
// disabling or enabling it. Each row offers only what the server says the caller may do.
import "../planning/planning.css";
import "./users.css";
import { useState } from "react";
import { ROLE_LABELS } from "../../../domain/roles.ts";
import { ApiError, api, query } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import type { Account, AccountList } from "../../api/planning-types.ts";
import { useApi } from "../../api/use-api.ts";
import { useSignedIn } from "../../app/session.tsx";
import { ConfirmDialog } from "../../components/dialog.tsx";
import { LoadState } from "../../components/load-state.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import { NotSetUp } from "../admin/not-set-up.tsx";
import { MunicipalityPicker, useMunicipalityParam } from "../planning/year-picker.tsx";
import { EditAccountDialog, PasswordDialog } from "./account-dialogs.tsx";
import { NewAccountDialog } from "./new-account-dialog.tsx";

type Open =
  | { kind: "none" }
  | { kind: "new" }
  | { kind: "edit"; account: Account }
  | { kind: "password"; account: Account }
  | { kind: "disable"; account: Account };

function AccountRow({
  account,
  me,
  onOpen,
  onEnable,
}: {
  account: Account;
  me: boolean;
  onOpen(open: Open): void;
  onEnable(account: Account): void;
}) {
  const a = account.allowed;
  const name = account.username;
  return (
    <tr className={account.disabled ? "row-disabled" : undefined}>
      <th scope="row">
        {name}
        {me && <span className="me-tag">（あなた）</span>}
      </th>
      <td>{account.displayName ?? <span className="muted">—</span>}</td>
      <td>{ROLE_LABELS[account.role] ?? account.roleLabel}</td>
      <td>{account.department?.name ?? <span className="muted">—</span>}</td>
      <td>
        {account.disabled ? (
          <span className="badge badge-disabled">無効</span>
        ) : (
          <span className="badge badge-enabled">有効</span>
        )}
      </td>
      <td>
        <div className="row-actions">
          {a.manage && (
            <button
              type="button"
              aria-label={`${name} を変更`}
              onClick={() => onOpen({ kind: "edit", account })}
            >
              変更
            </button>
          )}
          {a.resetPassword && (
            <button
              type="button"
              aria-label={`パスワード再設定（${name}）`}
              onClick={() => onOpen({ kind: "password", account })}
            >
              パスワード再設定
            </button>
          )}
          {a.disable &&
            (account.disabled ? (
              <button
                type="button"
                aria-label={`${name} を有効にする`}
                onClick={() => onEnable(account)}
              >
                有効にする
              </button>
            ) : (
              <button
                type="button"
                className="button-danger"
                aria-label={`${name} を無効にする`}
                onClick={() => onOpen({ kind: "disable", account })}
              >
                無効にする
              </button>
            ))}
        </div>
      </td>
    </tr>
  );
}

function AccountsView({
  list,
  municipality,
  reload,
}: {
  list: AccountList;
  municipality: string | undefined;
  reload(): void;
}) {
  const { user } = useSignedIn();
  const [open, setOpen] = useState<Open>({ kind: "none" });
  const [notice, setNotice] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const close = () => setOpen({ kind: "none" });

  async function setDisabled(account: Account, disabled: boolean) {
    setBusy(true);
    setConfirmError(null);
    try {
      await api("PATCH", `/api/users/${account.id}`, { disabled });
      setNotice({
        kind: "success",
        text: `${account.username} を${disabled ? "無効" : "有効"}にしました。`,
      });
      close();
      reload();
    } catch (e) {
      const text = e instanceof ApiError ? errorText(e) : String(e);
      if (disabled) setConfirmError(text);
      else setNotice({ kind: "error", text });
    } finally {
      setBusy(false);
    }
  }

  const active = list.users.filter((u) => !u.disabled).length;
  return (
    <>
      {notice && (
        <p
          className={`alert alert-${notice.kind}`}
          role={notice.kind === "error" ? "alert" : "status"}
        >
          {notice.text}
        </p>
      )}
      <div className="page-tools">
        <p className="result-count">
          {list.users.length}件（有効 {active}件）
        </p>
        {list.allowed.create && (
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              setNotice(null);
              setOpen({ kind: "new" });
            }}
          >
            ユーザーを追加
          </button>
        )}
      </div>
      {list.users.length === 0 ? (
        <p className="empty">
          アカウントはまだありません。「ユーザーを追加」から作成してください。
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table users-table">
            <caption>アカウントの一覧</caption>
            <thead>
              <tr>
                <th scope="col">ユーザー名</th>
                <th scope="col">表示名</th>
                <th scope="col">役割</th>
                <th scope="col">部局</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.users.map((u) => (
                <AccountRow
                  key={u.id}
                  account={u}
                  me={u.id === user.id}
                  onOpen={(o) => {
                    setNotice(null);
                    setConfirmError(null);
                    setOpen(o);
                  }}
                  onEnable={(a) => void setDisabled(a, false)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewAccountDialog
        open={open.kind === "new"}
        list={list}
        municipality={municipality}
        onClose={close}
        onCreated={(created) => {
          setNotice({ kind: "success", text: `${created.username} を追加しました。` });
          close();
          reload();
        }}
      />
      {open.kind === "edit" && (
        <EditAccountDialog
          account={open.account}
          list={list}
          onClose={close}
          onSaved={(saved) => {
            setNotice({ kind: "success", text: `${saved.username} を変更しました。` });
            close();
            reload();
          }}
        />
      )}
      {open.kind === "password" && (
        <PasswordDialog
          account={open.account}
          onClose={close}
          onDone={(text) => {
            setNotice({ kind: "success", text });
            close();
          }}
        />
      )}
      <ConfirmDialog
        open={open.kind === "disable"}
        title={
          open.kind === "disable" ? `${open.account.username} を無効にしますか` : "無効にしますか"
        }
        confirmLabel="無効にする"
        danger
        busy={busy}
        error={confirmError}
        onConfirm={() => open.kind === "disable" && void setDisabled(open.account, true)}
        onCancel={close}
      >
        <p>このアカウントではログインできなくなり、ログイン中の端末もすべてログアウトされます。</p>
        <p>記録された変更履歴はそのまま残ります。あとで「有効にする」で戻せます。</p>
      </ConfirmDialog>
    </>
  );
}

export function UsersPage() {
  usePageTitle("ユーザー管理");
  const { user } = useSignedIn();
  const municipality = useMunicipalityParam();
  const named = user.municipalityCode === null ? (municipality ?? undefined) : undefined;
  const loaded = useApi<AccountList>(
    user.role === "admin" ? `/api/users${query({ municipality: named })}` : null,
  );
  return (
    <>
      <h1>ユーザー管理</h1>
      {user.role !== "admin" ? (
        <p className="alert alert-error" role="alert">
          ユーザー管理は管理者だけが使えます。
        </p>
      ) : (
        <>
          {user.municipalityCode === null && (
            <>
              <p>自治体を指定すると、その自治体のアカウントを表示・追加できます。</p>
              <MunicipalityPicker />
            </>
          )}
          {loaded.error?.status === 404 ? (
            <NotSetUp admin={user.role === "admin"} />
          ) : (
            <LoadState loaded={loaded}>
              {(list) => <AccountsView list={list} municipality={named} reload={loaded.reload} />}
            </LoadState>
          )}
        </>
      )}
    </>
  );
}
