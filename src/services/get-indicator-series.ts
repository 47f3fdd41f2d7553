// An indicator across fiscal years: targets of successive manifestos of one municipality
// that name the same indicator (NFKC-equal) form its series. Each year's value is that
// year's actual result, or else the baseline a later document reports for that year.
import {
  findIndicator,
  indicatorObservations,
  listIndicators,
} from "../db/repositories/indicators.ts";
import { indicatorKey } from "../domain/manifesto/projection.ts";
import { NotFoundError } from "../errors.ts";
import type { ServiceContext } from "./context.ts";
import { requireMunicipality } from "./find-manifestos.ts";

export interface SeriesTarget {
  fiscalYear: number;
  department: string;
  goalNumber: number;
  comparator: string | null;
  target: number | null;
  actual: number | null;
  baseline: { value: number; fiscalYear: number } | null;
}

export interface SeriesYear {
  fiscalYear: number;
  value: number;
  source: "actual" | "baseline";
  target?: { comparator: string; value: number };
}

export interface IndicatorSeries {
  indicator: { key: string; name: string; unit: string };
  targets: SeriesTarget[];
  years: SeriesYear[];
}

export async function listMunicipalityIndicators(ctx: ServiceContext, municipalityCode: string) {
  await requireMunicipality(ctx, municipalityCode);
  const rows = await listIndicators(ctx.db, municipalityCode);
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    unit: r.unit,
    firstYear: Number(r.first_year),
    lastYear: Number(r.last_year),
    targets: Number(r.targets),
  }));
}

export async function getIndicatorSeries(
  ctx: ServiceContext,
  municipalityCode: string,
  indicatorName: string,
  options: { states?: readonly string[] } = {},
): Promise<IndicatorSeries> {
  await requireMunicipality(ctx, municipalityCode);
  const indicator = await findIndicator(ctx.db, municipalityCode, indicatorKey(indicatorName));
  if (!indicator) {
    throw new NotFoundError(
      `no indicator named ${indicatorName} in municipality ${municipalityCode}`,
    );
  }
  const rows = (await indicatorObservations(ctx.db, indicator.id)).filter(
    (r) => !options.states || options.states.includes(r.state),
  );
  const targets: SeriesTarget[] = rows.map((r) => ({
    fiscalYear: r.fiscal_year,
    department: r.department_name,
    goalNumber: r.goal_number,
    comparator: r.comparator,
    target: r.target_value,
    actual: r.actual,
    baseline:
      r.baseline_value !== null && r.baseline_year !== null
        ? { value: r.baseline_value, fiscalYear: r.baseline_year }
        : null,
  }));
  return {
    indicator: { key: indicator.key, name: indicator.name, unit: indicator.unit },
    targets,
    years: seriesYears(targets),
  };
}

/** One value per year: an actual result wins over a baseline reported later for that year. */
export function seriesYears(targets: readonly SeriesTarget[]): SeriesYear[] {
  const years = new Map<number, SeriesYear>();
  for (const t of targets) {
    if (t.baseline && !years.has(t.baseline.fiscalYear)) {
      years.set(t.baseline.fiscalYear, {
        fiscalYear: t.baseline.fiscalYear,
        value: t.baseline.value,
        source: "baseline",
      });
    }
  }
  for (const t of targets) {
    const year = years.get(t.fiscalYear);
    if (t.actual !== null && year?.source !== "actual") {
      years.set(t.fiscalYear, { fiscalYear: t.fiscalYear, value: t.actual, source: "actual" });
    }
    const entry = years.get(t.fiscalYear);
    if (entry && t.comparator !== null && t.target !== null && !entry.target) {
      entry.target = { comparator: t.comparator, value: t.target };
    }
  }
  return [...years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}
