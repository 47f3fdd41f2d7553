// Documents follow the master data, and drafts never change what the public sees (issue 10):
// each finding as it was tried through the staff API, read back on the public portal.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { listPublicDepartments } from "../../db/repositories/public-manifestos.ts";
import { exportManifesto } from "../../services/export-manifesto.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { updateMunicipality } from "../../services/update-municipality-settings.ts";
import { createUser } from "../../services/users/create-user.ts";
import { buildApp } from "../app.ts";
import { visibleText } from "../portal/test-app.ts";
import { nextIp } from "./staff-test-setup.ts";

type Doc = ReturnType<typeof demoDocument> & {
  municipality: { code: string; name: string; prefecture?: string };
  department: { name: string; code?: string };
};
const PASSWORD = "correct horse battery staple";
const IGA = "242161";

let t: TestDatabase;
let app: FastifyInstance;
const ids: Record<string, number> = {};

function documentOf(department: { name: string; code?: string }, fiscalYear = 2023): Doc {
  const doc = demoDocument() as Doc;
  doc.department = { ...doc.department, ...department };
  doc.fiscalYear = fiscalYear;
  return doc;
}

/** The plan alone, as published before the evaluation: no results, levels or progress. */
function planOnly(doc: Doc): Doc {
  for (const goal of doc.goals as {
    evaluation?: unknown;
    progress?: unknown;
    targets?: { result?: unknown }[];
  }[]) {
    delete goal.evaluation;
    delete goal.progress;
    for (const target of goal.targets ?? []) delete target.result;
  }
  return doc;
}

/** A numeric target measuring `indicator` in `unit`, as the first goal's first target. */
function measuring(doc: Doc, indicator: string, unit: string): Doc {
  const goal = doc.goals[0] as { targets: { measure?: unknown }[] };
  goal.targets[0] = {
    ...goal.targets[0],
    measure: { kind: "numeric", indicator, unit, comparator: ">=", target: 100 },
  };
  return doc;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const ctx = t.ctx;
  // A draft names a new indicator first, spelled its own way…
  ids.fukushi = (
    await importManifesto(ctx, measuring(documentOf({ name: "福祉部" }), "ＳＮＳ登録者数", "人"))
  ).manifestoId;
  ids.somu2023 = (
    await importManifesto(ctx, documentOf({ name: "総務部" }), { published: true })
  ).manifestoId;
  // …and a publication measures it afterwards.
  ids.shimin = (
    await importManifesto(ctx, measuring(documentOf({ name: "市民部" }), "SNS登録者数", "件"), {
      published: true,
    })
  ).manifestoId;
  ids.kikaku = (
    await importManifesto(ctx, planOnly(documentOf({ name: "企画部", code: "K01" })), {
      published: true,
    })
  ).manifestoId;
  ids.somu2024 = (await importManifesto(ctx, documentOf({ name: "総務部" }, 2024))).manifestoId;
  ids.kensetsu = (
    await importManifesto(ctx, planOnly(documentOf({ name: "建設部" })), { published: true })
  ).manifestoId;
  for (const [username, department] of [
    ["somu", "総務部"],
    ["kikaku", "K01"],
    ["kensetsu", "建設部"],
  ] as const) {
    await createUser(ctx, {
      username,
      password: PASSWORD,
      role: "department_editor",
      municipalityCode: IGA,
      department,
    });
  }
  await createUser(ctx, {
    username: "planning",
    password: PASSWORD,
    role: "planning",
    municipalityCode: IGA,
  });
  app = await buildApp({ database: t.handle, logLevel: "silent" });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

async function signIn(username: string): Promise<Record<string, string>> {
  const r = await app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username, password: PASSWORD },
    remoteAddress: nextIp(),
  });
  expect(r.statusCode).toBe(200);
  const cookie = String(r.headers["set-cookie"]).split(";")[0] ?? "";
  return { cookie, "x-csrf-token": r.json().csrfToken as string };
}

async function load(who: Record<string, string>, id: number) {
  const r = await app.inject({ method: "GET", url: `/api/manifestos/${id}`, headers: who });
  expect(r.statusCode).toBe(200);
  return r.json() as { manifesto: { revision: number; state: string }; document: Doc };
}

async function save(who: Record<string, string>, id: number, change: (doc: Doc) => void) {
  const { manifesto, document } = await load(who, id);
  change(document);
  return app.inject({
    method: "PUT",
    url: `/api/manifestos/${id}`,
    headers: who,
    payload: { revision: manifesto.revision, document },
  });
}

async function page(url: string) {
  let r = await app.inject({ method: "GET", url });
  if (r.statusCode === 302)
    r = await app.inject({ method: "GET", url: String(r.headers.location) });
  return { status: r.statusCode, text: visibleText(r.body) };
}

describe("a draft never changes the master data the public sees", () => {
  it("a draft that renames the municipality leaves the city's name on the portal", async () => {
    const somu = await signIn("somu");
    const r = await save(somu, ids.somu2024!, (doc) => {
      doc.municipality.name = "偽名市";
    });
    expect(r.statusCode).toBe(200);
    for (const url of ["/", `/${IGA}`]) {
      const { text } = await page(url);
      expect(text).toContain("伊賀市");
      expect(text).not.toContain("偽名市");
    }
    // The stored draft carries the registered name, not the one sent.
    expect((await load(somu, ids.somu2024!)).document.municipality.name).toBe("伊賀市");
  });

  it("a draft's department code equal to another department's name takes no address", async () => {
    const somu = await signIn("somu");
    const r = await save(somu, ids.somu2024!, (doc) => {
      doc.department.code = "市民部";
    });
    expect(r.statusCode).toBe(200);
    const { status, text } = await page(`/${IGA}/2023/${encodeURIComponent("市民部")}`);
    expect(status).toBe(200);
    expect(text).toContain("市民部");
    expect(text).not.toContain("総務部");
    const somuRow = await t.ctx.db
      .selectFrom("departments")
      .select("code")
      .where("name", "=", "総務部")
      .executeTakeFirstOrThrow();
    expect(somuRow.code).toBeNull();
    expect((await load(somu, ids.somu2024!)).document.department).not.toHaveProperty("code");
  });

  it("a draft's spelling and unit of an indicator never become the public indicator's", async () => {
    const list = await page(`/${IGA}/indicators`);
    expect(list.text).toContain("SNS登録者数");
    expect(list.text).not.toContain("ＳＮＳ登録者数");
    const row = await t.ctx.db
      .selectFrom("indicators")
      .select(["id", "name", "unit"])
      .where("key", "=", "SNS登録者数")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "SNS登録者数", unit: "件" });
    // A later draft spelling it otherwise changes nothing registered.
    const somu = await signIn("somu");
    expect(
      (
        await save(somu, ids.somu2024!, (doc) => {
          measuring(doc, "ＳＮＳ登録者数", "人");
        })
      ).statusCode,
    ).toBe(200);
    const after = await page(`/${IGA}/indicators/${row.id}`);
    expect(after.text).toContain("SNS登録者数");
    expect(after.text).not.toContain("ＳＮＳ登録者数");
  });

  it("a draft's department rename cannot be confirmed through a public URL", async () => {
    const planning = await signIn("planning");
    const before = await load(planning, ids.kikaku!);
    const opened = await app.inject({
      method: "POST",
      url: `/api/manifestos/${ids.kikaku}/transitions`,
      headers: planning,
      payload: { action: "open_evaluation", revision: before.manifesto.revision },
    });
    expect(opened.statusCode).toBe(200);
    const kikaku = await signIn("kikaku");
    const r = await save(kikaku, ids.kikaku!, (doc) => {
      doc.department.name = "企画振興部";
    });
    expect(r.statusCode).toBe(200);
    expect((await page(`/${IGA}/2023/${encodeURIComponent("企画振興部")}`)).status).toBe(404);
    expect((await page(`/${IGA}/2023/K01`)).text).toContain("企画部");
    expect((await load(kikaku, ids.kikaku!)).document.department.name).toBe("企画部");
  });
});

describe("an import through the staff API names registered master data exactly", () => {
  async function importAs(who: Record<string, string>, doc: unknown) {
    return app.inject({
      method: "POST",
      url: "/api/manifestos/import",
      headers: who,
      payload: doc as Record<string, unknown>,
    });
  }

  it("refuses a municipality named differently, naming the field and the registered name", async () => {
    const planning = await signIn("planning");
    const doc = documentOf({ name: "総務部" }, 2025);
    doc.municipality.name = "伊賀町";
    const r = await importAs(planning, doc);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields["municipality.name"]).toContain("「伊賀市」");
  });

  it("refuses a department that is not registered, listing the registered ones", async () => {
    const planning = await signIn("planning");
    const r = await importAs(planning, documentOf({ name: "未来部" }, 2025));
    expect(r.statusCode).toBe(400);
    const message = r.json().error.fields["department.name"] as string;
    expect(message).toContain("「未来部」");
    expect(message).toContain("企画部（K01）");
    const created = await t.ctx.db
      .selectFrom("departments")
      .select("id")
      .where("name", "=", "未来部")
      .execute();
    expect(created).toHaveLength(0);
  });

  it("refuses a registered department's code under another name", async () => {
    const planning = await signIn("planning");
    const r = await importAs(planning, documentOf({ name: "企画振興部", code: "K01" }, 2025));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields["department.name"]).toContain("「企画部」");
  });

  it("takes a document that matches", async () => {
    const planning = await signIn("planning");
    const r = await importAs(planning, documentOf({ name: "企画部", code: "K01" }, 2025));
    expect(r.statusCode).toBe(201);
  });
});

describe("published content is frozen in the evaluation phase", () => {
  const KENSETSU = `/${IGA}/2023/${encodeURIComponent("建設部")}`;
  const publishedTitle = () => (documentOf({ name: "建設部" }).goals[0] as { title: string }).title;

  beforeAll(async () => {
    const planning = await signIn("planning");
    const { manifesto } = await load(planning, ids.kensetsu!);
    const r = await app.inject({
      method: "POST",
      url: `/api/manifestos/${ids.kensetsu}/transitions`,
      headers: planning,
      payload: { action: "open_evaluation", revision: manifesto.revision },
    });
    expect(r.statusCode).toBe(200);
  });

  it("refuses a change to the published plan in a normal save, naming the paths", async () => {
    const editor = await signIn("kensetsu");
    const before = (await load(editor, ids.kensetsu!)).manifesto.revision;
    const r = await save(editor, ids.kensetsu!, (doc) => {
      (doc.goals[0] as { title: string }).title = "評価の段階で書き換えた目標";
      const target = (doc.goals[1] as { targets: { measure?: { target?: number } }[] }).targets[0]!;
      if (target.measure?.target !== undefined) target.measure.target += 1;
    });
    expect(r.statusCode).toBe(400);
    const fields = r.json().error.fields as Record<string, string>;
    expect(Object.keys(fields)).toContain("goals[0].title");
    expect(r.json().error.message).toContain("訂正");
    expect((await load(editor, ids.kensetsu!)).manifesto.revision).toBe(before);
  });

  it("saves results, evaluations, reasons and progress", async () => {
    const editor = await signIn("kensetsu");
    const r = await save(editor, ids.kensetsu!, (doc) => {
      const goal = doc.goals[0] as { evaluation?: unknown; progress?: unknown };
      goal.evaluation = { level: 3, reason: "下書きの評価理由" };
      goal.progress = [{ asOf: "2023-09-30", note: "順調" }];
    });
    expect(r.statusCode).toBe(200);
  });

  it("changes the published plan only as a correction, shown in 訂正の履歴", async () => {
    const editor = await signIn("kensetsu");
    const refused = await app.inject({
      method: "POST",
      url: `/api/manifestos/${ids.kensetsu}/corrections`,
      headers: editor,
      payload: { revision: 1, document: documentOf({ name: "建設部" }), changeNote: "x" },
    });
    expect(refused.statusCode).toBe(403);

    const planning = await signIn("planning");
    const { manifesto, document } = await load(planning, ids.kensetsu!);
    (document.goals[0] as { title: string }).title = "訂正した目標名";
    const r = await app.inject({
      method: "POST",
      url: `/api/manifestos/${ids.kensetsu}/corrections`,
      headers: planning,
      payload: { revision: manifesto.revision, document, changeNote: "目標名の誤記を訂正" },
    });
    expect(r.statusCode).toBe(200);
    const { text } = await page(KENSETSU);
    expect(text).toContain("訂正した目標名");
    // 訂正の履歴 says what it was before.
    expect(text).toContain(publishedTitle());
    expect(text).toContain("目標名の誤記を訂正");
    // What the department is drafting stays off the public page, and goes on from here.
    expect(text).not.toContain("下書きの評価理由");
    const after = await load(planning, ids.kensetsu!);
    expect(after.manifesto.state).toBe("evaluation_draft");
    const goal = after.document.goals[0] as { title: string; evaluation?: { reason: string } };
    expect(goal.title).toBe("訂正した目標名");
    expect(goal.evaluation?.reason).toBe("下書きの評価理由");
  });
});

describe("departments in the municipality's order", () => {
  async function listedOnPortal(): Promise<string[]> {
    const r = await app.inject({ method: "GET", url: `/${IGA}` });
    const links = [...r.body.matchAll(/<a href="\/242161\/departments\/[^"]+">([^<]+)<\/a>/g)];
    return links.map((m) => m[1] ?? "");
  }

  it("the operator's import places new departments in the order they come", async () => {
    const rows = await t.ctx.db
      .selectFrom("departments")
      .select(["name", "position"])
      .where("municipality_code", "=", IGA)
      .orderBy("position")
      .execute();
    expect(rows.map((r) => r.name)).toEqual(["福祉部", "総務部", "市民部", "企画部", "建設部"]);
    expect(await listedOnPortal()).toEqual(["総務部", "市民部", "企画部", "建設部"]);
  });

  it("the portal lists departments by departments.position, not by their names' characters", async () => {
    const order = ["建設部", "企画部", "総務部", "市民部"];
    for (const [i, name] of order.entries()) {
      await t.ctx.db
        .updateTable("departments")
        .set({ position: i + 1 })
        .where("municipality_code", "=", IGA)
        .where("name", "=", name)
        .execute();
    }
    expect([...order].sort()).not.toEqual(order);
    // What the municipality page lists (read directly: the page itself is cached until the
    // change is announced).
    const listed = await listPublicDepartments(t.ctx.db, IGA);
    expect(listed.map((d) => d.name)).toEqual(order);
  });
});

describe("export", () => {
  it("writes the master data's names, also for a document stored before a rename", async () => {
    await updateMunicipality(t.ctx, { code: IGA, name: "新伊賀市" });
    try {
      const doc = await exportManifesto(t.ctx, {
        municipalityCode: IGA,
        fiscalYear: 2023,
        department: "総務部",
      });
      expect(doc.municipality.name).toBe("新伊賀市");
      expect(doc.department.name).toBe("総務部");
    } finally {
      await updateMunicipality(t.ctx, { code: IGA, name: "伊賀市" });
    }
  });
});
