// The assessment beside a goal (src/domain/assessment, run in the browser on the document as
// it is typed): each target met or not, and the warnings and notices that hold the
// self-evaluation against the targets. It only shows evidence; it never changes a level.
import type { GoalAssessment, TargetAssessment } from "../../../domain/assessment/types.ts";
import { gapPhrase, statusWord } from "../../../domain/assessment/wording.ts";
import type { TargetResult } from "../../../domain/manifesto/schema.ts";
import { useSettledAnnouncement } from "../../components/announcer.tsx";

/** What a change of the findings says once typing has settled: only the findings that are
 * there, in one message, after the place they belong to. */
export function findingsAnnouncement(
  place: string,
  findings: readonly { severity: string; message: string }[],
): string {
  if (findings.length === 0) return `${place}の点検結果：指摘はありません。`;
  const lines = findings.map((f) => `${f.severity === "warning" ? "警告" : "確認"}：${f.message}`);
  return `${place}の点検結果：${lines.join(" ")}`;
}

/** 「判定：未達成（目標まで5.6ポイント不足）」; a milestone judged partly achieved: 一部達成. */
export function ResultStatusLine({
  assessment,
  milestoneResult,
}: {
  assessment: TargetAssessment | undefined;
  milestoneResult?: TargetResult["status"] | undefined;
}) {
  if (!assessment || assessment.kind === "none") return null;
  let detail = "";
  const gap = assessment.kind === "numeric" ? gapPhrase(assessment) : undefined;
  if (gap !== undefined) {
    detail = `（${gap}）`;
  } else if (assessment.status === "unknown") {
    detail = assessment.kind === "numeric" ? "（実績値が未入力）" : "（達成状況が未選択）";
  }
  const status =
    assessment.kind === "milestone" && milestoneResult === "partial"
      ? "partial"
      : assessment.status;
  return (
    <p className={`result-status result-status-${status}`}>
      判定：<strong>{statusWord(assessment, milestoneResult)}</strong>
      {detail}
    </p>
  );
}

export function Findings({
  goalNumber,
  assessment,
}: {
  goalNumber: number;
  assessment: GoalAssessment | undefined;
}) {
  const findings = assessment?.findings ?? [];
  const headingId = `findings-${goalNumber}`;
  // Not a live region of its own (4.1.3): it changed at every keystroke.
  useSettledAnnouncement(findingsAnnouncement(`目標${goalNumber}`, findings));
  return (
    <aside className="findings" aria-labelledby={headingId}>
      <h4 id={headingId}>点検結果（目標{goalNumber}）</h4>
      <div>
        {findings.length === 0 ? (
          <p className="findings-none">指摘はありません。</p>
        ) : (
          <ul>
            {findings.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings have no identity of their own
              <li key={i} className={`finding finding-${f.severity}`}>
                <span className="finding-kind">{f.severity === "warning" ? "警告" : "確認"}</span>
                {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="findings-note">
        自己評価を変えるものではありません。根拠の確認にお使いください。
      </p>
    </aside>
  );
}
