// The manifesto's way through the cycle, compactly: each move (who, when, from → to, the
// comment it carried) and each publication that was not a move of its own (a correction after
// publication with its change note, or content imported as published).

import { isManifestoState, isWorkflowAction, STATE_LABELS } from "../../../domain/workflow.ts";
import { formatDateTime } from "../../api/japanese-time.ts";
import {
  actorLabel,
  type Publication,
  type WorkflowHistory,
  type WorkflowTransition,
} from "../../api/workflow-types.ts";

export const ACTION_LABELS: Record<string, string> = {
  submit: "提出",
  approve: "承認",
  return: "差戻し",
  publish: "公表",
  open_evaluation: "評価の開始",
};

export function stateLabel(state: string): string {
  return isManifestoState(state) ? STATE_LABELS[state] : state;
}

type LogEntry =
  | { kind: "move"; at: string; transition: WorkflowTransition }
  | { kind: "publication"; at: string; publication: Publication };

export function logEntries(history: WorkflowHistory): LogEntry[] {
  const publishMoves = new Set(
    history.transitions.filter((t) => t.action === "publish").map((t) => t.revision),
  );
  const entries: LogEntry[] = [
    ...history.transitions.map((t) => ({ kind: "move" as const, at: t.occurredAt, transition: t })),
    ...history.publications
      .filter((p) => p.changeNote !== null || !publishMoves.has(p.revision))
      .map((p) => ({ kind: "publication" as const, at: p.publishedAt, publication: p })),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The most recent return, when the manifesto has not moved since. */
export function standingReturn(history: WorkflowHistory): WorkflowTransition | null {
  const last = history.transitions.at(-1);
  return last && last.action === "return" ? last : null;
}

export function WorkflowLog({ history }: { history: WorkflowHistory }) {
  const entries = logEntries(history).reverse();
  if (entries.length === 0) {
    return <p className="hint">まだ提出・承認などの操作はありません。</p>;
  }
  return (
    <ol className="workflow-log">
      {entries.map((e) =>
        e.kind === "move" ? (
          <li key={`t${e.transition.id}`}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            <span className="workflow-log-what">
              {actorLabel(e.transition.actor, e.transition.actorName)}が
              <strong>
                {isWorkflowAction(e.transition.action)
                  ? ACTION_LABELS[e.transition.action]
                  : e.transition.action}
              </strong>
              （{stateLabel(e.transition.fromState)} → {stateLabel(e.transition.toState)}）
            </span>
            {e.transition.comment && <p className="workflow-log-comment">{e.transition.comment}</p>}
          </li>
        ) : (
          <li key={`p${e.publication.revision}-${e.at}`}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            <span className="workflow-log-what">
              {actorLabel(e.publication.publishedBy, e.publication.publishedByName)}が
              <strong>{e.publication.changeNote === null ? "公表" : "公表後に訂正"}</strong>
              （リビジョン {e.publication.revision}）
            </span>
            {e.publication.changeNote && (
              <p className="workflow-log-comment">変更内容：{e.publication.changeNote}</p>
            )}
          </li>
        ),
      )}
    </ol>
  );
}
