// Security headers on every response, error pages included. The content security policy
// allows no inline script or style: the public pages work without JavaScript and take their
// styles from files. HSTS is sent only on HTTPS requests: sent over plain HTTP (a first
// install, a test on a LAN) it would lock browsers out of the site for a year. Behind a
// reverse proxy, whether a request is HTTPS comes from X-Forwarded-Proto, which fastify
// believes only when `trustProxy` is set (TASSEI_TRUST_PROXY).
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};

export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

export interface SecurityHeadersDeps {
  /** Send HSTS on HTTPS requests (default true). */
  hsts?: boolean;
}

export async function registerSecurityHeaders(
  app: FastifyInstance,
  deps: SecurityHeadersDeps = {},
): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
  if (deps.hsts !== false) {
    app.addHook("onSend", async (request, reply) => {
      if (request.protocol === "https") reply.header("strict-transport-security", HSTS_VALUE);
    });
  }
}
