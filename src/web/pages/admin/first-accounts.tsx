// The set-up's accounts step: one account at a time, or many from a CSV
// (ユーザー名,氏名,役割,部局,初期パスワード). Every CSV row is checked before any is created.
import { type FormEvent, useId, useState } from "react";
import { isDepartmentRole, ROLE_LABELS, ROLES, type Role } from "../../../domain/roles.ts";
import { Done, Problems, useSend } from "./admin-parts.tsx";
import { adminPath, type Department } from "./admin-types.ts";

export function FirstAccounts({
  code,
  departments,
  onCreated,
}: {
  code: string;
  departments: Department[];
  onCreated(): void;
}) {
  const id = useId();
  const [v, setV] = useState({
    username: "",
    displayName: "",
    role: "planning" as Role,
    departmentId: "",
    password: "",
  });
  const [csv, setCsv] = useState("");
  const one = useSend();
  const many = useSend();
  const current = departments.filter((d) => d.retiredFromYear === null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  async function addOne(event: FormEvent) {
    event.preventDefault();
    const body = {
      username: v.username,
      ...(v.displayName && { displayName: v.displayName }),
      role: v.role,
      municipality: code,
      ...(isDepartmentRole(v.role) &&
        v.departmentId !== "" && { departmentId: Number(v.departmentId) }),
      password: v.password,
    };
    if (await one.send("POST", "/api/users", body, `${v.username} を作成しました。`)) {
      setV({ ...v, username: "", displayName: "", password: "" });
      onCreated();
    }
  }
  async function addMany(event: FormEvent) {
    event.preventDefault();
    if (
      await many.send(
        "POST",
        adminPath(code, "/accounts"),
        { csv },
        "CSV のアカウントを作成しました。",
      )
    ) {
      setCsv("");
      onCreated();
    }
  }
  return (
    <>
      <form className="admin-form" onSubmit={addOne}>
        <h3>1件ずつ作成</h3>
        <label htmlFor={`${id}-u`}>ユーザー名</label>
        <input id={`${id}-u`} autoComplete="off" value={v.username} onChange={set("username")} />
        <label htmlFor={`${id}-d`}>氏名</label>
        <input id={`${id}-d`} value={v.displayName} onChange={set("displayName")} />
        <label htmlFor={`${id}-r`}>役割</label>
        <select id={`${id}-r`} value={v.role} onChange={set("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-dep`}>部局（部局長・部局の担当者のみ）</label>
        <select
          id={`${id}-dep`}
          value={v.departmentId}
          disabled={!isDepartmentRole(v.role)}
          onChange={set("departmentId")}
        >
          <option value="">（選んでください）</option>
          {current.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-p`}>初期パスワード（12文字以上）</label>
        <input
          id={`${id}-p`}
          type="password"
          autoComplete="new-password"
          value={v.password}
          onChange={set("password")}
        />
        <Problems error={one.error} />
        <div className="admin-actions">
          <button type="submit" disabled={one.busy}>
            アカウントを作成
          </button>
        </div>
        <Done text={one.done} />
      </form>
      <form className="admin-form" onSubmit={addMany}>
        <h3>CSV でまとめて作成</h3>
        <p className="hint" id={`${id}-csv-hint`}>
          見出し: ユーザー名,氏名,役割,部局,初期パスワード。役割は
          管理者・企画課・部局長・部局の担当者・閲覧者 のいずれか。
        </p>
        <label htmlFor={`${id}-csv`}>アカウントの CSV</label>
        <textarea
          id={`${id}-csv`}
          rows={5}
          value={csv}
          aria-describedby={`${id}-csv-hint`}
          onChange={(e) => setCsv(e.target.value)}
        />
        <Problems error={many.error} />
        <div className="admin-actions">
          <button type="submit" disabled={many.busy || csv === ""}>
            CSV のアカウントを作成
          </button>
        </div>
        <Done text={many.done} />
      </form>
    </>
  );
}
