import { listPublicDepartmentLinks } from "../../db/repositories/public-department-links.ts";
import { listPublicManifestos } from "../../db/repositories/public-manifestos.ts";
import { NotFoundError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { departmentRef, planTitles, readManifesto, requirePublicMunicipality } from "./shared.ts";
import { summariseManifesto } from "./summarise.ts";

/** A department across fiscal years, newest first (its name may change in April). */
export async function getPublicDepartmentHistory(
  ctx: ServiceContext,
  code: string,
  department: string,
) {
  const municipality = await requirePublicMunicipality(ctx, code);
  const rows = await listPublicManifestos(ctx.db, {
    municipalityCode: code,
    department: departmentRef(department),
  });
  const byCode = rows.filter((r) => r.departmentCode === department);
  const first = byCode[0] ?? rows[0];
  if (!first) throw new NotFoundError(`no published manifesto for department ${department}`);
  const plan = await planTitles(ctx, code);
  const years = rows
    .filter((r) => r.departmentId === first.departmentId)
    .map((r) => summariseManifesto(readManifesto(r, municipality, plan)));
  return {
    municipality,
    departmentName: first.departmentName,
    departmentCode: first.departmentCode,
    years,
    /** Predecessors and successors after a reorganisation (機構改革), where published. */
    links: await listPublicDepartmentLinks(ctx.db, first.departmentId),
  };
}
