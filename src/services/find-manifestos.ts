// Loading current manifestos by municipality, year and (optionally) department, shared by
// the use cases that read documents (export, assess, later the portal and reports).
import { listCurrentManifestos, type StoredManifesto } from "../db/repositories/manifestos.ts";
import { findMunicipality, type MunicipalityRow } from "../db/repositories/municipalities.ts";
import { type ManifestoDocument, manifestoDocumentSchema } from "../domain/manifesto/schema.ts";
import { comparisonKey } from "../domain/text.ts";
import { NotFoundError } from "../errors.ts";
import type { ServiceContext } from "./context.ts";

export interface ManifestoSelector {
  municipalityCode: string;
  fiscalYear: number;
  /** The department's name (compared after NFKC) or its own code. */
  department?: string;
  states?: readonly string[];
}

export interface LoadedManifesto extends Omit<StoredManifesto, "document"> {
  document: ManifestoDocument;
}

export async function requireMunicipality(
  ctx: ServiceContext,
  code: string,
): Promise<MunicipalityRow> {
  const municipality = await findMunicipality(ctx.db, code);
  if (!municipality) throw new NotFoundError(`自治体 ${code} はまだ登録されていません`);
  return municipality;
}

export async function loadManifestos(
  ctx: ServiceContext,
  selector: ManifestoSelector,
): Promise<LoadedManifesto[]> {
  const rows = await listCurrentManifestos(ctx.db, {
    municipalityCode: selector.municipalityCode,
    fiscalYear: selector.fiscalYear,
    ...(selector.department !== undefined && {
      department: { code: selector.department, nameKey: comparisonKey(selector.department) },
    }),
    ...(selector.states !== undefined && { states: selector.states }),
  });
  // Stored documents were validated on the way in; parsing again gives typed values.
  return rows.map((r) => ({ ...r, document: manifestoDocumentSchema.parse(r.document) }));
}

export async function loadOneManifesto(
  ctx: ServiceContext,
  selector: ManifestoSelector & { department: string },
): Promise<LoadedManifesto> {
  const found = await loadManifestos(ctx, selector);
  // A name and another department's code can coincide; the name wins.
  const key = comparisonKey(selector.department);
  const first = found.find((m) => comparisonKey(m.departmentName) === key) ?? found[0];
  if (!first) {
    throw new NotFoundError(
      `no manifesto for department ${selector.department}, fiscal year ${selector.fiscalYear}, municipality ${selector.municipalityCode}`,
    );
  }
  return first;
}
