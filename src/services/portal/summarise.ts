// A manifesto in one line of a table: its levels per goal and how many targets were met.
import { type ConsistencyFigures, consistencyFigures } from "../../domain/assessment/index.ts";
import type { ReadManifesto } from "./shared.ts";

export interface ManifestoSummary {
  fiscalYear: number;
  departmentName: string;
  departmentCode: string | null;
  state: string;
  goals: { number: number; title: string; level?: number; levelLabel?: string }[];
  targets: { met: number; notMet: number; unknown: number; total: number };
  /** Self-evaluations that agree with the expected level, and the achievement ratios. */
  consistency: ConsistencyFigures;
}

export function summariseManifesto(m: ReadManifesto): ManifestoSummary {
  const { met, not_met, unknown } = m.assessment.summary.targets;
  return {
    fiscalYear: m.stored.fiscalYear,
    departmentName: m.stored.departmentName,
    departmentCode: m.stored.departmentCode,
    state: m.stored.state,
    goals: m.document.goals.map((g) => {
      const level = g.evaluation?.level;
      const label = m.scale.levels.find((l) => l.level === level)?.label;
      return {
        number: g.number,
        title: g.title,
        ...(level !== undefined && { level }),
        ...(label !== undefined && { levelLabel: label }),
      };
    }),
    targets: { met, notMet: not_met, unknown, total: met + not_met + unknown },
    consistency: consistencyFigures(m.assessment.goals),
  };
}
