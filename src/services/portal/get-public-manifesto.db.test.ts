// The published manifesto's page reads its data in one statement (public-manifesto-page.ts)
// instead of seven; what it shows must not change. Each case here builds the page both ways —
// the one statement, and the separate queries the page was built from before (legacyView,
// kept here as the reference) — and compares the views and the HTML byte for byte: the demo
// as a plan, with results, after a correction and with an acknowledged progress report, the
// fixtures of test/fixtures/manifesto, a department code that is another department's name,
// and every address where nothing is published.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { updateMunicipalitySettings } from "../../db/repositories/municipalities.ts";
import {
  listPublicManifestos,
  listPublicTargetIndicators,
} from "../../db/repositories/public-manifestos.ts";
import { listAcknowledgedProgress } from "../../db/repositories/public-progress.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import type { ProgressEntry } from "../../domain/progress-report/report.ts";
import { NotFoundError } from "../../errors.ts";
import { manifestoPage } from "../../server/portal/pages/manifesto.ts";
import {
  createStaff,
  currentRevision,
  MUNICIPALITY,
  openEvaluationOf,
  planDocument,
  publishDraft,
  resultsDocument,
  type Staff,
  saveDraft,
} from "../../server/portal/publication-test-support.ts";
import { importManifesto } from "../import-manifesto.ts";
import { importPlanStructure } from "../import-plan-structure.ts";
import { moveProgressReport } from "../progress/move-progress-report.ts";
import { saveProgressReport } from "../progress/save-progress-report.ts";
import { correctPublishedManifesto } from "../workflow/correct-published-manifesto.ts";
import {
  getPublicManifesto,
  type PublicManifestoSelector,
  type PublicManifestoView,
} from "./get-public-manifesto.ts";
import { listPublicCorrections } from "./public-corrections.ts";
import { departmentRef, planTitles, readManifesto, requirePublicMunicipality } from "./shared.ts";

/** The page's data as it was read before: one query per part. */
async function legacyView(
  t: TestDatabase,
  selector: PublicManifestoSelector,
): Promise<PublicManifestoView> {
  const ctx = t.ctx;
  const municipality = await requirePublicMunicipality(ctx, selector.municipalityCode);
  const rows = await listPublicManifestos(ctx.db, {
    municipalityCode: selector.municipalityCode,
    fiscalYear: selector.fiscalYear,
    department: departmentRef(selector.department),
  });
  const stored = rows.find((r) => r.departmentCode === selector.department) ?? rows[0];
  if (!stored) {
    throw new NotFoundError(
      `no published manifesto for ${selector.department} in ${selector.fiscalYear}`,
    );
  }
  const plan = await planTitles(ctx, selector.municipalityCode);
  const indicatorIds = new Map<string, number>();
  for (const l of await listPublicTargetIndicators(ctx.db, stored.id)) {
    if (l.indicator_id !== null) indicatorIds.set(`${l.goal_number}:${l.position}`, l.indicator_id);
  }
  const corrections = await listPublicCorrections(ctx, stored.id);
  const progress = new Map<number, ProgressEntry[]>();
  for (const report of await listAcknowledgedProgress(ctx.db, stored.id)) {
    for (const entry of Array.isArray(report.entries) ? (report.entries as ProgressEntry[]) : []) {
      progress.set(entry.goal, [...(progress.get(entry.goal) ?? []), entry]);
    }
  }
  return {
    ...readManifesto(stored, municipality, plan),
    municipality,
    plan,
    indicatorIds,
    corrections,
    progress,
  };
}

let t: TestDatabase;

async function expectSamePage(selector: PublicManifestoSelector, tag?: string) {
  const before = await legacyView(t, selector);
  const now = await getPublicManifesto(t.ctx, selector);
  expect(now).toEqual(before);
  expect(manifestoPage(now, { pdf: true, tag })).toBe(manifestoPage(before, { pdf: true, tag }));
  return now;
}

async function expectSameRefusal(selector: PublicManifestoSelector) {
  const before = await legacyView(t, selector).then(
    () => "found",
    (e: unknown) => e,
  );
  const now = await getPublicManifesto(t.ctx, selector).then(
    () => "found",
    (e: unknown) => e,
  );
  expect(before).toBeInstanceOf(NotFoundError);
  expect(now).toBeInstanceOf(NotFoundError);
  expect((now as Error).message).toBe((before as Error).message);
}

function tagged(doc: ManifestoDocument): ManifestoDocument {
  doc.goals[0]!.tags = ["sdg:11", "sdg:16"];
  return doc;
}

const soumu = { municipalityCode: MUNICIPALITY, fiscalYear: 2023, department: "総務部" };

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

describe("the published manifesto's page from one statement", () => {
  let staff: Staff;
  let id: number;

  it("is the page of the separate queries for the demo as a plan", async () => {
    id = (await importManifesto(t.ctx, tagged(planDocument()), { published: true })).manifestoId;
    staff = await createStaff(t);
    await importPlanStructure(t.ctx, {
      municipalityCode: MUNICIPALITY,
      content: JSON.stringify({
        items: [
          { code: "7-1-①", title: "広聴広報の充実" },
          { code: "7-1-②", title: "情報公開の推進" },
        ],
      }),
      format: "json",
    });
    const view = await expectSamePage(soumu);
    expect(view.plan.size).toBe(2);
    expect(view.document.goals.length).toBeGreaterThan(0);
    expect(view.indicatorIds.size).toBeGreaterThan(0);
    for (const tag of ["sdg:11", "sdg:16", "nothing-like-this"]) await expectSamePage(soumu, tag);
  });

  it("is the same after two corrections, with the results published", async () => {
    await openEvaluationOf(t, staff, id);
    await saveDraft(t, staff.head, id, tagged(resultsDocument()));
    await publishDraft(t, staff, id);
    const doc = tagged(resultsDocument());
    doc.goals[0]!.title = `${doc.goals[0]!.title}（訂正）`;
    await correctPublishedManifesto(staff.planning, id, {
      revision: await currentRevision(t, id),
      document: doc,
      changeNote: "目標1の名称を訂正しました。",
    });
    expect((await expectSamePage(soumu)).corrections.length).toBe(1);
    doc.goals[1]!.title = `${doc.goals[1]!.title}（再訂正）`;
    await correctPublishedManifesto(staff.planning, id, {
      revision: await currentRevision(t, id),
      document: doc,
      changeNote: "目標2の名称を訂正しました。",
    });
    const view = await expectSamePage(soumu);
    expect(view.corrections.map((c) => c.changes.length > 0)).toEqual([true, true]);
  });

  it("is the same with an acknowledged progress report", async () => {
    const saved = await saveProgressReport(staff.head, id, {
      revision: null,
      entries: [{ goal: 1, asOf: "2023-09-30", status: "順調", note: "計画どおり" }],
    });
    await moveProgressReport(staff.head, id, {
      reportId: saved.reportId,
      action: "submit",
      revision: saved.revision,
    });
    await moveProgressReport(staff.planning, id, {
      reportId: saved.reportId,
      action: "acknowledge",
      revision: saved.revision,
    });
    const view = await expectSamePage(soumu);
    expect(view.progress.size).toBe(1);
  });

  it("lets a department's code win over another department's name, as the URLs do", async () => {
    const other = planDocument();
    other.department.name = "企画部";
    await importManifesto(t.ctx, other, { published: true });
    await t.ctx.db
      .updateTable("departments")
      .set({ code: "総務部" })
      .where("municipality_code", "=", MUNICIPALITY)
      .where("name", "=", "企画部")
      .execute();
    const view = await expectSamePage(soumu);
    expect(view.stored.departmentName).toBe("企画部");
    await expectSamePage({ ...soumu, department: "企画部" });
  });

  it("is the same for every fixture of test/fixtures/manifesto", async () => {
    const dir = join(import.meta.dirname, "../../../test/fixtures/manifesto");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const doc = JSON.parse(readFileSync(join(dir, file), "utf8"));
      await importManifesto(t.ctx, doc, { published: true });
      await expectSamePage({
        municipalityCode: doc.municipality.code,
        fiscalYear: doc.fiscalYear,
        department: doc.department.name,
      });
    }
  });

  it("refuses the same way where nothing is published", async () => {
    await expectSameRefusal({ ...soumu, municipalityCode: "999999" });
    await expectSameRefusal({ ...soumu, fiscalYear: 2019 });
    await expectSameRefusal({ ...soumu, department: "存在しない部" });
    // A municipality that exists but has only drafts.
    const draft = planDocument();
    draft.municipality = { code: "011002", name: "札幌市" };
    await importManifesto(t.ctx, draft);
    await expectSameRefusal({ ...soumu, municipalityCode: "011002" });
  });

  it("is the same with the municipality's own second scale and tag vocabulary (migration 0021)", async () => {
    await updateMunicipalitySettings(t.ctx.db, MUNICIPALITY, {
      scoreScale: { name: "達成度", range: { min: 0, max: 10, step: 1 } },
      tagVocabularies: [
        { id: "kikaku", name: "重点施策", tags: [{ id: "dx", label: "デジタル化" }] },
      ],
    });
    const doc = planDocument();
    doc.fiscalYear = 2025;
    doc.goals[0]!.tags = ["sdg:11", "kikaku:dx"];
    await importManifesto(t.ctx, doc, { published: true });
    const selector = { ...soumu, fiscalYear: 2025 };
    const view = await expectSamePage(selector, "kikaku:dx");
    expect(view.municipality.scoreScale).toBeDefined();
    expect(manifestoPage(view, { pdf: true })).toContain("デジタル化");
  });
});
