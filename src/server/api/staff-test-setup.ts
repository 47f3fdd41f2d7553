// Shared by the staff API's database tests (not a test itself): a database with two
// municipalities, two departments in the first, a manifesto in each, one account per role,
// and the app with the staff API registered, on a clock the test can move.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import type { SsoProvider } from "../../domain/sso-config.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { createUser } from "../../services/users/create-user.ts";
import { buildApp } from "../app.ts";

export const M1 = "242161"; // 伊賀市
export const M2 = "242021"; // 津市
export const PASSWORD = "correct horse battery staple";

export const ACCOUNTS = {
  viewer: { role: "viewer", municipalityCode: M1 },
  editor: { role: "department_editor", municipalityCode: M1, department: "総務部" },
  head: { role: "department_head", municipalityCode: M1, department: "総務部" },
  planning: { role: "planning", municipalityCode: M1 },
  admin: { role: "admin", municipalityCode: M1 },
  installation: { role: "admin", municipalityCode: null },
  otherAdmin: { role: "admin", municipalityCode: M2 },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

export function documentFor(place: "A" | "B" | "M2"): Record<string, unknown> {
  const doc = demoDocument();
  if (place === "B") doc.department = { ...(doc.department as object), name: "企画部" };
  if (place === "M2") doc.municipality = { code: M2, name: "津市", prefecture: "三重県" };
  return doc;
}

export interface StaffFixture {
  db: TestDatabase;
  app: FastifyInstance;
  ids: { A: number; B: number; M2: number };
  clock: { now: number };
  /** Signs in through the API; each call from its own address so the IP limit stays apart. */
  signIn(name: AccountName | string, password?: string): Promise<Session>;
  /** A request as a signed-in user: their cookie and CSRF token, a JSON body if given. */
  call(
    who: Session,
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** An account's id by its user name. */
  userId(username: string): Promise<number>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a request in this session, with the CSRF token. */
  headers: Record<string, string>;
}

let ipCounter = 1;
export function nextIp(): string {
  ipCounter += 1;
  return `10.0.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

export async function createStaffFixture(
  options: {
    loginLimits?: { perUsername: number; perIp: number; windowMs: number };
    ssoProviders?: readonly SsoProvider[];
    sessionIdleMs?: number;
  } = {},
): Promise<StaffFixture> {
  const db = await createTestDatabase();
  const ctx = db.ctx;
  const A = (await importManifesto(ctx, documentFor("A"))).manifestoId;
  const B = (await importManifesto(ctx, documentFor("B"))).manifestoId;
  const M2id = (await importManifesto(ctx, documentFor("M2"))).manifestoId;
  for (const [username, a] of Object.entries(ACCOUNTS)) {
    await createUser(ctx, { username, password: PASSWORD, ...a });
  }
  const clock = { now: Date.now() };
  const app = await buildApp({
    database: db.handle,
    logLevel: "silent",
    now: () => new Date(clock.now),
    ...(options.loginLimits && { loginLimits: options.loginLimits }),
    ...(options.ssoProviders && { ssoProviders: options.ssoProviders }),
    ...(options.sessionIdleMs !== undefined && { sessionIdleMs: options.sessionIdleMs }),
  });
  await app.ready();
  return {
    db,
    app,
    ids: { A, B, M2: M2id },
    clock,
    async signIn(name, password = PASSWORD) {
      const r = await app.inject({
        method: "POST",
        url: "/api/session",
        payload: { username: name, password },
        remoteAddress: nextIp(),
      });
      if (r.statusCode !== 200)
        throw new Error(`sign-in of ${name} failed: ${r.statusCode} ${r.body}`);
      const setCookie = String(r.headers["set-cookie"]);
      const cookie = setCookie.split(";")[0] ?? "";
      const csrfToken = r.json().csrfToken as string;
      return { cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
    },
    call(who, method, url, payload) {
      return app.inject({
        method,
        url,
        headers: who.headers,
        ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
      });
    },
    async userId(username) {
      const row = await ctx.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
