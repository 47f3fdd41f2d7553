// 変更履歴: every revision of a manifesto (who saved it, when, from where) with what changed
// against the one before — each field named in Japanese, old → new — and, between them, each
// step of the workflow (提出, 承認, 差戻し …), newest first.
import "./history.css";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { formatFiscalYear } from "../../../domain/era.ts";
import { ApiError, api } from "../../api/client.ts";
import { japanesePath } from "../../api/japanese-messages.ts";
import { formatDateTime } from "../../api/japanese-time.ts";
import type { ManifestoDetail } from "../../api/types.ts";
import { useApi } from "../../api/use-api.ts";
import {
  actorLabel,
  type HistoryPageAnswer,
  type Publication,
  type RevisionEntry,
  type WorkflowHistory,
  type WorkflowTransition,
} from "../../api/workflow-types.ts";
import { usePageTitle } from "../../components/page-title.tsx";
import { ErrorNotice } from "./error-notice.tsx";
import { changeRows, valueText } from "./history-values.ts";
import { ACTION_LABELS, stateLabel } from "./workflow-log.tsx";

const SOURCES: Record<string, string> = {
  api: "職員用画面",
  import: "コマンドでの取り込み",
  demo: "デモデータの読み込み",
  carry_forward: "前年度からの引き継ぎ",
};

type Entry =
  | { kind: "revision"; at: string; revision: RevisionEntry }
  | { kind: "move"; at: string; move: WorkflowTransition }
  | { kind: "publication"; at: string; publication: Publication };

export function HistoryPage() {
  const { id } = useParams();
  const valid = id !== undefined && /^[1-9][0-9]{0,9}$/.test(id);
  const detail = useApi<ManifestoDetail>(valid ? `/api/manifestos/${id}` : null);
  const history = useApi<HistoryPageAnswer>(valid ? `/api/manifestos/${id}/history` : null);
  // Older pages, loaded on request (the history comes a page at a time).
  const [older, setOlder] = useState<{ revisions: RevisionEntry[]; earlier: number | null }>();
  const [olderError, setOlderError] = useState<ApiError | null>(null);
  const earlier = older ? older.earlier : (history.data?.earlier ?? null);
  const loadEarlier = () => {
    if (earlier === null) return;
    api<HistoryPageAnswer>("GET", `/api/manifestos/${id}/history?before=${earlier}`)
      .then((page) => {
        setOlder((o) => ({
          revisions: [...page.revisions, ...(o?.revisions ?? [])],
          earlier: page.earlier,
        }));
        setOlderError(null);
      })
      .catch((e: unknown) =>
        setOlderError(e instanceof ApiError ? e : new ApiError(0, "unknown", String(e))),
      );
  };
  const workflow = useApi<WorkflowHistory>(valid ? `/api/manifestos/${id}/transitions` : null);
  const m = detail.data?.manifesto;
  const name = m ? `${m.department.name} ${formatFiscalYear(m.fiscalYear)}` : "";
  usePageTitle(m ? `変更履歴（${name}）` : "変更履歴");

  const failed = !valid ? null : (detail.error ?? history.error ?? workflow.error);
  const corrections = new Set(
    (workflow.data?.publications ?? []).filter((p) => p.changeNote !== null).map((p) => p.revision),
  );
  const revisions = [...(older?.revisions ?? []), ...(history.data?.revisions ?? [])];
  // While older revisions are not loaded, neither are the moves between them.
  const since = earlier === null ? null : Date.parse(revisions[0]?.createdAt ?? "");
  const shown = (at: string) => since === null || Date.parse(at) >= since;
  const entries: Entry[] =
    history.data && workflow.data
      ? [
          ...revisions.map((r) => ({
            kind: "revision" as const,
            at: r.createdAt,
            revision: r,
          })),
          ...workflow.data.transitions.map((t) => ({
            kind: "move" as const,
            at: t.occurredAt,
            move: t,
          })),
          // Published without a move of its own: imported as published.
          ...workflow.data.publications
            .filter(
              (p) =>
                p.changeNote === null &&
                !workflow.data?.transitions.some(
                  (t) => t.action === "publish" && t.revision === p.revision,
                ),
            )
            .map((p) => ({ kind: "publication" as const, at: p.publishedAt, publication: p })),
        ]
          .filter((e) => e.kind === "revision" || shown(e.at))
          .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
      : [];

  return (
    <>
      <p className="breadcrumb">
        <Link to={valid ? `/manifestos/${id}` : "/"}>
          {m ? `${name}のマニフェストに戻る` : "マニフェストに戻る"}
        </Link>
      </p>
      <h1>変更履歴{m && <span className="history-subject">{name}</span>}</h1>
      {!valid && <p className="alert alert-error">このアドレスのマニフェストはありません。</p>}
      {failed && (
        <ErrorNotice
          error={failed}
          onRetry={() => {
            detail.reload();
            history.reload();
            workflow.reload();
          }}
        />
      )}
      {valid && !failed && entries.length === 0 && (
        <p className="loading" role="status">
          読み込んでいます…
        </p>
      )}
      {entries.length > 0 && (
        <>
          <p className="hint">
            新しい順です。内容の変更は保存されたリビジョンごとに、変更前と変更後を並べています。
          </p>
          <ol className="history-list">
            {entries.map((e) =>
              e.kind === "revision" ? (
                <li key={`r${e.revision.revision}`}>
                  <RevisionView
                    entry={e.revision}
                    correction={corrections.has(e.revision.revision)}
                  />
                </li>
              ) : e.kind === "move" ? (
                <li key={`t${e.move.id}`} className="history-move">
                  <MoveView move={e.move} />
                </li>
              ) : (
                <li key={`p${e.publication.revision}-${e.at}`} className="history-move">
                  <p className="history-move-line">
                    <strong className="history-move-action">公表</strong>
                    <span>
                      リビジョン {e.publication.revision} を{stateLabel(e.publication.state)}
                      として登録
                    </span>
                    <span>
                      {actorLabel(e.publication.publishedBy, e.publication.publishedByName)}
                    </span>
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </p>
                </li>
              ),
            )}
          </ol>
          {olderError && <ErrorNotice error={olderError} onRetry={loadEarlier} />}
          {earlier !== null && (
            <button type="button" onClick={loadEarlier}>
              さらに前の履歴を表示
            </button>
          )}
        </>
      )}
    </>
  );
}

function MoveView({ move }: { move: WorkflowTransition }) {
  return (
    <div>
      <p className="history-move-line">
        <strong className="history-move-action">{ACTION_LABELS[move.action] ?? move.action}</strong>
        <span>
          {stateLabel(move.fromState)} → {stateLabel(move.toState)}
        </span>
        <span>{actorLabel(move.actor, move.actorName)}</span>
        <time dateTime={move.occurredAt}>{formatDateTime(move.occurredAt)}</time>
      </p>
      {move.comment && <p className="history-comment">{move.comment}</p>}
    </div>
  );
}

function RevisionView({ entry, correction }: { entry: RevisionEntry; correction: boolean }) {
  const rows = entry.changes.flatMap(changeRows);
  const headingId = `revision-${entry.revision}`;
  return (
    <article className="history-revision" aria-labelledby={headingId}>
      <h2 id={headingId}>
        リビジョン {entry.revision}
        {correction && <span className="badge">公表後の訂正</span>}
      </h2>
      <dl className="history-meta">
        <div>
          <dt>保存した人</dt>
          <dd>{actorLabel(entry.createdBy, entry.createdByName)}</dd>
        </div>
        <div>
          <dt>日時</dt>
          <dd>
            <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
          </dd>
        </div>
        {entry.saves > 1 && (
          <div>
            <dt>自動保存</dt>
            <dd>
              {entry.saves}回の保存をまとめています
              {entry.lastSavedAt && (
                <>
                  （最後は
                  <time dateTime={entry.lastSavedAt}>{formatDateTime(entry.lastSavedAt)}</time>）
                </>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>経路</dt>
          <dd>{SOURCES[entry.source] ?? entry.source}</dd>
        </div>
      </dl>
      {entry.note && (
        <p className="history-note">
          {correction ? "変更内容の説明：" : "メモ："}
          {entry.note}
        </p>
      )}
      {entry.revision === 1 ? (
        <p className="hint">最初の登録です。</p>
      ) : rows.length === 0 ? (
        <p className="hint">内容の変更はありません。</p>
      ) : (
        <table className="table history-changes">
          <caption className="visually-hidden">
            リビジョン {entry.revision} で変わった項目（{rows.length}件）
          </caption>
          <thead>
            <tr>
              <th scope="col">項目</th>
              <th scope="col">変更前</th>
              <th scope="col">変更後</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.path}>
                <th scope="row">
                  {japanesePath(r.path)}
                  {!r.hadOld && <span className="history-kind">追加</span>}
                  {!r.hasNew && <span className="history-kind">削除</span>}
                </th>
                <td>
                  {r.hadOld ? (
                    <del>{valueText(r.path, r.old)}</del>
                  ) : (
                    <span className="history-none">（なし）</span>
                  )}
                </td>
                <td>
                  {r.hasNew ? (
                    <ins>{valueText(r.path, r.new)}</ins>
                  ) : (
                    <span className="history-none">（削除）</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
