// One manifesto for the editor: its current document exactly as stored, and what the
// caller may do with it. Outside the caller's scope it does not exist (404, not 403).
import {
  findManifestoInScope,
  type ManifestoSummary,
} from "../../db/repositories/staff-manifestos.ts";
import { type ManifestoPermissions, manifestoPermissions } from "../../domain/permissions.ts";
import { scopeOf } from "../../domain/roles.ts";
import { NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";

export interface StaffManifesto {
  manifesto: ManifestoSummary;
  document: unknown;
  allowed: ManifestoPermissions;
}

export async function getStaffManifesto(ctx: StaffContext, id: number): Promise<StaffManifesto> {
  const found = await findManifestoInScope(ctx.db, scopeOf(ctx.user), id);
  if (!found) throw new NotFoundError(`no manifesto ${id}`);
  const { document, ...manifesto } = found;
  return { manifesto, document, allowed: manifestoPermissions(ctx.user, manifesto) };
}
