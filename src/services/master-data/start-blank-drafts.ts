// A new municipality has no last year to carry forward: its planning division starts the
// year with a blank draft for every current department, written from the master data
// (municipality, document title, department name, code, head and contact). The one goal is
// a placeholder the department replaces: the format needs at least one.

import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { listDepartmentRecords } from "../../db/repositories/department-master.ts";
import { insertManifestoIfAbsent } from "../../db/repositories/fiscal-years.ts";
import { formatFiscalYear } from "../../domain/era.ts";
import { FORMAT_TAG, type ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { comparisonKey } from "../../domain/text.ts";
import { AppError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { writeRevision } from "../manifestos/write-revision.ts";
import { municipalityInScope } from "../planning/year-in-scope.ts";

export const PLACEHOLDER = "（未記入）";

export async function startBlankDrafts(
  ctx: StaffContext,
  code: string,
  fiscalYear: number,
): Promise<{ created: { departmentName: string; manifestoId: number }[]; message: string }> {
  const { municipality, allowed } = await municipalityInScope(ctx, code);
  if (!allowed.open) throw new AppError("forbidden", "年度を開始できるのは企画課と管理者だけです");
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1989 || fiscalYear > 2100) {
    throw new AppError("validation_error", "年度が正しくありません", [
      { path: "年度", message: "1989〜2100 の年度を指定してください" },
    ]);
  }
  const created = await ctx.db.transaction().execute(async (tx) => {
    const departments = (await listDepartmentRecords(tx, code)).filter(
      (d) => d.retiredFromYear === null || d.retiredFromYear > fiscalYear,
    );
    const made: { departmentName: string; manifestoId: number }[] = [];
    for (const d of departments) {
      const head = {
        ...(d.headTitle && { title: d.headTitle }),
        ...(d.headName && { name: d.headName }),
      };
      const contact = {
        ...(d.contactPhone && { phone: d.contactPhone }),
        ...(d.contactEmail && { email: d.contactEmail }),
      };
      const doc: ManifestoDocument = {
        format: FORMAT_TAG,
        municipality: {
          code,
          name: municipality.name,
          ...(municipality.prefecture && { prefecture: municipality.prefecture }),
        },
        fiscalYear,
        ...(municipality.documentTitle && { documentTitle: municipality.documentTitle }),
        ...(municipality.documentSubtitle && { documentSubtitle: municipality.documentSubtitle }),
        department: {
          name: d.name,
          ...(d.code && { code: d.code }),
          ...(Object.keys(head).length > 0 && { head }),
          ...(Object.keys(contact).length > 0 && { contact }),
        },
        goals: [{ number: 1, mission: PLACEHOLDER, title: PLACEHOLDER }],
      };
      const manifestoId = await insertManifestoIfAbsent(tx, {
        municipalityCode: code,
        fiscalYear,
        departmentId: d.id,
        departmentName: d.name,
        departmentNameKey: comparisonKey(d.name),
        state: "draft",
      });
      if (manifestoId === undefined) continue;
      await writeRevision(tx, ctx.actor, {
        manifestoId,
        revision: 1,
        doc,
        source: "blank",
        note: "部局の基本情報から作成した白紙の下書き",
        action: "manifesto.started_blank",
      });
      made.push({ departmentName: d.name, manifestoId });
    }
    if (made.length > 0) {
      await recordAuditEvent(tx, {
        actor: ctx.actor,
        action: "fiscal_year.started_blank",
        municipalityCode: code,
        detail: { fiscalYear, created: made.map((m) => m.manifestoId) },
      });
    }
    return made;
  });
  const label = formatFiscalYear(fiscalYear);
  return {
    created,
    message:
      created.length > 0
        ? `${label}：${created.length}部局の白紙の下書きを作成しました`
        : `${label}のマニフェストはすべての部局にあります。作成したものはありません`,
  };
}
