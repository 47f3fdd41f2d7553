// 第二の評価: the municipality's second self-evaluation beside the level (達成度 0–10 beside
// 進捗 ◎○△×, issue 17) — none, a numeric range, or levels of its own. The editor offers it
// in every document that does not define its own; the server checks it with the format's
// schema and names the field of each problem.
import { type FormEvent, useId } from "react";
import type { ScoreScale } from "../../../domain/manifesto/schema.ts";
import { Done, Problems, RevertButton, useDraft, useSend } from "./admin-parts.tsx";
import { adminPath, type MasterData } from "./admin-types.ts";

type Kind = "none" | "range" | "levels";
interface Draft {
  kind: Kind;
  name: string;
  min: string;
  max: string;
  step: string;
  levels: { level: string; label: string }[];
}

function draftOf(scale: ScoreScale | null): Draft {
  return {
    kind: scale === null ? "none" : scale.levels ? "levels" : "range",
    name: scale?.name ?? "達成度",
    min: String(scale?.range?.min ?? 0),
    max: String(scale?.range?.max ?? 10),
    step: scale?.range?.step === undefined ? "" : String(scale.range.step),
    levels: (scale?.levels ?? []).map((l) => ({ level: String(l.level), label: l.label })),
  };
}

/** A number as typed (全角 too); what is not one goes as it is, for the server to name. */
function numberOf(typed: string): number | string {
  const n = Number(typed.normalize("NFKC").trim());
  return typed.trim() !== "" && Number.isFinite(n) ? n : typed;
}

function scaleOf(d: Draft): ScoreScale | null | Record<string, unknown> {
  if (d.kind === "none") return null;
  if (d.kind === "range") {
    return {
      name: d.name,
      range: {
        min: numberOf(d.min),
        max: numberOf(d.max),
        ...(d.step.trim() !== "" && { step: numberOf(d.step) }),
      },
    };
  }
  return {
    name: d.name,
    levels: d.levels.map((l) => ({ level: numberOf(l.level), label: l.label })),
  };
}

export function ScoreScaleEditor({
  data,
  onSaved,
}: {
  data: MasterData;
  onSaved(next: MasterData): void;
}) {
  const id = useId();
  const { send, error, done, busy, clear } = useSend();
  const {
    draft: d,
    setDraft: setD,
    changed,
    revert,
  } = useDraft(() => draftOf(data.scoreScale), clear);
  const manage = data.allowed.manage;
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const setLevel = (i: number, patch: Partial<Draft["levels"][number]>) =>
    set({ levels: d.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = await send<MasterData>(
      "PATCH",
      adminPath(data.code),
      { scoreScale: scaleOf(d) },
      "第二の評価を保存しました。",
    );
    if (next) onSaved(next);
  }
  const input = (key: "name" | "min" | "max" | "step", label: string) => (
    <div>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        value={d[key]}
        disabled={!manage}
        {...(key !== "name" && { inputMode: "decimal" as const })}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </div>
  );
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>第二の評価（段階とは別の評価）</h2>
      <p className="hint">
        進捗状況（段階）とは別に、達成度などをもう一つ付けるときに設定します。文書が独自に定めていなければ、自己評価の入力欄に出ます。
      </p>
      <form className="admin-form" onSubmit={submit}>
        <fieldset className="admin-fieldset">
          <legend>第二の評価の形</legend>
          {(
            [
              ["none", "使わない"],
              ["range", "数値の範囲（例: 0〜10）"],
              ["levels", "段階（例: A・B・C）"],
            ] as const
          ).map(([kind, label]) => (
            <label key={kind} className="radio">
              <input
                type="radio"
                name={`${id}-kind`}
                value={kind}
                checked={d.kind === kind}
                disabled={!manage}
                onChange={() =>
                  set({
                    kind,
                    ...(kind === "levels" && d.levels.length === 0
                      ? { levels: [{ level: "", label: "" }] }
                      : {}),
                  })
                }
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
        {d.kind !== "none" && input("name", "第二の評価の名称")}
        {d.kind === "range" && (
          <>
            {input("min", "最小値")}
            {input("max", "最大値")}
            {input("step", "刻み（空なら指定しない）")}
          </>
        )}
        {d.kind === "levels" && (
          <div className="table-scroll">
            <table className="table admin-table">
              <caption>第二の評価の段階</caption>
              <thead>
                <tr>
                  <th scope="col">番号</th>
                  <th scope="col">表示</th>
                  {manage && <th scope="col">操作</th>}
                </tr>
              </thead>
              <tbody>
                {d.levels.map((l, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: levels are edited in place by position
                  <tr key={i}>
                    <td>
                      <input
                        aria-label={`第二の評価の段階${i + 1} の番号`}
                        inputMode="numeric"
                        value={l.level}
                        disabled={!manage}
                        onChange={(e) => setLevel(i, { level: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`第二の評価の段階${i + 1} の表示`}
                        value={l.label}
                        disabled={!manage}
                        onChange={(e) => setLevel(i, { label: e.target.value })}
                      />
                    </td>
                    {manage && (
                      <td>
                        <button
                          type="button"
                          aria-label={`第二の評価の段階${i + 1} を削除`}
                          onClick={() => set({ levels: d.levels.filter((_, j) => j !== i) })}
                        >
                          削除
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {manage && (
              <div className="admin-actions">
                <button
                  type="button"
                  onClick={() => set({ levels: [...d.levels, { level: "", label: "" }] })}
                >
                  第二の評価の段階を追加
                </button>
              </div>
            )}
          </div>
        )}
        <Problems error={error} />
        {manage && (
          <div className="admin-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              第二の評価を保存
            </button>
            <RevertButton changed={changed} onRevert={revert} />
          </div>
        )}
        <Done text={done} />
      </form>
    </section>
  );
}
