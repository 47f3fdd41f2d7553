// Serves the staff workspace (the single-page app vite builds from src/web into dist/web)
// under /staff/. Hashed assets are cached for a year; every other address under /staff/ is
// the app's index page, so a reload on /staff/manifestos/12 opens that page. When the app has
// not been built, /staff/ says how to build it instead of failing.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

export const STAFF_APP_DIR = fileURLToPath(new URL("../../dist/web", import.meta.url));

const NOT_BUILT = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>職員用画面が準備されていません | Tassei</title></head><body><main><h1>職員用画面が準備されていません</h1><p>サーバーの管理者は <code>npm run build:web</code> を実行してください（<code>npm start</code> は自動で行います）。</p></main></body></html>`;

export async function registerStaffApp(
  app: FastifyInstance,
  options: { dir?: string } = {},
): Promise<void> {
  const dir = options.dir ?? STAFF_APP_DIR;
  const indexFile = path.join(dir, "index.html");
  const assets = path.join(dir, "assets");

  const sendIndex = async (reply: FastifyReply) => {
    let page: string;
    try {
      page = await fs.promises.readFile(indexFile, "utf8");
    } catch {
      return reply.status(503).type("text/html; charset=utf-8").send(NOT_BUILT);
    }
    return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(page);
  };

  if (fs.existsSync(assets)) {
    await app.register(fastifyStatic, {
      root: assets,
      prefix: "/staff/assets/",
      immutable: true,
      maxAge: "365d",
      index: false,
      wildcard: true,
      // Source maps are not built (vite.config.ts); one left in dist/web is not served either.
      allowedPath: (pathName) => !pathName.endsWith(".map"),
    });
  }
  app.get("/staff", async (_request, reply) => reply.redirect("/staff/", 301));
  app.get("/staff/", async (_request, reply) => sendIndex(reply));
  app.get("/staff/*", async (_request, reply) => sendIndex(reply));
}
