// What a staff user may do, one pure function per resource. Callers load only records in
// the user's scope (the SQL is scoped); these functions decide the actions on a record and
// answer all-false outside the scope, so a mistake in a query cannot open a record.

import {
  inScope,
  isDepartmentRole,
  isInstallationAdmin,
  type Role,
  type StaffUser,
  scopeOf,
} from "./roles.ts";
import {
  canCorrectIn,
  canEditIn,
  isManifestoState,
  type ManifestoState,
  nextState,
  type WorkflowAction,
} from "./workflow.ts";

export interface ManifestoPermissions {
  read: boolean;
  /** Save a new revision of the document (drafts only). */
  edit: boolean;
  submit: boolean;
  approve: boolean;
  /** 差戻し: send a submission back to the draft of its phase. */
  return: boolean;
  publish: boolean;
  /** Write the year-end results and self-evaluation. */
  evaluate: boolean;
  /** Start the results phase of a published plan. */
  openEvaluation: boolean;
  /** Correct published content: a new published revision with a change note. */
  correct: boolean;
  /** Write, answer and resolve review comments. */
  comment: boolean;
}

/** The permission that says whether a workflow action is open to the caller now. */
export const ACTION_PERMISSION: Record<WorkflowAction, keyof ManifestoPermissions> = {
  submit: "submit",
  approve: "approve",
  return: "return",
  publish: "publish",
  open_evaluation: "openEvaluation",
};

export interface ManifestoRecord {
  municipalityCode: string;
  departmentId: number;
  state: ManifestoState | string;
}

const NOTHING: ManifestoPermissions = {
  read: false,
  edit: false,
  submit: false,
  approve: false,
  return: false,
  publish: false,
  evaluate: false,
  openEvaluation: false,
  correct: false,
  comment: false,
};

export function manifestoPermissions(
  user: StaffUser,
  manifesto: ManifestoRecord,
): ManifestoPermissions {
  if (!inScope(scopeOf(user), manifesto)) return NOTHING;
  const { state } = manifesto;
  // A state this build does not know (a newer one's data): look, do not touch.
  if (!isManifestoState(state)) return { ...NOTHING, read: true };
  const role: Role = user.role;
  const can = (action: WorkflowAction) => nextState(state, action, role) !== null;
  const edit = canEditIn(state, role);
  return {
    read: true,
    edit,
    submit: can("submit"),
    approve: can("approve"),
    return: can("return"),
    publish: can("publish"),
    evaluate: edit && state === "evaluation_draft",
    openEvaluation: can("open_evaluation"),
    correct: canCorrectIn(state, role),
    comment: role !== "viewer",
  };
}

/** Creating a manifesto that does not exist yet (an import), for a department. */
export function canCreateManifesto(
  user: StaffUser,
  target: { municipalityCode: string; departmentId: number | null },
): boolean {
  if (user.role === "viewer") return false;
  if (target.departmentId === null) {
    // A department the municipality does not know yet: only the stewards create one.
    return (
      !isDepartmentRole(user.role) && inScope(scopeOf(user), { ...target, departmentId: null })
    );
  }
  return inScope(scopeOf(user), target);
}

export interface UserPermissions {
  read: boolean;
  /** Create, change role, reset password, disable. */
  manage: boolean;
}

export interface UserRecord {
  id: number;
  role: Role;
  municipalityCode: string | null;
  departmentId: number | null;
}

export function userPermissions(actor: StaffUser, target: UserRecord): UserPermissions {
  if (isInstallationAdmin(actor)) return { read: true, manage: true };
  const self = actor.id === target.id;
  const sameMunicipality =
    actor.municipalityCode !== null && target.municipalityCode === actor.municipalityCode;
  switch (actor.role) {
    case "admin":
      return { read: self || sameMunicipality, manage: sameMunicipality };
    case "planning":
      return { read: self || sameMunicipality, manage: false };
    case "department_head":
      return {
        read:
          self ||
          (sameMunicipality &&
            actor.departmentId !== null &&
            target.departmentId === actor.departmentId),
        manage: false,
      };
    case "department_editor":
    case "viewer":
      return { read: self, manage: false };
  }
}

export interface DashboardPermissions {
  /** The planning division's dashboard of the municipality, its CSV export included. */
  read: boolean;
}

/**
 * The planning dashboard of one municipality: its planning division and administrators, and
 * the installation's administrator. Department roles and viewers see their own department's
 * figures elsewhere; across departments is the planning division's view.
 */
export function dashboardPermissions(
  user: StaffUser,
  municipalityCode: string,
): DashboardPermissions {
  if (isInstallationAdmin(user)) return { read: true };
  const own = user.municipalityCode !== null && user.municipalityCode === municipalityCode;
  return { read: own && (user.role === "planning" || user.role === "admin") };
}

export interface BookletPermissions {
  /** See the municipality's booklet jobs, their progress and finished files. */
  read: boolean;
  /** Ask for a booklet（冊子）of the municipality's published manifestos of a year. */
  build: boolean;
}

/**
 * Booklets of one municipality: its staff see them (they hold only published content), its
 * planning division and administrators build them, and so does the installation's operator.
 */
export function bookletPermissions(
  user: StaffUser,
  target: { municipalityCode: string },
): BookletPermissions {
  if (isInstallationAdmin(user)) return { read: true, build: true };
  if (user.municipalityCode === null || user.municipalityCode !== target.municipalityCode) {
    return { read: false, build: false };
  }
  return { read: true, build: user.role === "admin" || user.role === "planning" };
}

/** Who administers accounts at all (lists them, creates them): administrators. */
export function canAdministerUsers(actor: StaffUser): boolean {
  return actor.role === "admin";
}

export interface AccountPermissions extends UserPermissions {
  /** Change the role and department. Never one's own: no one raises or locks out themselves. */
  changeRole: boolean;
  disable: boolean;
  /** Set another account's password. One's own needs the current password (own page). */
  resetPassword: boolean;
}

/** One account as the user administration screens show it. */
export function accountPermissions(actor: StaffUser, target: UserRecord): AccountPermissions {
  const base = userPermissions(actor, target);
  const manage = base.manage && canAdministerUsers(actor);
  const other = actor.id !== target.id;
  return {
    read: base.read,
    manage,
    changeRole: manage && other,
    disable: manage && other,
    resetPassword: manage && other,
  };
}

export interface FiscalYearPermissions {
  /** The overview and the deadlines of the municipality's year (a department: its own row). */
  read: boolean;
  /** Open the year: last year's manifestos copied as drafts. */
  open: boolean;
  setDeadlines: boolean;
}

/** A municipality's fiscal year: its overview, its deadlines, opening it. */
export function fiscalYearPermissions(
  user: StaffUser,
  year: { municipalityCode: string },
): FiscalYearPermissions {
  const scope = scopeOf(user);
  const read =
    scope.kind === "installation" ||
    (scope.municipalityCode !== "" && scope.municipalityCode === year.municipalityCode);
  const steward = read && (user.role === "planning" || user.role === "admin");
  return { read, open: steward, setDeadlines: steward };
}

/** What anyone may do with a manifesto that does not exist yet (an overview row without one). */
export function noManifestoPermissions(): ManifestoPermissions {
  return { ...NOTHING };
}

export interface MasterDataPermissions {
  /** See the municipality's settings, departments, plan structure, scale and indicators. */
  read: boolean;
  /** Change them: the municipality's administrators and the installation's. */
  manage: boolean;
}

/**
 * A municipality's master data (自治体設定, 部局, 施策・基本事業, 評価段階, 指標). Its staff read
 * it (the editor offers its plan and scale); only administrators change it, a municipality's
 * administrator their own municipality only.
 */
export function masterDataPermissions(
  user: StaffUser,
  target: { municipalityCode: string },
): MasterDataPermissions {
  if (isInstallationAdmin(user)) return { read: true, manage: true };
  const own = user.municipalityCode !== null && user.municipalityCode === target.municipalityCode;
  return { read: own, manage: own && user.role === "admin" };
}

/**
 * Registering a municipality: the installation's administrator any, a municipality's
 * administrator only their own (an account made for a city before the city was set up).
 */
export function canCreateMunicipality(user: StaffUser, code: string): boolean {
  if (isInstallationAdmin(user)) return true;
  return user.role === "admin" && user.municipalityCode === code;
}
