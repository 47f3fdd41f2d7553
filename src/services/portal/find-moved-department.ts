// A public address of a department that was renamed or given another code: the address it has
// now, so the portal can redirect (an old link keeps working). Only addresses the
// administrator's changes recorded (migration 0010) are followed.
import { findDepartmentByOldAddress } from "../../db/repositories/department-master.ts";
import type { ServiceContext } from "../context.ts";

export async function movedDepartmentAddress(
  ctx: ServiceContext,
  municipalityCode: string,
  address: string,
): Promise<string | null> {
  const d = await findDepartmentByOldAddress(ctx.db, municipalityCode, address);
  if (!d) return null;
  const now = d.code !== null && d.code !== "" ? d.code : d.name;
  return now === address ? null : now;
}
