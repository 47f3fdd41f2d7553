// Shapes of the planning division's and the administrator's API answers, as the routes present
// them (src/server/api/planning.ts, dashboard.ts, booklets.ts, users.ts).
import type { PlanningDashboard } from "../../domain/dashboard.ts";
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
  /** The department's own deadline, overriding the municipality's. */
  ownDeadline?: boolean;
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

export type {
  DashboardDepartment,
  DashboardWarning,
  GoalTally,
  IndicatorChange,
  LevelCount,
} from "../../domain/dashboard.ts";

/** GET /api/dashboard: the service's dashboard and what the caller may do with it. */
export interface Dashboard extends PlanningDashboard {
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
  email: string | null;
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
