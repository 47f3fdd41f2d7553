// マニフェスト (/staff/manifestos/:id): one department's manifesto for one fiscal year, in the
// layout of the official document. Editors write the plan in a draft and the year-end
// evaluation in the evaluation draft, saved as they type; everyone else reads the same
// layout as text. The workflow panel and the review comments sit beside the content.
import "./manifesto.css";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { assessManifesto, indicatorsByKey } from "../../../domain/assessment/index.ts";
import type { ManifestoAssessment } from "../../../domain/assessment/types.ts";
import { formatFiscalYear } from "../../../domain/era.ts";
import { DEFAULT_SCALE } from "../../../domain/manifesto/default-scale.ts";
import { type Goal, LIMITS } from "../../../domain/manifesto/schema.ts";
import { vocabulariesOf } from "../../../domain/manifesto/tags.ts";
import { isManifestoState, phaseOf } from "../../../domain/workflow.ts";
import { errorText } from "../../api/error-text.ts";
import { formatDateTime } from "../../api/japanese-time.ts";
import type { Manifesto, ManifestoDetail } from "../../api/types.ts";
import { useApi } from "../../api/use-api.ts";
import { ConfirmDialog } from "../../components/dialog.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import { StateBadge } from "../../components/state-badge.tsx";
import { NotFoundPage } from "../not-found.tsx";
import { ConflictDialog } from "./conflict-dialog.tsx";
import { insertAt, moveBy, numbersAreSequential, removeAt } from "./document-ops.ts";
import { DownloadLinks } from "./download-links.tsx";
import { ErrorSummary } from "./error-summary.tsx";
import { EditorContext, type EditorContextValue, fieldId, type Removal } from "./fields.tsx";
import { type EditMode, GoalCard } from "./goal-card.tsx";
import { ManifestoComments } from "./goal-comments.tsx";
import { PLAN_ITEM_LIST_ID, TAG_LIST_ID } from "./goal-editor.tsx";
import { OpenComments } from "./open-comments.tsx";
import {
  DocumentHeader,
  OrphanNotice,
  RestoredNotice,
  ScaleLegend,
  UndoBar,
} from "./page-parts.tsx";
import { SaveBar, UnsavedGuard } from "./save-bar.tsx";
import { UNIT_LIST_ID, UNIT_SUGGESTIONS } from "./target-editor.tsx";
import { useAutosave } from "./use-autosave.ts";
import { WorkflowPanel } from "./workflow-panel.tsx";

export function ManifestoPage() {
  const { id } = useParams();
  const valid = /^[1-9][0-9]{0,9}$/.test(id ?? "");
  const loaded = useApi<ManifestoDetail>(valid ? `/api/manifestos/${id}` : null);
  usePageTitle(
    loaded.data
      ? `${loaded.data.manifesto.department.name} ${formatFiscalYear(loaded.data.manifesto.fiscalYear)}`
      : "マニフェスト",
  );
  if (!valid || loaded.error?.status === 404) return <NotFoundPage />;
  const detail = loaded.data;
  return (
    <>
      {loaded.error && (
        <div className="alert alert-error" role="alert">
          <p>{errorText(loaded.error)}</p>
          <button type="button" onClick={loaded.reload}>
            もう一度読み込む
          </button>
        </div>
      )}
      {detail ? (
        // Another manifesto starts the editor afresh (edits kept in the browser are restored
        // or merged on the way in); a reload of this one is taken in by the editor.
        <ManifestoWorkspace key={detail.manifesto.id} detail={detail} onReload={loaded.reload} />
      ) : (
        !loaded.error && (
          <p className="loading" role="status">
            読み込んでいます…
          </p>
        )
      )}
    </>
  );
}

function renumbered(goals: Goal[]): Goal[] {
  return goals.map((g, i) => ({ ...g, number: i + 1 }));
}

/** Goal edits keep 部局目標1, 2, 3 … in order when they were in order. */
function changeGoals(doc: Manifesto, edit: (d: Manifesto) => Manifesto): Manifesto {
  const sequential = numbersAreSequential(doc.goals.map((g) => g.number));
  const after = edit(doc);
  return sequential ? { ...after, goals: renumbered(after.goals) } : after;
}

function useFocusLater(): (id: string) => void {
  const pending = useRef<string | null>(null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after the render that tick asked for
  useEffect(() => {
    const id = pending.current;
    if (!id) return;
    pending.current = null;
    const el = document.getElementById(id);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: "nearest" });
    }
  }, [tick]);
  return useCallback((id: string) => {
    pending.current = id;
    setTick((t) => t + 1);
  }, []);
}

/**
 * Links from the dashboard and the overview name a goal as `#goal-N` (its number); the goal
 * cards are laid out by position, so the address is resolved once the document is here.
 */
function useGoalFromAddress(goals: Goal[], focusLater: (id: string) => void): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    const wanted = /^#goal-(\d+)$/.exec(window.location.hash)?.[1];
    const index = goals.findIndex((g) => String(g.number) === wanted);
    if (index >= 0) focusLater(fieldId(["goals", index]));
  }, [goals, focusLater]);
}

function ManifestoWorkspace(props: { detail: ManifestoDetail; onReload(): void }) {
  const autosave = useAutosave(props.detail);
  const { doc, detail, setDoc } = autosave;
  const { manifesto, allowed } = detail;
  const [correcting, setCorrecting] = useState(false);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [askRemove, setAskRemove] = useState<number | null>(null);
  // Closed until the person asks for it from the save bar (WCAG 3.2.2): a dialog that opened
  // by itself a second after typing stopped took the focus out of the field being typed in.
  const [conflictOpen, setConflictOpen] = useState(false);
  const focusLater = useFocusLater();
  useGoalFromAddress(doc.goals, focusLater);

  const state = manifesto.state;
  const evaluationPhase = isManifestoState(state) && phaseOf(state) === "evaluation";
  // In the evaluation phase the published plan is corrected, not edited (planning only).
  const mode: EditMode =
    correcting && allowed.correct
      ? "correct"
      : allowed.evaluate
        ? "evaluation"
        : allowed.edit
          ? "plan"
          : "read";
  const editing = mode !== "read";
  // The document's own scale, else its municipality's, else the default (FORMAT.md).
  const scale = doc.evaluationScale ?? detail.context?.evaluationScale ?? DEFAULT_SCALE;

  const municipalityScale = detail.context?.evaluationScale ?? undefined;
  const levelRules = detail.context?.levelRules ?? undefined;
  const lastYearSeries = detail.context?.lastYear ?? undefined;
  // The municipality's second scale and vocabularies serve where the document has none.
  const scoreScale = doc.scoreScale ?? detail.context?.scoreScale ?? undefined;
  const municipalityVocabularies = detail.context?.tagVocabularies;
  const assessment = useMemo((): ManifestoAssessment | null => {
    try {
      // The municipality's scale and level rules and the department's last year, as the
      // server's assessment uses them.
      return assessManifesto(doc, {
        ...(municipalityScale && { scale: municipalityScale }),
        ...(levelRules && { levelRules }),
        ...(lastYearSeries && { lastYear: lastYearSeries }),
        ...(scoreScale && { scoreScale }),
      });
    } catch {
      return null; // a half-typed document the assessment cannot read yet
    }
  }, [doc, municipalityScale, levelRules, lastYearSeries, scoreScale]);
  const lastYear = useMemo(
    () =>
      lastYearSeries && {
        fiscalYear: lastYearSeries.fiscalYear,
        indicators: indicatorsByKey(lastYearSeries.indicators),
      },
    [lastYearSeries],
  );

  const problems = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of autosave.problems) map.set(p.path, [...(map.get(p.path) ?? []), p.message]);
    return map;
  }, [autosave.problems]);

  const context = useMemo<EditorContextValue>(
    () => ({
      doc,
      change: setDoc,
      problems,
      focusLater,
      removed: setRemoval,
      ...(lastYear && { lastYear }),
      ...(scoreScale && { scoreScale }),
    }),
    [doc, setDoc, problems, focusLater, lastYear, scoreScale],
  );

  // Once the conflict is resolved the dialog closes; a later conflict waits for the button.
  const inConflict = autosave.conflict !== null || autosave.pendingMerge !== null;
  useEffect(() => {
    if (!inConflict) setConflictOpen(false);
  }, [inConflict]);

  function addGoal() {
    const last = doc.goals.at(-1);
    const number = Math.max(0, ...doc.goals.map((g) => g.number)) + 1;
    const goal: Goal = { number, mission: last?.mission ?? "", title: "" };
    setDoc((d) => insertAt(d, ["goals"], d.goals.length, goal));
    focusLater(fieldId(["goals", doc.goals.length, last ? "title" : "mission"]));
  }

  function moveGoal(i: number, by: -1 | 1) {
    setDoc((d) => changeGoals(d, (x) => moveBy(x, ["goals"], i, by)));
    const to = i + by;
    const stillThere = by === -1 ? to > 0 : to < doc.goals.length - 1;
    const up = stillThere ? by === -1 : by === 1;
    focusLater(`${fieldId(["goals", to])}-${up ? "up" : "down"}`);
  }

  function removeGoal(i: number) {
    const goal = doc.goals[i];
    if (!goal) return;
    setAskRemove(null);
    setDoc((d) => changeGoals(d, (x) => removeAt(x, ["goals"], i)));
    focusLater(
      doc.goals.length > 1 ? fieldId(["goals", Math.min(i, doc.goals.length - 2)]) : "add-goal",
    );
    setRemoval({
      message: `部局目標${goal.number}を削除しました`,
      undo: () => {
        setDoc((d) => changeGoals(d, (x) => insertAt(x, ["goals"], i, goal)));
        focusLater(fieldId(["goals", i]));
      },
    });
  }

  const canComment = allowed.comment;
  const fiscalYear = formatFiscalYear(manifesto.fiscalYear);
  return (
    <EditorContext.Provider value={context}>
      <nav aria-label="パンくずリスト" className="breadcrumb">
        <Link to="/">マニフェスト一覧</Link> <span aria-hidden="true">›</span>{" "}
        <span aria-current="page">{manifesto.department.name}</span>
      </nav>
      <header className="manifesto-header">
        <p className="manifesto-kicker">
          {fiscalYear} {doc.documentTitle ?? "部局マニフェスト"}
          {doc.documentSubtitle && <span className="subtitle">～{doc.documentSubtitle}～</span>}
        </p>
        <h1>{manifesto.department.name}</h1>
        <p className="manifesto-meta">
          <span>{fiscalYear}</span>
          <StateBadge state={state} />
          <span>
            最終保存{" "}
            <time dateTime={autosave.saved.updatedAt}>
              {formatDateTime(autosave.saved.updatedAt)}
            </time>
          </span>
          <span>リビジョン {autosave.saved.revision}</span>
        </p>
      </header>
      <OpenComments manifestoId={manifesto.id} />

      {mode === "correct" && (
        <p className="alert alert-warning" role="status">
          {autosave.dirty
            ? "訂正の入力があります。進行状況の「訂正」から、変更内容の説明とともに公表してください（自動では保存されません）。"
            : "訂正したい箇所を直してください。自動では保存されません。"}
        </p>
      )}
      {(mode === "plan" || mode === "evaluation") && (
        <SaveBar
          status={autosave.status}
          updatedAt={autosave.saved.updatedAt}
          failure={autosave.failure}
          storageFailed={autosave.storageFailed}
          onSave={autosave.saveNow}
          onShowConflict={() => setConflictOpen(true)}
        />
      )}
      {autosave.refused && (
        <div className="alert alert-error" role="alert">
          <p>{autosave.refused}</p>
          <button type="button" onClick={props.onReload}>
            最新の状態を読み込む
          </button>
        </div>
      )}
      {autosave.notice && (
        <RestoredNotice
          notice={autosave.notice}
          onDismiss={autosave.dismissNotice}
          onDiscard={autosave.discardRestored}
        />
      )}
      {autosave.orphan && (
        <OrphanNotice draft={autosave.orphan} onDiscard={autosave.discardOrphan} />
      )}

      <div inert={autosave.dirty && mode !== "correct"} className="workflow-slot">
        {autosave.dirty && mode !== "correct" && (
          <p className="hint">保存が終わると、提出などの操作ができます。</p>
        )}
        <WorkflowPanel
          detail={{ ...detail, document: autosave.saved.doc }}
          onChanged={props.onReload}
          {...(mode === "correct" && autosave.dirty && { correctionDocument: doc })}
        />
      </div>
      {allowed.correct && (allowed.evaluate || !allowed.edit) && (
        <p className="correct-toggle">
          <button type="button" onClick={() => setCorrecting((c) => !c)} aria-pressed={correcting}>
            {correcting ? "訂正の入力をやめる" : "公表した内容を訂正する"}
          </button>
        </p>
      )}

      <ErrorSummary problems={autosave.problems} doc={doc} />

      <DocumentHeader editable={mode === "plan" || mode === "correct"} doc={doc} />
      {(evaluationPhase || mode === "evaluation") && <ScaleLegend scale={scale} />}

      {editing && (
        <datalist id={UNIT_LIST_ID}>
          {UNIT_SUGGESTIONS.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
      )}
      {editing && (
        // Tags of the built-in vocabularies (SDGs, 指標の分類), the document's and the municipality's.
        <datalist id={TAG_LIST_ID}>
          {vocabulariesOf(doc, municipalityVocabularies).flatMap((v) =>
            v.tags.map((t) => (
              <option key={`${v.id}:${t.id}`} value={`${v.id}:${t.id}`}>
                {`${v.name} ${t.label}`}
              </option>
            )),
          )}
        </datalist>
      )}
      {editing && (detail.context?.planItems.length ?? 0) > 0 && (
        <datalist id={PLAN_ITEM_LIST_ID}>
          {detail.context?.planItems.map((p) => (
            <option key={p.code} value={p.code}>
              {`${p.code} ${p.title}`}
            </option>
          ))}
        </datalist>
      )}

      <div className="goals">
        {doc.goals.map((goal, i) => (
          <GoalCard
            // biome-ignore lint/suspicious/noArrayIndexKey: goals are edited in place by position
            key={i}
            goal={goal}
            index={i}
            count={doc.goals.length}
            mode={mode}
            planReview={!evaluationPhase}
            withResults={state === "results_published"}
            scale={scale}
            assessment={assessment?.goals[i]}
            manifestoId={manifesto.id}
            canComment={canComment}
            onMove={moveGoal}
            onRemove={setAskRemove}
          />
        ))}
      </div>
      {(mode === "plan" || mode === "correct") && (
        <button
          type="button"
          id="add-goal"
          className="add-button add-goal"
          disabled={doc.goals.length >= LIMITS.goals}
          onClick={addGoal}
        >
          <span aria-hidden="true">＋</span> 部局目標を追加
        </button>
      )}

      <ManifestoComments manifestoId={manifesto.id} canComment={canComment} />

      <DownloadLinks manifestoId={manifesto.id} />

      <UndoBar
        removal={removal}
        onUndo={() => {
          removal?.undo();
          setRemoval(null);
        }}
        onDismiss={() => setRemoval(null)}
      />
      <ConfirmDialog
        open={askRemove !== null}
        title={`部局目標${doc.goals[askRemove ?? 0]?.number ?? ""}を削除しますか`}
        confirmLabel="削除する"
        danger
        onConfirm={() => askRemove !== null && removeGoal(askRemove)}
        onCancel={() => setAskRemove(null)}
      >
        <p>
          この目標の組織使命・達成目標・手段・評価がすべて削除されます。削除の直後なら「元に戻す」で戻せます。
        </p>
      </ConfirmDialog>
      <ConflictDialog
        open={conflictOpen && inConflict}
        conflict={autosave.conflict}
        pendingMerge={autosave.pendingMerge}
        doc={doc}
        busy={autosave.busy}
        onClose={() => setConflictOpen(false)}
        onReloadTheirs={() => void autosave.reloadTheirs()}
        onMerge={() => void autosave.mergeMine()}
        onApply={autosave.applyMerge}
      />
      {editing && (
        <UnsavedGuard
          unsaved={autosave.dirty}
          onSave={autosave.saveNow}
          canSave={mode !== "correct"}
        />
      )}
    </EditorContext.Provider>
  );
}
