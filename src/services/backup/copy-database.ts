// Moves an installation from one database to another (the embedded one to a PostgreSQL
// server): the backup of the source streams straight into the restore on the target, with
// no file in between and bounded memory. The target is written in one transaction.
import { PassThrough } from "node:stream";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { writeBackup } from "./create-backup.ts";
import { linesOf } from "./format.ts";
import { type RestoreOptions, type RestoreResult, restoreBackup } from "./restore-backup.ts";

export async function copyDatabase(
  source: Kysely<Database>,
  target: Kysely<Database>,
  options: Pick<RestoreOptions, "force"> = {},
): Promise<RestoreResult> {
  const pipe = new PassThrough({ highWaterMark: 1024 * 1024 });
  // Whichever side fails first stops the other: a refused target ends the source's
  // snapshot, a failed read ends the target's transaction (rolled back).
  const backup = writeBackup(source, pipe).then(
    (header) => {
      pipe.end();
      return header;
    },
    (e: unknown) => {
      pipe.destroy(e as Error);
      throw e;
    },
  );
  const restore = restoreBackup(target, linesOf(pipe, "the source database"), {
    ...options,
    source: "the source database",
  }).catch((e: unknown) => {
    pipe.destroy(e as Error);
    throw e;
  });
  const [read, written] = await Promise.allSettled([backup, restore]);
  if (written.status === "rejected") throw written.reason;
  if (read.status === "rejected") throw read.reason;
  return written.value;
}
