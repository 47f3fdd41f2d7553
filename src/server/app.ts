// The HTTP application. Routes stay thin: parse, call one service, present.
import Fastify, { type FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { DatabaseHandle } from "../db/connection.ts";
import { registerErrorHandlers } from "./errors.ts";
import { homePage } from "./home-page.ts";

export interface AppOptions {
  database: DatabaseHandle;
  logLevel?: string;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? "info" },
    bodyLimit: 25 * 1024 * 1024,
    disableRequestLogging: false,
  });
  registerErrorHandlers(app);

  app.get("/healthz", async (_request, reply) => {
    try {
      await sql`select 1`.execute(options.database.db);
      return { status: "ok", database: options.database.kind };
    } catch {
      return reply.status(503).send({ status: "unavailable", database: options.database.kind });
    }
  });

  app.get("/", async (_request, reply) => reply.type("text/html; charset=utf-8").send(homePage()));

  return app;
}
