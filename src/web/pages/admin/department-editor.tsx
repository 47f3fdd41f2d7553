// Changing one department (code, head, contact, a rename from a fiscal year, retirement) and
// registering a reorganisation（機構改革）: predecessors retired from a year, a new department
// continuing them.
import { type FormEvent, useId, useState } from "react";
import { Done, Problems, useSend } from "./admin-parts.tsx";
import { adminPath, type Department } from "./admin-types.ts";

const thisFiscalYear = () => {
  const now = new Date();
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
};

export function DepartmentEditor({
  code,
  department: d,
  onSaved,
  onCancel,
}: {
  code: string;
  department: Department;
  onSaved(): void;
  onCancel(): void;
}) {
  const id = useId();
  const [v, setV] = useState({
    code: d.code ?? "",
    headTitle: d.headTitle ?? "",
    headName: d.headName ?? "",
    contactPhone: d.contactPhone ?? "",
    contactEmail: d.contactEmail ?? "",
    newName: "",
    fromYear: String(thisFiscalYear() + 1),
    retireYear: String(thisFiscalYear() + 1),
  });
  const save = useSend();
  const retire = useSend();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      code: v.code || null,
      headTitle: v.headTitle || null,
      headName: v.headName || null,
      contactPhone: v.contactPhone || null,
      contactEmail: v.contactEmail || null,
      ...(v.newName.trim() !== "" && {
        rename: { name: v.newName, fromYear: Number(v.fromYear.normalize("NFKC")) },
      }),
    };
    if (await save.send("PATCH", adminPath(code, `/departments/${d.id}`), body, "保存しました。")) {
      onSaved();
    }
  }
  async function setRetired(fromYear: number | null) {
    const r = await retire.send(
      "POST",
      adminPath(code, `/departments/${d.id}/retire`),
      { fromYear },
      fromYear === null ? "廃止を取り消しました。" : "廃止しました。",
    );
    if (r) onSaved();
  }
  const field = (k: keyof typeof v, label: string) => (
    <div>
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <input id={`${id}-${k}`} value={v[k]} onChange={set(k)} />
    </div>
  );
  return (
    <section className="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{d.name} を変更</h2>
      <form className="admin-form" onSubmit={submit}>
        {field(
          "code",
          "部局コード（公開ページのアドレス。変えると古いアドレスは新しいアドレスへ転送されます）",
        )}
        {field("headTitle", "部局長の役職")}
        {field("headName", "部局長の氏名")}
        {field("contactPhone", "電話番号")}
        {field("contactEmail", "メールアドレス")}
        <fieldset className="admin-fieldset">
          <legend>名称の変更（過去の年度は元の名称のままです）</legend>
          {field("newName", "新しい部局名")}
          {field("fromYear", "新しい名称を使い始める年度（西暦）")}
        </fieldset>
        <Problems error={save.error} />
        <div className="admin-actions">
          <button type="submit" className="button-primary" disabled={save.busy}>
            保存
          </button>
          <button type="button" onClick={onCancel}>
            閉じる
          </button>
        </div>
        <Done text={save.done} />
      </form>
      <fieldset className="admin-fieldset">
        <legend>廃止</legend>
        {d.retiredFromYear === null ? (
          <>
            {field("retireYear", "廃止する年度（西暦。この年度からマニフェストを作りません）")}
            <div className="admin-actions">
              <button
                type="button"
                className="button-danger"
                onClick={() => setRetired(Number(v.retireYear.normalize("NFKC")))}
              >
                {d.name} を廃止
              </button>
            </div>
          </>
        ) : (
          <button type="button" onClick={() => setRetired(null)}>
            廃止を取り消す
          </button>
        )}
        <Problems error={retire.error} />
      </fieldset>
    </section>
  );
}

export function ReorganiseForm({
  code,
  departments,
  onSaved,
}: {
  code: string;
  departments: Department[];
  onSaved(): void;
}) {
  const id = useId();
  const current = departments.filter((d) => d.retiredFromYear === null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [names, setNames] = useState("");
  const [year, setYear] = useState(String(thisFiscalYear() + 1));
  const { send, error, done, busy } = useSend();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const successors = names
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .map((line) => {
        const [name = "", deptCode] = line.split(/[,，\t]/).map((s) => s.trim());
        return { name, ...(deptCode && { code: deptCode }) };
      });
    const r = await send(
      "POST",
      adminPath(code, "/departments/reorganise"),
      { fromYear: Number(year.normalize("NFKC")), predecessorIds: chosen, successors },
      "機構改革を登録しました。",
    );
    if (r) {
      setChosen([]);
      setNames("");
      onSaved();
    }
  }
  return (
    <form className="admin-form" onSubmit={submit}>
      <h2>機構改革（統合・分割）</h2>
      <p className="hint">
        旧部局は指定した年度から廃止され、新部局のマニフェストの履歴は旧部局に続きます。1つの新部局に複数の旧部局を選べば統合、1つの旧部局に複数の新部局を書けば分割です。
      </p>
      <fieldset className="admin-fieldset">
        <legend>旧部局</legend>
        {current.map((d) => (
          <div key={d.id}>
            <input
              type="checkbox"
              id={`${id}-p${d.id}`}
              checked={chosen.includes(d.id)}
              onChange={(e) =>
                setChosen(e.target.checked ? [...chosen, d.id] : chosen.filter((c) => c !== d.id))
              }
            />{" "}
            <label htmlFor={`${id}-p${d.id}`} className="inline-label">
              {d.name}
            </label>
          </div>
        ))}
      </fieldset>
      <label htmlFor={`${id}-names`}>新部局（1行に1つ。「部局名,部局コード」とも書けます）</label>
      <textarea
        id={`${id}-names`}
        rows={3}
        value={names}
        onChange={(e) => setNames(e.target.value)}
      />
      <label htmlFor={`${id}-year`}>新部局が始まる年度（西暦）</label>
      <input
        id={`${id}-year`}
        value={year}
        inputMode="numeric"
        onChange={(e) => setYear(e.target.value)}
      />
      <Problems error={error} />
      <div className="admin-actions">
        <button type="submit" disabled={busy}>
          機構改革を登録
        </button>
      </div>
      <Done text={done} />
    </form>
  );
}
