// How an assessment reads on a terminal, and the JSON the `--json` option promises.
import { formatFiscalYear } from "../domain/era.ts";
import type { AssessedManifesto } from "../services/assess-manifestos.ts";

const STATUS_WORD = { met: "達成", not_met: "未達成", unknown: "不明" } as const;

function percent(margin: number): string {
  const sign = margin > 0 ? "+" : margin < 0 ? "−" : "±";
  return `${sign}${Math.abs(margin * 100).toFixed(1)}%`;
}

export function assessmentText(m: AssessedManifesto): string {
  const lines = [`${m.municipality.name} ${formatFiscalYear(m.fiscalYear)} ${m.department}`];
  for (const goal of m.assessment.goals) {
    const level =
      goal.level === undefined
        ? "未評価"
        : `自己評価 ${goal.level}${goal.levelLabel ? ` ${goal.levelLabel}` : ""}`;
    // The level the evidence supports, beside the claimed one (never in its place).
    const expected = goal.expectedLevel === undefined ? "" : ` — 実績から ${goal.expectedLevel}`;
    // The second self-evaluation (達成度) beside the level, as the document publishes both.
    const score = goal.scoreText === undefined ? "" : `、${goal.scoreText}`;
    lines.push(
      `  目標${goal.number}: ${level}${goal.claim ? ` (${goal.claim})` : ""}${score}${expected}`,
    );
    for (const t of goal.targets) {
      const margin = t.margin === undefined ? "" : ` ${percent(t.margin)}`;
      // Unlabelled targets are numbered from 1, as people count them.
      const label = t.label ? t.label : `(${t.index + 1})`;
      const longTerm = (t.longTerm ?? [])
        .map((j) => {
          const judged =
            j.onSchedule === undefined ? "" : j.onSchedule ? " 計画どおり" : " 計画より遅れ";
          return ` — ${j.fiscalYear}年度目標 ${j.target}（今年度の計画線 ${j.expected}）${judged}`;
        })
        .join("");
      lines.push(`    達成目標${label} ${STATUS_WORD[t.status]}${margin}${longTerm}`);
    }
    for (const f of goal.findings) {
      const mark = f.severity === "warning" ? "警告" : "注意";
      lines.push(`    ${mark} ${f.code}: ${f.message}`);
    }
  }
  const s = m.assessment.summary;
  lines.push(
    `  達成 ${s.targets.met} / 未達成 ${s.targets.not_met} / 不明 ${s.targets.unknown} — 警告 ${s.warnings}、注意 ${s.notices}`,
  );
  return `${lines.join("\n")}\n`;
}

function manifestoJson(m: AssessedManifesto) {
  return {
    municipality: m.municipality,
    fiscalYear: m.fiscalYear,
    department: m.department,
    goals: m.assessment.goals,
    summary: m.assessment.summary,
  };
}

/**
 * One manifesto asked for (a file, or a department) → its object; a whole year → a list,
 * even of one, so that a script's reading of the output does not depend on the count.
 */
export function assessmentJson(results: readonly AssessedManifesto[], single: boolean) {
  const [only] = results;
  if (single && only) return manifestoJson(only);
  return { manifestos: results.map(manifestoJson) };
}
