// 部局: the municipality's departments in their order (the order of the portal, the overview,
// the dashboard and the booklet); adding one or a pasted list; changing a department (code,
// head, contact), renaming it from a fiscal year, retiring it; and 機構改革 — new departments
// from a year on that continue the ones they replace.
import "../planning/planning.css";
import "./admin.css";
import { type FormEvent, useId, useState } from "react";
import { formatFiscalYear } from "../../../domain/era.ts";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { Done, Problems, useSend } from "./admin-parts.tsx";
import { adminPath, type Department, type MasterData } from "./admin-types.ts";
import { DepartmentEditor, ReorganiseForm } from "./department-editor.tsx";
import { MasterDataPage } from "./master-data-page.tsx";

export function AddDepartments({ code, onAdded }: { code: string; onAdded(): void }) {
  const id = useId();
  const [name, setName] = useState("");
  const [deptCode, setDeptCode] = useState("");
  const [table, setTable] = useState("");
  const one = useSend();
  const many = useSend();
  async function addOne(event: FormEvent) {
    event.preventDefault();
    const r = await one.send(
      "POST",
      adminPath(code, "/departments"),
      { departments: [{ name, code: deptCode || null }] },
      `${name} を追加しました。`,
    );
    if (r) {
      setName("");
      setDeptCode("");
      onAdded();
    }
  }
  async function addMany(event: FormEvent) {
    event.preventDefault();
    const r = await many.send(
      "POST",
      adminPath(code, "/departments"),
      { table },
      "一覧の部局を追加しました。",
    );
    if (r) {
      setTable("");
      onAdded();
    }
  }
  return (
    <>
      <form className="admin-form" onSubmit={addOne}>
        <h2>部局を追加</h2>
        <label htmlFor={`${id}-name`}>部局名</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-code`}>部局コード（任意・公開ページのアドレスになります）</label>
        <input id={`${id}-code`} value={deptCode} onChange={(e) => setDeptCode(e.target.value)} />
        <Problems error={one.error} />
        <div className="admin-actions">
          <button type="submit">追加</button>
        </div>
        <Done text={one.done} />
      </form>
      <form className="admin-form" onSubmit={addMany}>
        <h2>一覧から追加（貼り付け・CSV）</h2>
        <p className="hint" id={`${id}-table-hint`}>
          1行に1部局名を書くか、見出し付きの CSV を貼り付けます。見出し:
          部局名,部局コード,表示順,部局長の役職,部局長の氏名,電話番号,メールアドレス
        </p>
        <label htmlFor={`${id}-table`}>部局の一覧</label>
        <textarea
          id={`${id}-table`}
          rows={6}
          value={table}
          aria-describedby={`${id}-table-hint`}
          onChange={(e) => setTable(e.target.value)}
        />
        <Problems error={many.error} />
        <div className="admin-actions">
          <button type="submit">一覧を追加</button>
        </div>
        <Done text={many.done} />
      </form>
    </>
  );
}

/**
 * Remounts the order table when departments come or go or change, not when only their order
 * does: after "この順番を保存" the table keeps its own order and its confirmation.
 */
export function orderKey(departments: readonly Department[]): string {
  return departments
    .map((d) => `${d.id}:${d.name}:${d.code}:${d.retiredFromYear}:${d.headTitle}:${d.headName}`)
    .sort()
    .join(",");
}

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function DepartmentOrder({
  code,
  departments,
  manage,
  onSaved,
  onEdit,
}: {
  code: string;
  departments: Department[];
  manage: boolean;
  onSaved(): void;
  onEdit?: (d: Department) => void;
}) {
  const [order, setOrder] = useState(departments);
  const changed = order.some((d, i) => d.id !== departments[i]?.id);
  const { send, error, done, busy } = useSend();
  async function save() {
    const r = await send(
      "PUT",
      adminPath(code, "/departments/order"),
      { ids: order.map((d) => d.id) },
      "部局の順番を保存しました。",
    );
    if (r) onSaved();
  }
  if (departments.length === 0) return <p className="empty">部局はまだ登録されていません。</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="table admin-table">
          <caption>部局（この順番で公開ページ・全体状況・冊子に並びます）</caption>
          <thead>
            <tr>
              <th scope="col">順</th>
              <th scope="col">部局名</th>
              <th scope="col">部局コード</th>
              <th scope="col">部局長</th>
              <th scope="col">状態</th>
              {manage && <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {order.map((d, i) => (
              <tr key={d.id} className={d.retiredFromYear !== null ? "retired" : undefined}>
                <td>{i + 1}</td>
                <th scope="row">
                  {d.name}
                  {d.names.length > 1 && (
                    <div className="hint">
                      {d.names
                        .map((n) => `${formatFiscalYear(n.fromYear)}〜 ${n.name}`)
                        .join(" / ")}
                    </div>
                  )}
                  {d.predecessors.length > 0 && (
                    <div className="hint">前身: {d.predecessors.map((p) => p.name).join("、")}</div>
                  )}
                </th>
                <td>{d.code ?? <span className="muted">—</span>}</td>
                <td>
                  {[d.headTitle, d.headName].filter(Boolean).join(" ") || (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {d.retiredFromYear !== null
                    ? `${formatFiscalYear(d.retiredFromYear)}から廃止`
                    : "現行"}
                </td>
                {manage && (
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        aria-label={`${d.name} を上へ`}
                        disabled={i === 0}
                        onClick={() => setOrder(move(order, i, i - 1))}
                      >
                        上へ
                      </button>
                      <button
                        type="button"
                        aria-label={`${d.name} を下へ`}
                        disabled={i === order.length - 1}
                        onClick={() => setOrder(move(order, i, i + 1))}
                      >
                        下へ
                      </button>
                      {onEdit && (
                        <button
                          type="button"
                          aria-label={`${d.name} を変更`}
                          onClick={() => onEdit(d)}
                        >
                          変更
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Problems error={error} />
      {manage && (
        <div className="admin-actions">
          <button
            type="button"
            className="button-primary"
            disabled={!changed || busy}
            onClick={save}
          >
            この順番を保存
          </button>
        </div>
      )}
      <Done text={done} />
    </>
  );
}

function DepartmentsBody({ data }: { data: MasterData }) {
  const loaded = useApi<{ departments: Department[] }>(adminPath(data.code, "/departments"));
  const [editing, setEditing] = useState<Department | null>(null);
  const manage = data.allowed.manage;
  return (
    <LoadState loaded={loaded}>
      {({ departments }) => (
        <>
          <DepartmentOrder
            key={orderKey(departments)}
            code={data.code}
            departments={departments}
            manage={manage}
            onSaved={loaded.reload}
            onEdit={setEditing}
          />
          {manage && editing && (
            <DepartmentEditor
              key={editing.id}
              code={data.code}
              department={editing}
              onSaved={() => {
                setEditing(null);
                loaded.reload();
              }}
              onCancel={() => setEditing(null)}
            />
          )}
          {manage && <AddDepartments code={data.code} onAdded={loaded.reload} />}
          {manage && departments.length > 0 && (
            <ReorganiseForm code={data.code} departments={departments} onSaved={loaded.reload} />
          )}
        </>
      )}
    </LoadState>
  );
}

export function DepartmentsPage() {
  return (
    <MasterDataPage title="部局" path="/admin/departments">
      {(data) => <DepartmentsBody data={data} />}
    </MasterDataPage>
  );
}
