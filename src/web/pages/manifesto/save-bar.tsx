// Where the editor's saving stands, always in sight (a sticky bar): 保存済み / 未保存の変更が
// あります / 保存中… / 保存できませんでした（再試行）. Also the guards that keep typed text:
// Ctrl+S (⌘S) saves now, closing the tab warns while something is unsaved, and leaving the
// page inside the app asks first.
import { useEffect, useRef } from "react";
import { useBlocker } from "react-router";
import { formatDateTime } from "../../api/japanese-time.ts";
import { announce } from "../../components/announcer.tsx";
import { Dialog } from "../../components/dialog.tsx";
import type { SaveStatus } from "./use-autosave.ts";

const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: "保存済み",
  dirty: "未保存の変更があります",
  saving: "保存中…",
  failed: "保存できませんでした（再試行）",
  invalid: "保存できませんでした（入力内容を確認してください）",
  conflict: "保存を止めています（他の人の更新と重なりました）",
  refused: "保存できません",
  local: "未保存の変更があります",
};

/** The states a person must hear about at once: their typing is not being kept. */
const ANNOUNCED = new Set<SaveStatus>(["failed", "invalid", "conflict", "refused"]);

export function SaveBar(props: {
  status: SaveStatus;
  updatedAt: string;
  failure: string | null;
  storageFailed: boolean;
  onSave(): void;
  onShowConflict?(): void;
}) {
  const { status } = props;
  // Said through the page's one announcer, in turn with the checks' findings, never at once.
  useEffect(() => {
    if (ANNOUNCED.has(status)) announce(STATUS_TEXT[status], true);
  }, [status]);
  return (
    <div className={`save-bar save-bar-${status}`}>
      {/* Not live (4.1.3): each pause in typing would announce 未保存 → 保存中 → 保存済み,
          on top of the assessment's findings. Only a save that failed is announced (above). */}
      <p className="save-status" role="status" aria-live="off">
        <span className="save-dot" aria-hidden="true" />
        {STATUS_TEXT[status]}
        {status === "saved" && (
          <span className="save-time">
            （最終保存 <time dateTime={props.updatedAt}>{formatDateTime(props.updatedAt)}</time>）
          </span>
        )}
      </p>
      {status === "failed" && props.failure && <p className="save-failure">{props.failure}</p>}
      {status === "conflict" && (
        // A notice in the bar, not a dialog that opens by itself (3.2.2): the person finishes
        // what they are typing and opens the choices when they are ready.
        <p className="save-failure save-conflict">
          あなたが編集している間に、他の人がこのマニフェストを保存しました。重ならないよう自動保存を止めています。入力した内容はこのブラウザに残っています。
        </p>
      )}
      {props.storageFailed && (
        <p className="save-failure">
          このブラウザに控えを残せませんでした。保存されるまでページを閉じないでください。
        </p>
      )}
      <div className="save-actions">
        {status === "conflict" && props.onShowConflict ? (
          <button type="button" onClick={props.onShowConflict}>
            重なりを解決する
          </button>
        ) : (
          <button
            type="button"
            onClick={props.onSave}
            disabled={status === "saved" || status === "saving" || status === "refused"}
          >
            {status === "failed" ? "再試行" : "今すぐ保存"}
          </button>
        )}
        <span className="hint save-shortcut">Ctrl+S でも保存できます</span>
      </div>
    </div>
  );
}

/** Ctrl+S, the browser's own warning on closing, and a question before leaving in the app. */
export function UnsavedGuard(props: {
  unsaved: boolean;
  onSave(): void;
  /** False for edits that only a separate step sends (a correction): nothing to wait for. */
  canSave: boolean;
}) {
  const { unsaved, onSave, canSave } = props;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        onSave();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onSave]);

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && currentLocation.pathname !== nextLocation.pathname,
  );

  const blockerRef = useRef(blocker);
  blockerRef.current = blocker;
  const blocked = blocker.state === "blocked";
  // Saving starts at once; when it is done while the question is open, go on without asking.
  useEffect(() => {
    if (blocked && canSave) onSave();
  }, [blocked, canSave, onSave]);
  useEffect(() => {
    if (blocked && !unsaved) blockerRef.current.proceed?.();
  }, [blocked, unsaved]);

  return (
    <Dialog open={blocked} title="保存されていない変更があります" onClose={() => blocker.reset?.()}>
      {canSave ? (
        <>
          <p>いま保存しています。保存が終わると、そのまま移動します。</p>
          <p>
            保存できないまま移動しても、入力した内容はこのブラウザに残り、次にこのマニフェストを開いたときに復元されます。
          </p>
        </>
      ) : (
        <p>訂正の入力はまだ公表されていません。移動すると、入力した内容は失われます。</p>
      )}
      <div className="dialog-actions">
        <button type="button" data-autofocus onClick={() => blocker.reset?.()}>
          このページに残る
        </button>
        <button type="button" onClick={() => blocker.proceed?.()}>
          {canSave ? "保存を待たずに移動する" : "入力を捨てて移動する"}
        </button>
      </div>
    </Dialog>
  );
}
