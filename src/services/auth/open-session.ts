// A new session for someone whose sign-in is complete, by whatever way (password, password
// and second factor, an identity provider): the browser's old session is replaced, stale ones
// of the user go, and the sign-in is audited in the same transaction.
import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  insertSession,
  rememberLoginClient,
} from "../../db/repositories/sessions.ts";
import type { UserRow } from "../../db/repositories/users.ts";
import type { StaffUser } from "../../domain/roles.ts";
import type { ServiceContext } from "../context.ts";
import { newToken, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionIdOf } from "./session-tokens.ts";
import { staffActor, toStaffUser } from "./staff-context.ts";

export interface OpenedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  /** When the session ends unless it is used again before. */
  idleExpiresAt: Date;
  user: StaffUser;
  displayName: string | null;
  mustEnrol: boolean;
}

export async function openSession(
  ctx: Pick<ServiceContext, "db">,
  input: {
    user: UserRow;
    ip: string;
    now: Date;
    previousToken?: string | undefined;
    /** How the person proved who they are, for the audit trail. */
    method: "password" | "totp" | "recovery_code" | "oidc" | "saml";
    mustEnrol?: boolean;
    ssoProvider?: string;
    /** The idle limit (TASSEI_SESSION_IDLE_SECONDS); 8 hours when not given. */
    idleMs?: number | undefined;
  },
): Promise<OpenedSession> {
  const { user: row, now } = input;
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const idleMs = input.idleMs ?? SESSION_IDLE_MS;
  await ctx.db.transaction().execute(async (tx) => {
    if (input.previousToken) await deleteSession(tx, sessionIdOf(input.previousToken));
    await deleteExpiredSessions(tx, row.id, now, new Date(now.getTime() - idleMs));
    await rememberLoginClient(tx, row.id, input.ip, now);
    await insertSession(tx, {
      id: sessionIdOf(token),
      userId: row.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      mustEnrol: input.mustEnrol ?? false,
      ssoProvider: input.ssoProvider ?? null,
    });
    await recordAuditEvent(tx, {
      actor: staffActor(row.id),
      action: "auth.login",
      ...(row.municipalityCode && { municipalityCode: row.municipalityCode }),
      detail: {
        username: row.username,
        ip: input.ip,
        method: input.method,
        ...(input.ssoProvider && { provider: input.ssoProvider }),
        ...(input.mustEnrol && { mustEnrol: true }),
      },
    });
  });
  return {
    token,
    csrfToken,
    expiresAt,
    idleExpiresAt: new Date(now.getTime() + idleMs),
    user: toStaffUser(row),
    displayName: row.displayName,
    mustEnrol: input.mustEnrol ?? false,
  };
}
