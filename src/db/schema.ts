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
  /** The name's reading (migration 0010). */
  name_kana: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0013: the municipality's level rules (src/domain/assessment/expected-level.ts). */
  level_rules: ColumnType<unknown | null, string | null | undefined, string | null>;
  /** 0017: status words and due day of the progress report (domain/progress-report). */
  progress_settings: ColumnType<unknown | null, string | null | undefined, string | null>;
  /** 0015: which fields the official PDF prints (src/domain/print-layout.ts). */
  pdf_layout: ColumnType<unknown | null, string | null | undefined, string | null>;
  /** 0021: the second self-evaluation's scale (scoreScaleSchema); null = none. */
  score_scale: ColumnType<unknown | null, string | null | undefined, string | null>;
  /** 0021: the municipality's own tag vocabularies (tagVocabularySchema[]); null = none. */
  tag_vocabularies: ColumnType<unknown | null, string | null | undefined, string | null>;
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
  // Master data (migration 0010)
  head_title: ColumnType<string | null, string | null | undefined, string | null>;
  head_name: ColumnType<string | null, string | null | undefined, string | null>;
  contact_phone: ColumnType<string | null, string | null | undefined, string | null>;
  contact_email: ColumnType<string | null, string | null | undefined, string | null>;
  retired_from_year: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** What changed against the revision before (migration 0012; null: written before it). */
  changes: ColumnType<unknown | null, string | null | undefined, string | null>;
  /** Saves coalesced into this working revision (migration 0012). */
  saves: Generated<number>;
  last_saved_at: Timestamp | null;
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

/** The targets of each manifesto's newest published revision (migration 0007). */
export interface PublicTargetsTable extends TargetsTable {
  revision: number;
}

export interface IndicatorsTable {
  id: Generated<number>;
  municipality_code: string;
  key: string;
  name: string;
  unit: string;
  /** Measured by a publication: its name and unit no longer follow documents (0011). */
  registered: Generated<boolean>;
  // The registry (migration 0010)
  definition: ColumnType<string | null, string | null | undefined, string | null>;
  better_direction: ColumnType<string | null, string | null | undefined, string | null>;
  department_id: ColumnType<number | null, number | null | undefined, number | null>;
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

// Accounts (migration 0003)
export interface UsersTable {
  id: Generated<number>;
  username: string;
  username_key: string;
  display_name: string | null;
  password_hash: string;
  role: string;
  municipality_code: string | null;
  department_id: number | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Where notifications go (migration 0016); null: none by e-mail. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  /** 0018: signed in where a second factor is required and none is set up yet. */
  must_enrol: ColumnType<boolean, boolean | undefined, boolean>;
  /** 0018: the identity provider the session came through, null for a password. */
  sso_provider: ColumnType<string | null, string | null | undefined, string | null>;
}

// Sign-in factors and single sign-on (migration 0018)
export interface SignInPoliciesTable {
  municipality_code: string;
  totp_required: ColumnType<boolean, boolean | undefined, boolean>;
  totp_required_roles: ColumnType<string[], string[] | undefined, string[]>;
  local_passwords: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface UserTotpTable {
  user_id: number;
  secret: string;
  confirmed_at: Timestamp | null;
  last_time_step: ColumnType<string | null, number | null | undefined, number | null>;
  created_at: Timestamp;
}

export interface UserRecoveryCodesTable {
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface SignInChallengesTable {
  id: string;
  user_id: number;
  expires_at: Timestamp;
}

export interface SsoRequestsTable {
  id: string;
  provider: string;
  nonce: string | null;
  code_verifier: string | null;
  expires_at: Timestamp;
}

export interface LoginThrottleTable {
  bucket: string;
  window_start: Timestamp;
  attempts: number;
}

// The review workflow (migration 0004)
export interface ManifestoTransitionsTable {
  id: Generated<string>;
  manifesto_id: number;
  action: string;
  from_state: string;
  to_state: string;
  revision: number;
  actor: string;
  comment: string | null;
  occurred_at: Timestamp;
}

export interface ManifestoCommentsTable {
  id: Generated<number>;
  manifesto_id: number;
  goal_number: number | null;
  parent_id: number | null;
  revision: number;
  author: string;
  body: string;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}

export interface ManifestoPublicationsTable {
  id: Generated<number>;
  manifesto_id: number;
  revision: number;
  state: string;
  change_note: string | null;
  published_by: string;
  published_at: Timestamp;
}

// Booklet jobs (migration 0006)
export interface BookletJobsTable {
  id: Generated<number>;
  municipality_code: string;
  fiscal_year: number;
  requested_by: string;
  status: Generated<string>;
  done: Generated<number>;
  total: number | null;
  pdf: Buffer | null;
  error_code: string | null;
  error_message: string | null;
  created_at: Timestamp;
  started_at: Timestamp | null;
  /** Moves with the job's progress; a stale heartbeat means the process running it died. */
  heartbeat_at: Timestamp;
  finished_at: Timestamp | null;
}

// Phase deadlines of a municipality's fiscal year (migration 0005)
export interface DeadlinesTable {
  municipality_code: string;
  fiscal_year: number;
  /** 'plan' | 'evaluation' */
  phase: string;
  /** A calendar date; read it as text (`due_date::text`), never as a Date. */
  due_date: ColumnType<string, string, string>;
  updated_by: string;
  updated_at: Timestamp;
}

// Public search (migration 0002): derived from published documents
export interface SearchGoalsTable {
  manifesto_id: number;
  revision: number;
  goal_number: number;
  position: number;
  level: number | null;
  policy_refs: string[];
  body: string;
  /** The published document's department name and its comparison key (migration 0007). */
  department_name: string;
  department_name_key: string;
  /** 0021: the goal's tags and its targets', distinct and sorted (GIN-indexed for ?tag=). */
  tags: ColumnType<string[], string[] | undefined, string[]>;
}

// Master data (migration 0010)
export interface DepartmentNamesTable {
  department_id: number;
  from_year: number;
  name: string;
  name_key: string;
}

export interface DepartmentAddressesTable {
  municipality_code: string;
  address_key: string;
  department_id: number;
}

export interface DepartmentPredecessorsTable {
  department_id: number;
  predecessor_id: number;
  from_year: number;
}

export interface IndicatorAliasesTable {
  municipality_code: string;
  key: string;
  indicator_id: number;
}

// Notifications (migration 0016)
export interface NotificationPreferencesTable {
  user_id: number;
  kind: string;
  /** 'immediate' | 'digest' | 'off' */
  mode: string;
}

export interface DepartmentDeadlinesTable {
  municipality_code: string;
  fiscal_year: number;
  department_id: number;
  phase: string;
  /** A calendar date; read it as text (`due_date::text`), never as a Date. */
  due_date: ColumnType<string, string, string>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  key: string;
  user_id: number;
  kind: string;
  /** 'immediate' | 'digest' */
  delivery: string;
  subject: string;
  body: string;
  /** A path under TASSEI_PUBLIC_URL, e.g. `/staff/manifestos/12#comments`. */
  link: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  digest_id: string | null;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface Database {
  municipalities: MunicipalitiesTable;
  plan_items: PlanItemsTable;
  departments: DepartmentsTable;
  manifestos: ManifestosTable;
  manifesto_revisions: ManifestoRevisionsTable;
  goals: GoalsTable;
  targets: TargetsTable;
  public_targets: PublicTargetsTable;
  indicators: IndicatorsTable;
  audit_events: AuditEventsTable;
  search_goals: SearchGoalsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  manifesto_transitions: ManifestoTransitionsTable;
  manifesto_comments: ManifestoCommentsTable;
  manifesto_publications: ManifestoPublicationsTable;
  booklet_jobs: BookletJobsTable;
  deadlines: DeadlinesTable;
  department_names: DepartmentNamesTable;
  department_addresses: DepartmentAddressesTable;
  department_predecessors: DepartmentPredecessorsTable;
  indicator_aliases: IndicatorAliasesTable;
  login_known_clients: LoginKnownClientsTable;
  notification_preferences: NotificationPreferencesTable;
  department_deadlines: DepartmentDeadlinesTable;
  notifications: NotificationsTable;
  sign_in_policies: SignInPoliciesTable;
  user_totp: UserTotpTable;
  user_recovery_codes: UserRecoveryCodesTable;
  sign_in_challenges: SignInChallengesTable;
  sso_requests: SsoRequestsTable;
  progress_reports: ProgressReportsTable;
  progress_report_revisions: ProgressReportRevisionsTable;
  progress_report_comments: ProgressReportCommentsTable;
}

/** 0017: mid-year progress reports, their revisions and comments. */
export interface ProgressReportsTable {
  id: Generated<number>;
  manifesto_id: number;
  state: string;
  current_revision: number;
  entries: Json<unknown>;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
}

export interface ProgressReportRevisionsTable {
  report_id: number;
  revision: number;
  entries: Json<unknown>;
  actor: string;
  created_at: Timestamp;
}

export interface ProgressReportCommentsTable {
  id: Generated<number>;
  report_id: number;
  author: string;
  body: string;
  created_at: Timestamp;
}

/** Addresses a user signed in from (migration 0012): they pass the per-name backoff. */
export interface LoginKnownClientsTable {
  user_id: number;
  client: string;
  last_login_at: Timestamp;
}
