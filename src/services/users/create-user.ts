// Create a staff account. The first administrator comes from the command line
// (`tassei user add --role admin …`); there is never a default password.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { findNamedDepartment } from "../../db/repositories/departments.ts";
import { findDepartmentById } from "../../db/repositories/staff-manifestos.ts";
import { findUserByUsername, insertUser } from "../../db/repositories/users.ts";
import { EMAIL_PROBLEM, normaliseEmail } from "../../domain/notifications/email.ts";
import { userPermissions } from "../../domain/permissions.ts";
import { isDepartmentRole, isRole, ROLES, type Role, type StaffUser } from "../../domain/roles.ts";
import { comparisonKey } from "../../domain/text.ts";
import { AppError, NotFoundError, ValidationError } from "../../errors.ts";
import { checkPasswordPolicy, hashPassword } from "../auth/passwords.ts";
import type { ServiceContext } from "../context.ts";
import { requireMunicipality } from "../find-manifestos.ts";

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/;

export interface NewUser {
  username: string;
  displayName?: string | undefined;
  password: string;
  role: string;
  /** null: an installation administrator. */
  municipalityCode: string | null;
  /** The department's name or its own code, for the department roles. */
  department?: string | undefined;
  /** Or the department by its id (the staff API), which must be the municipality's. */
  departmentId?: number | undefined;
  /** Where notifications go (issue 14); none when absent or empty. */
  email?: string | null | undefined;
}

export async function createUser(
  ctx: ServiceContext,
  input: NewUser,
  /** The staff user creating the account; absent for the command line (the operator). */
  by?: StaffUser,
): Promise<{ id: number; username: string; role: Role; departmentId: number | null }> {
  const problems = [];
  if (!USERNAME_PATTERN.test(input.username)) {
    problems.push({
      path: "username",
      message:
        "must be 3–64 characters: letters, digits and . _ @ - (starting with a letter or digit)",
    });
  }
  if (!isRole(input.role))
    problems.push({ path: "role", message: `must be one of ${ROLES.join(", ")}` });
  const role = input.role as Role;
  const hasDepartment = Boolean(input.department) || input.departmentId !== undefined;
  if (isRole(input.role)) {
    if (input.municipalityCode === null && role !== "admin") {
      problems.push({ path: "municipality", message: "is required for every role but admin" });
    }
    if (isDepartmentRole(role) && !hasDepartment) {
      problems.push({ path: "department", message: `is required for the role ${role}` });
    }
    if (!isDepartmentRole(role) && hasDepartment) {
      problems.push({ path: "department", message: `is only for department roles, not ${role}` });
    }
  }
  const email = normaliseEmail(input.email);
  if (email === undefined) problems.push({ path: "email", message: EMAIL_PROBLEM });
  if (problems.length > 0) throw new ValidationError("アカウントを作成できません", problems);
  checkPasswordPolicy(input.password);

  let departmentId: number | null = null;
  if (input.municipalityCode !== null) {
    await requireMunicipality(ctx, input.municipalityCode);
    if (input.departmentId !== undefined) {
      const found = await findDepartmentById(ctx.db, input.departmentId);
      if (found?.municipalityCode !== input.municipalityCode) {
        throw new ValidationError("アカウントを作成できません", [
          { path: "departmentId", message: `is not a department of ${input.municipalityCode}` },
        ]);
      }
      departmentId = found.id;
    } else if (input.department) {
      // One word that is the department's code or its name (a department with a code is
      // still found by its name).
      const found = (
        await findNamedDepartment(ctx.db, input.municipalityCode, {
          code: input.department,
          nameKey: comparisonKey(input.department),
        })
      )?.id;
      if (found === undefined) {
        throw new NotFoundError(
          `no department ${input.department} in municipality ${input.municipalityCode}`,
        );
      }
      departmentId = found;
    }
  }
  const target = { id: -1, role, municipalityCode: input.municipalityCode, departmentId };
  if (by && !userPermissions(by, target).manage) {
    throw new AppError("forbidden", "このアカウントを作成する権限がありません");
  }
  if (await findUserByUsername(ctx.db, input.username)) {
    throw new AppError("conflict", `a user named ${input.username} already exists`);
  }
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const newId = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName ?? null,
      passwordHash,
      role,
      municipalityCode: input.municipalityCode,
      departmentId,
      email: email ?? null,
    });
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "user.created",
      ...(input.municipalityCode && { municipalityCode: input.municipalityCode }),
      detail: { userId: newId, username: input.username, role, departmentId },
    });
    return newId;
  });
  return { id, username: input.username, role, departmentId };
}
