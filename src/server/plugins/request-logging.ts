// Structured JSON logs (pino, through fastify) that carry a request id and leave out what
// must not sit in log files: passwords, session cookies, authorization headers, query
// strings (search words and tokens travel there). Each response names its request id in
// `x-request-id`, so a person reporting a problem can quote it.
import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Writable } from "node:stream";
import type { FastifyInstance, FastifyServerOptions } from "fastify";

const SECRET_FIELDS = ["password", "newPassword", "currentPassword", "token", "sessionId"];

export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]),
];

/** An id sent by a proxy is kept when it looks like one; anything else gets a new id. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestId(request: IncomingMessage): string {
  const forwarded = request.headers["x-request-id"];
  if (typeof forwarded === "string" && FORWARDED_ID.test(forwarded)) return forwarded;
  return crypto.randomUUID();
}

function pathOnly(url: string | undefined): string | undefined {
  return url?.split("?")[0];
}

export interface LoggerSettings {
  level: string;
  /** Where log lines go (standard output by default); tests capture them here. */
  stream?: Writable;
}

/** The `logger` and `genReqId` options for Fastify(...); log lines name the id `reqId`. */
export function requestLoggingOptions(settings: LoggerSettings): FastifyServerOptions {
  return {
    logger: {
      level: settings.level,
      redact: { paths: REDACTED_PATHS, censor: "[Redacted]" },
      serializers: {
        req: (req: { method?: string; url?: string; ip?: string }) => ({
          method: req.method,
          url: pathOnly(req.url),
          remoteAddress: req.ip,
        }),
      },
      ...(settings.stream && { stream: settings.stream }),
    },
    genReqId: requestId,
  };
}

export function registerRequestLogging(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
}
