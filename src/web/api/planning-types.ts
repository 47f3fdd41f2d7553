// Shapes of the planning division's and the administrator's API answers, as the routes present
// them (src/server/api/planning.ts, dashboard.ts, booklets.ts, users.ts).
import type { ManifestoPermissions } from "../../domain/permissions.ts";
import type { Role } from "../../domain/roles.ts";

export type Phase = "plan" | "evaluation";

export interface OverviewRow {
  department: { id: number; code: string | null; name: string };
  manifesto: { id: number; revision: number } | null;
  phase: Phase | null;
  state: string | null;
  stateLabel: string | null;
  deadline: string | null;
  overdue: boolean;
  lastChange: { at: string; by: string | null; byName: string | null } | null;
  warnings: number | null;
  notices: number | null;
  allowed: ManifestoPermissions;
}

export interface FiscalYearPermissions {
  read: boolean;
  open: boolean;
  setDeadlines: boolean;
}

export interface Overview {
  municipality: { code: string; name: string };
  fiscalYear: number;
  fiscalYearLabel: string;
  fiscalYears: { year: number; label: string }[];
  deadlines: Record<Phase, string | null>;
  today: string;
  departments: OverviewRow[];
  allowed: FiscalYearPermissions;
}

export interface FiscalYearOpening {
  municipalityCode: string;
  fiscalYear: number;
  created: { departmentId: number; departmentName: string; manifestoId: number }[];
  existing: { departmentId: number; departmentName: string; manifestoId: number }[];
  message: string;
}

export interface LevelCount {
  level: number;
  label: string;
  count: number;
}

export interface GoalTally {
  goals: number;
  levels: LevelCount[];
  unevaluated: number;
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
}

export interface DashboardWarning {
  manifestoId: number;
  department: string;
  goalNumber: number;
  goalTitle: string;
  target: number | null;
  code: string;
  message: string;
}

export interface IndicatorChange {
  indicator: { key: string; name: string; unit: string };
  previous: { fiscalYear: number; value: number; source: "actual" | "baseline" } | null;
  current: { value: number } | null;
  target: { comparator: string; value: number } | null;
  change: number | null;
  trend: "better" | "worse" | "same" | null;
  targets: {
    manifestoId: number;
    department: string;
    goalNumber: number;
    target: number;
    comparator: string | null;
    targetValue: number | null;
    actual: number | null;
  }[];
}

export interface Dashboard {
  municipality: { code: string; name: string };
  fiscalYear: number;
  scale: { name: string; levels: { level: number; label: string }[] };
  departments: DashboardDepartment[];
  totals: GoalTally;
  warnings: DashboardWarning[];
  indicators: IndicatorChange[];
  allowed: { read: boolean };
}

export interface BookletJob {
  id: number;
  municipalityCode: string;
  fiscalYear: number;
  status: "queued" | "running" | "done" | "failed";
  done: number;
  total: number | null;
  error: { code: string; message: string } | null;
  fileUrl: string | null;
  size: number;
  allowed: { read: boolean; build: boolean };
}

export interface AccountPermissions {
  read: boolean;
  manage: boolean;
  changeRole: boolean;
  disable: boolean;
  resetPassword: boolean;
}

export interface Account {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  roleLabel: string;
  municipalityCode: string | null;
  department: { id: number; name: string } | null;
  disabled: boolean;
  createdAt: string;
  allowed: AccountPermissions;
}

export interface AccountList {
  municipalityCode: string | null;
  users: Account[];
  departments: { id: number; code: string | null; name: string }[];
  allowed: { create: boolean };
}
