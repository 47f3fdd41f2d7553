import { type Kysely, sql } from "kysely";

// Indicators enter the public registry only through publication. A draft still needs an
// indicator row (its targets point at one, for the staff dashboards and series), but such a
// row is unregistered: the first publication that measures it gives it the published
// spelling and unit and registers it, and after that no document changes it (renaming is
// the administrator's). Rows already measured by a publication are registered as they are.
//
// Departments are listed in the municipality's order (departments.position); departments
// that never had one get the order they were created in, instead of their names' character
// codes (こども未来部, 上下水道部, … 総務部 11th).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table indicators add column registered boolean not null default false;
    update indicators set registered = true
      where id in (select indicator_id from public_targets where indicator_id is not null);
    update departments d set position = n.position
      from (
        select id, coalesce((select max(position) from departments o
                              where o.municipality_code = x.municipality_code), 0)
                   + row_number() over (partition by municipality_code order by id) as position
          from departments x
         where position is null
      ) n
     where d.id = n.id;
  `.execute(db);
}
