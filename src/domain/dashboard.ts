// The planning division's dashboard of a municipality's fiscal year, as the service builds it
// (src/services/planning/get-dashboard.ts) and the staff app draws it: one shape for both.
import type { ConsistencyFigures, FindingCode } from "./assessment/index.ts";

export interface LevelCount {
  level: number;
  label: string;
  count: number;
}

export interface GoalTally {
  goals: number;
  /** One entry per level of the scale, in the scale's order. */
  levels: LevelCount[];
  /** Goals without a self-evaluation yet. */
  unevaluated: number;
  /** Goals evaluated with a level the municipality's scale does not have. */
  otherLevels: number;
  targets: { met: number; not_met: number; unknown: number };
  warnings: number;
  notices: number;
}

export interface DashboardDepartment extends GoalTally {
  manifestoId: number;
  departmentId: number;
  name: string;
  state: string;
  revision: number;
  /** Self-evaluations that agree with the expected level, and the achievement ratios. */
  consistency: ConsistencyFigures;
}

export interface DashboardWarning {
  manifestoId: number;
  department: string;
  goalNumber: number;
  goalTitle: string;
  /** 0-based index of the target the warning is about, when it is about one. */
  target: number | null;
  code: FindingCode;
  message: string;
}

export interface PlanningDashboard {
  municipality: { code: string; name: string };
  fiscalYear: number;
  scale: { name: string; levels: { level: number; label: string }[] };
  departments: DashboardDepartment[];
  totals: GoalTally;
  warnings: DashboardWarning[];
  indicators: IndicatorChange[];
  /** consistency over every department of the year. */
  consistency: ConsistencyFigures;
}

export interface IndicatorChange {
  indicator: { key: string; name: string; unit: string };
  /** Last fiscal year's value, or null when there is none. */
  previous: { fiscalYear: number; value: number; source: "actual" | "baseline" } | null;
  /** This fiscal year's actual result, or null before the results are in. */
  current: { value: number } | null;
  /** This year's target (the first that names the indicator). */
  target: { comparator: string; value: number } | null;
  /** current − previous, when both are known. */
  change: number | null;
  /** Whether the change went the way the target's comparator asks; null for `=` or unknown. */
  trend: "better" | "worse" | "same" | null;
  /** This year's targets that name the indicator, for the click-through to the goal. */
  targets: {
    manifestoId: number;
    department: string;
    goalNumber: number;
    /** 0-based index of the target in its goal. */
    target: number;
    comparator: string | null;
    targetValue: number | null;
    actual: number | null;
  }[];
}
