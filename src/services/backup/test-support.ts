// Shared by the backup tests: data that exercises every table and the awkward values
// (jsonb numbers beyond a double, microseconds, line separators), and the comparisons a
// round trip must pass: every row of every table, and every manifesto's export.
import { type Kysely, sql } from "kysely";
import { demoDocument } from "../../../test/support/fixtures.ts";
import type { Database } from "../../db/schema.ts";
import type { ServiceContext } from "../context.ts";
import { exportManifesto } from "../export-manifesto.ts";
import { importManifesto } from "../import-manifesto.ts";
import { updateMunicipality } from "../update-municipality-settings.ts";

export async function seedEveryTable(ctx: ServiceContext): Promise<void> {
  const demo = demoDocument();
  await importManifesto(ctx, demo);
  demo.goals[0]!.title = "改訂された目標\u2028（行区切り文字を含む）";
  await importManifesto(ctx, demo, { note: "second revision" });
  const next = demoDocument();
  next.fiscalYear = 2024;
  await importManifesto(ctx, next, { published: true });
  const other = demoDocument() as Record<string, unknown>;
  other.municipality = { code: "011002", name: "札幌市", prefecture: "北海道" };
  await importManifesto(ctx, other);
  await updateMunicipality(ctx, { code: "242161", documentTitle: "部局マニフェスト（試験）" });
  await sql`insert into plan_items (municipality_code, key, code, title, parent_code, position)
            values ('242161', '7-1', '7-1', '行政経営', '7', 1)`.execute(ctx.db);
  // Values a JavaScript round trip would change: a jsonb number beyond a double's
  // precision, trailing zeros, a timestamp in microseconds, an id gap.
  await sql`insert into audit_events (occurred_at, actor, action, municipality_code, detail)
            values ('2024-04-01 09:00:00.123456+09', 'test', 'test.values', '242161',
                    '{"big": 12345678901234567890123, "exact": 0.1000000000000000000001, "zeros": 1.50, "text": "改行\\n\\u2028"}')`.execute(
    ctx.db,
  );
  await sql`delete from audit_events where id = (select min(id) from audit_events)`.execute(ctx.db);
}

/** Tables found independently of the code under test (information_schema). */
export async function userTables(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE'
       and table_name not like 'kysely\\_migration%'
     order by table_name`.execute(db);
  return r.rows.map((row) => row.name);
}

/** Every row of every table, as PostgreSQL's text form of the whole row, sorted. */
export async function dumpTables(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await sql`set timezone = 'UTC'`.execute(db);
  for (const name of await userTables(db)) {
    const r = await sql<{
      row: string;
    }>`select x::text as row from ${sql.id(name)} x order by 1`.execute(db);
    out[name] = r.rows.map((row) => row.row);
  }
  return out;
}

export async function exportEveryManifesto(ctx: ServiceContext): Promise<unknown[]> {
  const rows = await ctx.db
    .selectFrom("manifestos")
    .select(["municipality_code", "fiscal_year", "department_name"])
    .orderBy("municipality_code")
    .orderBy("fiscal_year")
    .orderBy("department_name")
    .execute();
  const docs: unknown[] = [];
  for (const m of rows) {
    docs.push(
      await exportManifesto(ctx, {
        municipalityCode: m.municipality_code,
        fiscalYear: m.fiscal_year,
        department: m.department_name,
      }),
    );
  }
  return docs;
}
