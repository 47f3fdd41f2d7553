// The checks made when targets are set (issue #11), for the whole goal: while the plan is
// written, the ones about no single target (an indicator of last year's manifesto measured no
// more; the checks of each target sit beside it); while the plan is reviewed (read only, the
// planning division and the head), all of them, so the review sees what the editor saw.
import { PLAN_TIME_CODES } from "../../../domain/assessment/index.ts";
import type { GoalAssessment } from "../../../domain/assessment/types.ts";

export function PlanChecks(props: {
  goalNumber: number;
  assessment: GoalAssessment | undefined;
  /** Only the findings about no single target (the form shows the others by each target). */
  goalLevelOnly: boolean;
}) {
  const findings = (props.assessment?.findings ?? []).filter(
    (f) => PLAN_TIME_CODES.has(f.code) && (!props.goalLevelOnly || f.target === undefined),
  );
  if (findings.length === 0) return null;
  const headingId = `plan-checks-${props.goalNumber}`;
  return (
    <aside className="findings plan-checks" aria-labelledby={headingId}>
      <h4 id={headingId}>目標設定の点検（目標{props.goalNumber}）</h4>
      <ul>
        {findings.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no identity of their own
          <li key={i} className={`finding finding-${f.severity}`}>
            <span className="finding-kind">{f.severity === "warning" ? "警告" : "確認"}</span>
            {f.message}
          </li>
        ))}
      </ul>
    </aside>
  );
}
