// The probe, made permanent: every route of the staff API's OpenAPI description, called
// anonymously, by every role, with boundary ids, integers and dates in its path, query and
// body, and with an oversized body. A 5xx anywhere is a bug (integers a PostgreSQL
// `integer` cannot hold, dates it cannot store, used to reach SQL and fail there).
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../services/users/create-user.ts";
import {
  ACCOUNTS,
  type AccountName,
  createStaffFixture,
  M1,
  PASSWORD,
  type Session,
  type StaffFixture,
} from "../api/staff-test-setup.ts";
import {
  BOUNDARY_ID_TEXTS,
  BOUNDARY_QUERY_TEXTS,
  bodyVariants,
  fillPath,
  type Operation,
  operationsOf,
  sampleOf,
} from "./route-walker.ts";

let f: StaffFixture;
let ops: Operation[];
let openApi: Parameters<typeof operationsOf>[0];
let targetUserId: number;
let commentId: number;

beforeAll(async () => {
  f = await createStaffFixture();
  openApi = (await f.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  ops = operationsOf(openApi);
  // The account whose password and details the probe changes, so no signed-in role loses
  // its own password on the way.
  await createUser(f.db.ctx, {
    username: "probe-target",
    password: PASSWORD,
    role: "viewer",
    municipalityCode: M1,
  });
  targetUserId = await f.userId("probe-target");
  const admin = await f.signIn("admin");
  const c = await f.call(admin, "POST", `/api/manifestos/${f.ids.A}/comments`, { body: "probe" });
  expect(c.statusCode).toBe(201);
  commentId = c.json().comment?.id ?? c.json().id;
}, 120_000);
afterAll(() => f?.close());

function pathValues(op: Operation): Record<string, string> {
  const id = op.path.startsWith("/api/users/")
    ? String(targetUserId)
    : op.path.startsWith("/api/booklets/")
      ? "1"
      : String(f.ids.A);
  return { id, commentId: String(commentId) };
}

function queryOf(op: Operation, override: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const p of op.query) {
    if (p.name in override) q.set(p.name, override[p.name] ?? "");
    else if (p.required || p.name === "year")
      q.set(p.name, String(sampleOf(p.schema, openApi, p.name)));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

const sessions = new Map<string, Session>();
async function as(
  role: AccountName,
  op: Operation,
  url: string,
  payload: unknown,
): Promise<LightMyRequestResponse> {
  let s = sessions.get(role);
  if (!s) {
    s = await f.signIn(role);
    sessions.set(role, s);
  }
  const r = await f.call(s, op.method, url, op.body ? payload : undefined);
  // Signing out or a password change ends the session: sign in again next time.
  if (op.path === "/api/session" || r.statusCode === 401) sessions.delete(role);
  return r;
}

function sampleBody(op: Operation): unknown {
  if (!op.body) return undefined;
  const body = sampleOf(op.body, openApi) as Record<string, unknown>;
  // Optional integers too (a comment's parentId, an account's departmentId): they reach SQL.
  const props = (op.body.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [k, v] of Object.entries(props)) {
    if (!(k in body) && /Id$|Number$/.test(k)) body[k] = sampleOf(v, openApi, k);
  }
  return body;
}

const describeOp = (op: Operation) => `${op.method} ${op.path}`;
const serverErrors: string[] = [];
function record(what: string, r: LightMyRequestResponse) {
  if (r.statusCode >= 500) serverErrors.push(`${what} → ${r.statusCode} ${r.body.slice(0, 200)}`);
}

describe("every route of the OpenAPI description", () => {
  it("finds the routes to probe", () => {
    expect(ops.length).toBeGreaterThan(20);
    expect(ops.map(describeOp)).toContain("PATCH /api/users/:id");
  });

  it("answers an anonymous caller 401 (or, where public, without a 5xx)", async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const r = await f.app.inject({
        method: op.method,
        url: fillPath(op.path, pathValues(op)) + queryOf(op),
        ...(op.body && { payload: sampleBody(op) as Record<string, unknown> }),
      });
      if (op.public ? r.statusCode >= 500 : r.statusCode !== 401) {
        wrong.push(`${describeOp(op)} → ${r.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("answers every role without a 5xx", async () => {
    serverErrors.length = 0;
    for (const role of Object.keys(ACCOUNTS) as AccountName[]) {
      for (const op of ops) {
        const url = fillPath(op.path, pathValues(op)) + queryOf(op);
        record(`${role} ${describeOp(op)}`, await as(role, op, url, sampleBody(op)));
      }
    }
    expect(serverErrors).toEqual([]);
  });

  it("refuses boundary ids in every path parameter without a 5xx", async () => {
    serverErrors.length = 0;
    for (const role of ["admin", "installation"] as const) {
      for (const op of ops.filter((o) => o.pathParams.length > 0)) {
        for (const param of op.pathParams) {
          for (const bad of BOUNDARY_ID_TEXTS) {
            const url =
              fillPath(op.path, { ...pathValues(op), [param]: encodeURIComponent(bad) }) +
              queryOf(op);
            const r = await as(role, op, url, sampleBody(op));
            record(`${role} ${describeOp(op)} ${param}=${bad}`, r);
            if (r.statusCode < 500) expect(r.statusCode, `${url}`).toBeGreaterThanOrEqual(400);
          }
        }
      }
    }
    expect(serverErrors).toEqual([]);
  });

  it("refuses boundary values in every query parameter without a 5xx", async () => {
    serverErrors.length = 0;
    for (const role of ["admin", "installation"] as const) {
      for (const op of ops.filter((o) => o.query.length > 0)) {
        for (const p of op.query) {
          for (const bad of BOUNDARY_QUERY_TEXTS) {
            const url = fillPath(op.path, pathValues(op)) + queryOf(op, { [p.name]: bad });
            record(
              `${role} ${describeOp(op)} ?${p.name}=${bad}`,
              await as(role, op, url, sampleBody(op)),
            );
          }
        }
      }
    }
    expect(serverErrors).toEqual([]);
  });

  it("refuses boundary integers and dates in every body (documents included) without a 5xx", async () => {
    serverErrors.length = 0;
    for (const role of ["admin", "installation"] as const) {
      for (const op of ops.filter((o) => o.body)) {
        const url = fillPath(op.path, pathValues(op)) + queryOf(op);
        for (const v of bodyVariants(sampleBody(op))) {
          record(`${role} ${describeOp(op)} ${v.label}`, await as(role, op, url, v.value));
        }
      }
    }
    expect(serverErrors).toEqual([]);
  });

  it("refuses an oversized body with 413 before reading it", async () => {
    const huge = JSON.stringify({ document: { padding: "x".repeat(2 * 1024 * 1024) } });
    const wrong: string[] = [];
    for (const op of ops.filter((o) => o.body)) {
      const s = await f.signIn("admin");
      const r = await f.app.inject({
        method: op.method,
        url: fillPath(op.path, pathValues(op)) + queryOf(op),
        headers: { ...s.headers, "content-type": "application/json" },
        payload: huge,
      });
      if (r.statusCode !== 413) wrong.push(`${describeOp(op)} → ${r.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});
