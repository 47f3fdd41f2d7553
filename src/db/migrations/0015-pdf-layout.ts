import { type Kysely, sql } from "kysely";

// Which fields a municipality's official PDF prints (issue 17): a preset's name or columns
// of its own (src/domain/print-layout.ts); null = the seed's six-column table. Additive: a
// nullable column, nothing to backfill.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table municipalities add column pdf_layout jsonb`.execute(db);
}
