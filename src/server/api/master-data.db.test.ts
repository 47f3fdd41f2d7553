// Master data through the staff API (issue #10): who may change it (a table over every role,
// the installation's and a municipality's administrator, two municipalities), registering a
// municipality by its code, and bad input — each refused in Japanese naming the row or field,
// with nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departmentNameForYear } from "../../db/repositories/department-master.ts";
import { ensureIndicators } from "../../db/repositories/indicators.ts";
import {
  ACCOUNTS,
  type AccountName,
  createStaffFixture,
  M1,
  M2,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

let f: StaffFixture;
const sessions = {} as Record<AccountName, Session>;

beforeAll(async () => {
  f = await createStaffFixture();
  for (const name of Object.keys(ACCOUNTS) as AccountName[]) sessions[name] = await f.signIn(name);
});
afterAll(() => f?.close());

const db = () => f.db.ctx.db;

/** The refusal's field problems in the order the server gave them. */
function problems(r: { json(): { error: { fields?: Record<string, string> } } }) {
  return Object.entries(r.json().error.fields ?? {}).map(([path, message]) => ({ path, message }));
}
const base = `/api/admin/municipalities/${M1}`;

async function departmentIds(code = M1): Promise<{ id: number; name: string }[]> {
  return db()
    .selectFrom("departments")
    .select(["id", "name"])
    .where("municipality_code", "=", code)
    .orderBy("id")
    .execute();
}

async function snapshot() {
  return JSON.stringify({
    d: await db().selectFrom("departments").selectAll().orderBy("id").execute(),
    p: await db().selectFrom("plan_items").selectAll().orderBy("key").execute(),
    m: await db()
      .selectFrom("municipalities")
      .select(["code", "name", "evaluation_scale"])
      .orderBy("code")
      .execute(),
    u: await db().selectFrom("users").select("username").orderBy("username").execute(),
  });
}

describe("who may change master data", () => {
  // Each write, asked of M1; expected status per account.
  const writes: [string, "PATCH" | "POST" | "PUT", string, unknown][] = [
    ["settings", "PATCH", base, { documentTitle: "部局マニフェスト" }],
    ["department", "POST", `${base}/departments`, { departments: [{ name: "権限確認部" }] }],
    ["plan", "PUT", `${base}/plan`, { csv: "code,title\n1,まちづくり\n" }],
  ];
  const expected: Record<AccountName, number> = {
    viewer: 403,
    editor: 403,
    head: 403,
    planning: 403,
    admin: 200,
    installation: 200,
    otherAdmin: 404,
  };
  for (const [what, method, url, body] of writes) {
    for (const [who, status] of Object.entries(expected) as [AccountName, number][]) {
      it(`${what}: ${who} → ${status}`, async () => {
        // Names must differ per successful call, or the second would be a duplicate.
        const payload =
          what === "department" ? { departments: [{ name: `権限確認部${who}` }] } : body;
        const r = await f.call(sessions[who], method, url, payload);
        expect(r.statusCode === 201 ? 200 : r.statusCode).toBe(status);
        if (status !== 200) expect(r.json().error.message).toMatch(/[ぁ-ん一-龯]/);
      });
    }
  }

  it("lets the municipality's staff read their own master data, and no one else's", async () => {
    expect((await f.call(sessions.planning, "GET", base)).statusCode).toBe(200);
    expect((await f.call(sessions.otherAdmin, "GET", base)).statusCode).toBe(404);
    expect(
      (await f.call(sessions.admin, "GET", `/api/admin/municipalities/${M2}`)).statusCode,
    ).toBe(404);
    expect(
      (await f.call(sessions.installation, "GET", `/api/admin/municipalities/${M2}`)).statusCode,
    ).toBe(200);
  });

  it("lists to each administrator the municipalities they administer", async () => {
    const mine = (await f.call(sessions.admin, "GET", "/api/admin/municipalities")).json();
    expect(mine.municipalities.map((m: { code: string }) => m.code)).toEqual([M1]);
    expect(mine.allowed.create).toBe(false);
    const all = (await f.call(sessions.installation, "GET", "/api/admin/municipalities")).json();
    expect(all.municipalities.map((m: { code: string }) => m.code)).toEqual([M2, M1].sort());
    expect(all.allowed.create).toBe(true);
  });
});

describe("registering a municipality", () => {
  it("fills name, prefecture and reading from the bundled list of codes", async () => {
    const r = await f.call(sessions.installation, "GET", "/api/admin/local-governments/242080");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      code: "242080",
      name: "名張市",
      prefecture: "三重県",
      nameKana: "なばりし",
    });
  });

  it("refuses a wrong check digit in Japanese, before and at registration", async () => {
    const lookup = await f.call(
      sessions.installation,
      "GET",
      "/api/admin/local-governments/242081",
    );
    expect(lookup.statusCode).toBe(400);
    expect(lookup.json().error.message).toContain("検査数字");
    const before = await snapshot();
    const r = await f.call(sessions.installation, "POST", "/api/admin/municipalities", {
      code: "242081",
      name: "名張市",
    });
    expect(r.statusCode).toBe(400);
    expect(problems(r)[0]).toEqual({
      path: "団体コード",
      message: expect.stringContaining("検査数字"),
    });
    expect(await snapshot()).toBe(before);
  });

  it("is for the installation's administrator, not a municipality's", async () => {
    const r = await f.call(sessions.admin, "POST", "/api/admin/municipalities", {
      code: "242080",
      name: "名張市",
    });
    expect(r.statusCode).toBe(403);
  });

  it("registers 242080 and reports what the set-up still misses", async () => {
    const r = await f.call(sessions.installation, "POST", "/api/admin/municipalities", {
      code: "242080",
      name: "名張市",
      prefecture: "三重県",
      nameKana: "なばりし",
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.nameKana).toBe("なばりし");
    expect(
      body.steps.filter((s: { done: boolean }) => !s.done).map((s: { id: string }) => s.id),
    ).toEqual(["document", "scale", "departments", "plan", "accounts"]);
    const again = await f.call(sessions.installation, "POST", "/api/admin/municipalities", {
      code: "242080",
      name: "x",
    });
    expect(again.statusCode).toBe(409);
  });

  it("answers user administration of a municipality not registered in Japanese", async () => {
    const r = await f.call(sessions.installation, "GET", "/api/users?municipality=242110");
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).not.toMatch(/database/);
    expect(r.json().error.message).toMatch(/自治体/);
  });
});

describe("the evaluation scale", () => {
  it("refuses an empty scale and repeated levels, naming the level, and writes nothing", async () => {
    const before = await snapshot();
    const empty = await f.call(sessions.admin, "PATCH", base, {
      evaluationScale: { name: "達成度", levels: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(problems(empty)).toContainEqual({
      path: "評価段階",
      message: "段階を1つ以上入れてください",
    });
    const twice = await f.call(sessions.admin, "PATCH", base, {
      evaluationScale: {
        name: "達成度",
        levels: [
          { level: 2, label: "A", meaning: "achieved" },
          { level: 2, label: "B", meaning: "partial" },
        ],
      },
    });
    expect(twice.statusCode).toBe(400);
    expect(problems(twice)[0]?.path).toBe("段階2 の番号");
    expect(await snapshot()).toBe(before);
  });

  it("saves a preset with edited labels", async () => {
    const presets = (await f.call(sessions.admin, "GET", "/api/admin/scale-presets")).json()
      .presets;
    const abc = presets.find((p: { id: string }) => p.id === "abc").scale;
    abc.levels[0].label = "A（達成）";
    const r = await f.call(sessions.admin, "PATCH", base, { evaluationScale: abc });
    expect(r.statusCode).toBe(200);
    expect(r.json().evaluationScale.levels[0].label).toBe("A（達成）");
  });
});

describe("departments", () => {
  it("refuses NFKC-equal names in a pasted table, naming the line, and writes nothing", async () => {
    const before = await snapshot();
    const r = await f.call(sessions.admin, "POST", `${base}/departments`, {
      table: "部局名,部局コード\nＩＴ推進部,it\nIT推進部,it2\n",
    });
    expect(r.statusCode).toBe(400);
    expect(problems(r)[0]).toEqual({
      path: "3行目 部局名",
      message: expect.stringContaining("ＩＴ推進部"),
    });
    expect(await snapshot()).toBe(before);
  });

  it("refuses a name already registered and a code another department uses as its address", async () => {
    const before = await snapshot();
    const dup = await f.call(sessions.admin, "POST", `${base}/departments`, {
      departments: [{ name: "総務部" }],
    });
    expect(dup.statusCode).toBe(400);
    expect(problems(dup)[0]?.path).toBe("部局名");
    // 市民部 → code 企画部 would take over 企画部's public address.
    const code = await f.call(sessions.admin, "POST", `${base}/departments`, {
      departments: [{ name: "市民部", code: "企画部" }],
    });
    expect(code.statusCode).toBe(400);
    expect(problems(code)[0]).toEqual({
      path: "部局コード",
      message: expect.stringContaining("企画部"),
    });
    expect(await snapshot()).toBe(before);
  });

  it("adds from a table in its order, and reorders", async () => {
    const r = await f.call(sessions.admin, "POST", `${base}/departments`, {
      table:
        "部局名,部局コード,表示順,部局長の役職,部局長の氏名\n健康福祉部,kenko,2,部長,山田 花子\n市民生活部,shimin,1,部長,\n",
    });
    expect(r.statusCode).toBe(201);
    const names = r.json().departments.map((d: { name: string }) => d.name);
    expect(names.indexOf("市民生活部")).toBeLessThan(names.indexOf("健康福祉部"));
    const ids = r
      .json()
      .departments.map((d: { id: number }) => d.id)
      .reverse();
    const o = await f.call(sessions.admin, "PUT", `${base}/departments/order`, { ids });
    expect(o.statusCode).toBe(200);
    expect(o.json().departments.map((d: { id: number }) => d.id)).toEqual(ids);
    const partial = await f.call(sessions.admin, "PUT", `${base}/departments/order`, {
      ids: ids.slice(1),
    });
    expect(partial.statusCode).toBe(400);
  });

  it("renames from a fiscal year: past years keep the old name, the old address is kept", async () => {
    const somu = (await departmentIds()).find((d) => d.name === "総務部");
    if (!somu) throw new Error("no 総務部");
    const r = await f.call(sessions.admin, "PATCH", `${base}/departments/${somu.id}`, {
      rename: { name: "総務企画部", fromYear: 2025 },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().department.names).toEqual([
      { fromYear: 1989, name: "総務部" },
      { fromYear: 2025, name: "総務企画部" },
    ]);
    expect(await departmentNameForYear(db(), somu.id, 2023)).toBe("総務部");
    expect(await departmentNameForYear(db(), somu.id, 2026)).toBe("総務企画部");
    const old = await db()
      .selectFrom("department_addresses")
      .select("department_id")
      .where("municipality_code", "=", M1)
      .where("address_key", "=", "総務部")
      .executeTakeFirst();
    expect(old?.department_id).toBe(somu.id);
    // The portal sends the old address on to the new one.
    const moved = await f.app.inject({
      method: "GET",
      url: `/${M1}/departments/${encodeURIComponent("総務部")}`,
    });
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(`/${M1}/departments/${encodeURIComponent("総務企画部")}`);
    const unknown = await f.app.inject({
      method: "GET",
      url: `/${M1}/departments/${encodeURIComponent("存在しない部")}`,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("reorganises: a merger retires the predecessors and links the new department to them", async () => {
    const all = await departmentIds();
    const a = all.find((d) => d.name === "健康福祉部");
    const b = all.find((d) => d.name === "市民生活部");
    if (!a || !b) throw new Error("departments missing");
    const r = await f.call(sessions.admin, "POST", `${base}/departments/reorganise`, {
      fromYear: 2026,
      predecessorIds: [a.id, b.id],
      successors: [{ name: "市民福祉部", code: "shimin-fukushi" }],
    });
    expect(r.statusCode).toBe(200);
    const merged = r.json().departments.find((d: { name: string }) => d.name === "市民福祉部");
    expect(merged.predecessors.map((p: { name: string }) => p.name).sort()).toEqual(
      ["健康福祉部", "市民生活部"].sort(),
    );
    const retired = r
      .json()
      .departments.filter((d: { retiredFromYear: number | null }) => d.retiredFromYear === 2026);
    expect(retired).toHaveLength(2);
  });
});

describe("the plan structure", () => {
  it("refuses duplicate codes and a cycle, naming the line, and writes nothing", async () => {
    const before = await snapshot();
    const dup = await f.call(sessions.admin, "PUT", `${base}/plan`, {
      csv: "code,title,parent\n1,まち,\n1,ひと,\n",
    });
    expect(dup.statusCode).toBe(400);
    expect(problems(dup)[0]).toEqual({
      path: "3行目 コード(code)",
      message: "コード 1 が2行目と重複しています",
    });
    const cycle = await f.call(sessions.admin, "PUT", `${base}/plan`, {
      csv: "code,title,parent\n1,まち,1-1\n1-1,ひと,1\n",
    });
    expect(cycle.statusCode).toBe(400);
    expect(problems(cycle)[0]?.message).toContain("循環");
    const tree = await f.call(sessions.admin, "PUT", `${base}/plan`, {
      items: [
        { code: "1", title: "まち" },
        { code: "1", title: "ひと" },
      ],
    });
    expect(problems(tree)[0]?.path).toBe("2番目の項目 コード");
    expect(await snapshot()).toBe(before);
  });
});

describe("accounts from a CSV", () => {
  it("refuses a bad row naming its line and column, and creates none of the others", async () => {
    const before = await snapshot();
    const r = await f.call(sessions.admin, "POST", `${base}/accounts`, {
      csv: "ユーザー名,氏名,役割,部局,初期パスワード\nplan1,企画 太郎,企画課,,long enough password\nedit1,編集 一郎,部局の担当者,存在しない部,long enough password\n",
    });
    expect(r.statusCode).toBe(400);
    expect(problems(r)).toEqual([
      { path: "3行目 部局", message: "「存在しない部」という部局はありません" },
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("creates every account of a good CSV", async () => {
    const r = await f.call(sessions.admin, "POST", `${base}/accounts`, {
      csv: "ユーザー名,氏名,役割,部局,初期パスワード\nplan1,企画 太郎,企画課,,long enough password\nedit1,編集 一郎,部局の担当者,企画部,long enough password\n",
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().created).toHaveLength(2);
    expect((await f.signIn("edit1", "long enough password")).csrfToken).toBeTruthy();
  });
});

describe("indicators", () => {
  it("renames and merges so that a document naming the old indicator joins the same series", async () => {
    const list = (await f.call(sessions.admin, "GET", `${base}/indicators`)).json().indicators;
    expect(list.length).toBeGreaterThan(1);
    const [first, second] = list;
    expect(first.usedBy.length).toBeGreaterThan(0);
    const renamed = await f.call(sessions.admin, "PATCH", `${base}/indicators/${first.id}`, {
      name: `${first.name}（改）`,
      definition: "定義の文",
      betterDirection: "higher",
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().indicator.aliases).toContain(first.key);
    const merged = await f.call(sessions.admin, "POST", `${base}/indicators/${second.id}/merge`, {
      into: first.id,
    });
    expect(merged.statusCode).toBe(200);
    const ids = await ensureIndicators(db(), M1, [
      { key: first.key, name: first.name, unit: first.unit },
      { key: second.key, name: second.name, unit: second.unit },
    ]);
    expect(ids.get(first.key)).toBe(first.id);
    expect(ids.get(second.key)).toBe(first.id);
    const clash = await f.call(sessions.admin, "PATCH", `${base}/indicators/${list[2].id}`, {
      name: `${first.name}（改）`,
    });
    expect(clash.statusCode).toBe(400);
  });
});

describe("a year's blank drafts for a municipality with no last year", () => {
  it("are written from the master data for every current department, once", async () => {
    const nabari = "/api/admin/municipalities/242080";
    await f.call(sessions.installation, "PATCH", nabari, { documentTitle: "部局経営方針" });
    await f.call(sessions.installation, "POST", `${nabari}/departments`, {
      departments: [{ name: "企画政策部", code: "kikaku", headTitle: "部長", headName: "名張 一" }],
    });
    const r = await f.call(sessions.installation, "POST", `${nabari}/years/2026/blank-drafts`, {});
    expect(r.statusCode).toBe(201);
    expect(r.json().created).toHaveLength(1);
    const id = r.json().created[0].manifestoId;
    const doc = (await f.call(sessions.installation, "GET", `/api/manifestos/${id}`)).json()
      .document;
    expect(doc.municipality).toEqual({ code: "242080", name: "名張市", prefecture: "三重県" });
    expect(doc.documentTitle).toBe("部局経営方針");
    expect(doc.department).toEqual({
      name: "企画政策部",
      code: "kikaku",
      head: { title: "部長", name: "名張 一" },
    });
    const again = await f.call(
      sessions.installation,
      "POST",
      `${nabari}/years/2026/blank-drafts`,
      {},
    );
    expect(again.json().created).toHaveLength(0);
    const editor = await f.call(sessions.editor, "POST", `${base}/years/2026/blank-drafts`, {});
    expect(editor.statusCode).toBe(403);
  });
});

describe("opening a fiscal year after a reorganisation", () => {
  it("carries on only departments not retired, under the name in force that year", async () => {
    const all = await departmentIds();
    const kikaku = all.find((d) => d.name === "企画部");
    const somu = all.find((d) => d.name === "総務部" || d.name === "総務企画部");
    if (!kikaku || !somu) throw new Error("departments missing");
    const renamed = await f.call(sessions.admin, "PATCH", `${base}/departments/${kikaku.id}`, {
      rename: { name: "企画振興部", fromYear: 2024 },
    });
    expect(renamed.statusCode).toBe(200);
    const retired = await f.call(sessions.admin, "POST", `${base}/departments/${somu.id}/retire`, {
      fromYear: 2024,
    });
    expect(retired.statusCode).toBe(200);

    const r = await f.call(sessions.planning, "POST", "/api/fiscal-years", { year: 2024 });
    expect(r.statusCode).toBe(201);
    const created = r.json().created as { departmentId: number; departmentName: string }[];
    expect(created.map((c) => [c.departmentId, c.departmentName])).toEqual([
      [kikaku.id, "企画振興部"],
    ]);
    const id = (r.json().created[0] as { manifestoId: number }).manifestoId;
    const doc = (await f.call(sessions.planning, "GET", `/api/manifestos/${id}`)).json().document;
    expect(doc.department.name).toBe("企画振興部");
    expect(doc.fiscalYear).toBe(2024);
  });
});
