// A use case on behalf of a signed-in staff user: the audit actor is `user:<id>`.
import { isRole, type StaffUser } from "../../domain/roles.ts";
import type { ServiceContext } from "../context.ts";

export interface StaffContext extends ServiceContext {
  user: StaffUser;
}

export function staffActor(userId: number): string {
  return `user:${userId}`;
}

export function staffContext(ctx: Pick<ServiceContext, "db">, user: StaffUser): StaffContext {
  return { db: ctx.db, actor: staffActor(user.id), user };
}

/** A stored row as the permission functions see it; an unknown role sees nothing. */
export function toStaffUser(row: {
  id: number;
  username: string;
  role: string;
  municipalityCode: string | null;
  departmentId: number | null;
}): StaffUser {
  return {
    id: row.id,
    username: row.username,
    role: isRole(row.role) ? row.role : "viewer",
    municipalityCode: row.municipalityCode,
    departmentId: row.departmentId,
  };
}
