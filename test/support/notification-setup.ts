// Shared by the notification tests (not a test itself): one municipality with a manifesto in
// draft, an editor, a head and a planning account with e-mail addresses, and each one's
// StaffContext for calling the workflow services directly.
import { findUserById } from "../../src/db/repositories/users.ts";
import {
  type StaffContext,
  staffContext,
  toStaffUser,
} from "../../src/services/auth/staff-context.ts";
import { importManifesto } from "../../src/services/import-manifesto.ts";
import { createUser } from "../../src/services/users/create-user.ts";
import type { TestDatabase } from "./database.ts";
import { demoDocument } from "./fixtures.ts";

export const MUNICIPALITY = "242161";
export const PASSWORD = "correct horse battery staple";

export interface NotificationSetup {
  manifestoId: number;
  as(username: string): Promise<StaffContext>;
}

export async function notificationSetup(db: TestDatabase): Promise<NotificationSetup> {
  const { manifestoId } = await importManifesto(db.ctx, demoDocument());
  const accounts = [
    { username: "editor", role: "department_editor", department: "総務部" },
    { username: "head", role: "department_head", department: "総務部" },
    { username: "planning", role: "planning" },
  ];
  for (const a of accounts) {
    await createUser(db.ctx, {
      ...a,
      password: PASSWORD,
      municipalityCode: MUNICIPALITY,
      email: `${a.username}@city.iga.lg.jp`,
    });
  }
  return {
    manifestoId,
    async as(username) {
      const row = await db.ctx.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow();
      const user = await findUserById(db.ctx.db, row.id);
      if (!user) throw new Error(`no user ${username}`);
      return staffContext(db.ctx, toStaffUser(user));
    },
  };
}

export async function revisionOf(db: TestDatabase, id: number): Promise<number> {
  const row = await db.ctx.db
    .selectFrom("manifestos")
    .select("current_revision")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.current_revision;
}
