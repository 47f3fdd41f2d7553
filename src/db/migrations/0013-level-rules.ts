import { type Kysely, sql } from "kysely";

// A municipality's own rules for the level the evidence supports (issue 11, item 5):
// src/domain/assessment/expected-level.ts validates them; null = the defaults read from the
// municipality's scale. Additive: a nullable column, nothing to backfill.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table municipalities add column level_rules jsonb`.execute(db);
}
