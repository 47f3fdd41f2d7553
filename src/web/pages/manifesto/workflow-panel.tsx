// 進行状況: where the manifesto stands in its cycle (phase, state, the steps of the phase), the
// buttons for exactly the moves the server allows the caller now, the latest return's comment
// for the editor, the correction of published content, and the log of moves.
// A move names the revision the caller saw; when someone else moved or saved first the server
// answers 409, and the panel says so and reloads the manifesto through onChanged.
import "./workflow.css";
import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import type { ManifestoDocument } from "../../../domain/manifesto/schema.ts";
import type { ManifestoPermissions } from "../../../domain/permissions.ts";
import { isManifestoState, phaseOf, type WorkflowAction } from "../../../domain/workflow.ts";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../api/error-text.ts";
import { formatDateTime } from "../../api/japanese-time.ts";
import type { ManifestoDetail } from "../../api/types.ts";
import { useApi } from "../../api/use-api.ts";
import { actorLabel, type WorkflowHistory } from "../../api/workflow-types.ts";
import { ConfirmDialog, Dialog } from "../../components/dialog.tsx";
import { StateBadge } from "../../components/state-badge.tsx";
import { CorrectionButton } from "./correction.tsx";
import { dialogProblem, evidenceOf, MissingList, WarningConfirmation } from "./evidence-checks.tsx";
import { ProblemList } from "./problem-list.tsx";
import { logEntries, standingReturn, stateLabel, WorkflowLog } from "./workflow-log.tsx";

interface ActionSpec {
  action: WorkflowAction;
  permission: keyof ManifestoPermissions;
  label: string;
  done: string;
}

const ACTIONS: ActionSpec[] = [
  { action: "submit", permission: "submit", label: "提出", done: "提出しました。" },
  { action: "approve", permission: "approve", label: "承認", done: "承認しました。" },
  { action: "return", permission: "return", label: "差戻し", done: "差戻しました。" },
  { action: "publish", permission: "publish", label: "公表", done: "公表しました。" },
  {
    action: "open_evaluation",
    permission: "openEvaluation",
    label: "評価を開始",
    done: "評価の段階を開始しました。",
  },
];

const STEPS = ["draft", "submitted", "head_approved", "approved", "published"] as const;
const EVALUATION_STEP: Record<(typeof STEPS)[number], string> = {
  draft: "evaluation_draft",
  submitted: "evaluation_submitted",
  head_approved: "evaluation_head_approved",
  approved: "evaluation_approved",
  published: "results_published",
};

/** Who the manifesto waits for when the caller has nothing to do. */
const WAITING: Record<string, string> = {
  submitted: "部局長の承認を待っています。",
  head_approved: "企画課の確認を待っています。",
  approved: "企画課による公表を待っています。",
  published: "計画は公表済みです。年度末の評価は企画課が開始します。",
  evaluation_submitted: "部局長による評価の承認を待っています。",
  evaluation_head_approved: "企画課による評価の確認を待っています。",
  evaluation_approved: "企画課による結果の公表を待っています。",
  results_published: "結果は公表済みです。",
};

type Message = { kind: "success" | "error"; text: string; fields?: ApiError["fields"] };

export function WorkflowPanel(props: {
  detail: ManifestoDetail;
  onChanged(): void;
  /** The corrected document, when the page offers a correction of published content. */
  correctionDocument?: ManifestoDocument;
}) {
  const { detail, onChanged } = props;
  const { manifesto, allowed } = detail;
  const id = manifesto.id;
  const headingId = useId();
  const history = useApi<WorkflowHistory>(`/api/manifestos/${id}/transitions`);
  const [asking, setAsking] = useState<WorkflowAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [dialogError, setDialogError] = useState<ReactNode>(null);
  const [warningsConfirmed, setWarningsConfirmed] = useState(false);
  const evidence = useMemo(() => evidenceOf(detail.document), [detail.document]);
  // After a move the dialog closes and its button may be gone: the focus goes to the result
  // (WCAG 2.4.3), which a screen reader then reads, rather than falling to <body>.
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  // The log follows the manifesto: a move here or a reload after someone else's.
  const reloadHistory = history.reload;
  const seen = useRef(`${manifesto.state}/${manifesto.revision}`);
  useEffect(() => {
    const now = `${manifesto.state}/${manifesto.revision}`;
    if (seen.current === now) return;
    seen.current = now;
    reloadHistory();
  }, [manifesto.state, manifesto.revision, reloadHistory]);

  const state = manifesto.state;
  const phase = isManifestoState(state) ? phaseOf(state) : null;
  const available = ACTIONS.filter((a) => allowed[a.permission]);
  const returned = history.data ? standingReturn(history.data) : null;
  const showReturn =
    returned !== null &&
    returned.toState === state &&
    (state === "draft" || state === "evaluation_draft");

  async function move(spec: ActionSpec, comment?: string) {
    setBusy(true);
    setDialogError(null);
    try {
      await api("POST", `/api/manifestos/${id}/transitions`, {
        action: spec.action,
        revision: manifesto.revision,
        ...(comment !== undefined && { comment }),
        ...(spec.action === "publish" &&
          warningsConfirmed && { confirmWarnings: evidence.warnings }),
      });
      setAsking(null);
      setMessage({ kind: "success", text: spec.done });
      onChanged();
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
      if (error.status === 409) {
        setAsking(null);
        setMessage({
          kind: "error",
          text: `${error.message}（画面は最新の状態に更新しました）`,
        });
        onChanged();
      } else if (asking && error.code === "validation_error") {
        setDialogError(dialogProblem(error));
      } else {
        setAsking(null);
        setMessage({ kind: "error", text: errorText(error), fields: error.fields });
      }
    } finally {
      setBusy(false);
    }
  }

  const spec = (action: WorkflowAction) => ACTIONS.find((a) => a.action === action) as ActionSpec;
  const steps = phase === "evaluation" ? STEPS.map((s) => EVALUATION_STEP[s]) : [...STEPS];

  return (
    <section className="workflow-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>進行状況</h2>
      <dl className="workflow-status">
        <div>
          <dt>段階</dt>
          <dd>{phase === "evaluation" ? "評価" : phase === "plan" ? "計画" : "—"}</dd>
        </div>
        <div>
          <dt>状態</dt>
          <dd>
            <StateBadge state={state} />
          </dd>
        </div>
        <div>
          <dt>リビジョン</dt>
          <dd>{manifesto.revision}</dd>
        </div>
        <div>
          <dt>最終更新</dt>
          <dd>
            <time dateTime={manifesto.updatedAt}>{formatDateTime(manifesto.updatedAt)}</time>
          </dd>
        </div>
      </dl>
      {phase && (
        <ol
          className="workflow-steps"
          aria-label={phase === "evaluation" ? "評価の流れ" : "計画の流れ"}
        >
          {steps.map((s) => (
            <li
              key={s}
              aria-current={s === state ? "step" : undefined}
              className={steps.indexOf(s) < steps.indexOf(state) ? "workflow-step-done" : undefined}
            >
              <span className="workflow-step-label">{stateLabel(s)}</span>
            </li>
          ))}
        </ol>
      )}

      {showReturn && returned && (
        <div className="alert alert-warning workflow-returned" role="note">
          <p>
            <strong>差戻しされました。</strong>
            {actorLabel(returned.actor, returned.actorName)}・
            <time dateTime={returned.occurredAt}>{formatDateTime(returned.occurredAt)}</time>
          </p>
          {returned.comment ? (
            <blockquote className="workflow-returned-comment">{returned.comment}</blockquote>
          ) : (
            <p>理由は各目標のコメントを確認してください。</p>
          )}
          {allowed.submit && <p>指摘に対応したら、もう一度提出してください。</p>}
        </div>
      )}

      {message && (
        <div
          className={`alert alert-${message.kind}`}
          role={message.kind === "error" ? "alert" : "status"}
          tabIndex={-1}
          ref={messageRef}
        >
          <p>{message.text}</p>
          {message.fields && message.fields.length > 0 && <ProblemList problems={message.fields} />}
        </div>
      )}

      {available.length > 0 ? (
        <div className="workflow-actions">
          {available.map((a) => (
            <button
              key={a.action}
              type="button"
              className={a.action === "return" ? "button-danger" : "button-primary"}
              disabled={busy}
              onClick={() => {
                setMessage(null);
                setDialogError(null);
                if (a.action === "approve") void move(a);
                else setAsking(a.action);
              }}
            >
              {a.label}
            </button>
          ))}
        </div>
      ) : (
        WAITING[state] && <p className="hint">{WAITING[state]}</p>
      )}

      {allowed.correct && (
        <CorrectionButton
          manifestoId={id}
          revision={manifesto.revision}
          document={props.correctionDocument}
          onCorrected={(revision) => {
            setMessage({ kind: "success", text: `訂正を公表しました（リビジョン ${revision}）。` });
            onChanged();
          }}
          onStale={onChanged}
        />
      )}

      <p className="workflow-links">
        <Link to={`/manifestos/${id}/history`}>変更履歴（誰が・いつ・何を変えたか）を見る</Link>
        <br />
        <Link to={`/manifestos/${id}/progress`}>中間報告（年度途中の進捗）</Link>
      </p>

      <details className="workflow-log-box">
        <summary>
          進行の記録
          {history.data && `（${logEntries(history.data).length}件）`}
        </summary>
        {history.error ? (
          <p className="field-error">{errorText(history.error)}</p>
        ) : history.data ? (
          <WorkflowLog history={history.data} />
        ) : (
          <p className="loading">読み込んでいます…</p>
        )}
      </details>

      <ConfirmDialog
        open={asking === "submit"}
        title={phase === "evaluation" ? "評価を提出しますか" : "提出しますか"}
        confirmLabel="提出する"
        busy={busy}
        error={dialogError}
        onConfirm={() => void move(spec("submit"))}
        onCancel={() => setAsking(null)}
      >
        {phase === "evaluation" && <MissingList missing={evidence.missing} />}
        <p>提出すると、差戻しされるまで内容を編集できなくなります。</p>
        <p>保存されている内容（リビジョン {manifesto.revision}）が提出されます。</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === "publish"}
        title={phase === "evaluation" ? "結果を公表しますか" : "公表しますか"}
        confirmLabel="公表する"
        danger
        busy={busy}
        error={dialogError}
        onConfirm={() => void move(spec("publish"))}
        onCancel={() => setAsking(null)}
      >
        {phase === "evaluation" && (
          <WarningConfirmation
            warnings={evidence.warnings}
            confirmed={warningsConfirmed}
            onChange={setWarningsConfirmed}
          />
        )}
        <p>公表すると、市民向けのページに掲載されます。</p>
        <p>
          <strong>公表した内容は凍結されます。</strong>
          後から直すときは「公表後の訂正」となり、変更内容の説明とともに新しい公表版が作られます。
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === "open_evaluation"}
        title="評価を開始しますか"
        confirmLabel="評価を開始する"
        busy={busy}
        error={dialogError}
        onConfirm={() => void move(spec("open_evaluation"))}
        onCancel={() => setAsking(null)}
      >
        <p>
          年度末の評価の段階に進みます。部局は各目標の実績・自己評価・理由を入力できるようになります。
        </p>
        <p>公表済みの計画はそのまま公開されています。</p>
      </ConfirmDialog>
      <ReturnDialog
        open={asking === "return"}
        busy={busy}
        error={dialogError}
        onReturn={(comment) => void move(spec("return"), comment)}
        onCancel={() => setAsking(null)}
      />
    </section>
  );
}

/** 差戻し always says why: the comment goes to the editor with the manifesto. */
function ReturnDialog(props: {
  open: boolean;
  busy: boolean;
  error: ReactNode;
  onReturn(comment: string): void;
  onCancel(): void;
}) {
  const id = useId();
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (props.open) {
      setComment("");
      setMissing(false);
    }
  }, [props.open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (comment.trim() === "") {
      setMissing(true);
      return;
    }
    props.onReturn(comment);
  }

  const problem = missing ? "差戻しの理由を入力してください。" : props.error;
  return (
    <Dialog
      open={props.open}
      title="差戻し"
      size="wide"
      onClose={() => !props.busy && props.onCancel()}
    >
      <form onSubmit={submit} noValidate>
        <p>下書きに戻し、部局に修正を依頼します。理由は部局の担当者に表示されます。</p>
        <label htmlFor={id}>差戻しの理由（必須）</label>
        <textarea
          id={id}
          data-autofocus
          rows={6}
          maxLength={4000}
          required
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setMissing(false);
          }}
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? `${id}-error` : undefined}
        />
        {problem && (
          <div id={`${id}-error`} className="field-error" role="alert">
            {problem}
          </div>
        )}
        <div className="dialog-actions">
          <button
            type="submit"
            className="button-primary button-primary-danger"
            disabled={props.busy}
          >
            {props.busy ? "処理しています…" : "差戻す"}
          </button>
          <button type="button" onClick={props.onCancel} disabled={props.busy}>
            やめる
          </button>
        </div>
      </form>
    </Dialog>
  );
}
