// Import one tassei.manifesto/v1 document: refused whole on any problem, otherwise written
// as a new revision of that municipality/year/department's manifesto in one transaction,
// with its read model and its audit event.
import { findManifestoForDepartment, insertManifesto } from "../db/repositories/manifestos.ts";
import { findMunicipality } from "../db/repositories/municipalities.ts";
import type { ManifestoDocument } from "../domain/manifesto/schema.ts";
import { validateManifesto } from "../domain/manifesto/validate.ts";
import { comparisonKey } from "../domain/text.ts";
import {
  isManifestoState,
  type ManifestoState,
  PUBLISHED_STATES,
  phaseOf,
  publishedStateFor,
} from "../domain/workflow.ts";
import { AppError, ValidationError } from "../errors.ts";
import type { ServiceContext } from "./context.ts";
import { refuseFrozenChanges } from "./manifestos/frozen-content.ts";
import { fitImport, type MasterDataMode } from "./manifestos/master-data.ts";
import { writeRevision } from "./manifestos/write-revision.ts";
import { validateOptionsOf } from "./municipality-scale.ts";

export interface ImportOptions {
  /** Where the document came from, kept with the revision: `import`, `demo`, `api` … */
  source?: string;
  note?: string;
  /** Import as published (plan, or results when any goal is evaluated). */
  published?: boolean;
  /**
   * The operator's import may create a municipality and departments that do not exist yet
   * (the default); the staff workspace and the API import only into registered ones.
   */
  masterData?: MasterDataMode;
}

export interface ImportResult {
  manifestoId: number;
  revision: number;
  created: boolean;
  municipalityCode: string;
  fiscalYear: number;
  departmentName: string;
  state: ManifestoState | string;
  /** Master data this import created (operator imports only). */
  createdMunicipality: boolean;
  createdDepartment: boolean;
}

function municipalityCodeOf(raw: unknown): string | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const m = (raw as { municipality?: unknown }).municipality;
  if (typeof m !== "object" || m === null) return undefined;
  const code = (m as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Validates against the municipality's own scale when the document carries none. */
export async function validateForImport(
  ctx: ServiceContext,
  raw: unknown,
): Promise<ManifestoDocument> {
  const code = municipalityCodeOf(raw);
  const municipality = code ? await findMunicipality(ctx.db, code) : undefined;
  const result = validateManifesto(raw, validateOptionsOf(municipality));
  if (!result.ok) {
    throw new ValidationError("the document does not follow tassei.manifesto/v1", result.problems);
  }
  return result.value;
}

export async function importManifesto(
  ctx: ServiceContext,
  raw: unknown,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const doc = await validateForImport(ctx, raw);
  return writeManifesto(ctx, doc, options);
}

/** Writes a document that has already been validated. */
export async function writeManifesto(
  ctx: ServiceContext,
  given: ManifestoDocument,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const municipalityCode = given.municipality.code;
  const hasEvaluation = given.goals.some((g) => g.evaluation !== undefined);
  const state = options.published ? publishedStateFor(hasEvaluation) : undefined;

  return ctx.db.transaction().execute(async (tx) => {
    const fitted = await fitImport(tx, given, options.masterData ?? "create-missing");
    const { doc, departmentId } = fitted;
    const departmentNameKey = comparisonKey(doc.department.name);
    const key = { municipalityCode, fiscalYear: doc.fiscalYear, departmentId };
    const existing = await findManifestoForDepartment(tx, key);
    if (existing && PUBLISHED_STATES.includes(existing.state as ManifestoState) && !state) {
      // Published content is frozen: what replaces it is a published correction.
      throw new AppError(
        "conflict",
        `the ${doc.fiscalYear} manifesto of ${doc.department.name} is published; import the correction with --published (and a --note saying what changed)`,
      );
    }
    if (existing && !state && isManifestoState(existing.state)) {
      // While the evaluation is written, an import changes only what the evaluation writes.
      if (phaseOf(existing.state) === "evaluation") {
        await refuseFrozenChanges(
          tx,
          { manifestoId: existing.id, ...existing, state: "evaluation_draft" },
          doc,
        );
      }
    }
    const revision = existing ? existing.currentRevision + 1 : 1;
    const manifestoId =
      existing?.id ??
      (await insertManifesto(tx, {
        ...key,
        departmentName: doc.department.name,
        departmentNameKey,
        state: state ?? "draft",
      }));
    await writeRevision(tx, ctx.actor, {
      manifestoId,
      revision,
      doc,
      source: options.source ?? "import",
      ...(options.note !== undefined && { note: options.note }),
      ...(state !== undefined && { state }),
      action: existing ? "manifesto.replaced" : "manifesto.imported",
    });
    return {
      manifestoId,
      revision,
      created: !existing,
      municipalityCode,
      fiscalYear: doc.fiscalYear,
      departmentName: doc.department.name,
      state: state ?? (existing ? "unchanged" : "draft"),
      createdMunicipality: fitted.createdMunicipality,
      createdDepartment: fitted.createdDepartment,
    };
  });
}
