// The page cache in the portal's request path: a GET whose address was answered with 200
// before is answered from memory, before any route runs; every other 200 GET is kept on its
// way out. Errors, redirects and other methods pass by. Per-request headers (security
// headers, the request id) are set by the hooks before this one, on hits too.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { PublicChangeFeed } from "../../db/change-notifications.ts";
import { PageCache, type PageCacheLimits } from "./page-cache.ts";
import { STYLESHEET_PATH } from "./urls.ts";

export interface PageCacheSettings extends PageCacheLimits {
  /** What drops the cache: every public change, in this process or another. */
  changes: PublicChangeFeed;
}

/** Tells a reader (and the tests) whether a response came from the cache. */
export const CACHE_HEADER = "x-tassei-cache";

const KEPT_HEADERS = ["content-type", "content-disposition"] as const;

/** A published file is the same whatever follows `?`: one entry per path, not per query. */
const DOWNLOAD = /\.(pdf|xlsx|json|csv)$/;

export function cacheKey(url: string): string {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  return DOWNLOAD.test(path) ? path : url;
}

export function registerPageCache(portal: FastifyInstance, settings: PageCacheSettings): PageCache {
  const cache = new PageCache(settings);
  // The generation each uncached GET started under (see PageCache.set).
  const startedUnder = new WeakMap<FastifyRequest, number>();
  // A lost listening connection (the database restarting, the network) keeps what is
  // cached: published pages are frozen content, and go on being served during an outage.
  // Nothing new is kept meanwhile (onSend), and once listening again the cache is emptied,
  // since changes made in between were not heard: every page is rendered afresh.
  const unsubscribe = settings.changes.onPublicChange((change) => {
    if (change.kind !== "connection_lost") cache.clear();
  });
  portal.addHook("onClose", async () => unsubscribe());

  portal.addHook("onRequest", async (request, reply) => {
    // The stylesheet is already in memory; its own cache-control is for browsers.
    if (request.method !== "GET" || request.url === STYLESHEET_PATH) return;
    const hit = cache.get(cacheKey(request.url));
    if (hit) return reply.headers({ ...hit.headers, [CACHE_HEADER]: "hit" }).send(hit.body);
    startedUnder.set(request, cache.generation);
    reply.header(CACHE_HEADER, "miss");
  });

  portal.addHook("onSend", async (request, reply, payload) => {
    const generation = startedUnder.get(request);
    // While nobody listens for changes, nothing new is kept: it could not be dropped in time.
    if (generation === undefined || reply.statusCode !== 200 || !settings.changes.live) {
      return payload;
    }
    const body =
      typeof payload === "string"
        ? Buffer.from(payload)
        : Buffer.isBuffer(payload)
          ? payload
          : undefined;
    if (!body) return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    cache.set(cacheKey(request.url), { headers, body }, generation);
    return body;
  });
  return cache;
}
