// Every write that changes what the public pages show says so on one channel, from inside
// its own transaction: a publication, the municipality's settings, its plan structure, a
// department's code, a restore. (Drafts change nothing public: the public pages read
// published revisions only.) PostgreSQL delivers a NOTIFY only when its transaction commits,
// and not at all when it rolls back, so a listener (../change-notifications.ts) never drops
// its cached pages for a change that did not happen, nor misses one that did. Identical
// notifications within one transaction arrive once.
import { sql } from "kysely";
import type { Db } from "./municipalities.ts";

export const PUBLIC_CHANGE_CHANNEL = "tassei_public_changed";

/** The payload names the municipality; empty when the change is everywhere (a restore). */
export async function notifyPublicChange(db: Db, municipalityCode: string | null): Promise<void> {
  await sql`select pg_notify(${PUBLIC_CHANGE_CHANNEL}, ${municipalityCode ?? ""})`.execute(db);
}

/** For a write to one manifesto (its publication): the payload is its municipality. */
export async function notifyPublicChangeOfManifesto(db: Db, manifestoId: number): Promise<void> {
  await sql`
    select pg_notify(${PUBLIC_CHANGE_CHANNEL}, municipality_code)
      from manifestos
     where id = ${manifestoId}
  `.execute(db);
}
