// Every role against every route of user administration and planning, over two
// municipalities: not signed in 401, a role that may not 403, another municipality 404.
// Each request is one that the right caller gets through with (the same body for all), so a
// refusal can only come from who is asking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../services/users/create-user.ts";
import {
  createStaffFixture,
  M1,
  PASSWORD,
  type Session,
  type StaffFixture,
} from "./staff-test-setup.ts";

type Who =
  | "anonymous"
  | "viewer"
  | "editor"
  | "head"
  | "planning"
  | "admin"
  | "installation"
  | "otherAdmin";
const WHO: Who[] = [
  "anonymous",
  "viewer",
  "editor",
  "head",
  "planning",
  "admin",
  "installation",
  "otherAdmin",
];

let f: StaffFixture;
const sessions = new Map<Who, Session | undefined>();
/** Accounts of M1 the table's writes are aimed at (nobody signs in with them). */
const target = { patch: 0, password: 0 };
let serial = 0;

beforeAll(async () => {
  f = await createStaffFixture();
  for (const who of WHO) sessions.set(who, who === "anonymous" ? undefined : await f.signIn(who));
  for (const key of ["patch", "password"] as const) {
    const made = await createUser(f.db.ctx, {
      username: `target-${key}`,
      password: PASSWORD,
      role: "viewer",
      municipalityCode: M1,
    });
    target[key] = made.id;
  }
});
afterAll(() => f?.close());

interface Route {
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH";
  url: () => string;
  payload?: () => Record<string, unknown>;
  /** The status of a caller who may. */
  ok: number;
  /** Who may; the rest of M1 gets 403, M2's administrator 404. */
  may: Who[];
}

const ADMINS: Who[] = ["admin", "installation"];
const STEWARDS: Who[] = ["planning", "admin", "installation"];
const EVERYONE_OF_M1: Who[] = ["viewer", "editor", "head", "planning", "admin", "installation"];

const ROUTES: Route[] = [
  {
    name: "GET /api/users",
    method: "GET",
    url: () => `/api/users?municipality=${M1}`,
    ok: 200,
    may: ADMINS,
  },
  {
    name: "POST /api/users",
    method: "POST",
    url: () => "/api/users",
    payload: () => ({
      username: `made-${++serial}`,
      role: "viewer",
      municipality: M1,
      password: PASSWORD,
    }),
    ok: 201,
    may: ADMINS,
  },
  {
    name: "PATCH /api/users/:id",
    method: "PATCH",
    url: () => `/api/users/${target.patch}`,
    payload: () => ({ displayName: `名前 ${++serial}` }),
    ok: 200,
    may: ADMINS,
  },
  {
    name: "POST /api/users/:id/password",
    method: "POST",
    url: () => `/api/users/${target.password}/password`,
    payload: () => ({ password: `${PASSWORD} ${++serial}` }),
    ok: 200,
    may: ADMINS,
  },
  {
    name: "GET /api/overview",
    method: "GET",
    url: () => `/api/overview?year=2023&municipality=${M1}`,
    ok: 200,
    may: EVERYONE_OF_M1,
  },
  {
    name: "GET /api/deadlines",
    method: "GET",
    url: () => `/api/deadlines?year=2023&municipality=${M1}`,
    ok: 200,
    may: EVERYONE_OF_M1,
  },
  {
    name: "PUT /api/deadlines",
    method: "PUT",
    url: () => "/api/deadlines",
    payload: () => ({ municipality: M1, year: 2023, phase: "plan", dueDate: "2023-05-31" }),
    ok: 200,
    may: STEWARDS,
  },
  {
    name: "POST /api/fiscal-years",
    method: "POST",
    // Nothing to copy into 2030: the call succeeds and writes nothing, whoever makes it.
    url: () => "/api/fiscal-years",
    payload: () => ({ municipality: M1, year: 2030 }),
    ok: 200,
    may: STEWARDS,
  },
];

function expectedStatus(route: Route, who: Who): number {
  if (who === "anonymous") return 401;
  if (route.may.includes(who)) return route.ok;
  return who === "otherAdmin" ? 404 : 403;
}

describe("role × route", () => {
  for (const route of ROUTES) {
    for (const who of WHO) {
      const status = expectedStatus(route, who);
      it(`${route.name} as ${who} → ${status}`, async () => {
        const r = await f.app.inject({
          method: route.method,
          url: route.url(),
          headers: sessions.get(who)?.headers ?? {},
          ...(route.payload && { payload: route.payload() }),
        });
        expect(r.statusCode, r.body).toBe(status);
        if (status >= 400) {
          expect(r.json().error.code).toBe(
            { 401: "unauthenticated", 403: "forbidden", 404: "not_found" }[status],
          );
          // Nothing of the other municipality's or the accounts' data leaks into a refusal.
          expect(r.body).not.toMatch(/総務部|企画部|target-/);
        }
      });
    }
  }
});

describe("a write without the CSRF token is refused even to an administrator", () => {
  for (const route of ROUTES.filter((r) => r.method !== "GET")) {
    it(route.name, async () => {
      const r = await f.app.inject({
        method: route.method,
        url: route.url(),
        headers: { cookie: sessions.get("admin")?.cookie ?? "" },
        ...(route.payload && { payload: route.payload() }),
      });
      expect(r.statusCode).toBe(403);
    });
  }
});
