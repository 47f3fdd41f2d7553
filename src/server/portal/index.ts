// The public portal: server-rendered pages for citizens, no account, no JavaScript needed.
// Everything it reads goes through the public-* repositories, which see published
// manifestos only. Errors inside the portal are answered as HTML pages.
import fs from "node:fs";
import path from "node:path";
import type { FastifyError, FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { isDatabaseUnavailable } from "../../db/errors.ts";
import type { Database } from "../../db/schema.ts";
import { AppError } from "../../errors.ts";
import { PACKAGE_ROOT } from "../../package-root.ts";
import type { ServiceContext } from "../../services/context.ts";
import { registerDownloads } from "./downloads.ts";
import { errorPage } from "./layout.ts";
import { type PageCacheSettings, registerPageCache } from "./page-cache-hooks.ts";
import { registerPages } from "./routes.ts";
import { portalSearchScript } from "./search-script.ts";
import { SEARCH_SCRIPT_PATH, STYLESHEET_PATH } from "./urls.ts";

// From the package root, so that the production build (dist/server) finds them too.
const STYLESHEET = path.join(PACKAGE_ROOT, "src/server/portal/assets/portal.css");

const UNAVAILABLE_MESSAGE =
  "ただいまシステムに接続しにくくなっています。しばらくしてから、もう一度お試しください。";

const isApiPath = (url: string) => /^\/api(\/|\?|$)/.test(url);

export async function registerPortal(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; pageCache?: PageCacheSettings; accessibilityContact?: string },
): Promise<void> {
  const ctx: ServiceContext = { db: deps.db, actor: "public" };
  const css = fs.readFileSync(STYLESHEET, "utf8");
  await app.register(async (portal) => {
    if (deps.pageCache) registerPageCache(portal, deps.pageCache);
    portal.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      // An address under /api/ that matched a page's pattern is the API's to answer, in JSON.
      if (isApiPath(request.url)) throw error;
      let status = 500;
      let message = "ページを表示できませんでした。時間をおいてもう一度お試しください。";
      if (error instanceof AppError && error.code === "not_found") {
        status = 404;
        message = "お探しのページは見つかりませんでした。アドレスをご確認ください。";
      } else if (error instanceof AppError && error.code === "validation_error") {
        status = 400;
        message = error.message;
      } else if (isDatabaseUnavailable(error)) {
        // The database is down or silent: nothing here is broken, and it comes back by itself.
        request.log.warn({ err: error }, "database unavailable");
        return reply
          .status(503)
          .header("retry-after", "5")
          .type("text/html; charset=utf-8")
          .send(errorPage(503, UNAVAILABLE_MESSAGE));
      } else if (!(error instanceof AppError)) {
        const s = (error as FastifyError).statusCode;
        if (s !== undefined && s >= 400 && s < 500) {
          status = s;
          message = "リクエストを処理できませんでした。アドレスをご確認ください。";
        }
      }
      if (status >= 500) request.log.error({ err: error }, "portal error");
      return reply.status(status).type("text/html; charset=utf-8").send(errorPage(status, message));
    });

    portal.get(STYLESHEET_PATH, async (_request, reply) =>
      reply
        .type("text/css; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(css),
    );
    portal.get(SEARCH_SCRIPT_PATH, async (_request, reply) =>
      reply
        .type("text/javascript; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(await portalSearchScript()),
    );
    registerPages(portal, ctx, deps.accessibilityContact);
    registerDownloads(portal, ctx);

    // Any other address outside the API is a page that does not exist: say so as a page.
    portal.get("/*", async (request, reply) => {
      if (isApiPath(request.url)) return reply.callNotFound();
      return reply
        .status(404)
        .type("text/html; charset=utf-8")
        .send(errorPage(404, "お探しのページは見つかりませんでした。アドレスをご確認ください。"));
    });
  });
}
