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
import type { ManifestoState } from "./workflow.ts";

export interface ManifestoPermissions {
  read: boolean;
  /** Save a new revision of the document. */
  edit: boolean;
  submit: boolean;
  approve: boolean;
  /** 差戻し: send a submission back to draft. */
  return: boolean;
  publish: boolean;
  /** Write the year-end results and self-evaluation. */
  evaluate: boolean;
}

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
};

const DRAFT_STATES: readonly string[] = ["draft", "evaluation_draft"];
const SUBMITTED_STATES: readonly string[] = ["submitted", "evaluation_submitted"];
const APPROVED_STATES: readonly string[] = ["approved", "evaluation_approved"];
const EVALUATION_STATES: readonly string[] = ["published", "evaluation_draft"];

export function manifestoPermissions(
  user: StaffUser,
  manifesto: ManifestoRecord,
): ManifestoPermissions {
  if (!inScope(scopeOf(user), manifesto)) return NOTHING;
  const { state } = manifesto;
  const isDraft = DRAFT_STATES.includes(state);
  const evaluating = EVALUATION_STATES.includes(state);
  switch (user.role) {
    case "viewer":
      return { ...NOTHING, read: true };
    case "department_editor":
      return { ...NOTHING, read: true, edit: isDraft, evaluate: evaluating };
    case "department_head":
      // The head signs the department's submission off: submitting is the head's act.
      return { ...NOTHING, read: true, edit: isDraft, submit: isDraft, evaluate: evaluating };
    case "planning":
    case "admin":
      return {
        read: true,
        // Stewards correct any state; a correction of a published document is a new
        // published revision (PRODUCT.md "The cycle").
        edit: true,
        submit: isDraft,
        approve: SUBMITTED_STATES.includes(state),
        return: SUBMITTED_STATES.includes(state),
        publish: APPROVED_STATES.includes(state),
        evaluate: evaluating,
      };
  }
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
