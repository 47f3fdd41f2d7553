// The session behind a cookie: valid while younger than 7 days and used within the idle
// limit (8 hours unless TASSEI_SESSION_IDLE_SECONDS says otherwise). An expired session is
// deleted on sight. Each answer says when the idle limit will end it, so that the staff app
// can warn before (WCAG 2.2.1).
import {
  deleteSession,
  findSessionWithUser,
  touchSession,
} from "../../db/repositories/sessions.ts";
import type { StaffUser } from "../../domain/roles.ts";
import type { ServiceContext } from "../context.ts";
import { SESSION_IDLE_MS, sessionIdOf, touchIntervalMs } from "./session-tokens.ts";
import { toStaffUser } from "./staff-context.ts";

export interface ActiveSession {
  id: string;
  user: StaffUser;
  displayName: string | null;
  csrfToken: string;
  expiresAt: Date;
  /** Only the second factor's set-up is open to this session (sign-in-policy). */
  mustEnrol: boolean;
  /** Signed in through this identity provider; null for a password. */
  ssoProvider: string | null;
  /** When the session ends unless it is used again before. */
  idleExpiresAt: Date;
}

export async function resolveSession(
  ctx: Pick<ServiceContext, "db">,
  token: string,
  now: Date,
  idleMs: number = SESSION_IDLE_MS,
): Promise<ActiveSession | undefined> {
  const id = sessionIdOf(token);
  const row = await findSessionWithUser(ctx.db, id);
  if (!row) return undefined;
  const lastSeen = new Date(row.last_seen_at).getTime();
  const idleFor = now.getTime() - lastSeen;
  if (new Date(row.expires_at).getTime() <= now.getTime() || idleFor >= idleMs) {
    await deleteSession(ctx.db, id);
    return undefined;
  }
  const touched = idleFor >= touchIntervalMs(idleMs);
  if (touched) await touchSession(ctx.db, id, now);
  const expiresAt = new Date(row.expires_at);
  return {
    id,
    user: toStaffUser({
      id: row.user_id,
      username: row.username,
      role: row.role,
      municipalityCode: row.municipality_code,
      departmentId: row.department_id,
    }),
    displayName: row.display_name,
    csrfToken: row.csrf_token,
    expiresAt,
    mustEnrol: row.must_enrol,
    ssoProvider: row.sso_provider,
    idleExpiresAt: new Date(
      Math.min((touched ? now.getTime() : lastSeen) + idleMs, expiresAt.getTime()),
    ),
  };
}
