// The smaller parts of the manifesto page: the document's header (部局名, 役職, 氏名, 連絡先),
// the scale legend, the notices about edits kept in this browser, and the undo bar.
import { useEffect, useRef } from "react";
import { DEFAULT_SCALE, meaningOf } from "../../../domain/manifesto/default-scale.ts";
import { type EvaluationScale, LIMITS } from "../../../domain/manifesto/schema.ts";
import { formatDateTime } from "../../api/japanese-time.ts";
import type { Manifesto } from "../../api/types.ts";
import type { StoredDraft } from "./draft-storage.ts";
import { MEANING_WORDS } from "./evaluation-editor.tsx";
import { type Removal, TextField } from "./fields.tsx";

export function DocumentHeader({ editable, doc }: { editable: boolean; doc: Manifesto }) {
  const d = doc.department;
  if (!editable) {
    const contact = [
      d.contact?.phone &&
        `${d.contact.phone}${d.contact.extension ? `（内線${d.contact.extension}）` : ""}`,
      d.contact?.email,
    ].filter(Boolean);
    return (
      <dl className="document-header">
        <div>
          <dt>部局名</dt>
          <dd>{d.name}</dd>
        </div>
        <div>
          <dt>役職</dt>
          <dd>{d.head?.title || "—"}</dd>
        </div>
        <div>
          <dt>氏名</dt>
          <dd>{d.head?.name || "—"}</dd>
        </div>
        <div>
          <dt>連絡先</dt>
          <dd>{contact.length > 0 ? contact.join("／") : "—"}</dd>
        </div>
      </dl>
    );
  }
  const short = LIMITS.shortText;
  return (
    <fieldset className="document-header-form">
      <legend>文書の見出し（{d.name}）</legend>
      <TextField
        path={["department", "head", "title"]}
        label="部局長の役職"
        optional
        maxLength={short}
      />
      <TextField
        path={["department", "head", "name"]}
        label="部局長の氏名"
        optional
        maxLength={short}
      />
      <TextField
        path={["department", "contact", "phone"]}
        label="連絡先の電話番号"
        optional
        inputMode="tel"
        maxLength={short}
      />
      <TextField
        path={["department", "contact", "extension"]}
        label="連絡先の内線"
        optional
        maxLength={short}
      />
      <TextField
        path={["department", "contact", "email"]}
        label="連絡先のメールアドレス"
        optional
        inputMode="email"
        maxLength={short}
      />
    </fieldset>
  );
}

export function ScaleLegend({ scale }: { scale: EvaluationScale }) {
  return (
    <section className="scale-legend" aria-labelledby="scale-legend-heading">
      <h2 id="scale-legend-heading">{scale.name}（自己評価の段階）</h2>
      <ol>
        {scale.levels.map((l) => {
          const meaning = meaningOf(scale, l.level, [DEFAULT_SCALE]);
          return (
            <li key={l.level}>
              <span className="level-number">{l.level}</span> {l.label}
              {meaning && <span className="level-meaning">意味：{MEANING_WORDS[meaning]}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function RestoredNotice(props: {
  notice: { kind: "restored" | "merged"; keptAt: string };
  onDismiss(): void;
  onDiscard(): void;
}) {
  const when = formatDateTime(props.notice.keptAt);
  return (
    <div className="alert alert-warning" role="status">
      <p>
        {props.notice.kind === "restored"
          ? `このブラウザに残っていた、保存されていない変更（${when}）を復元しました。自動で保存します。`
          : `このブラウザに残っていた変更（${when}）を、その後に保存された最新の内容に重ねて復元しました。自動で保存します。`}
      </p>
      <div className="notice-actions">
        <button type="button" onClick={props.onDismiss}>
          このまま続ける
        </button>
        <button type="button" className="button-danger" onClick={props.onDiscard}>
          復元した変更を取り消す
        </button>
      </div>
    </div>
  );
}

/** Edits kept for a manifesto that cannot be edited now: download them, or let them go. */
export function OrphanNotice(props: { draft: StoredDraft; onDiscard(): void }) {
  const href = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (href.current) URL.revokeObjectURL(href.current);
    },
    [],
  );
  function download() {
    const blob = new Blob([JSON.stringify(props.draft.document, null, 2)], {
      type: "application/json",
    });
    if (href.current) URL.revokeObjectURL(href.current);
    href.current = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = href.current;
    a.download = `manifesto-${props.draft.manifestoId}-unsaved.json`;
    a.click();
  }
  return (
    <div className="alert alert-warning" role="status">
      <p>
        このブラウザに、保存されていない変更（{formatDateTime(props.draft.keptAt)}
        ）が残っていますが、 いまの状態ではこのマニフェストを編集できません。必要なら JSON
        として保存してください。
      </p>
      <div className="notice-actions">
        <button type="button" onClick={download}>
          変更を JSON でダウンロード
        </button>
        <button type="button" className="button-danger" onClick={props.onDiscard}>
          残っている変更を破棄
        </button>
      </div>
    </div>
  );
}

export function UndoBar(props: { removal: Removal | null; onUndo(): void; onDismiss(): void }) {
  return (
    <div className="undo-bar-slot" role="status">
      {props.removal && (
        <div className="undo-bar">
          <span>{props.removal.message}</span>
          <button type="button" onClick={props.onUndo}>
            元に戻す
          </button>
          <button
            type="button"
            className="undo-close"
            aria-label="閉じる"
            onClick={props.onDismiss}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
