// Opening the database for one command, with the configuration from the environment.
import os from "node:os";
import { loadConfig } from "../config.ts";
import { type DatabaseHandle, openDatabase } from "../db/connection.ts";
import { AppError } from "../errors.ts";
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

/**
 * When `e` is the refusal to open the configured embedded database because another process
 * holds it, that data directory and the refusal: a command may then go through the server
 * that holds it. Undefined for any other error, which the command reports as it is.
 */
export function heldDataDir(e: unknown): { dataDir: string; locked: AppError } | undefined {
  if (!(e instanceof AppError && e.code === "data_dir_locked")) return undefined;
  const { database } = loadConfig();
  return database.kind === "pglite" ? { dataDir: database.dataDir, locked: e } : undefined;
}
