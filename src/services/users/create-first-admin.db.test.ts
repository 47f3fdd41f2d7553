// The first start's administrator: created once, with a random password that signs in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { login } from "../auth/login.ts";
import { createFirstAdminIfNone } from "./create-first-admin.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.destroy());

describe("createFirstAdminIfNone", () => {
  it("creates `admin` once with a fresh random password that signs in", async () => {
    const first = await createFirstAdminIfNone(db.ctx);
    expect(first?.username).toBe("admin");
    expect(first?.password.length).toBeGreaterThanOrEqual(20);
    const signedIn = await login(db.ctx, {
      username: "admin",
      password: first?.password ?? "",
      ip: "127.0.0.1",
      now: new Date(),
    });
    expect(signedIn.ok).toBe(true);
    expect(await createFirstAdminIfNone(db.ctx)).toBeNull();
  });
});
