// Resolves the session cookie on every request under the staff API, then guards it:
// a state-changing request must come from our own origin (when the browser says where it
// comes from) and carry the session's CSRF token in `x-csrf-token` (synchronizer token);
// a route is for signed-in users unless its config says `staffPublic`.
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { type ActiveSession, resolveSession } from "../../services/auth/resolve-session.ts";
import { tokensEqual } from "../../services/auth/session-tokens.ts";
import { type StaffContext, staffContext } from "../../services/auth/staff-context.ts";
import { readSessionToken } from "./session-cookie.ts";

declare module "fastify" {
  interface FastifyRequest {
    staffSession: ActiveSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, the session probe). */
    staffPublic?: boolean;
    /** Open to a session that must first set up its second factor (and to every other). */
    enrolment?: boolean;
    /** A form an identity provider's page posts back (SAML): its signature protects it. */
    crossSitePost?: boolean;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Origin as the browser would write it: scheme, host, and the port only when not default. */
function ownOrigin(request: FastifyRequest): string | undefined {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return undefined;
  }
}

export function originAllowed(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let parsed: string;
  try {
    parsed = new URL(origin).origin;
  } catch {
    return false; // includes "null" (sandboxed frames, file: pages)
  }
  return parsed === ownOrigin(request);
}

/** The header that tells the staff app how long the session lasts unless used again, in
 * milliseconds from the answer (not a time of day: the two clocks may differ). */
export const IDLE_REMAINING_HEADER = "x-session-idle-remaining";

export async function registerSessionHandling(
  api: FastifyInstance,
  deps: { db: Kysely<Database>; now: () => Date; sessionIdleMs?: number },
): Promise<void> {
  if (!api.hasRequestDecorator("cookies")) await api.register(cookie);
  api.decorateRequest("staffSession", null);

  api.addHook("onRequest", async (request) => {
    const token = readSessionToken(request);
    request.staffSession = token
      ? ((await resolveSession(deps, token, deps.now(), deps.sessionIdleMs)) ?? null)
      : null;
    const changing = isStateChanging(request.method);
    if (changing && !originAllowed(request) && !request.routeOptions.config?.crossSitePost) {
      throw new AppError("forbidden", "別のサイトからの要求は受け付けません");
    }
    if (request.routeOptions.config?.staffPublic) return;
    if (!request.staffSession) throw new AppError("unauthenticated", "ログインしてください");
    if (request.staffSession.mustEnrol && !request.routeOptions.config?.enrolment) {
      throw new AppError(
        "second_factor_enrolment_required",
        "この自治体では二要素認証が必要です。先に認証アプリを設定してください",
      );
    }
    if (changing) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !tokensEqual(sent, request.staffSession.csrfToken)) {
        throw new AppError(
          "forbidden",
          "CSRF トークンがないか正しくありません。再読み込みしてください",
        );
      }
    }
  });

  api.addHook("onSend", async (request, reply) => {
    // Staff data must not sit in shared or browser caches.
    reply.header("cache-control", "no-store");
    const session = request.staffSession;
    // Sign-in sets it for the new session; the old one (request.staffSession) is gone.
    if (session && !reply.hasHeader(IDLE_REMAINING_HEADER)) {
      const remaining = session.idleExpiresAt.getTime() - deps.now().getTime();
      reply.header(IDLE_REMAINING_HEADER, String(Math.max(0, remaining)));
    }
  });
}

/** The signed-in user's service context; the onRequest hook has already refused anonymous calls. */
export function requireStaff(
  request: FastifyRequest,
  deps: { db: Kysely<Database> },
): StaffContext & { session: ActiveSession } {
  const session = request.staffSession;
  if (!session) throw new AppError("unauthenticated", "ログインしてください");
  return { ...staffContext(deps, session.user), session };
}
