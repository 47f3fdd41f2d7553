// The portal with its page cache, as `tassei serve` runs it: pages come from memory until
// something public changes (a correction, the municipality's settings, the plan structure),
// and then show the change; drafts never reach a cached page; errors are never kept.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import {
  listenForPublicChanges,
  type PublicChange,
  type PublicChangeFeed,
} from "../../db/change-notifications.ts";
import { updateMunicipalitySettings } from "../../db/repositories/municipalities.ts";
import { notifyPublicChange } from "../../db/repositories/public-changes.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { staffContext } from "../../services/auth/staff-context.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { importPlanStructure } from "../../services/import-plan-structure.ts";
import { writeRevision } from "../../services/manifestos/write-revision.ts";
import { updateMunicipality } from "../../services/update-municipality-settings.ts";
import { createUser } from "../../services/users/create-user.ts";
import { correctPublishedManifesto } from "../../services/workflow/correct-published-manifesto.ts";
import { buildApp } from "../app.ts";
import { CACHE_HEADER, cacheKey } from "./page-cache-hooks.ts";

let t: TestDatabase;
let app: FastifyInstance;
let changes: PublicChangeFeed;
let manifestoId: number;
const page = `/242161/2023/${encodeURIComponent("総務部")}`;
const PUBLISHED_TITLE = "伝わる広報と市民の市政参画の促進";

beforeAll(async () => {
  t = await createTestDatabase();
  ({ manifestoId } = await importManifesto(t.ctx, demoDocument(), { published: true }));
  changes = await listenForPublicChanges(t.handle, { retryMinMs: 50 });
  app = await buildApp({
    database: t.handle,
    logLevel: "silent",
    pageCache: { maxEntries: 100, maxBytes: 16 * 2 ** 20, changes },
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await changes?.close();
  await t?.destroy();
});

/**
 * The next change this process hears, for `code`. Taken before the write: on the embedded
 * database it arrives with the commit, on a server a moment after it.
 */
function nextChange(code: string | null): Promise<PublicChange> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no public change for ${code} within 10 s`));
    }, 10_000);
    const off = changes.onPublicChange((change) => {
      if (change.kind === "changed" && change.municipalityCode !== code) return;
      clearTimeout(timer);
      off();
      resolve(change);
    });
  });
}

async function get(url: string) {
  const r = await app.inject(url);
  return { status: r.statusCode, body: r.body, cache: r.headers[CACHE_HEADER] };
}

describe("the page cache of the public portal", () => {
  it("answers a page from memory once rendered, and never keeps an error", async () => {
    const first = await get(page);
    expect(first).toMatchObject({ status: 200, cache: "miss" });
    expect(first.body).toContain(PUBLISHED_TITLE);
    const second = await get(page);
    expect(second).toMatchObject({ status: 200, cache: "hit" });
    expect(second.body).toBe(first.body);
    const json = await get(`${page}/manifesto.json`);
    expect(await get(`${page}/manifesto.json`)).toEqual({ ...json, cache: "hit" });

    const missing = `/242161/2031/${encodeURIComponent("総務部")}`;
    for (let i = 0; i < 2; i++)
      expect(await get(missing)).toMatchObject({ status: 404, cache: "miss" });
  });

  it("keeps one entry per download path: a query string does not make the PDF render again", async () => {
    const pdf = `${page}/manifesto.pdf`;
    const first = await get(`${pdf}?bust=1`);
    expect(first).toMatchObject({ status: 200 });
    for (const url of [`${pdf}?bust=2`, `${pdf}?bust=3&x=y`, pdf]) {
      expect((await get(url)).cache, url).toBe("hit");
    }
    // Pages keep their query: a search is not a download.
    expect(cacheKey("/search?q=広報")).toBe("/search?q=広報");
    expect(cacheKey("/242161/2023/opendata.csv?v=2")).toBe("/242161/2023/opendata.csv");
  });

  it("keeps a page until a change is announced, then renders it again", async () => {
    expect((await get(page)).cache).toBe("hit");
    // Written behind the repositories' back: nothing announces it, the cached page stays.
    await t.ctx.db
      .updateTable("municipalities")
      .set({ name: "伊賀市（黙って変更）" })
      .where("code", "=", "242161")
      .execute();
    const stale = await get(page);
    expect(stale.cache).toBe("hit");
    expect(stale.body).not.toContain("黙って変更");
    // The settings service announces its change in its transaction.
    const changed = nextChange("242161");
    await updateMunicipality(t.ctx, { code: "242161", name: "伊賀市（設定で変更）" });
    await changed;
    const fresh = await get(page);
    expect(fresh.cache).toBe("miss");
    expect(fresh.body).toContain("伊賀市（設定で変更）");
  });

  it("shows a correction after publication on the next read", async () => {
    await get(page);
    expect((await get(page)).cache).toBe("hit");
    const user = await createUser(t.ctx, {
      username: "planner",
      password: "correct horse battery staple",
      role: "planning",
      municipalityCode: "242161",
    });
    const planner = staffContext(t.ctx, {
      id: user.id,
      username: user.username,
      role: user.role,
      municipalityCode: "242161",
      departmentId: null,
    });
    const corrected = demoDocument() as unknown as ManifestoDocument;
    corrected.goals[0]!.title = "訂正後の目標の題名";
    const changed = nextChange("242161");
    await correctPublishedManifesto(planner, manifestoId, {
      revision: 1,
      document: corrected,
      changeNote: "目標1の題名の誤りを訂正",
    });
    await changed;
    const after = await get(page);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain("訂正後の目標の題名");
    expect((await get(page)).body).toContain("訂正後の目標の題名");
    const json = JSON.parse((await get(`${page}/manifesto.json`)).body) as ManifestoDocument;
    expect(json.goals[0]?.title).toBe("訂正後の目標の題名");
  });

  it("shows a new plan structure's titles", async () => {
    await get(page);
    const changed = nextChange("242161");
    await importPlanStructure(t.ctx, {
      municipalityCode: "242161",
      format: "json",
      content: JSON.stringify([{ code: "7-1-①", title: "施策の題名（計画構造）" }]),
    });
    await changed;
    expect((await get(page)).body).toContain("施策の題名（計画構造）");
  });

  it("never lets a draft into a cached page", async () => {
    const draft = demoDocument() as unknown as ManifestoDocument;
    draft.goals[0]!.title = "評価中の下書きの題名";
    await t.ctx.db.transaction().execute(async (tx) => {
      await tx
        .updateTable("manifestos")
        .set({ state: "evaluation_draft" })
        .where("id", "=", manifestoId)
        .execute();
      await writeRevision(tx, "test", {
        manifestoId,
        revision: 3,
        doc: draft,
        source: "api",
        action: "manifesto.saved",
      });
    });
    // A change announced after the draft, so that every page is rendered from here on.
    const changed = nextChange(null);
    await t.ctx.db.transaction().execute((tx) => notifyPublicChange(tx, null));
    await changed;
    for (const url of [page, page, `${page}/manifesto.json`, "/242161/2023"]) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      expect(r.body, url).not.toContain("評価中の下書きの題名");
    }
    expect((await get(page)).body).toContain("訂正後の目標の題名");
    const search = await get(`/242161/search?q=${encodeURIComponent("評価中の下書き")}`);
    expect(search.body).not.toContain("評価中の下書きの題名");
  });

  it("drops nothing for a write that rolls back", async () => {
    await get(page);
    expect((await get(page)).cache).toBe("hit");
    const heard: PublicChange[] = [];
    const off = changes.onPublicChange((c) => heard.push(c));
    await expect(
      t.ctx.db.transaction().execute(async (tx) => {
        await updateMunicipalitySettings(tx, "242161", { name: "取り消し" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await get(page)).cache).toBe("hit");
    // Heard in commit order: a change committed after the rollback comes first, alone.
    const changed = nextChange("999999");
    await t.ctx.db.transaction().execute((tx) => notifyPublicChange(tx, "999999"));
    await changed;
    off();
    expect(heard).toEqual([{ kind: "changed", municipalityCode: "999999" }]);
    expect((await get(page)).body).not.toContain("取り消し");
  });
});
