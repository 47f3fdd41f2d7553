// A department's public page links its predecessors and successors after a reorganisation
// (機構改革), but only where something of them is published (issue #10).
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { staffContext } from "../../services/auth/staff-context.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { reorganiseDepartments } from "../../services/master-data/departments.ts";
import { expectWellFormedPage, portalApp, visibleText } from "./test-app.ts";

let t: TestDatabase;
let app: FastifyInstance;

const dept = (name: string) => `/242161/departments/${encodeURIComponent(name)}`;

beforeAll(async () => {
  t = await createTestDatabase();
  const somu = demoDocument();
  const somuId = (await importManifesto(t.ctx, somu, { published: true })).manifestoId;
  const kikaku = demoDocument();
  kikaku.department = { ...(kikaku.department as object), name: "企画部" };
  await importManifesto(t.ctx, kikaku); // a draft only: nothing of 企画部 is public
  const ids = await t.ctx.db
    .selectFrom("departments")
    .select(["id", "name"])
    .where("municipality_code", "=", "242161")
    .execute();
  const idOf = (name: string) => ids.find((d) => d.name === name)?.id ?? -1;
  const admin = staffContext(t.ctx, {
    id: 0,
    username: "test-admin",
    role: "admin",
    municipalityCode: "242161",
    departmentId: null,
  });
  await reorganiseDepartments(admin, "242161", {
    fromYear: 2024,
    predecessorIds: [idOf("総務部"), idOf("企画部")],
    successors: [{ name: "総務企画部" }],
  });
  const merged = demoDocument();
  merged.fiscalYear = 2024;
  merged.department = { ...(merged.department as object), name: "総務企画部" };
  await importManifesto(t.ctx, merged, { published: true });
  expect(somuId).toBeGreaterThan(0);
  app = await portalApp(t);
});
afterAll(async () => {
  await app?.close();
  await t.destroy();
});

describe("a reorganised department's public page", () => {
  it("links the successor's page to its published predecessor, and not to a draft-only one", async () => {
    const res = await app.inject({ method: "GET", url: dept("総務企画部") });
    expect(res.statusCode).toBe(200);
    expectWellFormedPage(res.body, "総務企画部の年度ごとの推移");
    const text = visibleText(res.body);
    expect(text).toContain("組織の変遷");
    expect(text).toContain("2024（令和6）年度の機構改革：前身の部局 総務部");
    expect(res.body).toContain(`href="${dept("総務部")}"`);
    expect(text).not.toContain("前身の部局 企画部");
    expect(res.body).not.toContain(`href="${dept("企画部")}"`);
  });

  it("links the predecessor's page to its successor", async () => {
    const res = await app.inject({ method: "GET", url: dept("総務部") });
    expect(res.statusCode).toBe(200);
    const text = visibleText(res.body);
    expect(text).toContain("2024（令和6）年度の機構改革：後継の部局 総務企画部");
    expect(res.body).toContain(`href="${dept("総務企画部")}"`);
  });
});
