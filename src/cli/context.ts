// Opening the database for one command, with the configuration from the environment.
import os from "node:os";
import { loadConfig } from "../config.ts";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import type { ServiceContext } from "../services/context.ts";

export function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return "cli";
  }
}

export async function withDatabase<T>(
  purpose: string,
  fn: (ctx: ServiceContext, handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase(config.database, { purpose: `tassei ${purpose}` });
  try {
    return await fn({ db: handle.db, actor: cliActor() }, handle);
  } finally {
    await handle.close();
  }
}
