// The session behind a cookie: valid while younger than 7 days and used within 8 hours.
// An expired session is deleted on sight.
import {
  deleteSession,
  findSessionWithUser,
  touchSession,
} from "../../db/repositories/sessions.ts";
import type { StaffUser } from "../../domain/roles.ts";
import type { ServiceContext } from "../context.ts";
import { SESSION_IDLE_MS, SESSION_TOUCH_MS, sessionIdOf } from "./session-tokens.ts";
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
}

export async function resolveSession(
  ctx: Pick<ServiceContext, "db">,
  token: string,
  now: Date,
): Promise<ActiveSession | undefined> {
  const id = sessionIdOf(token);
  const row = await findSessionWithUser(ctx.db, id);
  if (!row) return undefined;
  const idleFor = now.getTime() - new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() <= now.getTime() || idleFor >= SESSION_IDLE_MS) {
    await deleteSession(ctx.db, id);
    return undefined;
  }
  if (idleFor >= SESSION_TOUCH_MS) await touchSession(ctx.db, id, now);
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
    expiresAt: new Date(row.expires_at),
    mustEnrol: row.must_enrol,
    ssoProvider: row.sso_provider,
  };
}
