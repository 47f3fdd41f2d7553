// The session cookie. HttpOnly (no script reads it), Secure on HTTPS (request.protocol
// honours trustProxy), SameSite=Lax: the browser withholds it from cross-site POST/PUT/
// DELETE, and every state-changing request needs the CSRF token anyway. Strict would also
// withhold it when a colleague follows a link from an e-mail or the intranet to a
// manifesto, which would then open on the sign-in page although the session is alive.
import type { FastifyReply, FastifyRequest } from "fastify";

export const SESSION_COOKIE = "tassei_session";

function options(request: FastifyRequest) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: request.protocol === "https",
  };
}

export function readSessionToken(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[SESSION_COOKIE];
  // A token is 43 base64url characters; anything else is not worth a database look-up.
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, { ...options(request), expires: expiresAt });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, options(request));
}
