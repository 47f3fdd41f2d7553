// On the very first start there is no account, so nobody could sign in to create one. The
// server then creates the installation administrator `admin` with a random password and
// prints it once; there is never a fixed default password. An operator who prefers to choose
// the password runs `tassei user add --role admin …` before the first start.
import { randomBytes } from "node:crypto";
import { hasAnyUser } from "../../db/repositories/users.ts";
import { AppError } from "../../errors.ts";
import type { ServiceContext } from "../context.ts";
import { createUser } from "./create-user.ts";

export const FIRST_ADMIN_USERNAME = "admin";

export async function createFirstAdminIfNone(
  ctx: ServiceContext,
): Promise<{ username: string; password: string } | null> {
  if (await hasAnyUser(ctx.db)) return null;
  // 18 random bytes: 24 characters of base64url, far above the password policy's minimum.
  const password = randomBytes(18).toString("base64url");
  try {
    await createUser(ctx, {
      username: FIRST_ADMIN_USERNAME,
      displayName: "管理者",
      password,
      role: "admin",
      municipalityCode: null,
    });
  } catch (e) {
    // Another process starting at the same moment created it first (the name is unique).
    if ((e instanceof AppError && e.code === "conflict") || (await hasAnyUser(ctx.db))) {
      return null;
    }
    throw e;
  }
  return { username: FIRST_ADMIN_USERNAME, password };
}
