// The second factor: finishing a sign-in with a code, the enrolment of an authenticator, an
// administrator's reset of someone's factor, and a municipality's sign-in policy. Thin:
// parse, one service, present.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ROLES } from "../../domain/roles.ts";
import { completeSecondFactor } from "../../services/auth/complete-second-factor.ts";
import { confirmTotpEnrolment } from "../../services/auth/confirm-totp-enrolment.ts";
import { getSecondFactor } from "../../services/auth/get-second-factor.ts";
import { resetSecondFactor } from "../../services/auth/reset-second-factor.ts";
import { getSignInPolicy, updateSignInPolicy } from "../../services/auth/save-sign-in-policy.ts";
import { startTotpEnrolment } from "../../services/auth/start-totp-enrolment.ts";
import { parseInput } from "../api/parse.ts";
import { type AuthDeps, presentSession, SMALL_BODY, sendRateLimited } from "./routes.ts";
import { readSessionToken, setSessionCookie } from "./session-cookie.ts";
import { requireStaff } from "./session-plugin.ts";

export const secondFactorBody = z.strictObject({
  challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  code: z.string().min(1).max(40),
});
export const enrolmentCodeBody = z.strictObject({ code: z.string().min(1).max(40) });
export const signInPolicyBody = z.strictObject({
  totpRequired: z.boolean(),
  totpRequiredRoles: z.array(z.enum(ROLES)).max(ROLES.length),
  localPasswords: z.boolean(),
});
const codeParams = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
const idParams = z.strictObject({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export function registerSecondFactorRoutes(api: FastifyInstance, deps: AuthDeps): void {
  api.post(
    "/session/second-factor",
    { config: { staffPublic: true }, bodyLimit: SMALL_BODY },
    async (request, reply) => {
      const body = parseInput(secondFactorBody, request.body, "the second factor");
      const result = await completeSecondFactor(
        deps,
        {
          challenge: body.challenge,
          code: body.code,
          ip: request.ip,
          now: deps.now(),
          previousToken: readSessionToken(request),
          idleMs: deps.sessionIdleMs,
        },
        deps.loginLimits,
      );
      if (!result.ok && result.reason === "rate_limited") {
        return sendRateLimited(reply, result.retryAfterSeconds, "確認コードの試行");
      }
      if (!result.ok) {
        const expired = result.reason === "challenge_expired";
        return reply.status(401).send({
          error: {
            code: "unauthenticated",
            message: expired
              ? "時間が経ちすぎました。もう一度ユーザー名とパスワードからログインしてください"
              : "確認コードが正しくありません",
            ...(!expired && { fields: { code: "確認コードが正しくありません" } }),
          },
        });
      }
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return presentSession(result, deps);
    },
  );

  const enrolment = { config: { enrolment: true }, bodyLimit: SMALL_BODY };
  api.get("/session/second-factor", enrolment, async (request) =>
    getSecondFactor(requireStaff(request, deps)),
  );
  api.post("/session/second-factor/enrolment", enrolment, async (request) =>
    startTotpEnrolment(requireStaff(request, deps), deps.now()),
  );
  api.put("/session/second-factor/enrolment", enrolment, async (request) => {
    const ctx = requireStaff(request, deps);
    const body = parseInput(enrolmentCodeBody, request.body, "the enrolment code");
    return confirmTotpEnrolment(ctx, body.code, deps.now());
  });

  api.delete("/users/:id/second-factor", async (request, reply) => {
    const ctx = requireStaff(request, deps);
    const { id } = parseInput(idParams, request.params, "the account");
    await resetSecondFactor(ctx, id);
    return reply.status(204).send();
  });

  api.get("/admin/municipalities/:code/sign-in-policy", async (request) => {
    const ctx = requireStaff(request, deps);
    return getSignInPolicy(ctx, parseInput(codeParams, request.params, "the municipality").code);
  });
  api.put(
    "/admin/municipalities/:code/sign-in-policy",
    { bodyLimit: SMALL_BODY },
    async (request) => {
      const ctx = requireStaff(request, deps);
      const { code } = parseInput(codeParams, request.params, "the municipality");
      const body = parseInput(signInPolicyBody, request.body, "the sign-in policy");
      return updateSignInPolicy(ctx, code, body, deps.now());
    },
  );
}
