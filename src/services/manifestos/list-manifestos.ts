// The manifestos a staff user may see, loaded by a query limited to their scope.
import {
  listManifestosInScope,
  type ManifestoSummary,
} from "../../db/repositories/staff-manifestos.ts";
import { type ManifestoPermissions, manifestoPermissions } from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import type { StaffContext } from "../auth/staff-context.ts";

export async function listStaffManifestos(
  ctx: StaffContext,
  filter: { fiscalYear?: number } = {},
): Promise<(ManifestoSummary & { allowed: ManifestoPermissions })[]> {
  const rows = await listManifestosInScope(ctx.db, scopeOf(ctx.user), filter);
  return rows.map((m) => ({ ...m, allowed: manifestoPermissions(ctx.user, m) }));
}
