// The first accounts of a municipality from a CSV (ユーザー名, 氏名, 役割, 部局, 初期パスワード).
// Every row is checked — format, role, department, names already taken — before any is
// written; then all are created in one transaction, each with its audit event.

import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { listDepartmentRecords } from "../../db/repositories/department-master.ts";
import { insertUser, usernameKey } from "../../db/repositories/users.ts";
import { parseAccountsCsv } from "../../domain/master-data/accounts-csv.ts";
import { canAdministerUsers } from "../../domain/permissions.ts";
import { comparisonKey } from "../../domain/text.ts";
import { AppError } from "../../errors.ts";
import { hashPassword } from "../auth/passwords.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { municipalityForMasterData, refuse } from "./access.ts";

export async function importAccounts(
  ctx: StaffContext,
  code: string,
  csv: string,
): Promise<{ created: { username: string; role: string }[] }> {
  await municipalityForMasterData(ctx, code, "manage");
  if (!canAdministerUsers(ctx.user))
    throw new AppError("forbidden", "アカウントを管理できるのは管理者だけです");
  const departments = (await listDepartmentRecords(ctx.db, code)).filter(
    (d) => d.retiredFromYear === null,
  );
  const departmentId = (v: string) => {
    const key = comparisonKey(v);
    return departments.find(
      (d) => comparisonKey(d.name) === key || (d.code !== null && comparisonKey(d.code) === key),
    )?.id;
  };
  const parsed = parseAccountsCsv(csv, (v) => departmentId(v) !== undefined);
  if (!parsed.ok) refuse("アカウントの CSV に問題があります", parsed.problems);
  const keys = parsed.rows.map((r) => usernameKey(r.username));
  const taken = await ctx.db
    .selectFrom("users")
    .select(["username", "username_key"])
    .where("username_key", "in", keys)
    .execute();
  if (taken.length > 0) {
    refuse(
      "アカウントの CSV に問題があります",
      parsed.rows
        .filter((r) => taken.some((t) => t.username_key === usernameKey(r.username)))
        .map((r) => ({
          path: `${r.line}行目 ユーザー名`,
          message: `「${r.username}」はすでに使われています`,
        })),
    );
  }
  const hashes: string[] = [];
  for (const r of parsed.rows) hashes.push(await hashPassword(r.password));
  await ctx.db.transaction().execute(async (tx) => {
    for (const [i, r] of parsed.rows.entries()) {
      const department = r.department === null ? null : (departmentId(r.department) ?? null);
      const id = await insertUser(tx, {
        username: r.username,
        displayName: r.displayName,
        passwordHash: hashes[i] as string,
        role: r.role,
        municipalityCode: code,
        departmentId: department,
      });
      await recordAuditEvent(tx, {
        actor: ctx.actor,
        action: "user.created",
        municipalityCode: code,
        detail: {
          userId: id,
          username: r.username,
          role: r.role,
          departmentId: department,
          source: "csv",
        },
      });
    }
  });
  return { created: parsed.rows.map((r) => ({ username: r.username, role: r.role })) };
}
