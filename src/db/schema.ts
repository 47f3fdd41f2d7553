// Table types for Kysely. The SQL that creates them is in migrations/; keep the two in step.
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export interface MunicipalitiesTable {
  code: string;
  name: string;
  prefecture: string | null;
  document_title: string | null;
  document_subtitle: string | null;
  evaluation_scale: Json<unknown> | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanItemsTable {
  municipality_code: string;
  key: string;
  code: string;
  title: string;
  parent_code: string | null;
  position: number;
}

export interface DepartmentsTable {
  id: Generated<number>;
  municipality_code: string;
  code: string | null;
  name: string;
  name_key: string;
  position: number | null;
  created_at: Timestamp;
}

export interface ManifestosTable {
  id: Generated<number>;
  municipality_code: string;
  department_id: number;
  /** The department's name as that year's document gives it (names change in April). */
  department_name: string;
  department_name_key: string;
  fiscal_year: number;
  state: string;
  current_revision: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ManifestoRevisionsTable {
  manifesto_id: number;
  revision: number;
  document: Json<unknown>;
  source: string;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface GoalsTable {
  manifesto_id: number;
  position: number;
  number: number;
  title: string;
  level: number | null;
}

export interface TargetsTable {
  manifesto_id: number;
  goal_number: number;
  position: number;
  indicator_id: number | null;
  kind: string | null;
  unit: string | null;
  comparator: string | null;
  target_value: number | null;
  baseline_value: number | null;
  baseline_year: number | null;
  actual: number | null;
  status: string | null;
}

export interface IndicatorsTable {
  id: Generated<number>;
  municipality_code: string;
  key: string;
  name: string;
  unit: string;
}

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor: string;
  action: string;
  municipality_code: string | null;
  manifesto_id: number | null;
  detail: Json<unknown>;
}

export interface Database {
  municipalities: MunicipalitiesTable;
  plan_items: PlanItemsTable;
  departments: DepartmentsTable;
  manifestos: ManifestosTable;
  manifesto_revisions: ManifestoRevisionsTable;
  goals: GoalsTable;
  targets: TargetsTable;
  indicators: IndicatorsTable;
  audit_events: AuditEventsTable;
}
