// What a year-end evaluation must hold before it is submitted (issue #11): every goal rated,
// and every numeric target with an actual value or a result text that says why there is
// none. Pure: the submit service refuses with this list, the staff app shows it beforehand.
import type { ManifestoDocument } from "../manifesto/schema.ts";
import { targetName } from "./messages.ts";

export interface MissingItem {
  /** JSON path of what is missing, as validation problems name fields. */
  path: string;
  /** Japanese, naming the goal and target. */
  message: string;
}

export function missingForEvaluationSubmission(doc: ManifestoDocument): MissingItem[] {
  const missing: MissingItem[] = [];
  doc.goals.forEach((goal, g) => {
    if (goal.evaluation === undefined) {
      missing.push({
        path: `goals[${g}].evaluation`,
        message: `目標${goal.number}が未評価です（自己評価を選んでください）`,
      });
    }
    const targets = goal.targets ?? [];
    targets.forEach((t, i) => {
      if (t.measure?.kind !== "numeric") return;
      if (t.result?.actual !== undefined || (t.result?.text ?? "").trim() !== "") return;
      const label = t.label?.trim() ? t.label : undefined;
      const name = targetName({ index: i, ...(label !== undefined && { label }) }, targets.length);
      missing.push({
        path: `goals[${g}].targets[${i}].result`,
        message: `目標${goal.number}の${name}に実績値も、実績がない理由の記述もありません`,
      });
    });
  });
  return missing;
}
