import {
  listPublicIndicatorObservations,
  listPublicIndicators,
} from "../../db/repositories/public-indicators.ts";
import { NotFoundError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { requirePublicMunicipality } from "./shared.ts";

export interface IndicatorYear {
  fiscalYear: number;
  baseline?: number;
  target?: { value: number; comparator: string };
  actual?: number;
  departments: string[];
}

export async function listPublicIndicatorsOf(ctx: ServiceContext, code: string) {
  const municipality = await requirePublicMunicipality(ctx, code);
  return { municipality, indicators: await listPublicIndicators(ctx.db, code) };
}

/**
 * An indicator across fiscal years: each year's baseline (as a later document reports it),
 * target and actual result, from published manifestos only. The first value reported for a
 * year wins, so one department's figure is not silently replaced by another's.
 */
export async function getPublicIndicator(ctx: ServiceContext, code: string, indicatorId: number) {
  const municipality = await requirePublicMunicipality(ctx, code);
  const rows = await listPublicIndicatorObservations(ctx.db, code, indicatorId);
  const first = rows[0];
  if (!first) throw new NotFoundError(`no published indicator ${indicatorId} in ${code}`);
  const years = new Map<number, IndicatorYear>();
  const year = (y: number) => {
    let entry = years.get(y);
    if (!entry) {
      entry = { fiscalYear: y, departments: [] };
      years.set(y, entry);
    }
    return entry;
  };
  for (const r of rows) {
    const entry = year(r.fiscalYear);
    if (!entry.departments.includes(r.departmentName)) entry.departments.push(r.departmentName);
    if (entry.target === undefined && r.target !== null && r.comparator !== null) {
      entry.target = { value: r.target, comparator: r.comparator };
    }
    if (entry.actual === undefined && r.actual !== null) entry.actual = r.actual;
    if (r.baseline) {
      const base = year(r.baseline.fiscalYear);
      base.baseline ??= r.baseline.value;
    }
  }
  return {
    municipality,
    indicator: { id: indicatorId, name: first.name, unit: first.unit },
    years: [...years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear),
    targets: rows,
  };
}
