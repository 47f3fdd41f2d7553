import { type Command, InvalidArgumentError } from "commander";
import { loadConfig } from "../../config.ts";
import { openDatabase, redactUrl } from "../../db/connection.ts";
import { copyDatabase } from "../../services/backup/copy-database.ts";
import { refused } from "../../services/backup/format.ts";
import { withDatabase } from "../context.ts";
import { printCounts } from "./restore.ts";

function parsePostgresUrl(value: string): string {
  if (!/^postgres(ql)?:\/\//.test(value)) {
    throw new InvalidArgumentError("must be a postgres:// or postgresql:// URL");
  }
  return value;
}

export function registerMigrateTo(program: Command): void {
  program
    .command("migrate-to")
    .description(
      "Move the embedded database (TASSEI_DATA_DIR) to a PostgreSQL server: creates the schema " +
        "there and copies everything in one transaction. Refuses a target that holds data " +
        "unless --force. Stop the server first; afterwards start it with DATABASE_URL=<url>.",
    )
    .argument(
      "<url>",
      "the target, e.g. postgres://tassei:…@127.0.0.1:5432/tassei",
      parsePostgresUrl,
    )
    .option("--force", "replace everything the target database holds", false)
    .action(async (url: string, opts: { force: boolean }) => {
      if (loadConfig().database.kind !== "pglite") {
        throw refused(
          "migrate-to は組み込みデータベースからの移行用です（DATABASE_URL が設定されています）。" +
            "サーバー間の移行には backup と restore を使ってください。 / migrate-to moves the embedded " +
            "database; between servers use backup and restore.",
        );
      }
      await withDatabase("migrate-to", async (ctx, source) => {
        const target = await openDatabase({ kind: "postgres", url, poolSize: 2 });
        try {
          const result = await copyDatabase(ctx.db, target.db, { force: opts.force });
          const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
          process.stderr.write(
            `copied ${rows} rows in ${result.tables.length} tables from ${source.location} to ${redactUrl(url)}:\n`,
          );
          printCounts(result);
          process.stderr.write(
            `next: start the server with DATABASE_URL set to the target (and keep ${source.location} as a fallback until you have checked it).\n`,
          );
        } finally {
          await target.close();
        }
      });
    });
}
