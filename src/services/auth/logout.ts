// Sign out: the session row goes, so the cookie is worthless even if it was copied.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { deleteSession } from "../../db/repositories/sessions.ts";
import type { StaffContext } from "./staff-context.ts";

export async function logout(ctx: StaffContext, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    await deleteSession(tx, sessionId);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "auth.logout",
      ...(ctx.user.municipalityCode && { municipalityCode: ctx.user.municipalityCode }),
      detail: { username: ctx.user.username },
    });
  });
}
