// Shapes of the master-data API (src/server/api/master-data.ts) as the pages read them.
import type {
  EvaluationScale,
  ScoreScale,
  TagVocabulary,
} from "../../../domain/manifesto/schema.ts";
import type { DepartmentRecord } from "../../../domain/master-data/departments.ts";
import type { SetupStep } from "../../../domain/master-data/setup-steps.ts";

export interface MunicipalityList {
  municipalities: { code: string; name: string }[];
  unregistered: string | null;
  allowed: { create: boolean };
}

export interface MasterData {
  code: string;
  name: string;
  nameKana: string | null;
  prefecture: string | null;
  documentTitle: string | null;
  documentSubtitle: string | null;
  evaluationScale: EvaluationScale | null;
  /** The second self-evaluation's scale (issue 17); null = none. */
  scoreScale: ScoreScale | null;
  /** The municipality's own tag vocabularies; null = none (SDGs etc. are built in). */
  tagVocabularies: TagVocabulary[] | null;
  steps: SetupStep[];
  allowed: { manage: boolean };
}

/** A department as GET /api/municipalities/:code/departments sends it. */
export type Department = DepartmentRecord;

export interface PlanItem {
  code: string;
  title: string;
  parent?: string;
}

export interface RegistryIndicator {
  id: number;
  key: string;
  name: string;
  unit: string;
  definition: string | null;
  betterDirection: "higher" | "lower" | null;
  departmentId: number | null;
  aliases: string[];
  usedBy: { manifestoId: number; fiscalYear: number; departmentName: string }[];
}

export const adminPath = (code: string, rest = "") =>
  `/api/admin/municipalities/${encodeURIComponent(code)}${rest}`;
