import { type Kysely, sql } from "kysely";

// Search across every municipality lists the newest year first, then by municipality, and
// stops at the first page of hits. With manifestos in that order in an index, PostgreSQL walks
// it and checks each manifesto's goals until the page is full (an incremental sort does the
// rest) instead of sorting every manifesto first: at 125,000 manifestos, 防災 across all went
// from ~85 ms to ~19 ms of SQL (bench/dashboard-scale.ts, bench/README.md).
//
// Parallel workers on manifestos cost more than they save: the table is small and read by
// index, and a parallel index walk makes each worker start (~30 ms) and both walk the same
// first rows before the gather can merge them (the search above took ~72 ms that way).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index manifestos_year_municipality on manifestos (fiscal_year desc, municipality_code);
    alter table manifestos set (parallel_workers = 0);
  `.execute(db);
}
