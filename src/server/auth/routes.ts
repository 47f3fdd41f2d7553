// Sign-in, the session probe, sign-out and the password change. Thin: parse, one service,
// present.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { ValidationError } from "../../errors.ts";
import { changePassword } from "../../services/auth/change-password.ts";
import { type LoginLimits, login } from "../../services/auth/login.ts";
import { logout } from "../../services/auth/logout.ts";
import { PASSWORD_MAX_LENGTH } from "../../services/auth/passwords.ts";
import type { ActiveSession } from "../../services/auth/resolve-session.ts";
import { SESSION_IDLE_MS } from "../../services/auth/session-tokens.ts";
import { parseInput } from "../api/parse.ts";
import { clearSessionCookie, readSessionToken, setSessionCookie } from "./session-cookie.ts";
import { IDLE_REMAINING_HEADER, requireStaff } from "./session-plugin.ts";

export interface AuthDeps {
  db: Kysely<Database>;
  now: () => Date;
  loginLimits?: LoginLimits;
  /** TASSEI_SESSION_IDLE_SECONDS in milliseconds; 8 hours when not given. */
  sessionIdleMs?: number;
}

export const loginBody = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const passwordBody = z.strictObject({
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH),
  newPassword: z.string(),
});

/**
 * The sign-in form's refusal names each empty field in Japanese (WCAG 3.3.1): a person reads
 * it. Anything else wrong with the body is a program's mistake and keeps zod's paths.
 */
function parseSignIn(value: unknown): z.output<typeof loginBody> {
  const body = value as Record<string, unknown> | null;
  if (body && typeof body === "object") {
    const missing = (["username", "password"] as const).filter((k) => body[k] === "");
    if (missing.length > 0) {
      const label = { username: "ユーザー名", password: "パスワード" };
      throw new ValidationError(
        `${missing.map((k) => label[k]).join("と")}を入力してください`,
        missing.map((k) => ({ path: k, message: "is required" })),
      );
    }
  }
  return parseInput(loginBody, value, "the sign-in request");
}

/** Sign-in and password bodies are small; a large one is refused before it is read. */
export const SMALL_BODY = 16 * 1024;

/** 429 with Retry-After, as sign-in and the password change answer too many guesses. */
export function sendRateLimited(reply: FastifyReply, seconds: number, what: string) {
  return reply
    .status(429)
    .header("retry-after", String(seconds))
    .send({
      error: {
        code: "rate_limited",
        message: `${what}が多すぎます。${seconds} 秒後にもう一度お試しください`,
      },
    });
}

export function presentSession(
  s: Pick<
    ActiveSession,
    "user" | "displayName" | "csrfToken" | "expiresAt" | "idleExpiresAt" | "mustEnrol"
  >,
  deps: Pick<AuthDeps, "now" | "sessionIdleMs">,
) {
  return {
    user: {
      id: s.user.id,
      username: s.user.username,
      displayName: s.displayName,
      role: s.user.role,
      municipalityCode: s.user.municipalityCode,
      departmentId: s.user.departmentId,
    },
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt.toISOString(),
    /** Only the second factor's set-up is open until it is done. */
    mustEnrol: s.mustEnrol,
    idleExpiresAt: s.idleExpiresAt.toISOString(),
    /** The idle limit, so the staff app can say how long it is (2.2.1). */
    idleLimitSeconds: Math.round((deps.sessionIdleMs ?? SESSION_IDLE_MS) / 1000),
  };
}

export function registerAuthRoutes(api: FastifyInstance, deps: AuthDeps): void {
  api.get("/session", { config: { enrolment: true } }, async (request) => {
    const ctx = requireStaff(request, deps);
    // Asked by the staff app's 「ログインを続ける」 too: any answer here extends the session.
    return presentSession(ctx.session, deps);
  });

  api.post(
    "/session",
    { config: { staffPublic: true }, bodyLimit: SMALL_BODY },
    async (request, reply) => {
      const body = parseSignIn(request.body);
      const result = await login(
        deps,
        {
          username: body.username,
          password: body.password,
          ip: request.ip,
          now: deps.now(),
          previousToken: readSessionToken(request),
          ...(deps.sessionIdleMs !== undefined && { idleMs: deps.sessionIdleMs }),
        },
        deps.loginLimits,
      );
      if (!result.ok && result.reason === "rate_limited") {
        return sendRateLimited(reply, result.retryAfterSeconds, "ログインの試行");
      }
      if (!result.ok && result.reason === "second_factor") {
        // The password was right; the session waits for the code (second-factor-routes.ts).
        return reply.status(202).send({
          secondFactor: "totp",
          challenge: result.challenge,
          expiresAt: result.expiresAt.toISOString(),
        });
      }
      if (!result.ok && result.reason === "local_passwords_off") {
        return reply.status(403).send({
          error: {
            code: "forbidden",
            message:
              "この自治体ではパスワードでのログインを使っていません。組織のアカウント（シングルサインオン）でログインしてください",
          },
        });
      }
      if (!result.ok) {
        return reply.status(401).send({
          error: {
            code: "unauthenticated",
            message: "ユーザー名またはパスワードが正しくありません",
          },
        });
      }
      setSessionCookie(request, reply, result.token, result.expiresAt);
      reply.header(
        IDLE_REMAINING_HEADER,
        String(result.idleExpiresAt.getTime() - deps.now().getTime()),
      );
      return presentSession(result, deps);
    },
  );

  api.delete("/session", { config: { enrolment: true } }, async (request, reply) => {
    const ctx = requireStaff(request, deps);
    await logout(ctx, ctx.session.id);
    clearSessionCookie(request, reply);
    return reply.status(204).send();
  });

  api.put("/session/password", { bodyLimit: SMALL_BODY }, async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const body = parseInput(passwordBody, request.body, "the password change");
    const result = await changePassword(
      ctx,
      {
        currentSessionId: ctx.session.id,
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        ip: request.ip,
        now: deps.now(),
      },
      deps.loginLimits,
    );
    if ("rateLimited" in result) {
      return sendRateLimited(reply, result.retryAfterSeconds, "パスワードの試行");
    }
    return result;
  });
}
