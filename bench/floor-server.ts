// The real server (buildApp, as `tassei serve` builds it) with two more routes that do the
// least any implementation of the staff read and save could do, for `api-latency.ts --floor`.
// They show how far the real routes are from what the same stack (Fastify, the session and
// CSRF checks, pg or PGlite, one Node thread) can do at all on this machine:
//   GET /floor/manifestos/:id  the session, then one statement returning the stored document
//                              as text, sent as it is (no permissions, no context).
//   PUT /floor/manifestos/:id  the session and CSRF check, the document validated by the domain
//                              (no master data), then BEGIN, one INSERT of the document, COMMIT
//                              (no lock, revision check, projection or audit).
//   GET /floor/page/:code/:year/:department
//                              the public page's one statement (the function the page calls),
//                              then the bytes the real page answered the first time, from
//                              memory: the uncached page without its rendering.
// Benchmark-only: never part of the product. Reads DATABASE_URL or TASSEI_DATA_DIR, PORT, HOST.
import { sql } from "kysely";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/connection.ts";
import { loadPublicManifestoPage } from "../src/db/repositories/public-manifesto-page.ts";
import { validateManifesto } from "../src/domain/manifesto/validate.ts";
import { comparisonKey } from "../src/domain/text.ts";
import { buildApp } from "../src/server/app.ts";
import { registerSessionHandling, requireStaff } from "../src/server/auth/session-plugin.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database, { purpose: "bench floor server" });
  const db = database.db;
  await sql`create table if not exists bench_floor_saves (
    id bigserial primary key, manifesto_id integer not null, document jsonb not null)`.execute(db);
  const app = await buildApp({
    database,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    sessionIdleMs: config.sessionIdleMs,
  });
  await app.register(
    async (floor) => {
      await registerSessionHandling(floor, {
        db,
        now: () => new Date(),
        sessionIdleMs: config.sessionIdleMs,
      });
      floor.get<{ Params: { id: string } }>("/manifestos/:id", async (request, reply) => {
        requireStaff(request, { db });
        const row = await sql<{ document: string }>`
          select r.document::text as document
          from manifestos m
          join manifesto_revisions r on r.manifesto_id = m.id and r.revision = m.current_revision
          where m.id = ${Number(request.params.id)}`.execute(db);
        const document = row.rows[0]?.document;
        if (document === undefined) return reply.status(404).send({ error: "not found" });
        return reply.type("application/json").send(`{"document":${document}}`);
      });
      floor.put<{ Params: { id: string }; Body: { document: unknown } }>(
        "/manifestos/:id",
        async (request, reply) => {
          requireStaff(request, { db });
          const checked = validateManifesto(request.body.document);
          if (!checked.ok) return reply.status(422).send({ problems: checked.problems });
          await db.transaction().execute(async (tx) => {
            await sql`insert into bench_floor_saves (manifesto_id, document)
              values (${Number(request.params.id)}, ${JSON.stringify(checked.value)})`.execute(tx);
          });
          return { ok: true };
        },
      );
    },
    { prefix: "/floor" },
  );
  const pages = new Map<string, Buffer>();
  app.get<{ Params: { code: string; year: string; department: string } }>(
    "/floor/page/:code/:year/:department",
    async (request, reply) => {
      const { code, year, department } = request.params;
      const data = await loadPublicManifestoPage(db, {
        municipalityCode: code,
        fiscalYear: Number(year),
        department: { code: department, nameKey: comparisonKey(department) },
      });
      if (!data.manifesto) return reply.status(404).send("not published");
      const path = `/${code}/${year}/${encodeURIComponent(department)}`;
      let page = pages.get(path);
      if (!page) {
        page = (await app.inject({ method: "GET", url: path })).rawPayload;
        pages.set(path, page);
      }
      return reply.type("text/html; charset=utf-8").send(page);
    },
  );
  await app.listen({ port: config.port, host: config.host });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
