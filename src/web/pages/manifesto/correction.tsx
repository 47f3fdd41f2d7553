// 公表後の訂正: published content is frozen; a correction makes a new published revision with a
// change note that the public page shows. The page that edits the corrected document hands it
// over; without one the button stays disabled and says why.
import { type FormEvent, useEffect, useId, useState } from "react";
import type { ManifestoDocument } from "../../../domain/manifesto/schema.ts";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import { Dialog } from "../../components/dialog.tsx";
import { ProblemList } from "./problem-list.tsx";

export function CorrectionButton(props: {
  manifestoId: number;
  revision: number;
  document: ManifestoDocument | undefined;
  /** The correction is published as this revision. */
  onCorrected(revision: number): void;
  /** Someone else changed the manifesto first: reload it. */
  onStale(): void;
}) {
  const hintId = useId();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (open) {
      setNote("");
      setFailure(null);
      setMissing(false);
    }
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!props.document) return;
    if (note.trim() === "") {
      setMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const result = await api<{ revision: number }>(
        "POST",
        `/api/manifestos/${props.manifestoId}/corrections`,
        { revision: props.revision, document: props.document, changeNote: note },
      );
      setOpen(false);
      props.onCorrected(result.revision);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      if (error.status === 409) props.onStale();
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="workflow-correction">
      <button
        type="button"
        disabled={!props.document}
        aria-describedby={hintId}
        onClick={() => setOpen(true)}
      >
        公表後の訂正…
      </button>
      <p id={hintId} className="hint">
        {props.document
          ? "公表済みの内容を直した版を、変更内容の説明とともに新しい公表版にします。"
          : "公表済みの内容は凍結されています。訂正するには、まず画面で内容を直してください。"}
      </p>
      <Dialog open={open} title="公表後の訂正" size="wide" onClose={() => !busy && setOpen(false)}>
        <form onSubmit={submit} noValidate>
          <p>
            訂正すると<strong>新しい公表版（リビジョン {props.revision + 1}）</strong>
            が作られ、市民向けのページにすぐ反映されます。前の公表版と変更内容の説明は記録に残り、公開ページにも表示されます。
          </p>
          <label htmlFor={noteId}>変更内容の説明（必須・公開されます）</label>
          <textarea
            id={noteId}
            data-autofocus
            rows={4}
            maxLength={4000}
            value={note}
            placeholder="例：目標2 の達成目標①の基準値の誤記を訂正しました。"
            onChange={(e) => {
              setNote(e.target.value);
              setMissing(false);
            }}
            aria-invalid={missing}
            aria-describedby={missing ? `${noteId}-error` : undefined}
          />
          {missing && (
            <p id={`${noteId}-error`} className="field-error" role="alert">
              変更内容の説明を入力してください。
            </p>
          )}
          {failure && (
            <div className="alert alert-error" role="alert">
              <p>
                {errorText(failure)}
                {failure.status === 409 && "（画面は最新の状態に更新しました）"}
              </p>
              {failure.fields.length > 0 && <ProblemList problems={failure.fields} />}
            </div>
          )}
          <div className="dialog-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? "処理しています…" : "訂正を公表する"}
            </button>
            <button type="button" onClick={() => setOpen(false)} disabled={busy}>
              やめる
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
