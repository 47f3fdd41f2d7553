import type { Db } from "./municipalities.ts";

export interface AuditEvent {
  actor: string;
  action: string;
  municipalityCode?: string;
  manifestoId?: number;
  detail: Record<string, unknown>;
}

/** The row of an event, for an insert of its own or one inside a larger statement. */
export function auditEventRow(event: AuditEvent) {
  return {
    actor: event.actor,
    action: event.action,
    municipality_code: event.municipalityCode ?? null,
    manifesto_id: event.manifestoId ?? null,
    detail: JSON.stringify(event.detail),
  };
}

/** Called inside the transaction of the change it records, never after it. */
export async function recordAuditEvent(db: Db, event: AuditEvent): Promise<void> {
  await db.insertInto("audit_events").values(auditEventRow(event)).execute();
}

export async function listAuditEvents(db: Db, manifestoId: number) {
  return db
    .selectFrom("audit_events")
    .select(["occurred_at", "actor", "action", "detail"])
    .where("manifesto_id", "=", manifestoId)
    .orderBy("id")
    .execute();
}
