// A staff user imports a tassei.manifesto/v1 document: validated as any import, and only
// into their own scope (a department role: their own department only).
import { findDepartmentFor, findManifestoId } from "../../db/repositories/staff-manifestos.ts";
import { canCreateManifesto, manifestoPermissions } from "../../domain/permissions.ts";
import { comparisonKey } from "../../domain/text.ts";
import { AppError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { type ImportResult, validateForImport, writeManifesto } from "../import-manifesto.ts";

export async function importStaffManifesto(ctx: StaffContext, raw: unknown): Promise<ImportResult> {
  if (ctx.user.role === "viewer") {
    throw new AppError("forbidden", "閲覧者はマニフェストを取り込めません");
  }
  const doc = await validateForImport(ctx, raw);
  const municipalityCode = doc.municipality.code;
  const departmentId =
    (await findDepartmentFor(ctx.db, municipalityCode, {
      code: doc.department.code,
      nameKey: comparisonKey(doc.department.name),
    })) ?? null;
  if (!canCreateManifesto(ctx.user, { municipalityCode, departmentId })) {
    throw new AppError("forbidden", "この自治体・部局のマニフェストを取り込む権限がありません");
  }
  if (departmentId !== null) {
    const existing = await findManifestoId(ctx.db, {
      municipalityCode,
      fiscalYear: doc.fiscalYear,
      departmentId,
    });
    if (
      existing &&
      !manifestoPermissions(ctx.user, { municipalityCode, departmentId, state: existing.state })
        .edit
    ) {
      throw new AppError("forbidden", "このマニフェストは現在の状態では更新できません");
    }
  }
  return writeManifesto(ctx, doc, { source: "api" });
}
