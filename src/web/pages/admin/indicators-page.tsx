// 指標: the municipality's indicator registry — name, unit, definition, which direction is
// better, the owning department, the manifestos that use each — with rename (the old name is
// kept as an alias) and merge (one series).
import "../planning/planning.css";
import "./admin.css";
import { type FormEvent, useId, useState } from "react";
import { formatFiscalYear } from "../../../domain/era.ts";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { Done, Problems, useSend } from "./admin-parts.tsx";
import {
  adminPath,
  type Department,
  type MasterData,
  type RegistryIndicator,
} from "./admin-types.ts";
import { MasterDataPage } from "./master-data-page.tsx";

function IndicatorForm({
  code,
  indicator: ind,
  all,
  departments,
  onSaved,
}: {
  code: string;
  indicator: RegistryIndicator;
  all: RegistryIndicator[];
  departments: Department[];
  onSaved(): void;
}) {
  const id = useId();
  const [v, setV] = useState({
    name: ind.name,
    unit: ind.unit,
    definition: ind.definition ?? "",
    betterDirection: ind.betterDirection ?? "",
    departmentId: ind.departmentId === null ? "" : String(ind.departmentId),
  });
  const [into, setInto] = useState("");
  const save = useSend();
  const merge = useSend();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      name: v.name,
      unit: v.unit,
      definition: v.definition || null,
      betterDirection: v.betterDirection === "" ? null : v.betterDirection,
      departmentId: v.departmentId === "" ? null : Number(v.departmentId),
    };
    if (await save.send("PATCH", adminPath(code, `/indicators/${ind.id}`), body, "保存しました。"))
      onSaved();
  }
  async function doMerge() {
    if (into === "") return;
    const r = await merge.send(
      "POST",
      adminPath(code, `/indicators/${ind.id}/merge`),
      { into: Number(into) },
      "統合しました。",
    );
    if (r) onSaved();
  }
  return (
    <section className="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{ind.name}</h2>
      <form className="admin-form" onSubmit={submit}>
        <label htmlFor={`${id}-name`}>指標名（変えても以前の名前の実績は同じ系列に残ります）</label>
        <input id={`${id}-name`} value={v.name} onChange={set("name")} />
        <label htmlFor={`${id}-unit`}>単位</label>
        <input id={`${id}-unit`} value={v.unit} onChange={set("unit")} />
        <label htmlFor={`${id}-def`}>定義</label>
        <textarea id={`${id}-def`} rows={3} value={v.definition} onChange={set("definition")} />
        <label htmlFor={`${id}-dir`}>望ましい方向</label>
        <select id={`${id}-dir`} value={v.betterDirection} onChange={set("betterDirection")}>
          <option value="">（指定しない）</option>
          <option value="higher">大きいほどよい</option>
          <option value="lower">小さいほどよい</option>
        </select>
        <label htmlFor={`${id}-dept`}>所管部局</label>
        <select id={`${id}-dept`} value={v.departmentId} onChange={set("departmentId")}>
          <option value="">（指定しない）</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <Problems error={save.error} />
        <div className="admin-actions">
          <button type="submit" className="button-primary" disabled={save.busy}>
            保存
          </button>
        </div>
        <Done text={save.done} />
      </form>
      <div className="admin-form">
        <label htmlFor={`${id}-into`}>この指標を次の指標に統合する</label>
        <select id={`${id}-into`} value={into} onChange={(e) => setInto(e.target.value)}>
          <option value="">（選んでください）</option>
          {all
            .filter((o) => o.id !== ind.id)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}（{o.unit}）
              </option>
            ))}
        </select>
        <div className="admin-actions">
          <button
            type="button"
            className="button-danger"
            disabled={into === "" || merge.busy}
            onClick={doMerge}
          >
            統合
          </button>
        </div>
        <Problems error={merge.error} />
      </div>
    </section>
  );
}

function IndicatorsBody({ data }: { data: MasterData }) {
  const loaded = useApi<{ indicators: RegistryIndicator[] }>(adminPath(data.code, "/indicators"));
  const departments = useApi<{ departments: Department[] }>(adminPath(data.code, "/departments"));
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <LoadState loaded={loaded}>
      {({ indicators }) => {
        const chosen = indicators.find((i) => i.id === editing);
        return indicators.length === 0 ? (
          <p className="empty">
            指標はまだありません。マニフェストの数値目標に書かれた指標がここに登録されます。
          </p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="table admin-table">
                <caption>指標（{indicators.length}件）</caption>
                <thead>
                  <tr>
                    <th scope="col">指標名</th>
                    <th scope="col">単位</th>
                    <th scope="col">望ましい方向</th>
                    <th scope="col">使っているマニフェスト</th>
                    {data.allowed.manage && <th scope="col">操作</th>}
                  </tr>
                </thead>
                <tbody>
                  {indicators.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">
                        {i.name}
                        {i.definition && <div className="hint">{i.definition}</div>}
                      </th>
                      <td>{i.unit || <span className="muted">—</span>}</td>
                      <td>
                        {i.betterDirection === "higher"
                          ? "大きいほどよい"
                          : i.betterDirection === "lower"
                            ? "小さいほどよい"
                            : "—"}
                      </td>
                      <td>
                        {i.usedBy.length === 0
                          ? "—"
                          : i.usedBy
                              .map((u) => `${formatFiscalYear(u.fiscalYear)} ${u.departmentName}`)
                              .join("、")}
                      </td>
                      {data.allowed.manage && (
                        <td>
                          <button
                            type="button"
                            aria-label={`${i.name} を変更`}
                            onClick={() => setEditing(i.id)}
                          >
                            変更
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {chosen && (
              <IndicatorForm
                key={chosen.id}
                code={data.code}
                indicator={chosen}
                all={indicators}
                departments={departments.data?.departments ?? []}
                onSaved={() => {
                  setEditing(null);
                  loaded.reload();
                }}
              />
            )}
          </>
        );
      }}
    </LoadState>
  );
}

export function IndicatorsPage() {
  return (
    <MasterDataPage title="指標" path="/admin/indicators">
      {(data) => <IndicatorsBody data={data} />}
    </MasterDataPage>
  );
}
