import { loadPublicManifestoPage } from "../../db/repositories/public-manifesto-page.ts";
import type { ProgressEntry } from "../../domain/progress-report/report.ts";
import { NotFoundError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { correctionsOf, type PublicCorrection } from "./public-corrections.ts";
import {
  departmentRef,
  type PublicMunicipality,
  publicMunicipalityOf,
  type ReadManifesto,
  readManifesto,
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

/**
 * One department's published manifesto of one year, with its assessment: its data in one
 * statement (loadPublicManifestoPage), since on the embedded database every statement costs
 * the server's only thread.
 */
export async function getPublicManifesto(
  ctx: ServiceContext,
  selector: PublicManifestoSelector,
): Promise<PublicManifestoView> {
  const data = await loadPublicManifestoPage(ctx.db, {
    municipalityCode: selector.municipalityCode,
    fiscalYear: selector.fiscalYear,
    department: departmentRef(selector.department),
  });
  const municipality = publicMunicipalityOf(selector.municipalityCode, data.municipality);
  const found = data.manifesto;
  if (!found) {
    throw new NotFoundError(
      `no published manifesto for ${selector.department} in ${selector.fiscalYear}`,
    );
  }
  const plan = new Map(found.planItems.map((i) => [i.key, i.title] as const));
  const indicatorIds = new Map<string, number>();
  for (const l of found.indicatorLinks) {
    indicatorIds.set(`${l.goal_number}:${l.position}`, l.indicator_id);
  }
  const progress = new Map<number, ProgressEntry[]>();
  for (const report of found.progress) {
    for (const entry of Array.isArray(report.entries) ? (report.entries as ProgressEntry[]) : []) {
      progress.set(entry.goal, [...(progress.get(entry.goal) ?? []), entry]);
    }
  }
  return {
    ...readManifesto(found.stored, municipality, plan),
    municipality,
    plan,
    indicatorIds,
    corrections: correctionsOf(found.publications),
    progress,
  };
}
