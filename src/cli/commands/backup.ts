import type { Command } from "commander";
import { createBackupFile, writeBackupTo } from "../../services/backup/create-backup.ts";
import type { BackupHeader } from "../../services/backup/format.ts";
import { withDatabase } from "../context.ts";

function rowCount(header: BackupHeader): number {
  return header.tables.reduce((sum, t) => sum + t.rows, 0);
}

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description(
      "Write a consistent backup of the whole database (every municipality, account, revision " +
        "and audit event) as one gzip-compressed file (tassei.backup/v1). On PostgreSQL it runs " +
        "while the server runs; the embedded database must be stopped first (it is locked).",
    )
    .requiredOption("--out <file>", "the backup file to write, or - for standard output")
    .action(async (opts: { out: string }) => {
      await withDatabase("backup", async (ctx, handle) => {
        const started = performance.now();
        let header: BackupHeader;
        let size = "";
        if (opts.out === "-") {
          header = await writeBackupTo(ctx.db, process.stdout);
        } else {
          const written = await createBackupFile(ctx.db, opts.out);
          header = written.header;
          size = `, ${(written.bytes / 1024 / 1024).toFixed(1)} MB`;
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        process.stderr.write(
          `backup of ${handle.location} (schema ${header.schemaVersion}): ${rowCount(header)} rows ` +
            `in ${header.tables.length} tables → ${opts.out}${size}, ${seconds} s\n`,
        );
      });
    });
}
