// Bidirectional controls in user text (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) must not
// reorder the portal page around them, and must not make a download's file name read as
// another ("総務部\u202Efdp.exe" shown as "総務部exe.pdf").
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { html } from "../portal/html.ts";
import { portalApp } from "../portal/test-app.ts";

const RLO = "\u202e";
const DEPARTMENT = `総務部${RLO}fdp.exe`;
const TITLE = `安全なまち${RLO}づくり\u2067`;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let t: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDatabase();
  const doc = demoDocument();
  doc.department = { ...(doc.department as object), name: DEPARTMENT };
  (doc.goals[0] as Record<string, unknown>).title = TITLE;
  await importManifesto(t.ctx, doc, { published: true });
  app = await portalApp(t);
});
afterAll(async () => {
  await app?.close();
  await t.destroy();
});

const base = `/242161/2023/${encodeURIComponent(DEPARTMENT)}`;

/** Every bidi control in the page, with whether it sits inside a <bdi> element. */
function controlsOutsideIsolation(page: string): string[] {
  const outside: string[] = [];
  const withoutIsolated = page.replace(/<bdi>[^<]*<\/bdi>/g, "");
  for (const m of withoutIsolated.matchAll(new RegExp(BIDI.source, "g"))) {
    const at = m.index ?? 0;
    outside.push(withoutIsolated.slice(Math.max(0, at - 40), at + 10));
  }
  return outside;
}

describe("bidirectional controls in user text", () => {
  it("are isolated on the manifesto page, and left out of attributes and the title", async () => {
    const r = await app.inject({ method: "GET", url: base });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`<bdi>${TITLE}</bdi>`);
    expect(controlsOutsideIsolation(r.body)).toEqual([]);
    const title = /<title>([^<]*)<\/title>/.exec(r.body)?.[1] ?? "";
    expect(title).toContain("総務部fdp.exe");
  });

  it("are isolated on the year's page that lists the department", async () => {
    const r = await app.inject({ method: "GET", url: "/242161/2023" });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`<bdi>${DEPARTMENT}</bdi>`);
    expect(controlsOutsideIsolation(r.body)).toEqual([]);
  });

  it("are left out of a download's file name", async () => {
    for (const ext of ["json", "xlsx", "pdf"]) {
      const r = await app.inject({ method: "GET", url: `${base}/manifesto.${ext}` });
      expect(r.statusCode, ext).toBe(200);
      const disposition = String(r.headers["content-disposition"]);
      expect(decodeURIComponent(disposition)).not.toMatch(BIDI);
      expect(decodeURIComponent(disposition)).toContain(`242161-2023-総務部fdp.exe.${ext}`);
    }
  });

  it("text without them is written as before (no <bdi> where nothing needs isolating)", () => {
    expect(html`<p>${"総務部"}</p><a title="${`a${RLO}b`}">${`a${RLO}b`}</a>`.value).toBe(
      `<p>総務部</p><a title="ab"><bdi>a${RLO}b</bdi></a>`,
    );
  });
});
