import type { Command } from "commander";
import type { AppError } from "../../errors.ts";
import { createBackupFile, writeBackupTo } from "../../services/backup/create-backup.ts";
import type { BackupHeader } from "../../services/backup/format.ts";
import { heldDataDir, withDatabase } from "../context.ts";
import { backupThroughServer } from "../online-backup.ts";

function rowCount(header: BackupHeader): number {
  return header.tables.reduce((sum, t) => sum + t.rows, 0);
}

export function registerBackup(program: Command): void {
  program
    .command("backup")
    .description(
      "Write a consistent backup of the whole database (every municipality, account, revision " +
        "and audit event) as one gzip-compressed file (tassei.backup/v1), while the server runs. " +
        "An embedded database in use by `tassei serve` is backed up through that server (the " +
        "socket tassei.sock in the data directory).",
    )
    .requiredOption("--out <file>", "the backup file to write, or - for standard output")
    .action(async (opts: { out: string }) => {
      try {
        await backupDirectly(opts.out);
      } catch (e) {
        const held = heldDataDir(e);
        if (!held) throw e;
        // The embedded database is open in a running server: the server streams the backup.
        await backupThroughRunningServer(held.dataDir, opts.out, held.locked);
      }
    });
}

async function backupDirectly(out: string): Promise<void> {
  await withDatabase("backup", async (ctx, handle) => {
    const started = performance.now();
    let header: BackupHeader;
    let size = "";
    if (out === "-") {
      header = await writeBackupTo(ctx.db, process.stdout);
    } else {
      const written = await createBackupFile(ctx.db, out);
      header = written.header;
      size = `, ${(written.bytes / 1024 / 1024).toFixed(1)} MB`;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `backup of ${handle.location} (schema ${header.schemaVersion}): ${rowCount(header)} rows ` +
        `in ${header.tables.length} tables → ${out}${size}, ${seconds} s\n`,
    );
  });
}

async function backupThroughRunningServer(
  dataDir: string,
  out: string,
  locked: AppError,
): Promise<void> {
  const started = performance.now();
  const online = await backupThroughServer(dataDir, out, locked);
  const size = online.bytes === undefined ? "" : `, ${(online.bytes / 1024 / 1024).toFixed(1)} MB`;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `backup of ${dataDir} through the running server (PID ${online.serverPid}, schema ` +
      `${online.summary.schemaVersion}): ${online.summary.rows} rows in ` +
      `${online.summary.tables} tables → ${out}${size}, ${seconds} s\n`,
  );
}
