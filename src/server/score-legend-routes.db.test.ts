// The PDFs the two web routes send print the municipality's second scale in their legend
// from the plan on, as `tassei export` and the booklet do (services/score-legend-setting):
// the staff download (/api/manifestos/:id/export?format=pdf) and the citizen's download
// (/:code/:year/:department/manifesto.pdf) each pass the setting to the renderer, and
// nothing else tested that they do. Read back with pdftotext.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { extensionFixture } from "../../test/support/fixtures.ts";
import { pdfText, squeeze, writePdf } from "../reports/pdf/test-support.ts";
import { importManifesto } from "../services/import-manifesto.ts";
import { updateMunicipality } from "../services/update-municipality-settings.ts";
import { createUser } from "../services/users/create-user.ts";
import { buildApp } from "./app.ts";

const plan = extensionFixture("prefecture");
const { scoreScale, ...planWithoutScale } = plan;
for (const goal of planWithoutScale.goals) delete goal.evaluation;
const code = plan.municipality.code;
const PASSWORD = "a long enough password for the test";
const LEGEND = "第二の評価：達成度";

let t: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let id: number;
let cookie: string;

beforeAll(async () => {
  t = await createTestDatabase();
  id = (await importManifesto(t.ctx, planWithoutScale, { published: true })).manifestoId;
  await createUser(t.ctx, {
    username: "viewer",
    password: PASSWORD,
    role: "viewer",
    municipalityCode: code,
  });
  app = await buildApp({ database: t.handle, logLevel: "silent" });
  await app.ready();
  const r = await app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username: "viewer", password: PASSWORD },
  });
  expect(r.statusCode, r.body).toBe(200);
  cookie = String(r.headers["set-cookie"]).split(";")[0] ?? "";
});
afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

async function pdfOf(url: string, name: string, headers: Record<string, string> = {}) {
  const r = await app.inject({ method: "GET", url, headers });
  expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
  expect(r.headers["content-type"]).toBe("application/pdf");
  return squeeze(pdfText(writePdf(r.rawPayload, name)));
}

const staff = () =>
  pdfOf(`/api/manifestos/${id}/export?format=pdf`, "legend-staff.pdf", { cookie });
const citizen = () =>
  pdfOf(
    `/${code}/${plan.fiscalYear}/${encodeURIComponent(plan.department.name)}/manifesto.pdf`,
    "legend-portal.pdf",
  );

describe("the second scale's legend in the PDFs of the web routes", () => {
  it("is printed by both once the municipality has a second scale", async () => {
    expect(scoreScale?.name).toBe("達成度");
    expect(await staff()).not.toContain("第二の評価");
    expect(await citizen()).not.toContain("第二の評価");

    await updateMunicipality(t.ctx, { code, scoreScale });
    expect(await staff()).toContain(LEGEND);
    expect(await citizen()).toContain(LEGEND);
  });
});
