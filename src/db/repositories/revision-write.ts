// The writes of a new revision that do not depend on one another, sent as one statement: the
// working revision it replaces removed, the revision inserted, the manifesto pointed at it,
// the read model's rows of the goals that changed removed, and the audit event. On a
// PostgreSQL server each statement is a round trip in which the server's one thread writes,
// waits and wakes: an autosave sent 16, and these were five of them (issue 15, bench/README.md).
//
// Data-modifying CTEs all run against the snapshot taken before the statement, and none of
// them can see another's rows, so none here may depend on another: none reads what another
// writes, and no two touch the same row. (The new goal rows, which share keys with the rows
// deleted here, are therefore inserted by the next statement: projection.ts.) Foreign keys
// are checked at the end of the statement, when all of it is done.
import { sql } from "kysely";
import { type AuditEvent, auditEventRow } from "./audit-events.ts";
import type { Db } from "./municipalities.ts";

export interface RevisionRecord {
  manifestoId: number;
  revision: number;
  documentJson: string;
  source: string;
  note?: string;
  createdBy: string;
  /** What changed against the revision before, as JSON (migration 0012). */
  changesJson: string;
  /**
   * An autosave replacing the actor's working revision: that revision (deleted here), its
   * first save and the count.
   */
  coalesced?: { replacing: number; createdAt: Date; saves: number };
}

export interface RevisionWrite {
  revision: RevisionRecord;
  /** What the manifesto row says of its current revision. */
  pointer: { departmentName: string; departmentNameKey: string; state?: string };
  /** The goals whose read-model rows (goal and targets) go: their numbers, or all of them. */
  staleGoals: readonly number[] | "all";
  audit: AuditEvent;
}

export async function writeRevisionRecord(db: Db, w: RevisionWrite): Promise<{ updatedAt: Date }> {
  const r = w.revision;
  const { manifestoId, revision } = r;
  const stale = w.staleGoals;
  // The goal numbers as one array parameter: the statement's text is the same for any
  // number of goals (the embedded database prepares recurring texts: statement-names.ts).
  const isStale = (column: "goal_number" | "number") =>
    stale === "all"
      ? sql<boolean>`true`
      : sql<boolean>`${sql.ref(column)} = any(${[...stale]}::integer[])`;
  const row = await db
    .with("replaced", (q) =>
      q
        .deleteFrom("manifesto_revisions")
        .where("manifesto_id", "=", manifestoId)
        // No working revision: a number no revision has, so the statement's shape is one.
        .where("revision", "=", r.coalesced?.replacing ?? 0),
    )
    .with("inserted", (q) =>
      q.insertInto("manifesto_revisions").values({
        manifesto_id: manifestoId,
        revision,
        document: r.documentJson,
        source: r.source,
        note: r.note ?? null,
        created_by: r.createdBy,
        changes: r.changesJson,
        ...(r.coalesced && {
          created_at: r.coalesced.createdAt,
          saves: r.coalesced.saves,
          last_saved_at: sql<Date>`now()`,
        }),
      }),
    )
    .with("stale_targets", (q) =>
      q.deleteFrom("targets").where("manifesto_id", "=", manifestoId).where(isStale("goal_number")),
    )
    .with("stale_goals", (q) =>
      q.deleteFrom("goals").where("manifesto_id", "=", manifestoId).where(isStale("number")),
    )
    .with("audited", (q) => q.insertInto("audit_events").values(auditEventRow(w.audit)))
    .updateTable("manifestos")
    .set({
      current_revision: revision,
      department_name: w.pointer.departmentName,
      department_name_key: w.pointer.departmentNameKey,
      ...(w.pointer.state !== undefined && { state: w.pointer.state }),
      updated_at: new Date(),
    })
    .where("id", "=", manifestoId)
    .returning("updated_at")
    .executeTakeFirstOrThrow();
  return { updatedAt: row.updated_at };
}
