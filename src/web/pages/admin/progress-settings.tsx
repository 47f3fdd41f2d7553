// 中間報告の設定 on the municipality's settings page: the status words departments choose from
// on the 中間報告 page (each marked whether it means behind schedule, which the dashboard
// marks) and the day the report is due. Administrators change them; others read them.
import { type FormEvent, useId, useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { Done, Problems, useSend } from "./admin-parts.tsx";

interface Settings {
  statuses: { label: string; behind: boolean }[];
  dueMonthDay: string;
}
interface Loaded {
  settings: Settings;
  isDefault: boolean;
  allowed: { read: boolean; manage: boolean };
}

const path = (code: string) =>
  `/api/admin/municipalities/${encodeURIComponent(code)}/progress-settings`;

export function ProgressSettingsSection({ code }: { code: string }) {
  const loaded = useApi<Loaded>(path(code));
  return (
    <section aria-labelledby="progress-settings-heading">
      <h2 id="progress-settings-heading">中間報告の設定</h2>
      <LoadState loaded={loaded}>
        {(data) => <ProgressSettingsForm code={code} initial={data} />}
      </LoadState>
    </section>
  );
}

function ProgressSettingsForm({ code, initial }: { code: string; initial: Loaded }) {
  const id = useId();
  const [v, setV] = useState(initial.settings);
  const [isDefault, setIsDefault] = useState(initial.isDefault);
  const { send, error, done, busy } = useSend();
  const canManage = initial.allowed.manage;
  async function save(settings: Settings | null, message: string) {
    const next = await send<Loaded>("PUT", path(code), { settings }, message);
    if (next) {
      setV(next.settings);
      setIsDefault(next.isDefault);
    }
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void save(v, "中間報告の設定を保存しました。");
  }
  const change = (i: number, patch: Partial<Settings["statuses"][number]>) =>
    setV({ ...v, statuses: v.statuses.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <p className="hint">
        {isDefault
          ? "標準の語（順調・やや遅れ・遅れ）と提出期限（10月31日）を使っています。"
          : "この自治体の語と提出期限を使っています。"}
      </p>
      <Problems error={error} />
      <fieldset className="admin-fieldset" disabled={!canManage}>
        <legend>状況の語（部局が中間報告で選びます）</legend>
        {v.statuses.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions being edited
          <div key={i} className="admin-row">
            <label htmlFor={`${id}-label-${i}`}>状況{i + 1}の語</label>
            <input
              id={`${id}-label-${i}`}
              value={s.label}
              onChange={(e) => change(i, { label: e.target.value })}
            />
            <span className="check-pair">
              <input
                id={`${id}-behind-${i}`}
                type="checkbox"
                checked={s.behind}
                onChange={(e) => change(i, { behind: e.target.checked })}
              />
              <label htmlFor={`${id}-behind-${i}`} className="inline-label">
                状況{i + 1}は遅れを表す
              </label>
            </span>
            {v.statuses.length > 1 && (
              <button
                type="button"
                onClick={() => setV({ ...v, statuses: v.statuses.filter((_, j) => j !== i) })}
              >
                状況{i + 1}を削除
              </button>
            )}
          </div>
        ))}
        {v.statuses.length < 10 && (
          <button
            type="button"
            onClick={() => setV({ ...v, statuses: [...v.statuses, { label: "", behind: false }] })}
          >
            語を追加
          </button>
        )}
      </fieldset>
      <div>
        <label htmlFor={`${id}-due`}>提出期限（月-日）</label>
        <p className="hint" id={`${id}-due-hint`}>
          例: 10-31。1〜3月の日付は翌年のその日です。
        </p>
        <input
          id={`${id}-due`}
          value={v.dueMonthDay}
          disabled={!canManage}
          aria-describedby={`${id}-due-hint`}
          onChange={(e) => setV({ ...v, dueMonthDay: e.target.value })}
        />
      </div>
      {canManage && (
        <div className="admin-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? "保存しています…" : "中間報告の設定を保存"}
          </button>
          {!isDefault && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void save(null, "中間報告の設定を標準に戻しました。")}
            >
              標準に戻す
            </button>
          )}
        </div>
      )}
      <Done text={done} />
    </form>
  );
}
