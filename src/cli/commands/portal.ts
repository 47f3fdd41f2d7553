import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../../config.ts";
import { type DatabaseHandle, openDatabase } from "../../db/connection.ts";
import { AppError } from "../../errors.ts";
import { withDatabase } from "../context.ts";
import { backupThroughServer } from "../online-backup.ts";
import { parseMunicipalityCode, parseNonEmpty } from "../options.ts";

interface ExportOptions {
  municipality: string;
  out: string;
}

export function registerPortal(program: Command): void {
  const cmd = program.command("portal").description("The public portal.");
  cmd
    .command("export")
    .description(
      "Write a municipality's public site — every page, chart and download, with a search that " +
        "runs in the browser — as files for any static web server, under any path (relative " +
        "links). Again into the same folder, only what changed is written; files the site no " +
        "longer has are removed. Prints one line per file: written<TAB>path or deleted<TAB>path. " +
        "An embedded database in use by `tassei serve` is read from a copy taken through it.",
    )
    .requiredOption("--municipality <code>", "全国地方公共団体コード", parseMunicipalityCode)
    .requiredOption("--out <dir>", "the folder to write (created if missing)", parseNonEmpty)
    .action(async (opts: ExportOptions) => {
      const config = loadConfig();
      try {
        await withDatabase("portal export", (_ctx, handle) => exportFrom(handle, opts));
      } catch (e) {
        const embedded = config.database.kind === "pglite" ? config.database.dataDir : undefined;
        if (!(e instanceof AppError && e.code === "data_dir_locked" && embedded)) throw e;
        await exportFromCopy(embedded, opts, e);
      }
    });
}

/**
 * The running server holds the embedded database: it writes a consistent backup through its
 * socket (as `tassei backup` does), which is restored into a scratch database to export from.
 * The server keeps serving meanwhile; the scratch copy is removed afterwards.
 */
async function exportFromCopy(dataDir: string, opts: ExportOptions, locked: AppError) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-portal-export-"));
  try {
    const file = path.join(scratch, "copy.backup.gz");
    const online = await backupThroughServer(dataDir, file, locked);
    process.stderr.write(
      `(reading a copy taken through the running server, PID ${online.serverPid})\n`,
    );
    const { restoreBackupFile } = await import("../../services/backup/restore-backup.ts");
    const handle = await openDatabase(
      { kind: "pglite", dataDir: path.join(scratch, "data") },
      { purpose: "tassei portal export (copy)" },
    );
    try {
      await restoreBackupFile(handle.db, file, { force: false });
      await exportFrom(handle, opts);
    } finally {
      await handle.close();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function exportFrom(handle: DatabaseHandle, opts: ExportOptions): Promise<void> {
  const { exportStaticPortal } = await import("../../services/portal/export-static-portal.ts");
  const { openPortalSource } = await import("../../server/portal/static-source.ts");
  const source = await openPortalSource(handle, opts.municipality);
  try {
    const r = await exportStaticPortal({
      municipalityCode: opts.municipality,
      outDir: opts.out,
      source,
    });
    for (const f of r.written) process.stdout.write(`written\t${f}\n`);
    for (const f of r.deleted) process.stdout.write(`deleted\t${f}\n`);
    for (const b of r.broken) {
      process.stderr.write(`warning: ${b.address} (linked from ${b.from}) answered ${b.status}\n`);
    }
    process.stderr.write(
      `${r.written.length} written, ${r.unchanged} unchanged, ${r.deleted.length} deleted\n`,
    );
  } finally {
    await source.close();
  }
}
