import type { Command } from "commander";
import type { RestoreResult } from "../../services/backup/restore-backup.ts";
import { restoreBackupFile } from "../../services/backup/restore-backup.ts";
import { withDatabase } from "../context.ts";

export function printCounts(result: RestoreResult): void {
  for (const t of result.tables) process.stderr.write(`  ${t.name}: ${t.rows}\n`);
}

export function registerRestore(program: Command): void {
  program
    .command("restore")
    .description(
      "Restore a backup written by `tassei backup` into this database (TASSEI_DATA_DIR or " +
        "DATABASE_URL), all in one transaction. Refuses a database that holds data unless " +
        "--force. Stop the server first.",
    )
    .argument("<file>", "the backup file, or - for standard input")
    .option("--force", "replace everything the database holds", false)
    .action(async (file: string, opts: { force: boolean }) => {
      await withDatabase("restore", async (ctx, handle) => {
        const result = await restoreBackupFile(
          ctx.db,
          file,
          { force: opts.force },
          file === "-" ? process.stdin : undefined,
        );
        const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
        process.stderr.write(
          `restored ${rows} rows in ${result.tables.length} tables into ${handle.location} ` +
            `(backup of ${result.createdAt}${result.replaced ? ", previous contents replaced" : ""}):\n`,
        );
        printCounts(result);
      });
    });
}
