import {
  listPublicManifestos,
  listPublicTargetIndicators,
} from "../../db/repositories/public-manifestos.ts";
import { listAcknowledgedProgress } from "../../db/repositories/public-progress.ts";
import type { ProgressEntry } from "../../domain/progress-report/report.ts";
import { NotFoundError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { listPublicCorrections, type PublicCorrection } from "./public-corrections.ts";
import {
  departmentRef,
  type PublicMunicipality,
  planTitles,
  type ReadManifesto,
  readManifesto,
  requirePublicMunicipality,
} from "./shared.ts";

export interface PublicManifestoSelector {
  municipalityCode: string;
  fiscalYear: number;
  /** The department's own code or its name (as in the page's URL). */
  department: string;
}

export interface PublicManifestoView extends ReadManifesto {
  municipality: PublicMunicipality;
  plan: ReadonlyMap<string, string>;
  /** Indicator id of each numeric target, keyed `goalNumber:position`. */
  indicatorIds: ReadonlyMap<string, number>;
  /** Corrections after publication, newest first. */
  corrections: PublicCorrection[];
  /** Acknowledged progress reports' entries by goal number, newest first. */
  progress: ReadonlyMap<number, ProgressEntry[]>;
}

/** One department's published manifesto of one year, with its assessment. */
export async function getPublicManifesto(
  ctx: ServiceContext,
  selector: PublicManifestoSelector,
): Promise<PublicManifestoView> {
  const municipality = await requirePublicMunicipality(ctx, selector.municipalityCode);
  const rows = await listPublicManifestos(ctx.db, {
    municipalityCode: selector.municipalityCode,
    fiscalYear: selector.fiscalYear,
    department: departmentRef(selector.department),
  });
  // A code and another department's name can coincide: the code wins, as in the URLs.
  const stored = rows.find((r) => r.departmentCode === selector.department) ?? rows[0];
  if (!stored) {
    throw new NotFoundError(
      `no published manifesto for ${selector.department} in ${selector.fiscalYear}`,
    );
  }
  const plan = await planTitles(ctx, selector.municipalityCode);
  const links = await listPublicTargetIndicators(ctx.db, stored.id);
  const indicatorIds = new Map<string, number>();
  for (const l of links) {
    if (l.indicator_id !== null) indicatorIds.set(`${l.goal_number}:${l.position}`, l.indicator_id);
  }
  const corrections = await listPublicCorrections(ctx, stored.id);
  const progress = new Map<number, ProgressEntry[]>();
  for (const report of await listAcknowledgedProgress(ctx.db, stored.id)) {
    for (const entry of Array.isArray(report.entries) ? (report.entries as ProgressEntry[]) : []) {
      progress.set(entry.goal, [...(progress.get(entry.goal) ?? []), entry]);
    }
  }
  return {
    ...readManifesto(stored, municipality, plan),
    municipality,
    plan,
    indicatorIds,
    corrections,
    progress,
  };
}
