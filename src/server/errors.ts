// Every error leaves as `{ "error": { "code", "message", "fields"? } }`. Known errors keep
// their code and message; anything else is a bug: logged in full, answered with a generic
// 500 naming only the request id. No stack trace or SQL ever reaches a response.
import type { FastifyError, FastifyInstance } from "fastify";
import { isDatabaseUnavailable } from "../db/errors.ts";
import { isDiskFull } from "../db/storage-errors.ts";
import { AppError, type ErrorCode } from "../errors.ts";

const STATUS: Record<ErrorCode, number> = {
  validation_error: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  data_dir_locked: 503,
  config_error: 500,
  database_unavailable: 503,
  storage_unavailable: 503,
  busy: 503,
  second_factor_enrolment_required: 403,
};

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      const fields =
        error.problems.length > 0
          ? Object.fromEntries(error.problems.map((p) => [p.path, p.message]))
          : undefined;
      return reply
        .status(STATUS[error.code])
        .send({ error: { code: error.code, message: error.message, ...(fields && { fields }) } });
    }
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      // fastify's own refusals: malformed JSON body, body too large, bad content type …
      return reply.status(status).send({
        error: {
          code: status === 413 ? "payload_too_large" : "bad_request",
          message: error.message,
        },
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      return reply
        .status(503)
        .header("retry-after", "5")
        .send({
          error: {
            code: "database_unavailable",
            message: "データベースに接続できません。しばらくしてから、もう一度お試しください。",
          },
        });
    }
    if (isDiskFull(error)) {
      // Nothing was written (the transaction failed); the operator has to make room.
      request.log.error({ err: error }, "the database's disk is full");
      return reply.status(503).send({
        error: {
          code: "storage_unavailable",
          message:
            "サーバーのディスクがいっぱいのため保存できませんでした。内容は保存されていません。管理者に連絡してください。",
        },
      });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send({
      error: { code: "internal_error", message: `internal error (request ${request.id})` },
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: "not_found",
        message: `no route ${request.method} ${request.url.split("?")[0]}`,
      },
    }),
  );
}
