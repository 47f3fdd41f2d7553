// A staff user imports a tassei.manifesto/v1 document: validated as any import, and only
// into their own scope (a department role: their own department only), and only for a
// municipality and department that are registered, named as they are registered.
import { findManifestoId } from "../../db/repositories/staff-manifestos.ts";
import { canCreateManifesto, manifestoPermissions } from "../../domain/permissions.ts";
import { AppError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { type ImportResult, validateForImport, writeManifesto } from "../import-manifesto.ts";
import { findRegisteredDepartment, masterDataProblems } from "./master-data.ts";

export async function importStaffManifesto(ctx: StaffContext, raw: unknown): Promise<ImportResult> {
  if (ctx.user.role === "viewer") {
    throw new AppError("forbidden", "閲覧者はマニフェストを取り込めません");
  }
  const doc = await validateForImport(ctx, raw);
  const municipalityCode = doc.municipality.code;
  const departmentId = (await findRegisteredDepartment(ctx.db, doc))?.id ?? null;
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
  // Said before anything else is, so the message names the field and the registered value.
  const problems = await masterDataProblems(ctx.db, doc, "registered");
  if (problems.length > 0) {
    throw new ValidationError("文書の自治体・部局が登録されている内容と違います", problems);
  }
  return writeManifesto(ctx, doc, { source: "api", masterData: "registered" });
}
