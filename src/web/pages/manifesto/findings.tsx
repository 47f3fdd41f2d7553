// The assessment beside a goal (src/domain/assessment, run in the browser on the document as
// it is typed): each target met or not, and the warnings and notices that hold the
// self-evaluation against the targets. It only shows evidence; it never changes a level.
import { formatNumber, formatQuantity } from "../../../domain/assessment/messages.ts";
import type { GoalAssessment, TargetAssessment } from "../../../domain/assessment/types.ts";

const STATUS_TEXT: Record<TargetAssessment["status"], string> = {
  met: "達成",
  not_met: "未達成",
  unknown: "判定できません",
};

/** 「判定：未達成（目標まで 5.6% 不足、目標比 −10.2%）」 */
export function ResultStatusLine({ assessment }: { assessment: TargetAssessment | undefined }) {
  if (!assessment || assessment.kind === "none") return null;
  let detail = "";
  if (assessment.kind === "numeric" && assessment.difference !== undefined) {
    const unit = assessment.unit ?? "";
    const d = assessment.difference;
    const amount = formatQuantity(Math.abs(d), unit);
    detail =
      d === 0
        ? "（目標どおり）"
        : d > 0
          ? `（目標より ${amount} 良い）`
          : `（目標まで ${amount} 不足）`;
    if (assessment.margin !== undefined && d !== 0) {
      const pct = formatNumber(Math.round(assessment.margin * 1000) / 10);
      detail = `${detail.slice(0, -1)}、目標比 ${assessment.margin > 0 ? "+" : ""}${pct}%）`;
    }
  } else if (assessment.status === "unknown") {
    detail = assessment.kind === "numeric" ? "（実績値が未入力）" : "（達成状況が未選択）";
  }
  return (
    <p className={`result-status result-status-${assessment.status}`}>
      判定：<strong>{STATUS_TEXT[assessment.status]}</strong>
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
  return (
    <aside className="findings" aria-labelledby={headingId}>
      <h4 id={headingId}>点検結果（目標{goalNumber}）</h4>
      <div aria-live="polite">
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
