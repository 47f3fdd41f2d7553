// Staff roles and the scope each one works in (PRODUCT.md "Users"). A user is scoped by
// municipality, and the two department roles by their own department too; an administrator
// without a municipality is the installation's operator, who works across municipalities.
export const ROLES = [
  "admin",
  "planning",
  "department_head",
  "department_editor",
  "viewer",
] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENT_ROLES: readonly Role[] = ["department_head", "department_editor"];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "管理者",
  planning: "企画課",
  department_head: "部局長",
  department_editor: "部局の担当者",
  viewer: "閲覧者",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isDepartmentRole(role: Role): boolean {
  return DEPARTMENT_ROLES.includes(role);
}

/** Who is acting, as the permission functions need it. */
export interface StaffUser {
  id: number;
  username: string;
  role: Role;
  /** null only for an installation administrator. */
  municipalityCode: string | null;
  /** Set for the department roles, null otherwise. */
  departmentId: number | null;
}

export function isInstallationAdmin(user: StaffUser): boolean {
  return user.role === "admin" && user.municipalityCode === null;
}

/** The rows a user may see at all: everything, one municipality, or one department in it. */
export type Scope =
  | { kind: "installation" }
  | { kind: "municipality"; municipalityCode: string }
  | { kind: "department"; municipalityCode: string; departmentId: number };

export function scopeOf(user: StaffUser): Scope {
  if (user.municipalityCode === null) {
    return isInstallationAdmin(user)
      ? { kind: "installation" }
      : // A non-admin without a municipality cannot be stored (a check constraint); should one
        // appear anyway it sees nothing rather than everything.
        { kind: "department", municipalityCode: "", departmentId: -1 };
  }
  if (isDepartmentRole(user.role)) {
    return {
      kind: "department",
      municipalityCode: user.municipalityCode,
      departmentId: user.departmentId ?? -1,
    };
  }
  return { kind: "municipality", municipalityCode: user.municipalityCode };
}

export function inScope(
  scope: Scope,
  record: { municipalityCode: string | null; departmentId?: number | null },
): boolean {
  switch (scope.kind) {
    case "installation":
      return true;
    case "municipality":
      return record.municipalityCode === scope.municipalityCode;
    case "department":
      return (
        record.municipalityCode === scope.municipalityCode &&
        record.departmentId === scope.departmentId
      );
  }
}
