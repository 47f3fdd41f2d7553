// Replace a municipality's plan structure (施策・基本事業 codes and titles) from JSON or CSV.
import { recordAuditEvent } from "../db/repositories/audit-events.ts";
import { listPlanItems, replacePlanItems } from "../db/repositories/plan-items.ts";
import {
  type PlanItem,
  parsePlanStructureCsv,
  parsePlanStructureJson,
} from "../domain/plan-structure.ts";
import { policyRefKey } from "../domain/policy-refs.ts";
import { ValidationError } from "../errors.ts";
import type { ServiceContext } from "./context.ts";
import { requireMunicipality } from "./find-manifestos.ts";

export type PlanFileFormat = "json" | "csv";

export async function importPlanStructure(
  ctx: ServiceContext,
  input: { municipalityCode: string; content: string; format: PlanFileFormat },
): Promise<{ items: number }> {
  const parsed =
    input.format === "csv"
      ? parsePlanStructureCsv(input.content)
      : parsePlanStructureJson(input.content);
  if (!parsed.ok) throw new ValidationError("the plan structure is not valid", parsed.problems);
  await requireMunicipality(ctx, input.municipalityCode);
  await ctx.db.transaction().execute(async (tx) => {
    await replacePlanItems(
      tx,
      input.municipalityCode,
      parsed.value.map((item) => ({
        key: policyRefKey(item.code),
        code: item.code,
        title: item.title,
        parentCode: item.parent ?? null,
      })),
    );
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "plan_structure.replaced",
      municipalityCode: input.municipalityCode,
      detail: { items: parsed.value.length },
    });
  });
  return { items: parsed.value.length };
}

export async function getPlanStructure(
  ctx: ServiceContext,
  municipalityCode: string,
): Promise<PlanItem[]> {
  await requireMunicipality(ctx, municipalityCode);
  const rows = await listPlanItems(ctx.db, municipalityCode);
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    ...(r.parentCode !== null && { parent: r.parentCode }),
  }));
}
