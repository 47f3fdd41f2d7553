// The accounts a caller may see: the operator (command line) sees all.
import { listUsers, type UserRow } from "../../db/repositories/users.ts";
import { userPermissions } from "../../domain/permissions.ts";
import type { StaffUser } from "../../domain/roles.ts";
import { toStaffUser } from "../auth/staff-context.ts";
import type { ServiceContext } from "../context.ts";

export async function listStaffUsers(
  ctx: ServiceContext,
  filter: { municipalityCode?: string } = {},
  by?: StaffUser,
): Promise<UserRow[]> {
  const municipalityCode = filter.municipalityCode ?? by?.municipalityCode ?? undefined;
  const rows = await listUsers(ctx.db, municipalityCode === undefined ? {} : { municipalityCode });
  return by ? rows.filter((r) => userPermissions(by, toStaffUser(r)).read) : rows;
}
