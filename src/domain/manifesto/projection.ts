// What the database's read model holds of a document: one row per goal and per target, and
// the indicators its numeric targets measure (identified by the NFKC form of their name).
import { comparisonKey } from "../text.ts";
import type { ManifestoDocument } from "./schema.ts";

export interface ProjectedTarget {
  goalNumber: number;
  position: number;
  indicatorKey: string | null;
  kind: string | null;
  unit: string | null;
  comparator: string | null;
  targetValue: number | null;
  baselineValue: number | null;
  baselineYear: number | null;
  actual: number | null;
  status: string | null;
}

export interface Projection {
  goals: { position: number; number: number; title: string; level: number | null }[];
  targets: ProjectedTarget[];
  indicators: { key: string; name: string; unit: string }[];
}

export function indicatorKey(name: string): string {
  return comparisonKey(name);
}

export function projectDocument(doc: ManifestoDocument): Projection {
  const projection: Projection = { goals: [], targets: [], indicators: [] };
  doc.goals.forEach((goal, position) => {
    projection.goals.push({
      position,
      number: goal.number,
      title: goal.title,
      level: goal.evaluation?.level ?? null,
    });
    (goal.targets ?? []).forEach((t, i) => {
      const m = t.measure;
      const numeric = m?.kind === "numeric" ? m : undefined;
      const key = numeric ? indicatorKey(numeric.indicator) : null;
      if (numeric && key !== null) {
        projection.indicators.push({ key, name: numeric.indicator, unit: numeric.unit });
      }
      projection.targets.push({
        goalNumber: goal.number,
        position: i,
        indicatorKey: key,
        kind: m?.kind ?? null,
        unit: numeric?.unit ?? null,
        comparator: numeric?.comparator ?? null,
        targetValue: numeric?.target ?? null,
        baselineValue: numeric?.baseline?.value ?? null,
        baselineYear: numeric?.baseline?.fiscalYear ?? null,
        actual: t.result?.actual ?? null,
        status: t.result?.status ?? null,
      });
    });
  });
  return projection;
}
