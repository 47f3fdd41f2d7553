// タグの語彙: the municipality's own tag vocabularies beside the built-in SDGs 1–17 and
// 指標の分類 (issue 17). The goal editor offers their tags in every document; the portal's
// search offers them as filters. The server checks them with the format's schema (ids of
// lowercase letters, digits and -; no built-in id) and names the field of each problem.
import { type FormEvent, useId } from "react";
import type { TagVocabulary } from "../../../domain/manifesto/schema.ts";
import { BUILT_IN_VOCABULARIES } from "../../../domain/manifesto/tags.ts";
import { Done, Problems, RevertButton, useDraft, useSend } from "./admin-parts.tsx";
import { adminPath, type MasterData } from "./admin-types.ts";

const emptyTag = () => ({ id: "", label: "" });

export function TagVocabulariesEditor({
  data,
  onSaved,
}: {
  data: MasterData;
  onSaved(next: MasterData): void;
}) {
  const id = useId();
  const { send, error, done, busy, clear } = useSend();
  const {
    draft: list,
    setDraft: setList,
    changed,
    revert,
  } = useDraft<TagVocabulary[]>(() => data.tagVocabularies ?? [], clear);
  const manage = data.allowed.manage;
  const setVocabulary = (i: number, patch: Partial<TagVocabulary>) =>
    setList(list.map((v, j) => (j === i ? { ...v, ...patch } : v)));
  const setTag = (i: number, k: number, patch: Partial<TagVocabulary["tags"][number]>) =>
    setVocabulary(i, {
      tags: (list[i]?.tags ?? []).map((t, j) => (j === k ? { ...t, ...patch } : t)),
    });
  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = await send<MasterData>(
      "PATCH",
      adminPath(data.code),
      { tagVocabularies: list.length === 0 ? null : list },
      "タグの語彙を保存しました。",
    );
    if (next) onSaved(next);
  }
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>タグの語彙</h2>
      <p className="hint">
        {BUILT_IN_VOCABULARIES.map((v) => `${v.name}（${v.id}:…）`).join("・")}
        は組み込みで、いつでも使えます。ここでは自治体独自の分類（総合計画の施策など）を加えます。目標には「識別子:タグの識別子」（例:
        city-plan:1-1）と書きます。
      </p>
      <form className="admin-form" onSubmit={submit}>
        {list.length === 0 && <p>独自の語彙はありません。</p>}
        {list.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: vocabularies are edited in place by position
          <fieldset key={i} className="admin-fieldset vocabulary">
            <legend>語彙{i + 1}</legend>
            <label htmlFor={`${id}-${i}-id`}>語彙{i + 1} の識別子（半角英小文字・数字・-）</label>
            <input
              id={`${id}-${i}-id`}
              value={v.id}
              disabled={!manage}
              onChange={(e) => setVocabulary(i, { id: e.target.value })}
            />
            <label htmlFor={`${id}-${i}-name`}>語彙{i + 1} の名称</label>
            <input
              id={`${id}-${i}-name`}
              value={v.name}
              disabled={!manage}
              onChange={(e) => setVocabulary(i, { name: e.target.value })}
            />
            <div className="table-scroll">
              <table className="table admin-table">
                <caption>語彙{i + 1} のタグ</caption>
                <thead>
                  <tr>
                    <th scope="col">識別子</th>
                    <th scope="col">表示</th>
                    {manage && <th scope="col">操作</th>}
                  </tr>
                </thead>
                <tbody>
                  {v.tags.map((t, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: tags are edited in place by position
                    <tr key={k}>
                      <td>
                        <input
                          aria-label={`語彙${i + 1} のタグ${k + 1} の識別子`}
                          value={t.id}
                          disabled={!manage}
                          onChange={(e) => setTag(i, k, { id: e.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          aria-label={`語彙${i + 1} のタグ${k + 1} の表示`}
                          value={t.label}
                          disabled={!manage}
                          onChange={(e) => setTag(i, k, { label: e.target.value })}
                        />
                      </td>
                      {manage && (
                        <td>
                          <button
                            type="button"
                            aria-label={`語彙${i + 1} のタグ${k + 1} を削除`}
                            onClick={() =>
                              setVocabulary(i, { tags: v.tags.filter((_, j) => j !== k) })
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
                  onClick={() => setVocabulary(i, { tags: [...v.tags, emptyTag()] })}
                >
                  語彙{i + 1} にタグを追加
                </button>
                <button type="button" onClick={() => setList(list.filter((_, j) => j !== i))}>
                  語彙{i + 1} を削除
                </button>
              </div>
            )}
          </fieldset>
        ))}
        {manage && (
          <div className="admin-actions">
            <button
              type="button"
              onClick={() => setList([...list, { id: "", name: "", tags: [emptyTag()] }])}
            >
              語彙を追加
            </button>
          </div>
        )}
        <Problems error={error} />
        {manage && (
          <div className="admin-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              タグの語彙を保存
            </button>
            <RevertButton changed={changed} onRevert={revert} />
          </div>
        )}
        <Done text={done} />
      </form>
    </section>
  );
}
