// Which 1–2-character words of a search are common enough to be matched by LIKE alone
// (commonShortWords in src/db/repositories/public-search.ts asks the planner, one EXPLAIN per
// word). The planner's estimate comes from the statistics ANALYZE keeps, which move slowly,
// so an answer is kept per word for ten minutes: the searches of a busy morning plan each
// common word once instead of on every request. A stale answer costs time only — both ways
// of matching find the same goals.
import { LRUCache } from "lru-cache";
import type { Db } from "../../db/repositories/municipalities.ts";
import { commonShortWords } from "../../db/repositories/public-search.ts";

export type CommonWordCache = LRUCache<string, boolean>;

export function newCommonWordCache(): CommonWordCache {
  return new LRUCache<string, boolean>({ max: 10_000, ttl: 10 * 60_000 });
}

// One cache per database handle: two databases in one process (the tests) never share one.
const caches = new WeakMap<Db, CommonWordCache>();
function cacheOf(db: Db): CommonWordCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = newCommonWordCache();
    caches.set(db, cache);
  }
  return cache;
}

export async function commonWordsOf(
  db: Db,
  words: readonly string[],
  atLeast: number,
  cache: CommonWordCache = cacheOf(db),
): Promise<string[]> {
  const key = (word: string) => `${atLeast}:${word}`;
  const unknown = words.filter((w) => !cache.has(key(w)));
  if (unknown.length > 0) {
    const common = new Set(await commonShortWords(db, unknown, atLeast));
    for (const word of unknown) cache.set(key(word), common.has(word));
  }
  return words.filter((w) => cache.get(key(w)) === true);
}
