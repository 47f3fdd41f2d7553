// Opening a fiscal year: every department that had a manifesto last year and has none this
// year gets a draft copied from last year's current document (domain/manifesto/next-year.ts:
// same goals, targets and means; results and evaluation left behind; last year's results
// as baselines). All drafts are written in one transaction with their audit events, or none
// is. Asking again creates nothing and says so; two requests at once cannot both create a
// department's draft (the insert gives way to the one already there).
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  insertManifestoIfAbsent,
  listCarryForwardCandidates,
} from "../../db/repositories/fiscal-years.ts";
import { formatFiscalYear } from "../../domain/era.ts";
import { nextYearDraft } from "../../domain/manifesto/next-year.ts";
import { type ManifestoDocument, manifestoDocumentSchema } from "../../domain/manifesto/schema.ts";
import { type Problem, validateManifesto } from "../../domain/manifesto/validate.ts";
import { comparisonKey } from "../../domain/text.ts";
import { AppError, ValidationError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { fitDocument } from "../manifestos/master-data.ts";
import { writeRevision } from "../manifestos/write-revision.ts";
import { scaleFromSetting } from "../municipality-scale.ts";
import { municipalityInScope } from "./year-in-scope.ts";

export interface OpenedDepartment {
  departmentId: number;
  departmentName: string;
  manifestoId: number;
  /** Last year's manifesto the draft was copied from. */
  fromManifestoId: number;
}

export interface FiscalYearOpening {
  municipalityCode: string;
  fiscalYear: number;
  /** Drafts made by this request. */
  created: OpenedDepartment[];
  /** Departments whose manifesto of the year was there already (nothing written). */
  existing: { departmentId: number; departmentName: string; manifestoId: number }[];
  message: string;
}

interface Draft {
  from: { id: number; departmentId: number; revision: number };
  doc: ManifestoDocument;
}

export async function openFiscalYear(
  ctx: StaffContext,
  input: { municipalityCode?: string | undefined; fiscalYear: number },
): Promise<FiscalYearOpening> {
  const { municipality, allowed } = await municipalityInScope(ctx, input.municipalityCode);
  if (!allowed.open) throw new AppError("forbidden", "年度を開始できるのは企画課と管理者だけです");
  const { fiscalYear } = input;
  const key = { municipalityCode: municipality.code, fiscalYear };
  const candidates = await listCarryForwardCandidates(ctx.db, key);
  const scale = scaleFromSetting(municipality.evaluationScale);

  const drafts: Draft[] = [];
  const problems: Problem[] = [];
  for (const c of candidates.filter((c) => c.existingId === null)) {
    const previous = manifestoDocumentSchema.safeParse(c.document);
    const checked = previous.success
      ? validateManifesto(nextYearDraft(previous.data), scale ? { scale } : {})
      : ({ ok: false, problems: [{ path: "$", message: "cannot be read" }] } as const);
    if (checked.ok) {
      drafts.push({
        from: { id: c.id, departmentId: c.departmentId, revision: c.revision },
        doc: checked.value,
      });
    } else {
      // Last year's document as stored no longer passes: say which and where, write nothing.
      problems.push(
        ...checked.problems.map((p) => ({ ...p, path: `${c.departmentName}: ${p.path}` })),
      );
    }
  }
  if (problems.length > 0) {
    throw new ValidationError("前年度のマニフェストから下書きを作れませんでした", problems);
  }

  const created = await ctx.db.transaction().execute(async (tx) => {
    const made: OpenedDepartment[] = [];
    for (const draft of drafts) {
      // The new year's names are the master data's for that year (a rename may take effect
      // from it), not last year's document's.
      const d = { ...draft, doc: await fitDocument(tx, draft.doc, draft.from.departmentId) };
      const manifestoId = await insertManifestoIfAbsent(tx, {
        ...key,
        departmentId: d.from.departmentId,
        departmentName: d.doc.department.name,
        departmentNameKey: comparisonKey(d.doc.department.name),
        state: "draft",
      });
      if (manifestoId === undefined) continue; // another request opened it meanwhile
      await writeRevision(tx, ctx.actor, {
        manifestoId,
        revision: 1,
        doc: d.doc,
        source: "carry_forward",
        note: `${formatFiscalYear(fiscalYear - 1)}のマニフェストから作成`,
        action: "manifesto.carried_forward",
        detail: { fromManifestoId: d.from.id, fromRevision: d.from.revision },
      });
      made.push({
        departmentId: d.from.departmentId,
        departmentName: d.doc.department.name,
        manifestoId,
        fromManifestoId: d.from.id,
      });
    }
    if (made.length > 0) {
      await recordAuditEvent(tx, {
        actor: ctx.actor,
        action: "fiscal_year.opened",
        municipalityCode: key.municipalityCode,
        detail: { fiscalYear, created: made.map((m) => m.manifestoId) },
      });
    }
    return made;
  });

  const existing = candidates.flatMap((c) =>
    c.existingId === null
      ? []
      : [
          {
            departmentId: c.departmentId,
            departmentName: c.departmentName,
            manifestoId: c.existingId,
          },
        ],
  );
  const label = formatFiscalYear(fiscalYear);
  const message =
    created.length > 0
      ? `${label}を開始しました：${created.length}部局の下書きを作成しました`
      : candidates.length === 0
        ? `${formatFiscalYear(fiscalYear - 1)}のマニフェストがないため、作成するものはありません`
        : `${label}はすでに開始されています。作成したものはありません`;
  return { ...key, created, existing, message };
}
