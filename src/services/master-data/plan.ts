// The plan structure（施策・基本事業）from the administration pages: a CSV upload or the tree as
// edited (a list of items with their parents). Problems are Japanese and name the line or
// item; nothing is written when anything is wrong (a duplicate code, a cycle, a missing parent).
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { listPlanItems, replacePlanItems } from "../../db/repositories/plan-items.ts";
import { japanesePlanProblem } from "../../domain/master-data/plan-problems.ts";
import {
  type PlanItem,
  parsePlanStructureCsv,
  parsePlanStructureJson,
} from "../../domain/plan-structure.ts";
import { policyRefKey } from "../../domain/policy-refs.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { municipalityForMasterData, refuse } from "./access.ts";

export async function readPlan(ctx: StaffContext, code: string): Promise<PlanItem[]> {
  await municipalityForMasterData(ctx, code, "read");
  const rows = await listPlanItems(ctx.db, code);
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    ...(r.parentCode !== null && { parent: r.parentCode }),
  }));
}

function itemProblem(p: { path: string; message: string }) {
  // `[3].code` → 「4番目の項目 コード」
  const m = /^\[(\d+)\]\.?(\w+)?$/.exec(p.path);
  const translated = japanesePlanProblem(p);
  if (!m) return translated;
  const field = { code: "コード", title: "名称", parent: "上位コード" }[m[2] ?? ""] ?? "";
  return { path: `${Number(m[1]) + 1}番目の項目 ${field}`.trim(), message: translated.message };
}

export async function savePlan(
  ctx: StaffContext,
  code: string,
  input: { csv: string } | { items: unknown[] },
): Promise<PlanItem[]> {
  await municipalityForMasterData(ctx, code, "manage");
  const parsed =
    "csv" in input
      ? parsePlanStructureCsv(input.csv)
      : parsePlanStructureJson(JSON.stringify(input.items));
  if (!parsed.ok) {
    refuse(
      "施策・基本事業に問題があります",
      parsed.problems.map("csv" in input ? japanesePlanProblem : itemProblem),
    );
  }
  await ctx.db.transaction().execute(async (tx) => {
    await replacePlanItems(
      tx,
      code,
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
      municipalityCode: code,
      detail: { items: parsed.value.length },
    });
  });
  return parsed.value;
}
