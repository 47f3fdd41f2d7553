// 評価段階: the municipality's evaluation scale, started from a preset (the demo's 5 levels,
// A/B/C, ◎○△×) and edited — labels and what each level claims — with a preview of how the
// editor offers it.
import "../planning/planning.css";
import "./admin.css";
import { type FormEvent, useId } from "react";
import type { EvaluationScale, Meaning } from "../../../domain/manifesto/schema.ts";
import { MEANING_LABELS, SCALE_PRESETS } from "../../../domain/master-data/scale-presets.ts";
import { useApi } from "../../api/use-api.ts";
import { LoadState } from "../../components/load-state.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import {
  AdminNav,
  Done,
  MunicipalityChooser,
  Problems,
  RevertButton,
  useAdminMunicipality,
  useDraft,
  useSend,
} from "./admin-parts.tsx";
import { adminPath, type MasterData } from "./admin-types.ts";

interface LevelDraft {
  level: string;
  label: string;
  meaning: Meaning | "";
}

function draftOf(scale: EvaluationScale): { name: string; levels: LevelDraft[] } {
  return {
    name: scale.name,
    levels: scale.levels.map((l) => ({
      level: String(l.level),
      label: l.label,
      meaning: l.meaning ?? "",
    })),
  };
}

export function ScaleEditor({
  data,
  onSaved,
}: {
  data: MasterData;
  onSaved(next: MasterData): void;
}) {
  const id = useId();
  const { send, error, done, busy, clear } = useSend();
  const { draft, setDraft, changed, revert } = useDraft(
    () => draftOf(data.evaluationScale ?? (SCALE_PRESETS[0]?.scale as EvaluationScale)),
    clear,
  );
  const manage = data.allowed.manage;
  const setLevel = (i: number, patch: Partial<LevelDraft>) =>
    setDraft({ ...draft, levels: draft.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const evaluationScale = {
      name: draft.name,
      levels: draft.levels.map((l) => ({
        level: l.level.trim() === "" ? null : Number(l.level.normalize("NFKC")),
        label: l.label,
        ...(l.meaning !== "" && { meaning: l.meaning }),
      })),
    };
    const next = await send<MasterData>(
      "PATCH",
      adminPath(data.code),
      { evaluationScale },
      "評価段階を保存しました。",
    );
    if (next) onSaved(next);
  }
  return (
    <form className="admin-form admin-form-wide" onSubmit={submit}>
      {manage && (
        <fieldset className="admin-fieldset">
          <legend>ひな形から始める</legend>
          <div className="admin-actions">
            {SCALE_PRESETS.map((p) => (
              <button key={p.id} type="button" onClick={() => setDraft(draftOf(p.scale))}>
                {p.title}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      <label htmlFor={`${id}-name`}>評価段階の名称</label>
      <input
        id={`${id}-name`}
        value={draft.name}
        disabled={!manage}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <div className="table-scroll">
        <table className="table admin-table scale-levels">
          <caption>段階（上ほど高い評価）</caption>
          <thead>
            <tr>
              <th scope="col">番号</th>
              <th scope="col">表示</th>
              <th scope="col">意味（自己評価の点検に使います）</th>
              {manage && <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {draft.levels.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: levels are edited in place by position
              <tr key={i}>
                <td className="number-cell">
                  <input
                    aria-label={`段階${i + 1} の番号`}
                    inputMode="numeric"
                    value={l.level}
                    disabled={!manage}
                    onChange={(e) => setLevel(i, { level: e.target.value })}
                  />
                </td>
                <td className="label-cell">
                  <input
                    aria-label={`段階${i + 1} の表示`}
                    value={l.label}
                    disabled={!manage}
                    onChange={(e) => setLevel(i, { label: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`段階${i + 1} の意味`}
                    value={l.meaning}
                    disabled={!manage}
                    onChange={(e) => setLevel(i, { meaning: e.target.value as Meaning | "" })}
                  >
                    <option value="">（指定しない）</option>
                    {Object.entries(MEANING_LABELS).map(([m, label]) => (
                      <option key={m} value={m}>
                        {label}
                      </option>
                    ))}
                  </select>
                </td>
                {manage && (
                  <td>
                    <button
                      type="button"
                      aria-label={`段階${i + 1} を削除`}
                      onClick={() =>
                        setDraft({ ...draft, levels: draft.levels.filter((_, j) => j !== i) })
                      }
                    >
                      削除
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {manage && (
        <div className="admin-actions">
          <button
            type="button"
            onClick={() =>
              setDraft({
                ...draft,
                levels: [...draft.levels, { level: "", label: "", meaning: "" }],
              })
            }
          >
            段階を追加
          </button>
        </div>
      )}
      <section className="scale-preview" aria-label="評価段階のプレビュー">
        <h2>プレビュー（自己評価の選択肢）</h2>
        <p>{draft.name || "（名称なし）"}</p>
        <ul>
          {draft.levels.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a preview of the rows above
            <li key={i}>
              {l.level} — {l.label || "（表示なし）"}
              {l.meaning && `（${MEANING_LABELS[l.meaning]}）`}
            </li>
          ))}
        </ul>
      </section>
      <Problems error={error} />
      {manage && (
        <div className="admin-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            評価段階を保存
          </button>
          <RevertButton changed={changed} onRevert={revert} />
        </div>
      )}
      <Done text={done} />
    </form>
  );
}

export function ScalePage() {
  usePageTitle("評価段階");
  const code = useAdminMunicipality();
  const loaded = useApi<MasterData>(code === null ? null : adminPath(code));
  return (
    <>
      <h1>評価段階</h1>
      {code === null ? (
        <MunicipalityChooser to="/admin/scale" />
      ) : (
        <>
          <AdminNav />
          <LoadState loaded={loaded}>
            {(data) => <ScaleEditor data={data} onSaved={loaded.reload} />}
          </LoadState>
        </>
      )}
    </>
  );
}
