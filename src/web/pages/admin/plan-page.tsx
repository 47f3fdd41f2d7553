// 施策・基本事業: the municipality's plan structure, uploaded as CSV (code,title,parent) or
// edited item by item, shown as the tree the editor offers policy references from.
import "../planning/planning.css";
import "./admin.css";
import { type FormEvent, useId, useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { Done, Problems, useSend } from "./admin-parts.tsx";
import { adminPath, type MasterData, type PlanItem } from "./admin-types.ts";
import { MasterDataPage } from "./master-data-page.tsx";

function PlanTree({ items }: { items: PlanItem[] }) {
  const children = (parent: string | undefined) =>
    items.filter((i) => (i.parent ?? undefined) === parent && (parent !== undefined || !i.parent));
  const seen = new Set<string>();
  const branch = (parent: string | undefined) => {
    const list = children(parent).filter((i) => !seen.has(i.code));
    if (list.length === 0) return null;
    for (const i of list) seen.add(i.code);
    return (
      <ul>
        {list.map((i) => (
          <li key={i.code}>
            <strong>{i.code}</strong> {i.title}
            {branch(i.code)}
          </li>
        ))}
      </ul>
    );
  };
  if (items.length === 0) return <p className="empty">施策・基本事業はまだ登録されていません。</p>;
  return (
    <section className="plan-tree" aria-label="施策・基本事業の階層">
      {branch(undefined)}
    </section>
  );
}

export function PlanEditor({
  code,
  items,
  manage,
  onSaved,
}: {
  code: string;
  items: PlanItem[];
  manage: boolean;
  onSaved(): void;
}) {
  const id = useId();
  const [csv, setCsv] = useState("");
  const [rows, setRows] = useState(items.map((i) => ({ ...i, parent: i.parent ?? "" })));
  const upload = useSend();
  const edit = useSend();
  async function sendCsv(event: FormEvent) {
    event.preventDefault();
    const r = await upload.send<{ items: PlanItem[] }>(
      "PUT",
      adminPath(code, "/plan"),
      { csv },
      "CSV の施策・基本事業を登録しました。",
    );
    if (r) {
      setCsv("");
      setRows(r.items.map((i) => ({ ...i, parent: i.parent ?? "" })));
      onSaved();
    }
  }
  async function sendRows(event: FormEvent) {
    event.preventDefault();
    const body = {
      items: rows.map((r) => ({
        code: r.code,
        title: r.title,
        ...(r.parent.trim() !== "" && { parent: r.parent }),
      })),
    };
    if (await edit.send("PUT", adminPath(code, "/plan"), body, "施策・基本事業を保存しました。")) {
      onSaved();
    }
  }
  const setRow = (i: number, patch: Partial<(typeof rows)[number]>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      <PlanTree items={items} />
      {manage && (
        <>
          <form className="admin-form" onSubmit={sendCsv}>
            <h2>CSV から登録（今の内容を置き換えます）</h2>
            <p className="hint" id={`${id}-csv-hint`}>
              1行目は見出し code,title,parent。parent は上位の項目のコードです（最上位は空）。
            </p>
            <label htmlFor={`${id}-file`}>CSV ファイル</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,text/csv"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) setCsv(await file.text());
              }}
            />
            <label htmlFor={`${id}-csv`}>CSV の内容（貼り付けもできます）</label>
            <textarea
              id={`${id}-csv`}
              rows={8}
              value={csv}
              aria-describedby={`${id}-csv-hint`}
              onChange={(e) => setCsv(e.target.value)}
            />
            <Problems error={upload.error} />
            <div className="admin-actions">
              <button type="submit" className="button-primary" disabled={upload.busy || csv === ""}>
                CSV を登録
              </button>
            </div>
            <Done text={upload.done} />
          </form>
          <form className="admin-form" onSubmit={sendRows}>
            <h2>項目ごとに編集</h2>
            <div className="table-scroll">
              <table className="table admin-table">
                <caption>施策・基本事業の項目</caption>
                <thead>
                  <tr>
                    <th scope="col">コード</th>
                    <th scope="col">名称</th>
                    <th scope="col">上位コード</th>
                    <th scope="col">操作</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                    <tr key={i}>
                      <td>
                        <input
                          aria-label={`${i + 1}番目の項目 コード`}
                          value={r.code}
                          onChange={(e) => setRow(i, { code: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          aria-label={`${i + 1}番目の項目 名称`}
                          value={r.title}
                          onChange={(e) => setRow(i, { title: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          aria-label={`${i + 1}番目の項目 上位コード`}
                          value={r.parent}
                          onChange={(e) => setRow(i, { parent: e.target.value })}
                        />
                      </td>
                      <td>
                        <div className="row-actions">
                          <button
                            type="button"
                            aria-label={`${i + 1}番目の項目の下に項目を追加`}
                            onClick={() =>
                              setRows([
                                ...rows.slice(0, i + 1),
                                { code: "", title: "", parent: r.code },
                                ...rows.slice(i + 1),
                              ])
                            }
                          >
                            下位を追加
                          </button>
                          <button
                            type="button"
                            aria-label={`${i + 1}番目の項目を削除`}
                            onClick={() => setRows(rows.filter((_, j) => j !== i))}
                          >
                            削除
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="admin-actions">
              <button
                type="button"
                onClick={() => setRows([...rows, { code: "", title: "", parent: "" }])}
              >
                最上位の項目を追加
              </button>
              <button type="submit" className="button-primary" disabled={edit.busy}>
                項目を保存
              </button>
            </div>
            <Problems error={edit.error} />
            <Done text={edit.done} />
          </form>
        </>
      )}
    </>
  );
}

function PlanBody({ data }: { data: MasterData }) {
  const loaded = useApi<{ items: PlanItem[] }>(adminPath(data.code, "/plan"));
  return (
    <LoadState loaded={loaded}>
      {({ items }) => (
        <PlanEditor
          key={items.map((i) => i.code).join(",")}
          code={data.code}
          items={items}
          manage={data.allowed.manage}
          onSaved={loaded.reload}
        />
      )}
    </LoadState>
  );
}

export function PlanPage() {
  return (
    <MasterDataPage title="施策・基本事業" path="/admin/plan">
      {(data) => <PlanBody data={data} />}
    </MasterDataPage>
  );
}
